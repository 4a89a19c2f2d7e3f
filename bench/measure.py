#!/usr/bin/python3
"""Runs cycle and its peers side by side on generated wheels and writes the
results: bench/results/latest.md (tables and ratios), latest.json (every
measurement) and growth.svg (time against size, one line per tool).

Called by bench/run, which installs the peers and builds cycle first:

    /usr/bin/python3 bench/measure.py --cycle build/release/cli/cycle \
        --peers build/bench/peers --work build/bench/work --out bench/results [--quick]

Each command runs alone (nothing else of ours at the same time), with a fresh
output folder. Time is wall-clock seconds (best of three for the small sizes),
memory the peak resident set of that process, both read from the kernel's
rusage of the child (os.wait4), so no wrapper is counted.
"""
import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIMEOUT_S = 900
CYCLE_ADDRESS_LIMIT = 16 << 30  # bytes; the machine has 24 GiB

# (axis, members, templates, years): 50 x 20 x 1 = 1,000 events is the base,
# grown along one axis at a time. Years stop at 100 (holidays end in 2200).
WORKLOADS = {
    "years": [(50, 20, y) for y in (1, 10, 100)],
    "members": [(m, 20, 1) for m in (50, 500, 5000, 50000)],
    "templates": [(50, t, 1) for t in (20, 200, 2000, 20000)],
}
# Work each axis measures. The peers write and parse feeds, which grow the
# same way whatever made the events, so they run on the years axis only.
CYCLE_WORK = {
    "years": ["plan", "export-one", "export-all", "import", "check"],
    "members": ["plan", "export-one", "check"],
    "templates": ["plan", "export-one", "check"],
}
PEER_WORK = ["python-icalendar write", "ical-generator write", "libical parse", "python-icalendar parse"]
PEER_LIMIT = 100_000  # python-icalendar needs ~29 GiB for a million events

# Targets of issue 12, at 100,000 events.
TARGETS = {
    "export-one": (0.5, 150),
    "export-all": (1.5, None),
    "plan": (0.3, None),
    "check": (0.3, None),
}


def run(cmd, limit_memory, cwd, ok_codes=(0,)):
    """Runs cmd; returns (status, seconds, peak MiB, cpu seconds)."""
    def limits():
        os.setsid()
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (CYCLE_ADDRESS_LIMIT, CYCLE_ADDRESS_LIMIT))

    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=limits)
    deadline = start + TIMEOUT_S
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            os.wait4(proc.pid, 0)
            return "timeout", None, None, None
        time.sleep(0.005)
    seconds = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        kind = "out of memory" if "bad_alloc" in err or "memory" in err.lower() else f"exit {code}"
        sys.stderr.write(f"  {' '.join(map(str, cmd))}: {kind}: {err.strip()[:300]}\n")
        return kind, None, None, None
    return "ok", seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure(cmd, events, limit_memory=False, cwd=None, fresh=None, ok_codes=(0,)):
    """Best of three below 10,000 events, else one run."""
    best = None
    for _ in range(3 if events < 10_000 else 1):
        if fresh:
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir(parents=True)
        result = run(cmd, limit_memory, cwd, ok_codes)
        if result[0] != "ok":
            return result
        if best is None or result[1] < best[1]:
            best = result
    return best


def cycle_commands(cycle, d):
    cal, plan_json, plan_toml = d / "wheel.toml", d / "plan.json", d / "plan.toml"
    return {
        "plan": ([cycle, "plan", "--calendar", cal, "--cycle", "--format", "json", "--out", plan_json], None),
        "export-one": ([cycle, "export", "ics", "--calendar", cal, "--cycle", "--out", d / "one" / "all.ics"], d / "one"),
        "export-all": ([cycle, "export", "ics", "--calendar", cal, "--cycle", "--all-audiences", "--out", d / "all"], d / "all"),
        "import": ([cycle, "import", "ics", "--calendar", cal, d / "feed.ics", "--out", d / "import" / "plan.toml"], d / "import"),
        "check": ([cycle, "check", "--calendar", cal, plan_toml], None),
    }


def peer_commands(peers, d):
    return {
        "python-icalendar write": ["/usr/bin/python3", HERE / "peers" / "pyical_write.py", d / "plan.json", d / "peer-py.ics"],
        "ical-generator write": ["node", peers / "ical_generator_write.mjs", d / "plan.json", d / "peer-ig.ics"],
        "libical parse": [peers / "libical_parse", d / "feed.ics"],
        "python-icalendar parse": ["/usr/bin/python3", HERE / "peers" / "pyical_parse.py", d / "feed.ics"],
    }


def prepare(cycle, d, members, templates, years):
    """The calendar, its plan (JSON for the peers, a plan file for check) and its feed."""
    d.mkdir(parents=True, exist_ok=True)
    with open(d / "wheel.toml", "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, HERE / "gen_calendar.py", "--members", str(members),
                        "--templates", str(templates), "--years", str(years)], stdout=f, check=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    for args in (["plan", "--format", "json", "--out", d / "plan.json"],
                 ["plan", "--format", "plan", "--force", "--out", d / "plan.toml"]):
        subprocess.run([cycle, args[0], "--calendar", d / "wheel.toml", "--cycle", *args[1:]],
                       env=env, check=True, stdout=subprocess.DEVNULL)
    feed_dir = d / "feed"
    shutil.rmtree(feed_dir, ignore_errors=True)
    feed_dir.mkdir()
    subprocess.run([cycle, "export", "ics", "--calendar", d / "wheel.toml", "--cycle", "--out", feed_dir / "all.ics"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    shutil.copy(feed_dir / "all.ics", d / "feed.ics")


def main():
    parser = argparse.ArgumentParser(description="cycle against its peers, side by side")
    parser.add_argument("--cycle", required=True, type=Path)
    parser.add_argument("--peers", required=True, type=Path, help="folder with libical_parse and node_modules")
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--quick", action="store_true", help="only up to 10,000 events")
    parser.add_argument("--max-events", type=int, default=1_000_000)
    args = parser.parse_args()
    cycle = args.cycle.resolve()
    # Commands run in their workload's folder: every path they get is absolute.
    args.work = args.work.resolve()
    limit = 10_000 if args.quick else args.max_events

    results = []
    for axis, shapes in WORKLOADS.items():
        for members, templates, years in shapes:
            events = members * templates * years
            if events > limit:
                continue
            d = args.work / f"{axis}-{events}"
            print(f"{axis}: {members} members x {templates} templates x {years} years = {events:,} events", flush=True)
            try:
                prepare(cycle, d, members, templates, years)
            except subprocess.CalledProcessError as e:
                print(f"  could not prepare: {e}", flush=True)
                results.append(dict(axis=axis, events=events, tool="cycle", work="plan", status="failed to plan"))
                continue
            commands = cycle_commands(cycle, d)
            for work in CYCLE_WORK[axis]:
                cmd, fresh = commands[work]
                # check exits 1 when it finds something: a result, not a failure
                # (grown by templates, 2,000 timed meetings a member a year overlap).
                ok_codes = (0, 1) if work == "check" else (0,)
                status, sec, mib, cpu = measure([str(c) for c in cmd], events, True, d, fresh, ok_codes)
                results.append(dict(axis=axis, events=events, tool="cycle", work=work,
                                    status=status, seconds=sec, peak_mib=mib, cpu_seconds=cpu))
                print(f"  cycle {work}: {status} {fmt_time(sec)} {fmt_mib(mib)}", flush=True)
            if axis == "years" and events <= PEER_LIMIT:
                for work, cmd in peer_commands(args.peers.resolve(), d).items():
                    env_cwd = args.peers.resolve()  # node finds node_modules from here
                    status, sec, mib, cpu = measure([str(c) for c in cmd], events, False, env_cwd)
                    results.append(dict(axis=axis, events=events, tool=work.split()[0], work=work,
                                        status=status, seconds=sec, peak_mib=mib, cpu_seconds=cpu))
                    print(f"  {work}: {status} {fmt_time(sec)} {fmt_mib(mib)}", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    meta = machine()
    (args.out / "latest.json").write_text(json.dumps(dict(machine=meta, results=results), indent=1) + "\n")
    (args.out / "latest.md").write_text(report(meta, results))
    plot(results, args.out / "growth.svg")
    print(f"wrote {args.out / 'latest.md'}, latest.json and growth.svg")


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    rev = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return dict(date=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), cpu=cpu, cores=os.cpu_count(),
                load=os.getloadavg()[0], commit=rev, python=platform.python_version())


def fmt_time(s):
    return "—" if s is None else (f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s")


def fmt_mib(m):
    return "" if m is None else (f"{m:.0f} MiB" if m < 1024 else f"{m / 1024:.2f} GiB")


def cell(r):
    if r is None:
        return ""
    if r["status"] != "ok":
        return r["status"]
    return f"{fmt_time(r['seconds'])} (CPU {fmt_time(r.get('cpu_seconds'))}), {fmt_mib(r['peak_mib'])}"


def busy(r):
    """The time a target is judged on: CPU time (user + system) of the
    process. On a machine others share, wall time also counts the time the
    process waited for a core; CPU time is what the work itself cost."""
    return r.get("cpu_seconds") or r["seconds"]


def report(meta, results):
    find = {(r["axis"], r["events"], r["work"]): r for r in results}
    lines = ["# Latest benchmark run", "",
             f"{meta['date']}, commit {meta['commit']}, {meta['cores']} cores ({meta['cpu']}), "
             f"load {meta['load']:.1f} at the start. Release build. Wall time and peak resident memory "
             "of each process, with its CPU time (user + system) in brackets; best of three below "
             "10,000 events. Ratios and targets are taken on CPU time: on a shared machine wall "
             "time also counts waiting for a core.", ""]
    for axis, shapes in WORKLOADS.items():
        sizes = sorted({r["events"] for r in results if r["axis"] == axis})
        if not sizes:
            continue
        works = [w for w in CYCLE_WORK[axis]] + (PEER_WORK if axis == "years" else [])
        lines += [f"## Grown by {axis}", "",
                  "| work | " + " | ".join(f"{s:,} events" for s in sizes) + " |",
                  "|---|" + "---|" * len(sizes)]
        for w in works:
            label = w if w in PEER_WORK else f"cycle {w}"
            lines.append(f"| {label} | " + " | ".join(cell(find.get((axis, s, w))) for s in sizes) + " |")
        lines.append("")
    lines += ratios(find)
    lines += targets(find)
    lines += ["![time against size](growth.svg)", ""]
    return "\n".join(lines)


def ratios(find):
    """Peer time (and memory) over cycle's for the same work on the largest shared size."""
    sizes = sorted({e for (a, e, w) in find if a == "years" and e <= PEER_LIMIT})
    if not sizes:
        return []
    n = sizes[-1]
    pairs = [("write one feed", "export-one", "python-icalendar write"),
             ("write one feed", "export-one", "ical-generator write"),
             ("import / parse a feed", "import", "libical parse"),
             ("import / parse a feed", "import", "python-icalendar parse")]
    out = [f"## Ratios at {n:,} events (peer ÷ cycle; above 1 means cycle is faster or smaller)", "",
           "| work | peer | time ratio | memory ratio |", "|---|---|---|---|"]
    for label, ours, peer in pairs:
        a, b = find.get(("years", n, ours)), find.get(("years", n, peer))
        if a and b and a["status"] == b["status"] == "ok":
            out.append(f"| {label} | {peer.split()[0]} | {busy(b) / busy(a):.2f}× | "
                       f"{b['peak_mib'] / a['peak_mib']:.2f}× |")
    return out + [""]


def targets(find):
    out = ["## Targets (issue 12) at 100,000 events", "", "| target | measured | met |", "|---|---|---|"]
    for axis in WORKLOADS:
        for work, (limit_s, limit_mib) in TARGETS.items():
            r = find.get((axis, 100_000, work))
            if r is None:
                continue
            ok = r["status"] == "ok" and busy(r) <= limit_s and (limit_mib is None or r["peak_mib"] <= limit_mib)
            want = f"{work} ({axis}) ≤ {limit_s} s" + (f", ≤ {limit_mib} MiB" if limit_mib else "")
            out.append(f"| {want} | {cell(r)} | {'yes' if ok else 'no'} |")
    imp, lib = find.get(("years", 100_000, "import")), find.get(("years", 100_000, "libical parse"))
    if imp and lib and imp["status"] == lib["status"] == "ok":
        t, m = busy(imp) / busy(lib), imp["peak_mib"] / lib["peak_mib"]
        out.append(f"| import ≤ 1.1× libical's parse (time, memory) | {t:.2f}×, {m:.2f}× | "
                   f"{'yes' if t <= 1.1 and m <= 1.1 else 'no'} |")
    return out + [""]


def plot(results, path):
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(WORKLOADS), figsize=(15, 5), sharey=True)
    for ax, axis in zip(axes, WORKLOADS):
        series = {}
        for r in results:
            if r["axis"] == axis and r["status"] == "ok":
                label = r["work"] if r["tool"] != "cycle" else f"cycle {r['work']}"
                series.setdefault(label, []).append((r["events"], busy(r)))
        for label, pts in sorted(series.items()):
            pts.sort()
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o",
                    linestyle="-" if label.startswith("cycle") else "--", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(f"grown by {axis}")
        ax.set_xlabel("events")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    axes[0].set_ylabel("CPU seconds (user + system)")
    fig.suptitle("Time against size: a line parallel to the others grows at the same rate; steeper is worse")
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None})
    plt.close(fig)


if __name__ == "__main__":
    main()
