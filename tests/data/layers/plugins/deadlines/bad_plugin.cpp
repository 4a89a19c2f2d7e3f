// A plugin that uses the C API above it: must be reported.
#include <cycle/cycle.h>
