/* cycle.h compiled by a C compiler: plain C types and prototypes only. */
#include <stddef.h>

#include "cycle/cycle.h"

int cycle_c_header_compiles_as_c(void) {
    cycle_calendar* calendar = NULL;
    char* error = NULL;
    cycle_status status = cycle_calendar_default(&calendar, &error);
    cycle_calendar_free(calendar);
    cycle_string_free(error);
    return (int)status;
}
