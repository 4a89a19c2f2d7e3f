#include "site_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace cycle::site {
namespace fs = std::filesystem;
namespace {

constexpr const char* marker_text =
    "This directory was written by `cycle publish` (docs/publish.md) and is replaced whole\n"
    "each time it publishes. Keep your own files elsewhere.\n";

std::optional<std::string> read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

result<bool> write_bytes(const fs::path& p, const std::string& bytes) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec)
        return error{fmt::format("cannot create directory: {}", ec.message()),
                     {p.parent_path().string()}};
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.flush();
    if (!out) return error{fmt::format("cannot write: {}", std::strerror(errno)), {p.string()}};
    return true;
}

// Every regular file under dir, as relative paths.
std::set<std::string> files_under(const fs::path& dir) {
    std::set<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file()) out.insert(fs::relative(it->path(), dir).generic_string());
    return out;
}

}  // namespace

result<std::vector<std::string>> replace_site(const fs::path& dir,
                                              const std::vector<site_file>& given) {
    std::vector<site_file> files = given;
    files.push_back({site_marker, marker_text});
    std::error_code ec;
    const bool exists = fs::exists(dir, ec);
    if (exists) {
        if (!fs::is_directory(dir, ec)) return error{"not a directory", {dir.string()}};
        if (!fs::is_empty(dir, ec) && !fs::exists(dir / site_marker, ec))
            return error{
                fmt::format(
                    "the directory is not empty and was not written by cycle publish (no {}); "
                    "choose a new or empty directory",
                    site_marker),
                {dir.string()}};
    }

    // What changes.
    std::vector<std::string> changed;
    std::set<std::string> old_files = exists ? files_under(dir) : std::set<std::string>{};
    std::set<std::string> new_files;
    std::vector<bool> same(files.size(), false);
    for (std::size_t k = 0; k < files.size(); ++k) {
        new_files.insert(files[k].path);
        if (old_files.count(files[k].path)) {
            auto old = read_bytes(dir / files[k].path);
            same[k] = old && *old == files[k].bytes;
        }
        if (!same[k]) changed.push_back(files[k].path);
    }
    for (const auto& f : old_files)
        if (!new_files.count(f)) changed.push_back(f);
    if (changed.empty()) return changed;

    // The new site next to the old one (same file system), then the exchange.
    fs::path absolute = fs::absolute(dir, ec).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "out/site/"
    fs::path temporary = absolute.parent_path() /
                         fmt::format(".{}.new-{}", absolute.filename().string(), ::getpid());
    fs::remove_all(temporary, ec);
    auto fail = [&](error e) -> result<std::vector<std::string>> {
        std::error_code ignored;
        fs::remove_all(temporary, ignored);
        return e;
    };
    fs::create_directories(temporary, ec);
    if (ec)
        return fail(
            {fmt::format("cannot create directory: {}", ec.message()), {temporary.string()}});
    for (std::size_t k = 0; k < files.size(); ++k) {
        fs::path target = temporary / files[k].path;
        if (same[k]) {
            fs::create_directories(target.parent_path(), ec);
            fs::create_hard_link(dir / files[k].path, target, ec);
            if (!ec) continue;  // else copy the bytes
        }
        if (auto w = write_bytes(target, files[k].bytes); !w) return fail(w.errors().front());
    }
    if (exists) {
        if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, absolute.c_str(), RENAME_EXCHANGE) !=
            0)
            return fail(
                {fmt::format("cannot replace the site: {}", std::strerror(errno)), {dir.string()}});
        fs::remove_all(temporary, ec);  // now the old site
    } else {
        fs::create_directories(absolute.parent_path(), ec);
        if (::rename(temporary.c_str(), absolute.c_str()) != 0)
            return fail(
                {fmt::format("cannot create the site: {}", std::strerror(errno)), {dir.string()}});
    }
    return changed;
}

}  // namespace cycle::site
