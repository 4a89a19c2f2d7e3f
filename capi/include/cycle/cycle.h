/* cycle.h — the C API of libcycle (library cycle_c, CMake target cycle::cycle_c,
 * pkg-config cycle-c), for programs not written in C++ (docs/embedding.md).
 *
 * Handles are opaque and freed by their *_free function. Every function that
 * can fail returns a cycle_status (0 or negative) and takes `char** error`:
 * on failure, when error is not NULL, *error receives the messages, one per
 * line, each "file:line:col: error: message" where the place is known; on
 * success *error is set to NULL. There is no global error state: what went
 * wrong is in the value returned. Strings returned through `char**` are
 * valid UTF-8 (a byte of the input that was not, e.g. in an audience name
 * or a file, comes back as the four characters "\xNN"), NUL-terminated and
 * the caller's: free them with cycle_string_free.
 *
 *   cycle_calendar* cal = NULL;
 *   cycle_plan* plan = NULL;
 *   char *json = NULL, *error = NULL;
 *   if (cycle_calendar_default(&cal, &error) == CYCLE_OK &&
 *       cycle_plan_make(NULL, cal, 2026, NULL, NULL, &plan, &error) == CYCLE_OK &&
 *       cycle_plan_query_json(plan, "eda", "2026-09-01", NULL, &json, &error) == CYCLE_OK)
 *       puts(json);
 *   else
 *       fprintf(stderr, "%s\n", error);
 *   cycle_string_free(json); cycle_string_free(error);
 *   cycle_plan_free(plan); cycle_calendar_free(cal);
 *
 * Handles are not synchronised: use each one from one thread at a time.
 */
#ifndef CYCLE_CYCLE_H
#define CYCLE_CYCLE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cycle_status {
    CYCLE_OK = 0,
    CYCLE_ERROR_ARGUMENT = -1, /* a required argument is NULL or malformed (e.g. a date) */
    CYCLE_ERROR_INPUT = -2, /* a calendar or plan file cannot be read; a year outside the cycle */
    CYCLE_ERROR_PLAN = -3,  /* the plan cannot be made as asked (e.g. a window too small) */
    CYCLE_ERROR_NOT_FOUND = -4, /* no exporter of that name, no such audience */
    CYCLE_ERROR_PLUGIN = -5,    /* a plugin refused to load, or an exporter failed */
    CYCLE_ERROR_INTERNAL = -6   /* out of memory or a defect; the message says what */
} cycle_status;

typedef struct cycle_calendar cycle_calendar; /* a wheel: bodies, events, rules */
typedef struct cycle_plan cycle_plan;         /* a dated plan, with its calendar */
typedef struct cycle_plugins cycle_plugins;   /* exporters and checkers: built-in and loaded */
typedef struct cycle_state cycle_state;       /* what exporters published before (SEQUENCE) */

/* "0.1.0": the library's version (static storage, do not free). */
const char* cycle_version(void);
/* CYCLE_PLUGIN_API_VERSION of this library (docs/plugins.md). */
int cycle_plugin_api_version(void);
/* Frees a string returned by this API; NULL is allowed. */
void cycle_string_free(char* s);

/* Calendars (docs/calendar-format.md). `name` is used in messages. */
cycle_status cycle_calendar_load_file(const char* path, cycle_calendar** out, char** error);
cycle_status cycle_calendar_load_string(const char* toml, const char* name, cycle_calendar** out,
                                        char** error);
/* The built-in Nya perspektiv 2025–2028 wheel. */
cycle_status cycle_calendar_default(cycle_calendar** out, char** error);
void cycle_calendar_free(cycle_calendar* calendar);

/* Plans calendar year `year` of the cycle, or the whole cycle when year is 0.
 * plugins: the registry whose holiday provider the calendar names (a plugin
 * may add one, cycle_plugins_load), or NULL for the built-in plugins.
 * plan_toml: a plan file's text with fixed dates (docs/plan-format.md), or
 * NULL; plan_name names it in messages. The plan keeps what it needs of the
 * calendar: the calendar may be freed first. */
cycle_status cycle_plan_make(const cycle_plugins* plugins, const cycle_calendar* calendar,
                             int year, const char* plan_toml, const char* plan_name,
                             cycle_plan** out, char** error);
void cycle_plan_free(cycle_plan* plan);

/* The occurrences that concern `audience` (a body id such as "eda"; NULL or
 * "" for all) from `from` to `to` inclusive ("YYYY-MM-DD"; NULL for no
 * bound), as JSON in the format of docs/json-format.md. */
cycle_status cycle_plan_query_json(const cycle_plan* plan, const char* audience, const char* from,
                                   const char* to, char** json, char** error);

/* A plugin registry holding the built-in plugins (json, ...). */
cycle_status cycle_plugins_new(cycle_plugins** out, char** error);
/* Loads a plugin library, or every *.so in a directory. Those refused are
 * reported through *error (CYCLE_ERROR_PLUGIN); the others stay loaded. */
cycle_status cycle_plugins_load(cycle_plugins* plugins, const char* path, char** error);
/* [{"name","kind","version","provides","origin"}, ...] */
cycle_status cycle_plugins_list_json(const cycle_plugins* plugins, char** json, char** error);
void cycle_plugins_free(cycle_plugins* plugins);

/* Runs every registered checker on the plan's calendar and plan file (the
 * fixed dates given to cycle_plan_make), as a partial plan: an occurrence
 * the fixed dates leave out is proposed by the planner, not missing
 * (docs/check.md). `today` ("YYYY-MM-DD" or NULL) is for rules about what is
 * due. The calendar's [checks] and the plan's waivers apply, as in
 * `cycle check`. *json: the JSON of `cycle check --format json`
 * (schema "cycle-check/1", docs/check.md): {"schema", "calendar", "plans",
 * "today", "strict", "findings": [{"severity", "rule", "message", "file",
 * "line", "column", "occurrence", "waived", "waiver_reason"}, ...],
 * "summary"}; no findings when no checker is registered. */
cycle_status cycle_check_json(const cycle_plugins* plugins, const cycle_plan* plan,
                              const char* today, char** json, char** error);

/* cycle_check_json, with `partial` 0 for the full check of `cycle check`
 * without --partial: the plan file must hold every occurrence the calendar
 * requires in its years, and an absent one is a "missing" finding. `partial`
 * 1 is cycle_check_json. A plugin that throws, here or in any function, is
 * an error (CYCLE_ERROR_PLUGIN) naming its library, never a crash. */
cycle_status cycle_check_json_with(const cycle_plugins* plugins, const cycle_plan* plan,
                                   const char* today, int partial, char** json, char** error);

/* Writes the plan through the exporter named `format` ("json", "ics", ...),
 * for `audience` (NULL or "" for everything). */
cycle_status cycle_export(const cycle_plugins* plugins, const cycle_plan* plan, const char* format,
                          const char* audience, char** output, char** error);

/* Publishing state: what an exporter published before, so that the next
 * export says what changed (the ics feeds' SEQUENCE and LAST-MODIFIED,
 * docs/feeds.md). It holds named texts ("feed-state.tsv"); keep them between
 * runs with cycle_state_get and give them back with cycle_state_set:
 *
 *   cycle_state* state = NULL;
 *   cycle_state_new(&state, &error);
 *   cycle_state_set(state, "feed-state.tsv", saved_text, &error);  // if you kept one
 *   cycle_export_with(plugins, plan, "ics", "eda", params, 1, state, &feed, &error);
 *   cycle_state_get(state, "feed-state.tsv", &saved_text, &error); // keep it for next time
 */
cycle_status cycle_state_new(cycle_state** out, char** error);
/* *text: the text saved under `name`, or NULL when there is none. */
cycle_status cycle_state_get(const cycle_state* state, const char* name, char** text, char** error);
cycle_status cycle_state_set(cycle_state* state, const char* name, const char* text, char** error);
void cycle_state_free(cycle_state* state);

/* cycle_export with the exporter's parameters (`parameter_count` strings
 * "key=value", as `cycle export --param`; ics: refresh=12h,
 * alarm=deadline:14d, organizer=mailto:...) and a publishing state (NULL:
 * none, every ics SEQUENCE is 0), which the export reads and updates: export
 * the same plan again and nothing changes; move an occurrence and its
 * SEQUENCE rises, as with `cycle export --out`. */
cycle_status cycle_export_with(const cycle_plugins* plugins, const cycle_plan* plan,
                               const char* format, const char* audience,
                               const char* const* parameters, size_t parameter_count,
                               cycle_state* state, char** output, char** error);

/* "Now" for cycle_export_at: the system clock. */
#define CYCLE_NOW (-9223372036854775807LL - 1)

/* cycle_export_with at a given time, for reproducible output: `now` is the
 * publishing time in seconds since 1970-01-01T00:00:00Z (the ics DTSTAMP and
 * LAST-MODIFIED of what changed), as SOURCE_DATE_EPOCH is for `cycle`;
 * CYCLE_NOW for the system clock. The same plan, state and `now` give the
 * same bytes. */
cycle_status cycle_export_at(const cycle_plugins* plugins, const cycle_plan* plan,
                             const char* format, const char* audience,
                             const char* const* parameters, size_t parameter_count,
                             cycle_state* state, long long now, char** output, char** error);

#ifdef __cplusplus
}
#endif

#endif /* CYCLE_CYCLE_H */
