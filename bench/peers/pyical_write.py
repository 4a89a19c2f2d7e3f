#!/usr/bin/python3
"""python-icalendar (Debian's python3-icalendar) writes the feed of a plan:
the same events, times, texts and UIDs as `cycle export ics`.

    /usr/bin/python3 bench/peers/pyical_write.py plan.json out.ics
"""
import datetime as dt
import json
import sys
import zoneinfo

import icalendar


def main(plan_path: str, out_path: str) -> None:
    plan = json.load(open(plan_path, encoding="utf-8"))
    zone = zoneinfo.ZoneInfo(plan["calendar"]["time_zone"])
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//bench//python-icalendar//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", plan["calendar"]["title"])
    for o in plan["occurrences"]:
        ev = icalendar.Event()
        member = o["member"] or "all"
        ev.add("uid", f"{o['event']}.{o['cycle_year']}.{member}@{plan['calendar']['id']}")
        ev.add("dtstamp", stamp)
        day = dt.date.fromisoformat(o["date"])
        if o["all_day"]:
            ev.add("dtstart", day)
            ev.add("dtend", dt.date.fromisoformat(o["end_date"]) + dt.timedelta(days=1))
        else:
            start = dt.time.fromisoformat(o["start"])
            end = dt.time.fromisoformat(o["end"])
            ev.add("dtstart", dt.datetime.combine(day, start, tzinfo=zone))
            ev.add("dtend", dt.datetime.combine(dt.date.fromisoformat(o["end_date"]), end, tzinfo=zone))
        ev.add("summary", o["title"])
        ev.add("description", f"{o['explanation']}\n\nKälla: {o['source']}")
        ev.add("categories", [o["kind"], o["organiser"] or "", member])
        ev.add("status", "CONFIRMED")
        ev.add("sequence", 0)
        ev.add("last-modified", stamp)
        cal.add_component(ev)
    with open(out_path, "wb") as out:
        out.write(cal.to_ical())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
