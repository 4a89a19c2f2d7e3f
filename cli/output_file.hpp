// output_file.hpp — write a whole output or nothing.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cycle/error.hpp"

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

// Refuses to replace an existing file that may hold what a person wrote
// (a plan file): an error naming it, unless `force`.
result<bool> check_may_replace(const std::filesystem::path& path, bool force);

}  // namespace cycle::cli
