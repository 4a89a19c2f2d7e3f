#include "output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

namespace cycle::cli {
namespace fs = std::filesystem;
namespace {

// A target may be replaced only if it is missing or a regular file.
result<bool> replaceable(const fs::path& path) {
    std::error_code ec;
    const auto type = fs::symlink_status(path, ec).type();
    if (type == fs::file_type::not_found || type == fs::file_type::regular ||
        type == fs::file_type::symlink)
        return true;
    return error{type == fs::file_type::directory
                     ? "cannot write: it is a directory"
                     : "cannot write: it exists and is not a regular file",
                 {path.string()}};
}

fs::path temporary_of(const fs::path& path) {
    auto temporary = path;
    temporary += fmt::format(".tmp-{}", ::getpid());
    return temporary;
}

// Writes a temporary file; the error names `shown`.
result<bool> write_temporary(const fs::path& temporary, const std::string& text,
                             const fs::path& shown) {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return error{fmt::format("cannot write: {}", std::strerror(errno)), {shown.string()}};
    out << text;
    out.flush();
    if (!out) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return error{"cannot write: disk full or I/O error", {shown.string()}};
    }
    return true;
}

result<bool> make_parent(const fs::path& path) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (ec)
        return error{fmt::format("cannot create directory: {}", ec.message()),
                     {path.parent_path().string()}};
    return true;
}

}  // namespace

result<bool> write_output(const fs::path& path, const std::string& text) {
    if (path == "-") {
        std::cout << text << std::flush;
        return true;
    }
    return write_outputs({{path, text}});
}

result<bool> write_outputs(const std::vector<output_file>& files) {
    for (const auto& f : files) {
        if (auto ok = replaceable(f.path); !ok) return ok;
        if (auto ok = make_parent(f.path); !ok) return ok;
    }
    std::vector<fs::path> written;
    const auto discard = [&] {
        std::error_code ignored;
        for (const auto& t : written) fs::remove(t, ignored);
    };
    for (const auto& f : files) {
        auto temporary = temporary_of(f.path);
        if (auto ok = write_temporary(temporary, f.text, f.path); !ok) {
            discard();
            return ok;
        }
        written.push_back(temporary);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        fs::rename(written[i], files[i].path, ec);
        if (ec) {
            // Keep the message before cleaning up: remove() clears `ec`.
            auto message = fmt::format("cannot write: {}", ec.message());
            written.erase(written.begin(), written.begin() + static_cast<std::ptrdiff_t>(i));
            discard();
            return error{message, {files[i].path.string()}};
        }
    }
    return true;
}

result<bool> write_directory(const fs::path& given, const std::vector<output_file>& files) {
    std::error_code ec;
    // A feed directory that is a symbolic link (a web root, say) stays one:
    // the directory it points to is the one replaced.
    const bool link = fs::symlink_status(given, ec).type() == fs::file_type::symlink;
    ec.clear();  // not found is fine: the directory is made
    const fs::path dir = link ? fs::canonical(given, ec) : given;
    if (ec) return error{fmt::format("cannot write the feeds: {}", ec.message()), {given.string()}};
    const auto type = fs::status(dir, ec).type();
    ec.clear();
    const bool exists = type != fs::file_type::not_found;
    if (exists && type != fs::file_type::directory)
        return error{"cannot write the feeds: it exists and is not a directory", {dir.string()}};
    std::set<fs::path> names;
    for (const auto& f : files) {
        auto relative = f.path.lexically_relative(given);
        if (relative.empty() || relative.has_parent_path() || relative == "..")
            return error{"internal error: an output outside its directory; please report it",
                         {f.path.string()}};
        if (auto ok = replaceable(dir / relative); !ok) return ok;
        if (!names.insert(relative).second)
            return error{"two outputs of the export would be the same file", {f.path.string()}};
    }
    if (auto ok = make_parent(dir); !ok) return ok;
    const fs::path fresh = fs::path(dir.string() + fmt::format(".tmp-{}", ::getpid()));
    fs::remove_all(fresh, ec);
    const auto fail = [&](std::string message, const fs::path& where) -> result<bool> {
        std::error_code ignored;
        fs::remove_all(fresh, ignored);
        return error{std::move(message), {where.string()}};
    };
    if (!fs::create_directory(fresh, ec) || ec)
        return fail(fmt::format("cannot write: {}", ec.message()), dir);
    if (exists) {
        // What else the directory holds stays: feeds of bodies no longer in
        // the calendar, an index page, ...
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (names.count(entry.path().filename())) continue;
            fs::copy(entry.path(), fresh / entry.path().filename(),
                     fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
            if (ec) return fail(fmt::format("cannot copy: {}", ec.message()), entry.path());
        }
        if (ec) return fail(fmt::format("cannot read: {}", ec.message()), dir);
        fs::permissions(fresh, fs::status(dir, ec).permissions(), ec);
    }
    for (const auto& f : files) {
        const auto target = fresh / f.path.filename();
        if (auto ok = write_temporary(target, f.text, f.path); !ok)
            return fail(ok.errors().front().message, f.path);
    }
    if (!exists) {
        fs::rename(fresh, dir, ec);
        if (ec) return fail(fmt::format("cannot write: {}", ec.message()), dir);
        return true;
    }
    if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            return fail(fmt::format("cannot write: {}", std::strerror(errno)), dir);
        // No atomic exchange here: move the old one aside, the new one in.
        const fs::path old = fs::path(dir.string() + fmt::format(".old-{}", ::getpid()));
        fs::rename(dir, old, ec);
        if (ec) return fail(fmt::format("cannot write: {}", ec.message()), dir);
        fs::rename(fresh, dir, ec);
        if (ec) {
            auto message = fmt::format("cannot write: {}", ec.message());
            std::error_code ignored;
            fs::rename(old, dir, ignored);
            return fail(message, dir);
        }
        fs::remove_all(old, ec);
        return true;
    }
    fs::remove_all(fresh, ec);  // now the old directory
    return true;
}

result<bool> check_may_replace(const fs::path& path, bool force) {
    std::error_code ec;
    if (path == "-" || force || !fs::exists(fs::symlink_status(path, ec))) return true;
    return error{"the file exists and may hold dates fixed by hand; use --force to replace it",
                 {path.string()}};
}

}  // namespace cycle::cli
