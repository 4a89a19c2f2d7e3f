#include "output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>
#include <iostream>

#include <fmt/format.h>

namespace cycle::cli {

result<bool> write_output(const std::filesystem::path& path, const std::string& text) {
    if (path == "-") {
        std::cout << text << std::flush;
        return true;
    }
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return error{fmt::format("cannot create directory: {}", ec.message()), {path.parent_path().string()}};
    auto temporary = path;
    temporary += fmt::format(".tmp-{}", ::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return error{fmt::format("cannot write: {}", std::strerror(errno)), {path.string()}};
        out << text;
        out.flush();
        if (!out) {
            std::filesystem::remove(temporary, ec);
            return error{"cannot write: disk full or I/O error", {path.string()}};
        }
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return error{fmt::format("cannot write: {}", ec.message()), {path.string()}};
    }
    return true;
}

}  // namespace cycle::cli
