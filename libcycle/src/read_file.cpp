#include "cycle/read_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cycle {

result<std::string> read_file(const std::filesystem::path& path, std::string_view what,
                              std::uintmax_t max_bytes) {
    namespace fs = std::filesystem;
    const std::string prefix = what.empty() ? "cannot read" : fmt::format("cannot read {}", what);
    auto failed = [&](std::string_view why) {
        return error{fmt::format("{}: {}", prefix, why), {path.string(), 0, 0}};
    };
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) return failed(std::strerror(ENOENT));
    // A directory opens as a stream on Linux and reads as nothing; a FIFO blocks.
    if (status.type() == fs::file_type::directory)
        return failed("not a regular file (it is a directory)");
    if (status.type() != fs::file_type::regular && status.type() != fs::file_type::unknown)
        return failed("not a regular file");
    if (auto size = fs::file_size(path, ec); !ec && size > max_bytes)
        return error{fmt::format("the file is {} bytes; cycle reads {} files of at most {} MiB "
                                 "(docs/limits.md)",
                                 size, what.empty() ? "such" : what, max_bytes / (1024 * 1024)),
                     {path.string(), 0, 0}};
    std::ifstream in(path, std::ios::binary);
    if (!in) return failed(std::strerror(errno));
    // Read in blocks straight into the string: through a stringstream the
    // text was copied twice (a tenth of checking a large plan, issue 12).
    // The size only reserves: the file is read to its end, as before.
    std::string text;
    if (auto size = fs::file_size(path, ec); !ec) text.reserve(static_cast<std::size_t>(size));
    for (char block[65536]; in;) {
        in.read(block, sizeof block);
        text.append(block, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) return failed(std::strerror(errno));
    return text;
}

}  // namespace cycle
