// output_file.hpp — write a whole output or nothing.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"
#include "cycle/plugin.hpp"

namespace cycle::cli {

// Writes `text` to `path` through a temporary file in the same directory and
// a rename, so a reader never sees half a file and a failure leaves any old
// file as it was. "-" writes to standard output. A path that exists and is
// not a regular file (a directory, a FIFO) is an error.
result<bool> write_output(const std::filesystem::path& path, const std::string& text);

struct output_file {
    std::filesystem::path path;
    std::string text;
};

// Several files written together: every temporary file is written before
// the first is renamed into place, so a failure while writing changes none.
result<bool> write_outputs(const std::vector<output_file>& files);

// A directory of files written together or not at all: the files (and a
// copy of whatever else the directory held) go into a new directory next to
// it, which then takes the old one's place in one step (renameat2
// RENAME_EXCHANGE; on a file system without it, two renames). Each file's
// path must lie in `dir`.
result<bool> write_directory(const std::filesystem::path& dir,
                             const std::vector<output_file>& files);

// Outputs written to temporary files as they come (an exporter may stream
// them: cycle::output_sink), then put in place together by commit(), or
// none of them: an object destroyed before commit() removes what it wrote.
// Without a directory each file goes beside its target and is renamed into
// place (write_outputs); with one, the directory is replaced whole
// (write_directory).
class staged_outputs final : public output_sink {
public:
    staged_outputs() = default;
    explicit staged_outputs(std::filesystem::path dir);
    staged_outputs(const staged_outputs&) = delete;
    staged_outputs& operator=(const staged_outputs&) = delete;
    ~staged_outputs() override;

    result<bool> open(const std::string& path) override;
    result<bool> append(std::string_view bytes) override;
    // open(path) and append(text).
    result<bool> add(const std::filesystem::path& path, std::string_view text);
    result<bool> commit();

private:
    struct staged {
        std::filesystem::path target, temporary;
    };
    result<bool> prepare_directory();
    result<bool> close_current();
    result<bool> commit_files();
    result<bool> commit_directory();
    void discard();

    std::optional<std::filesystem::path> given_;  // the directory, as given
    std::filesystem::path dir_, fresh_;           // the one replaced; the new one
    bool dir_exists_ = false, prepared_ = false, committed_ = false;
    std::set<std::filesystem::path> names_;
    std::vector<staged> files_;
    std::FILE* current_ = nullptr;
};

// Refuses to replace an existing file that may hold what a person wrote
// (a plan file): an error naming it, unless `force`.
result<bool> check_may_replace(const std::filesystem::path& path, bool force);

}  // namespace cycle::cli
