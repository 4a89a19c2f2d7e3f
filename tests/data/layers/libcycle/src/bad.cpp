// A core file that reaches into a plugin: must be reported.
#include "cycle/plan.hpp"
#include "feed_state.hpp"
