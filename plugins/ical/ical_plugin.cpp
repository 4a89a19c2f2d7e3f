// The "ics" exporter and importer: iCalendar feeds (docs/feeds.md).
#include <filesystem>
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
        // With the host's sink, each feed is streamed to it as it is made
        // (issue 12: memory does not grow with the feeds' size or number).
        auto add = [&](std::string path, const std::string& audience) -> result<bool> {
            feed_settings one = *settings;
            one.audience = audience;
            if (options.sink)
                if (auto opened = options.sink->open(path); !opened) return opened;
            auto text = feed(cal, p, one, &*state, options.sink);
            if (!text) return text.errors();
            out.push_back({std::move(path), std::move(text).value(), options.sink != nullptr});
            return true;
        };
        if (!options.all_audiences) {
            if (auto r = add(options.out, options.audience); !r) return r.errors();
        } else {
            // all.ics and the state are the exporter's own files: a body whose
            // feed would take the same name would replace one silently.
            for (const auto& b : cal.bodies)
                if (b.id == "all")
                    return error{"body id 'all' is the name of the combined feed (all.ics) that "
                                 "--all-audiences writes; rename the body",
                                 b.where};
            if (auto r = add((dir / "all.ics").string(), ""); !r) return r.errors();
            for (const auto& b : cal.bodies)
                if (auto r = add((dir / (b.id + ".ics")).string(), b.id); !r) return r.errors();
        }
        if (auto saved = where.save(*state, out); !saved) return saved.errors();
        return out;
    }

private:
    // One feed: streamed to `sink` when one is given (the text returned is
    // then empty), else returned whole.
    static result<std::string> feed(const calendar& cal, const plan& p,
                                    const feed_settings& settings, feed_state* state,
                                    output_sink* sink = nullptr) {
        std::vector<occurrence> selected;
        if (!settings.audience.empty())
            selected = select(cal, p, {.audience = settings.audience, .from = {}, .to = {}});
        const auto& events = settings.audience.empty() ? p.occurrences : selected;
        // RFC 5545 conformance is the tests' work (libical, python-icalendar
        // and ical.js read every feed they write): re-parsing each feed here
        // took half of every export (issue 12).
        if (!sink) return write_feed(cal, events, settings, state);
        auto written = write_feed(cal, events, settings, state,
                                  [sink](std::string_view piece) { return sink->append(piece); });
        if (!written) return written.errors();
        return std::string();
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
