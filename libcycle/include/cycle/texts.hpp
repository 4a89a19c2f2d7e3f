// texts.hpp — the fixed texts a reader of a plan sees (the wheel, the
// published site, the calendar feeds, the `cycle plan` and `cycle due`
// tables), in the calendar's language. Diagnostics and explanations of
// choices stay English, like a compiler's; JSON keys and values that
// programs read (dates, ids, "planned") do not change with the language.
//
// Two catalogues, Swedish ("sv", the built-in wheels) and English ("en");
// another language falls back to English.
//
//   const auto& t = cycle::texts_for(cal.language);
//   t.months[4]              // "maj"
//   cycle::long_date(t, d)   // "tisdag 12 maj 2026"
#pragma once

#include <date/date.h>

#include <array>
#include <string>
#include <string_view>

namespace cycle {

struct texts {
    std::string_view language;                      // "sv", "en": the HTML lang attribute
    std::array<std::string_view, 12> months;        // "januari" ...
    std::array<std::string_view, 12> months_short;  // "jan" ...
    std::array<std::string_view, 7> weekdays;       // Sunday first, as date::weekday
    std::string_view week;                          // "v." as in "v. 44"
    std::string_view cycle_year;                    // "Cykelår {} av {}"
    std::string_view today;                         // "Idag"
    std::string_view legend;                        // "Teckenförklaring"
    std::string_view legend_window;                 // "Period (båge)"
    std::string_view legend_day;                    // "Dag (punkt)"
    std::string_view legend_deadline;               // "Sista dag"
    std::string_view wheel_title;                   // "Årshjul {}" ({} = year)
    std::string_view wheel_desc;                    // "{} händelser ..." ({} = count)
    std::string_view items;                         // "Alla händelser"
    std::string_view no_later_than;                 // "senast {}"
    std::string_view conferences;                   // ring of conferences
    std::string_view other;                         // ring of what has no organiser
    // The published site.
    std::string_view coming;    // "Kommande"
    std::string_view due_soon;  // "Snart ska detta vara klart"
    std::string_view nothing;   // "Inget."
    std::string_view date;      // column headings
    std::string_view what;
    std::string_view who;
    std::string_view subscribe;  // "Prenumerera"
    std::string_view subscribe_help;
    std::string_view subscribe_webcal;  // link texts
    std::string_view subscribe_https;
    std::string_view subscribe_outlook;
    std::string_view subscribe_google;
    std::string_view no_base_url;    // links that need --base-url
    std::string_view audiences;      // "Vem gäller det?"
    std::string_view all_events;     // "Alla händelser {}"
    std::string_view wheels;         // "Årshjul per år"
    std::string_view download_plan;  // "Planen som JSON"
    std::string_view back;           // "Till startsidan"
    std::string_view status_as_of;   // "Läget {}"
    std::string_view cancelled;      // "inställt"
    std::string_view held;           // "genomfört"
    // The `cycle plan` table.
    std::array<std::string_view, 7> weekdays_short;  // "sön" ... as date::weekday
    std::string_view week_column;                    // "Vecka"
    std::string_view day_column;                     // "Dag"
    std::string_view time_column;                    // "Tid"
    std::string_view event_column;                   // "Händelse"
    std::string_view organiser_column;               // "Arrangör"
    std::string_view all_day;                        // "heldag"
    std::string_view until;                          // "till {}"
    std::string_view cycle_year_of;                  // "cykelår {} ({})"
    std::string_view after_cycle;                    // "året efter cykeln ({})"
    std::string_view for_audience;                   // ", för {}"
    std::string_view no_occurrences;                 // "(inga händelser)"
    std::string_view why;                            // "varför:"
    std::string_view rule;                           // "regel:"
    // The `cycle due` table.
    std::string_view due_heading;      // "Aktuellt {} – {} ({}):"
    std::string_view due_by;           // "senast {}"
    std::string_view nothing_due;      // "inget"
    std::string_view missed_heading;    // "Missad sista dag (...):"
    std::string_view unmarked_heading;  // "Passerat, inte markerat som genomfört (...):"
    std::string_view proposed_mark;     // "(förslag)": a date only proposed, not decided
    // The calendar feeds: CATEGORIES by kind, DESCRIPTION's fact labels.
    std::string_view kind_meeting;     // "Möte"
    std::string_view kind_conference;  // "Konferens"
    std::string_view kind_dialogue;    // "Dialog"
    std::string_view kind_deadline;    // "Sista dag"
    std::string_view kind_window;      // "Period"
    std::string_view kind_milestone;   // "Milstolpe"
    std::string_view principal;        // "Huvudman"
    std::string_view organiser;        // "Arrangör"
    std::string_view participants;     // "Deltagare"
    std::string_view deadline;         // "Senast"
    std::string_view status;           // "Status"
    std::string_view note;             // "Anteckning"
    std::string_view source;           // "Källa"
    std::string_view line;             // "rad" as in "Bilaga 1, rad 725–734"
    // Guesses (`assumed` in the calendar): `--explain`, plan files, feeds,
    // and the `cycle plan --assumptions` list.
    std::string_view preliminary;          // "preliminärt"
    std::string_view assumptions_heading;  // "{}: antaganden att bekräfta ({})"
    std::string_view no_assumptions;       // "Inga antaganden: ..."
    std::string_view in_plan;              // "i planen:"
    std::string_view fixed_in_plan;        // "fastställt i planen"
    std::string_view closure;              // "stängt" as in "Höstlov (stängt)"
    // Terms of office ([[body.term]]): `--explain`, plan files, assumptions.
    std::string_view term;          // "mandatperiod" (of a body, [[body.term]])
    std::string_view outside_term;  // "utanför alla mandatperioder"
};

const texts& texts_for(std::string_view language);

// "12 maj 2026"
std::string day_month_year(const texts& t, date::sys_days d);
// "12 maj"
std::string day_month(const texts& t, date::sys_days d);
// "tis 12 maj" style is not used: readers get "tisdag 12 maj 2026".
std::string long_date(const texts& t, date::sys_days d);
// "v. 44" (Swedish), "wk 44" (English): the ISO week.
std::string week_text(const texts& t, date::sys_days d);

}  // namespace cycle
