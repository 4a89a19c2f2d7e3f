// Feed-state reader: any bytes as feed-state.tsv, then the feed for Eda of
// 2026 written with that state (where the state's fields go into the feed).
#include <cstddef>
#include <cstdint>

#include "feed_parameters.hpp"
#include "feed_state.hpp"
#include "feed_writer.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cycle;
    static const plan eda_2026 = [] {
        const calendar& cal = default_calendar();
        auto p = make_plan(cal, {.year = 2026, .fixed = nullptr});
        if (!p) fuzz::broken("the built-in wheel does not plan 2026", p.errors());
        plan out = *p;
        out.occurrences = select(cal, *p, {.audience = "eda", .from = {}, .to = {}});
        return out;
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto state = ical::feed_state::parse(text, "feed-state.tsv");
    if (!state) return 0;
    export_options options;
    options.audience = "eda";
    options.now = date::sys_seconds{std::chrono::seconds{1780000000}};
    auto settings = ical::settings_of(options);
    if (!settings) fuzz::broken("default feed settings refused", settings.errors());
    auto feed = ical::write_feed(default_calendar(), eda_2026.occurrences, *settings, &*state);
    if (!feed) fuzz::no_internal_error(feed.errors());
    (void)state->to_string();
    return 0;
}
