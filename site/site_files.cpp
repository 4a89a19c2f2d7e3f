#include "site_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

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

// The site directory as an absolute path without a trailing slash.
fs::path site_path(const fs::path& dir) {
    std::error_code ec;
    fs::path absolute = fs::absolute(dir, ec).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "out/site/"
    return absolute;
}

}  // namespace

fs::path lock_file_of(const fs::path& dir) {
    const fs::path site = site_path(dir);
    return site.parent_path() / fmt::format(".{}.lock", site.filename().string());
}

result<site_lock> site_lock::acquire(const fs::path& dir, std::chrono::milliseconds wait,
                                     const std::function<void(const fs::path&)>& waiting) {
    const fs::path file = lock_file_of(dir);
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec)
        return error{fmt::format("cannot create directory: {}", ec.message()),
                     {file.parent_path().string()}};
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return error{fmt::format("cannot open the publish lock: {}", std::strerror(errno)),
                     {file.string()}};
    site_lock lock(fd);
    const auto deadline = std::chrono::steady_clock::now() + wait;
    bool told = false;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno != EWOULDBLOCK)
            return error{fmt::format("cannot lock: {}", std::strerror(errno)), {file.string()}};
        if (std::chrono::steady_clock::now() >= deadline)
            return error{fmt::format("another cycle publish is writing this site (it holds {}); "
                                     "gave up after {} s: try again when it has finished",
                                     file.string(), std::chrono::duration<double>(wait).count()),
                         {dir.string()}};
        if (!told && waiting) waiting(file);
        told = true;
        std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    return lock;
}

site_lock::~site_lock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

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
    const fs::path absolute = site_path(dir);
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
