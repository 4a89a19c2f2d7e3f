// The C API's string entry points (cycle.h): the first byte picks one, the
// rest is its NUL-terminated string argument.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cycle/cycle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static cycle_calendar* wheel = [] {
        cycle_calendar* c = nullptr;
        char* error = nullptr;
        if (cycle_calendar_default(&c, &error) != CYCLE_OK) __builtin_trap();
        return c;
    }();
    static cycle_plan* plan_2026 = [] {
        cycle_plan* p = nullptr;
        char* error = nullptr;
        if (cycle_plan_make(nullptr, wheel, 2026, nullptr, nullptr, &p, &error) != CYCLE_OK)
            __builtin_trap();
        return p;
    }();
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const char* s = text.c_str();  // stops at the first NUL, as a C caller's string would
    char* out = nullptr;
    char* error = nullptr;
    switch (data[0] % 5) {
        case 0: {
            cycle_calendar* c = nullptr;
            if (cycle_calendar_load_string(s, "fuzz.toml", &c, &error) == CYCLE_OK) {
                cycle_plan* p = nullptr;
                if (cycle_plan_make(nullptr, c, 0, nullptr, nullptr, &p, &error) == CYCLE_OK)
                    cycle_plan_free(p);
                cycle_calendar_free(c);
            }
            break;
        }
        case 1: {
            cycle_plan* p = nullptr;
            if (cycle_plan_make(nullptr, wheel, 2026, s, "fuzz.toml", &p, &error) == CYCLE_OK)
                cycle_plan_free(p);
            break;
        }
        case 2:
            cycle_plan_query_json(plan_2026, s, nullptr, nullptr, &out, &error);
            break;
        case 3:
            cycle_plan_query_json(plan_2026, nullptr, s, s, &out, &error);
            break;
        default: {
            static cycle_plugins* plugins = [] {
                cycle_plugins* r = nullptr;
                char* e = nullptr;
                if (cycle_plugins_new(&r, &e) != CYCLE_OK) __builtin_trap();
                return r;
            }();
            cycle_export(plugins, plan_2026, "ics", s, &out, &error);
            break;
        }
    }
    cycle_string_free(out);
    cycle_string_free(error);
    return 0;
}
