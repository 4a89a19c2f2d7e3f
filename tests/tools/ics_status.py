"""Prints "uid|STATUS|sequence" for every VEVENT of an .ics file, as
python3-icalendar reads it (tests/ical_test.cpp: cancelled events in feeds).
Run with the system /usr/bin/python3 (Debian's python3-icalendar)."""
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
if cal.errors:
    raise SystemExit(f"{sys.argv[1]}: {cal.errors}")
for event in cal.walk("VEVENT"):
    if event.errors:
        raise SystemExit(f"{sys.argv[1]}: {event.errors}")
    event.decoded("DTSTART")
    print(f"{event['UID']}|{event.get('STATUS')}|{event.get('SEQUENCE', 0)}")
