"""Parses .ics files with python3-icalendar and prints one line per VEVENT,
in the format of tests/js/parse-ics.mjs, so the test can compare two
independent parsers:
  FILE <name> | <calendar name>
  uid|start|end|sequence|transp|"summary"|"description"|"categories"
Timed starts and ends are UTC ("2026-05-13T07:00:00Z"); dates "2026-09-01".
Run with the system /usr/bin/python3 (Debian's python3-icalendar)."""
import datetime
import json
import os
import sys

import icalendar


def when(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit(f"floating time {value}: TZID not resolved")
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def text(value):
    return json.dumps(str(value), ensure_ascii=False)


def categories(event):
    props = event.get("CATEGORIES")
    if props is None:
        return ""
    if not isinstance(props, list):
        props = [props]
    return ",".join(str(c) for p in props for c in p.cats)


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    if cal.errors:
        raise SystemExit(f"{path}: {cal.errors}")
    print(f"FILE {os.path.basename(path)} | {cal.get('X-WR-CALNAME')}")
    for event in cal.walk("VEVENT"):
        if event.errors:
            raise SystemExit(f"{path}: {event.errors}")
        print("|".join([
            str(event["UID"]), when(event["DTSTART"]), when(event["DTEND"]),
            str(event.get("SEQUENCE", 0)), str(event.get("TRANSP")), text(event["SUMMARY"]),
            text(event.get("DESCRIPTION", "")), text(categories(event)),
        ]))
