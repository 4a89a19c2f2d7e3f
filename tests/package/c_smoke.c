/* Built by the package test with `pkg-config --cflags --libs cycle-c`:
 * plans the built-in wheel and prints how many occurrences concern Eda. */
#include <cycle/cycle.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    cycle_calendar* cal = NULL;
    cycle_plan* plan = NULL;
    char* json = NULL;
    char* error = NULL;
    int status = cycle_calendar_default(&cal, &error);
    if (status == CYCLE_OK) status = cycle_plan_make(NULL, cal, 2026, NULL, NULL, &plan, &error);
    if (status == CYCLE_OK) status = cycle_plan_query_json(plan, "eda", NULL, NULL, &json, &error);
    if (status == CYCLE_OK) {
        int count = 0;
        for (const char* p = json; (p = strstr(p, "\"event\":")) != NULL; ++p) ++count;
        printf("cycle %s: %d occurrences for eda in 2026\n", cycle_version(), count);
    } else {
        fprintf(stderr, "status %d: %s\n", status, error);
    }
    cycle_string_free(json);
    cycle_string_free(error);
    cycle_plan_free(plan);
    cycle_calendar_free(cal);
    return status == CYCLE_OK ? 0 : 1;
}
