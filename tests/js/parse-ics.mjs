// Parses .ics files with ical.js (Mozilla Thunderbird's parser) and prints
// one line per VEVENT, in the format of tests/tools/parse_ics.py, so the test
// can compare two independent parsers:
//   FILE <name> | <calendar name>
//   uid|start|end|sequence|transp|"summary"|"description"|"categories"
// Timed starts and ends are UTC ("2026-05-13T07:00:00Z"), resolved through the
// feed's own VTIMEZONE; dates are "2026-09-01".
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import ICAL from 'ical.js';

function when(t) {
  if (t.isDate) return t.toString();
  return t.toJSDate().toISOString().replace('.000Z', 'Z');
}

for (const file of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  if (root.name !== 'vcalendar') throw new Error(`${file}: not a VCALENDAR`);
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  // ical.js does not know X-WR-CALNAME, so it leaves the value as written;
  // RFC 5545 3.8.8.2 makes TEXT the default type of such properties.
  const name = ICAL.design.icalendar.value.text.fromICAL(root.getFirstPropertyValue('x-wr-calname'));
  console.log(`FILE ${basename(file)} | ${name}`);
  for (const v of root.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    const cats = v.getAllProperties('categories').flatMap((p) => p.getValues());
    console.log([e.uid, when(e.startDate), when(e.endDate), e.sequence,
                 v.getFirstPropertyValue('transp'), JSON.stringify(e.summary),
                 JSON.stringify(e.description), JSON.stringify(cats.join(','))].join('|'));
  }
}
