#!/usr/bin/python3
"""The CI-sized growth check: plans, exports, imports and checks a generated
wheel of 10,000 events and then of 40,000 (grown by years; planning and checking
also grown by members, planning by event templates) and fails when any step's time grows
more than 8x for the 4x more work: a quadratic step, not noise. Absolute
times are never compared, so a slow or busy machine does not fail it.

    /usr/bin/python3 bench/growth_check.py path/to/cycle WORK_DIR

Time is the CPU time (user + system) of the process, which another process
on the machine disturbs far less than wall time; each step is the best of
three runs (with two, a 10,000-event plan measured at 0.11 s once and
0.17-0.20 s otherwise under a parallel build: 9.6x for a step that grows 5-6x),
and of up to nine when it is short (checking 10,000 events takes 0.05 s). Exit 0 when every step grows at most 8x, 1 otherwise.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure  # noqa: E402

SMALL, LARGE = 10_000, 40_000
MAX_GROWTH = 8.0
# (axis, steps, shape of the small run, shape of the large run): (members, templates, years)
CASES = [
    ("years", ["plan", "export", "import", "check"], (50, 20, 10), (50, 20, 40)),
    ("members", ["plan", "check"], (500, 20, 1), (2000, 20, 1)),
    ("templates", ["plan"], (50, 200, 1), (50, 800, 1)),
]


def steps(cycle, d):
    cal = d / "wheel.toml"
    return {
        "plan": ([cycle, "plan", "--calendar", cal, "--cycle", "--format", "plan", "--force", "--out", d / "plan.toml"], None),
        "export": ([cycle, "export", "ics", "--calendar", cal, "--cycle", "--out", d / "feed" / "all.ics"], d / "feed"),
        "import": ([cycle, "import", "ics", "--calendar", cal, d / "feed" / "all.ics", "--out", d / "import" / "plan.toml"], d / "import"),
        "check": ([cycle, "check", "--calendar", cal, d / "plan.toml"], None),
    }


def cpu_time(cmd, d, fresh):
    """The least CPU time of at least three runs. A short step runs until it
    has spent two seconds of CPU (at most nine runs): a busy machine's noise is
    a larger share of a 0.05 s run than of a 0.5 s one, and the least of
    more runs is nearer the step's own cost."""
    best, spent, runs = None, 0.0, 0
    while runs < 3 or (spent < 2.0 and runs < 9):
        if fresh:
            # The import reads the export's feed: only clear what this step writes.
            measure.shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir(parents=True)
        status, _, _, cpu = measure.run([str(c) for c in cmd], True, d)
        if status != "ok":
            return None, status
        best = cpu if best is None else min(best, cpu)
        spent, runs = spent + cpu, runs + 1
    return best, "ok"


def main():
    cycle, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    failed = False
    for axis, names, small, large in CASES:
        times = {}
        for label, (members, templates, years) in (("small", small), ("large", large)):
            d = work / f"{axis}-{label}"
            d.mkdir(parents=True, exist_ok=True)
            with open(d / "wheel.toml", "w", encoding="utf-8") as f:
                f.write(measure_calendar(members, templates, years))
            for name in names:
                cmd, fresh = steps(cycle, d)[name]
                seconds, status = cpu_time(cmd, d, fresh)
                if status != "ok":
                    print(f"{axis} {name} ({label}): {status}")
                    failed = True
                times[(name, label)] = seconds
        for name in names:
            a, b = times.get((name, "small")), times.get((name, "large"))
            if a is None or b is None:
                continue
            growth = b / max(a, 0.001)
            verdict = "ok" if growth <= MAX_GROWTH else f"FAIL: more than {MAX_GROWTH:g}x"
            print(f"{axis:9} {name:7} {SMALL:,} -> {LARGE:,} events: "
                  f"{a:.2f} s -> {b:.2f} s CPU, {growth:.1f}x  {verdict}")
            failed |= growth > MAX_GROWTH
    return 1 if failed else 0


def measure_calendar(members, templates, years):
    import gen_calendar
    return gen_calendar.calendar(members, templates, years)


if __name__ == "__main__":
    sys.exit(main())
