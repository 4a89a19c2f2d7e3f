// output_file.hpp — write a whole output or nothing.
#pragma once

#include <filesystem>
#include <string>

#include "cycle/error.hpp"

namespace cycle::cli {

// Writes `text` to `path` through a temporary file in the same directory and
// a rename, so a reader never sees half a file and a failure leaves any old
// file as it was. "-" writes to standard output.
result<bool> write_output(const std::filesystem::path& path, const std::string& text);

}  // namespace cycle::cli
