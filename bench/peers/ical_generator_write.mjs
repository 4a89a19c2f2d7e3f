// ical-generator (npm, pinned in package-lock.json) writes the feed of a plan:
// the same events, times, texts and UIDs as `cycle export ics`.
//
//   node bench/peers/ical_generator_write.mjs plan.json out.ics
import { readFileSync, writeFileSync } from 'node:fs';
import ical from 'ical-generator';

const [planPath, outPath] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const zone = plan.calendar.time_zone;
const stamp = new Date(Date.UTC(2026, 0, 1));
const cal = ical({ name: plan.calendar.title, prodId: '//bench//ical-generator//SV', timezone: zone });
for (const o of plan.occurrences) {
  const member = o.member ?? 'all';
  const event = {
    id: `${o.event}.${o.cycle_year}.${member}@${plan.calendar.id}`,
    stamp,
    summary: o.title,
    description: `${o.explanation}\n\nKälla: ${o.source}`,
    categories: [{ name: o.kind }, { name: o.organiser ?? '' }, { name: member }],
    sequence: 0,
    lastModified: stamp,
  };
  if (o.all_day) {
    Object.assign(event, { start: new Date(`${o.date}T00:00:00Z`), end: new Date(`${o.end_date}T00:00:00Z`), allDay: true });
  } else {
    // Local wall-clock times in the calendar's zone (DTSTART;TZID=...).
    Object.assign(event, { start: new Date(`${o.date}T${o.start}:00Z`), end: new Date(`${o.end_date}T${o.end}:00Z`), floating: false, timezone: zone });
  }
  cal.createEvent(event);
}
writeFileSync(outPath, cal.toString());
