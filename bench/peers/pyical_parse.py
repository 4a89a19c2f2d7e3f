#!/usr/bin/python3
"""python-icalendar parses a feed and counts its events.

    /usr/bin/python3 bench/peers/pyical_parse.py feed.ics
"""
import sys

import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(sum(1 for c in cal.walk("VEVENT")))
