// state_store.hpp — where an exporter keeps what it published before, so
// that the next publish can say what changed (the ics feeds' SEQUENCE and
// LAST-MODIFIED, docs/feeds.md).
//
// A store holds named texts. The host chooses it and passes it in
// export_options::state; given none, an exporter uses its files next to its
// outputs (ics: `feed-state.tsv` in the feed directory, written with the
// feeds). An embedder that keeps its state elsewhere (a database row) uses
// memory_state_store and saves its text between runs:
//
//   cycle::memory_state_store state;
//   state.put("feed-state.tsv", text_from_my_database);   // or nothing, the first time
//   options.state = &state;
//   auto feed = ics->write_all(cal, plan, options);       // SEQUENCE rises where events changed
//   save_to_my_database(*state.get("feed-state.tsv"));
#pragma once

#include <map>
#include <optional>
#include <string>

#include "cycle/error.hpp"

namespace cycle {

class state_store {
public:
    virtual ~state_store();
    // The text last saved under `name` ("feed-state.tsv"), or none when
    // nothing was saved yet; an error when it cannot be read.
    virtual result<std::optional<std::string>> load(const std::string& name) const = 0;
    // Replaces the text under `name`.
    virtual result<bool> save(const std::string& name, const std::string& text) = 0;
    // What load's errors and a text's line numbers are reported against,
    // e.g. "<memory>/feed-state.tsv".
    virtual std::string source_name(const std::string& name) const = 0;
};

// Texts in memory, for embedders that keep them themselves.
class memory_state_store final : public state_store {
public:
    result<std::optional<std::string>> load(const std::string& name) const override;
    result<bool> save(const std::string& name, const std::string& text) override;
    std::string source_name(const std::string& name) const override;

    // The same as load and save, for the embedder's own use.
    std::optional<std::string> get(const std::string& name) const;
    void put(const std::string& name, std::string text);

private:
    std::map<std::string, std::string> texts_;
};

}  // namespace cycle
