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

    // Streamed to the host's sink when it gives one, like the feeds.
    result<bool> save(const feed_state& state, std::vector<export_output>& out,
                      output_sink* sink) const {
        if (store) return store->save(feed_state::file_name, state.to_string());
        if (!sink) {
            out.push_back({file.string(), state.to_string()});
            return true;
        }
        if (auto opened = sink->open(file.string()); !opened) return opened;
        out.push_back({file.string(), {}, true});
        return state.write([sink](std::string_view piece) { return sink->append(piece); });
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
        return feed(cal, held(cal, p, settings->audience), *settings, nullptr);
    }

    // The feeds, and their state (feed_state.hpp): in the host's store when
    // it gives one, else in the file next to the feeds, written with them.
    result<std::vector<export_output>> write_all(const calendar& cal, const plan& p,
                                                 const export_options& options) const override {
        auto settings = settings_of(options);
        if (!settings) return settings.errors();
        std::vector<export_output> out;
        if (!options.all_audiences && options.out == "-" && !options.state) {
            auto text = feed(cal, held(cal, p, settings->audience), *settings, nullptr);
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
        if (options.all_audiences) {
            // all.ics and the state are the exporter's own files: a body whose
            // feed would take the same name would replace one silently.
            for (const auto& b : cal.bodies)
                if (b.id == "all")
                    return error{
                        "body id 'all' is the name of the combined feed (all.ics) that "
                        "--all-audiences writes; rename the body",
                        b.where};
            std::vector<feed_target> feeds{{(dir / "all.ics").string(), "all", ""}};
            for (const auto& b : cal.bodies)
                feeds.push_back({(dir / (b.id + ".ics")).string(), b.id, b.id});
            // Each feed is streamed to the host's sink as it is made, when it
            // gives one (issue 12: memory does not grow with the feeds' number).
            const auto open = [&](std::size_t f) -> result<bool> {
                out.push_back({feeds[f].path, {}, options.sink != nullptr});
                if (options.sink) return options.sink->open(feeds[f].path);
                return true;
            };
            const auto sink = [&](std::string_view piece) -> result<bool> {
                if (options.sink) return options.sink->append(piece);
                out.back().text += piece;
                return true;
            };
            auto left = write_feeds(cal, p, feeds, *settings, *state, open, sink);
            if (!left) return left.errors();
            return finish(*left, *state, where, options, out);
        }
        // One feed: its name in the state is its file name without .ics, in
        // the characters the state file allows.
        std::string name = std::filesystem::path(options.out).stem().string();
        for (char& c : name)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
        if (name.empty()) name = "feed";
        const auto events = held(cal, p, options.audience);
        // What the feed will hold, so that the state knows which published
        // events left it: those are published there as cancelled.
        std::map<std::string, std::vector<std::string>> live;
        auto& uids = live[name];
        for (const auto* o : events) uids.push_back(uid_of(cal, *o));
        const std::size_t left = state->begin_run(live, settings->now_utc);
        feed_settings one = *settings;
        one.feed = name;
        if (options.sink)
            if (auto opened = options.sink->open(options.out); !opened) return opened.errors();
        auto text = feed(cal, events, one, &*state, options.sink, &uids);
        if (!text) return text.errors();
        out.push_back({options.out, std::move(text).value(), options.sink != nullptr});
        return finish(left, *state, where, options, out);
    }

private:
    // What an export ends with: the notice of events that left the feeds,
    // and the state saved.
    static result<std::vector<export_output>> finish(std::size_t left, const feed_state& state,
                                                     const feed_state_location& where,
                                                     const export_options& options,
                                                     std::vector<export_output>& out) {
        if (left > 0 && options.notices)
            options.notices->push_back(fmt::format(
                "{} published event{} left the feeds: published as cancelled (STATUS:CANCELLED) "
                "for {} days, so subscribers' calendars drop {} (docs/feeds.md)",
                left, left == 1 ? "" : "s", feed_state::cancelled_days, left == 1 ? "it" : "them"));
        if (auto saved = where.save(state, out, options.sink); !saved) return saved.errors();
        return std::move(out);
    }

    // The plan's occurrences that concern `audience` (select()), in place;
    // every one for none.
    static std::vector<const occurrence*> held(const calendar& cal, const plan& p,
                                               const std::string& audience) {
        std::vector<const occurrence*> out;
        out.reserve(p.occurrences.size());
        for (const auto& o : p.occurrences)
            if (audience.empty() || concerns(cal, o, audience)) out.push_back(&o);
        return out;
    }

    // One feed: streamed to `sink` when one is given (the text returned is
    // then empty), else returned whole.
    static result<std::string> feed(const calendar& cal,
                                    const std::vector<const occurrence*>& events,
                                    const feed_settings& settings, feed_state* state,
                                    output_sink* sink = nullptr,
                                    const std::vector<std::string>* uids = nullptr) {
        // RFC 5545 conformance is the tests' work (libical, python-icalendar
        // and ical.js read every feed they write): re-parsing each feed here
        // took half of every export (issue 12).
        std::string text;
        auto written = write_feed(
            cal, events, settings, state,
            [&](std::string_view piece) {
                if (sink) return sink->append(piece);
                text += piece;
                return result<bool>(true);
            },
            uids);
        if (!written) return written.errors();
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
