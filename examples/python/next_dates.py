#!/usr/bin/env python3
"""What is next for one principal, and what the checks say, from Python.

    python3 next_dates.py --library /usr/local/lib/libcycle_c.so eda --from 2026-09-01
    python3 next_dates.py --library ... --plugin-dir plugins --plan plans/2026.toml --year 2026 eda

Prints the dated occurrences that concern PRINCIPAL, then the findings of
every checker (the built-in ones and those in --plugin-dir), as
"file:line:col: severity: message [rule]". Exit status: 0, 1 when a check
reports an error that is not waived, 2 when the library says no.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cycle_ctypes import Cycle, CycleError  # noqa: E402


def place(f):
    where = f["file"]
    if f["line"]:
        where += f":{f['line']}" + (f":{f['column']}" if f["column"] else "")
    return where


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("principal", help="body id, e.g. eda")
    ap.add_argument("--library", default=os.environ.get("CYCLE_C_LIBRARY"), help="path to libcycle_c.so")
    ap.add_argument("--calendar", help="calendar TOML (default: the built-in wheel)")
    ap.add_argument("--plan", help="plan file with fixed dates")
    ap.add_argument("--year", type=int, default=0, help="cycle year (default: the whole cycle)")
    ap.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
    ap.add_argument("--to", dest="end", help="last day, YYYY-MM-DD")
    ap.add_argument("--plugin-dir", action="append", default=[], help="load the plugins in DIR")
    args = ap.parse_args()

    try:
        cycle = Cycle(args.library)
        plan_toml = open(args.plan, encoding="utf-8").read() if args.plan else None
        with (cycle.load_calendar(args.calendar) if args.calendar else cycle.default_calendar()) as cal, \
                cal.plan(args.year, plan_toml, args.plan) as plan, cycle.plugins() as plugins:
            for d in args.plugin_dir:
                try:
                    plugins.load(d)
                except CycleError as e:  # the others are loaded
                    print(f"warning: {e}", file=sys.stderr)
            result = plan.query(args.principal, args.start, args.end)
            print(f"libcycle {cycle.version}: {result['calendar']['title']}, for {args.principal}")
            for o in result["occurrences"]:
                print(f"{o['date']}  v. {o['week']:<2}  {o['title']}")
            checkers = [p["provides"] for p in plugins.list() if p["kind"] == "checker"]
            findings = plugins.check(plan)
            print(f"checks ({', '.join(checkers) or 'no checker loaded'}): {len(findings)} finding(s)")
            for f in findings:
                waived = f" (waived: {f['waiver_reason']})" if f["waived"] else ""
                print(f"{place(f)}: {f['severity']}: {f['message']} [{f['rule']}]{waived}")
            failed = any(f["severity"] == "error" and not f["waived"] for f in findings)
            return 1 if failed else 0
    except CycleError as e:
        print(e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
