#!/usr/bin/python3
"""Reference dates from independent Python libraries, for the holiday tests.

    reference_dates.py easter FIRST LAST    one YYYY-MM-DD per year (dateutil)
    reference_dates.py holidays FIRST LAST  YYYY-MM-DD<TAB>name per holiday
                                            (python3-holidays, Sweden)

python-holidays joins the names of two holidays on the same day with ", "
("Kristi himmelsfärdsdag, Första maj"); they are split here into one line each.
"""
import sys

from dateutil.easter import easter


def main(argv):
    if len(argv) != 4 or argv[1] not in ("easter", "holidays"):
        sys.exit("usage: reference_dates.py {easter|holidays} FIRST LAST")
    first, last = int(argv[2]), int(argv[3])
    years = range(first, last + 1)
    if argv[1] == "easter":
        for y in years:
            print(easter(y).isoformat())
    else:
        import holidays
        cal = holidays.Sweden(years=list(years), include_sundays=False)
        for day, names in sorted(cal.items()):
            for name in names.split(", "):
                print(f"{day.isoformat()}\t{name}")


if __name__ == "__main__":
    main(sys.argv)
