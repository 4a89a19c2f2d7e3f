// The "ics" exporter and importer: iCalendar feeds (docs/feeds.md).
#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <memory>

#include "cycle/plugin.hpp"
#include "feed_parameters.hpp"
#include "feed_state.hpp"
#include "feed_writer.hpp"
#include "ics_import.hpp"
#include "ics_validate.hpp"

namespace cycle::ical {
namespace {

using namespace std::chrono;

// Where one export's feed state is kept: the host's store
// (export_options::state), else the file `feed-state.tsv` next to the
// feeds, which goes out as one more output so that it is written with them.
struct feed_state_location {
    state_store* store = nullptr;
    std::filesystem::path file;

    result<feed_state> load() const {
        if (!store) return feed_state::load(file);
        auto text = store->load(feed_state::file_name);
        if (!text) return text.errors();
        if (!*text) return feed_state{};
        return feed_state::parse(**text, store->source_name(feed_state::file_name));
    }

    result<bool> save(const feed_state& state, std::vector<export_output>& out) const {
        if (store) return store->save(feed_state::file_name, state.to_string());
        out.push_back({file.string(), state.to_string()});
        return true;
    }
};

class ics_exporter final : public exporter {
public:
    std::string name() const override { return "ics"; }
    std::string description() const override {
        return "iCalendar subscription feeds (RFC 5545), one per audience (docs/feeds.md)";
    }

    // One feed, no publishing state: SEQUENCE 0.
    result<std::string> write(const calendar& cal, const plan& p,
                              const export_options& options) const override {
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        return feed(cal, p, *settings, nullptr);
    }

    // The feeds, and their state (feed_state.hpp): in the host's store when
    // it gives one, else in the file next to the feeds, written with them.
    result<std::vector<export_output>> write_all(const calendar& cal, const plan& p,
                                                 const export_options& options) const override {
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        std::vector<export_output> out;
        if (!options.all_audiences && options.out == "-" && !options.state) {
            auto text = feed(cal, p, *settings, nullptr);
            if (!text) return text.errors();
            out.push_back({"-", std::move(text).value()});
            return out;
        }
        const std::filesystem::path dir = options.all_audiences
                                              ? std::filesystem::path(options.out)
                                              : std::filesystem::path(options.out).parent_path();
        const feed_state_location where{options.state, dir / feed_state::file_name};
        auto state = where.load();
        if (!state) return state.errors();
        // The feeds of this run: path, name in the state, audience, events.
        struct one_feed {
            std::string path, name, audience;
            std::vector<occurrence> events;
        };
        std::vector<one_feed> feeds;
        const auto selected = [&](const std::string& audience) {
            return audience.empty() ? p.occurrences
                                    : select(cal, p, {.audience = audience, .from = {}, .to = {}});
        };
        if (!options.all_audiences) {
            // The feed's name in the state: its file name without .ics, in
            // the characters the state file allows.
            std::string name = std::filesystem::path(options.out).stem().string();
            for (char& c : name)
                if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
            if (name.empty()) name = "feed";
            feeds.push_back({options.out, name, options.audience, selected(options.audience)});
        } else {
            // all.ics and the state are the exporter's own files: a body whose
            // feed would take the same name would replace one silently.
            for (const auto& b : cal.bodies)
                if (b.id == "all")
                    return error{"body id 'all' is the name of the combined feed (all.ics) that "
                                 "--all-audiences writes; rename the body",
                                 b.where};
            feeds.push_back({(dir / "all.ics").string(), "all", "", p.occurrences});
            for (const auto& b : cal.bodies)
                feeds.push_back({(dir / (b.id + ".ics")).string(), b.id, b.id, selected(b.id)});
        }
        std::map<std::string, std::vector<std::string>> live;
        for (const auto& f : feeds) {
            auto& uids = live[f.name];
            for (const auto& o : f.events) uids.push_back(uid_of(cal, o));
        }
        const std::size_t left = state->begin_run(live, settings->now_utc);
        for (const auto& f : feeds) {
            feed_settings one = *settings;
            one.audience = f.audience;
            one.feed = f.name;
            auto text = checked_feed(cal, f.events, one, &*state);
            if (!text) return text.errors();
            out.push_back({f.path, std::move(text).value()});
        }
        if (left > 0 && options.notices)
            options.notices->push_back(fmt::format(
                "{} published event{} left the feeds: published as cancelled (STATUS:CANCELLED) "
                "for {} days, so subscribers' calendars drop {} (docs/feeds.md)",
                left, left == 1 ? "" : "s", feed_state::cancelled_days, left == 1 ? "it" : "them"));
        if (auto saved = where.save(*state, out); !saved) return saved.errors();
        return out;
    }

private:
    static result<std::string> feed(const calendar& cal, const plan& p,
                                    const feed_settings& settings, feed_state* state) {
        auto selected = settings.audience.empty()
                            ? p.occurrences
                            : select(cal, p, {.audience = settings.audience, .from = {}, .to = {}});
        return checked_feed(cal, selected, settings, state);
    }

    static result<std::string> checked_feed(const calendar& cal,
                                            const std::vector<occurrence>& selected,
                                            const feed_settings& settings, feed_state* state) {
        auto text = write_feed(cal, selected, settings, state);
        if (!text) return text;
        // Never publish what libical cannot read: that would be our bug.
        if (auto problems = libical_problems(*text, settings.organizer.empty()); !problems.empty())
            return error{
                fmt::format("internal error: the feed breaks RFC 5545 ({}); please report it",
                            problems.front()),
                cal.where};
        return text;
    }
};

class ics_importer final : public importer {
public:
    std::string name() const override { return "ics"; }
    std::string description() const override {
        return "Reads an .ics calendar (our feeds, Outlook, Google, Apple) into a plan file";
    }
    result<imported> read(const calendar& cal, std::string_view bytes,
                          std::string_view source_name) const override {
        return import_ics(cal, bytes, source_name);
    }
};

void register_ical(registry& r) {
    r.add_exporter(std::make_unique<ics_exporter>());
    r.add_importer(std::make_unique<ics_importer>());
}

}  // namespace
}  // namespace cycle::ical

extern "C" const cycle_plugin_info* cycle_ical_plugin_info() {
    static const cycle_plugin_info info{CYCLE_PLUGIN_API_VERSION, "ical", "1.0.0",
                                        "iCalendar feeds and import (libical)",
                                        &cycle::ical::register_ical};
    return &info;
}
