#include "cycle/texts.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

namespace cycle {
namespace {

const texts swedish{
    "sv",
    {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
     "oktober", "november", "december"},
    {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
    {"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"},
    "v.",
    "Cykelår {} av {}",
    "Idag",
    "Teckenförklaring",
    "Period (båge)",
    "Dag (punkt)",
    "Sista dag (triangel)",
    "Årshjul {}",
    "Årshjulet med {} händelser. Månaderna går medurs; varje ring är en grupp. "
    "Alla händelser står i listan nedan.",
    "Alla händelser",
    "senast {}",
    "Konferenser",
    "Övrigt",
    "Kommande",
    "Ska vara klart snart",
    "Inget.",
    "Datum",
    "Vad",
    "Vem",
    "Prenumerera",
    "Lägg till kalendern i din kalenderapp. Ändringar kommer med automatiskt.",
    "Prenumerera i kalenderappen (webcal)",
    "Kalenderfil (ics)",
    "Lägg till i Outlook på webben",
    "Lägg till i Google Kalender",
    "Länkar för att prenumerera kräver att webbplatsen publiceras med --base-url.",
    "Vem gäller det?",
    "Alla händelser {}",
    "Årshjul per år",
    "Planen som JSON",
    "Till startsidan",
    "Läget {}",
    "inställt",
    "genomfört",
    {"sön", "mån", "tis", "ons", "tor", "fre", "lör"},
    "Vecka",
    "Dag",
    "Tid",
    "Händelse",
    "Arrangör",
    "heldag",
    "till {}",
    "cykelår {} ({})",
    "året efter cykeln ({})",
    ", för {}",
    "(inga händelser)",
    "varför:",
    "regel:",
    "Aktuellt {} – {} ({}):",
    "senast {}",
    "inget",
    "Missad sista dag (sista dagen har passerat och planen daterar det senare):",
    "Passerat, inte markerat som genomfört (markera: cycle mark held ID --plan FIL):",
    "(förslag)",
    "Möte",
    "Konferens",
    "Dialog",
    "Sista dag",
    "Period",
    "Milstolpe",
    "Huvudman",
    "Arrangör",
    "Deltagare",
    "Senast",
    "Status",
    "Anteckning",
    "Källa",
    "rad",
    "preliminärt",
    "{}: antaganden att bekräfta ({})",
    "Inga antaganden: varje datum och regel har en källa.",
    "i planen:",
    "fastställt i planen",
    "stängt",
    "mandatperiod",
    "utanför alla mandatperioder",
};

const texts english{
    "en",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    "wk",
    "Cycle year {} of {}",
    "Today",
    "Legend",
    "Period (arc)",
    "Day (dot)",
    "Deadline (triangle)",
    "Wheel {}",
    "The wheel with {} events. Months run clockwise; each ring is a group. "
    "Every event is in the list below.",
    "All events",
    "no later than {}",
    "Conferences",
    "Other",
    "Coming up",
    "Due soon",
    "Nothing.",
    "Date",
    "What",
    "Who",
    "Subscribe",
    "Add the calendar to your calendar app. Changes arrive by themselves.",
    "Subscribe in your calendar app (webcal)",
    "Calendar file (ics)",
    "Add to Outlook on the web",
    "Add to Google Calendar",
    "Subscription links need the site to be published with --base-url.",
    "Who is it for?",
    "All events {}",
    "Wheel per year",
    "The plan as JSON",
    "Back to the start page",
    "Status on {}",
    "cancelled",
    "held",
    {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
    "Week",
    "Day",
    "Time",
    "Event",
    "Organiser",
    "all day",
    "to {}",
    "cycle year {} ({})",
    "the year after the cycle ({})",
    ", for {}",
    "(no occurrences)",
    "why:",
    "rule:",
    "Due {} – {} ({}):",
    "due {}",
    "nothing",
    "Deadline missed (the deadline is past and the plan dates it after):",
    "Past, not marked held (mark it: cycle mark held ID --plan FILE):",
    "(proposed)",
    "Meeting",
    "Conference",
    "Dialogue",
    "Deadline",
    "Period",
    "Milestone",
    "Principal",
    "Organiser",
    "Participants",
    "No later than",
    "Status",
    "Note",
    "Source",
    "line",
    "preliminary",
    "{}: assumptions to confirm ({})",
    "No assumptions: every date and rule has a source.",
    "in the plan:",
    "fixed in the plan",
    "closed",
    "term",
    "outside every term",
};

}  // namespace

const texts& texts_for(std::string_view language) {
    return language == "sv" ? swedish : english;
}

std::string day_month(const texts& t, date::sys_days d) {
    date::year_month_day ymd{d};
    return fmt::format("{} {}", unsigned(ymd.day()), t.months[unsigned(ymd.month()) - 1]);
}

std::string day_month_year(const texts& t, date::sys_days d) {
    return fmt::format("{} {}", day_month(t, d), int(date::year_month_day{d}.year()));
}

std::string long_date(const texts& t, date::sys_days d) {
    return fmt::format("{} {}", t.weekdays[date::weekday{d}.c_encoding()], day_month_year(t, d));
}

std::string week_text(const texts& t, date::sys_days d) {
    return fmt::format("{} {}", t.week, unsigned(iso_week::year_weeknum_weekday{d}.weeknum()));
}

}  // namespace cycle
