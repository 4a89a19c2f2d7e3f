#include "cycle/read_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cycle {

result<std::string> read_file(const std::filesystem::path& path, std::string_view what) {
    const std::string prefix = what.empty() ? "cannot read" : fmt::format("cannot read {}", what);
    auto failed = [&](std::string_view why) {
        return error{fmt::format("{}: {}", prefix, why), {path.string(), 0, 0}};
    };
    std::error_code ec;
    // A directory opens as a stream on Linux and reads as nothing.
    if (std::filesystem::is_directory(path, ec)) return failed("it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) return failed(std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return failed(std::strerror(errno));
    return std::move(text).str();
}

}  // namespace cycle
