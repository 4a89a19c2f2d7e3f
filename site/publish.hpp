// publish.hpp — `cycle publish`: a static site of a plan that any web server
// or CDN hosts (docs/publish.md).
//
//   DIR/index.html            the wheel, what is coming, what is due soon
//   DIR/audience/ID.html      per body: its wheel, its events, its subscribe links
//   DIR/feeds/all.ics, ID.ics the ics exporter's feeds, with feed-state.tsv
//   DIR/plan.json             the plan (docs/json-format.md)
//   DIR/wheel-YEAR.svg        the svg exporter's wheel of each cycle year
//
// Feeds and wheels come from the exporters in the registry ("ics", "svg"),
// so the site uses the very plugins `cycle export` runs. The pages are in the
// calendar's language (texts.hpp). The output is a function of the calendar,
// the plan, the feed state in DIR, the base URL and `today`: publishing the
// same plan again changes no byte. A new site replaces the old one whole
// (site_files.hpp): a reader never sees half of each.
#pragma once

#include <date/date.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cycle/calendar.hpp"
#include "cycle/error.hpp"
#include "cycle/plan.hpp"
#include "cycle/plugin.hpp"

namespace cycle::site {

struct publish_options {
    std::filesystem::path out;  // the site directory
    std::string base_url;       // "https://example.se/arshjul/"; empty: relative links only
    date::sys_days today;       // "coming", "due soon", the current cycle year's wheel
    date::sys_seconds now;      // when a changed feed event was last modified
    // How long to wait for another publisher into the same site (site_files.hpp),
    // and what to tell meanwhile.
    std::chrono::milliseconds lock_wait{std::chrono::seconds{120}};
    std::function<void(const std::filesystem::path& lock_file)> waiting;
};

// One file of the site: a path relative to the site directory, and its bytes.
struct site_file {
    std::string path;
    std::string bytes;
};

// The whole site, made in memory: nothing is written.
result<std::vector<site_file>> make_site(const calendar& cal, const plan& whole_cycle,
                                         const registry& plugins, const publish_options& options);

struct publish_report {
    std::size_t files = 0;
    std::vector<std::string> changed;  // paths whose bytes are new, added or removed
};

// Under the site's lock (one publisher at a time), make_site, then replace the
// site directory with it (site_files.hpp).
result<publish_report> publish(const calendar& cal, const plan& whole_cycle,
                               const registry& plugins, const publish_options& options);

}  // namespace cycle::site
