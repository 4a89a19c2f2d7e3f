#include "output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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
    // Written from `text` itself: a copy of a 100 MB plan was a tenth of
    // planning to a file (issue 12).
    staged_outputs staged;
    if (auto ok = staged.add(path, text); !ok) return ok;
    return staged.commit();
}

result<bool> write_outputs(const std::vector<output_file>& files) {
    staged_outputs staged;
    for (const auto& f : files)
        if (auto ok = staged.add(f.path, f.text); !ok) return ok;
    return staged.commit();
}

result<bool> write_directory(const fs::path& given, const std::vector<output_file>& files) {
    staged_outputs staged(given);
    for (const auto& f : files)
        if (auto ok = staged.add(f.path, f.text); !ok) return ok;
    return staged.commit();
}

staged_outputs::staged_outputs(fs::path dir) : given_(std::move(dir)) {}

staged_outputs::~staged_outputs() {
    if (!committed_) discard();
}

void staged_outputs::discard() {
    if (current_) std::fclose(current_);
    current_ = nullptr;
    std::error_code ignored;
    if (given_) {
        if (prepared_) fs::remove_all(fresh_, ignored);
    } else {
        for (const auto& f : files_) fs::remove(f.temporary, ignored);
    }
    files_.clear();
}

// The directory replaced (a symbolic link's target) and the new one beside it.
result<bool> staged_outputs::prepare_directory() {
    if (prepared_) return true;
    std::error_code ec;
    // A feed directory that is a symbolic link (a web root, say) stays one:
    // the directory it points to is the one replaced.
    const bool link = fs::symlink_status(*given_, ec).type() == fs::file_type::symlink;
    ec.clear();  // not found is fine: the directory is made
    dir_ = link ? fs::canonical(*given_, ec) : *given_;
    if (ec)
        return error{fmt::format("cannot write the feeds: {}", ec.message()), {given_->string()}};
    const auto type = fs::status(dir_, ec).type();
    ec.clear();
    dir_exists_ = type != fs::file_type::not_found;
    if (dir_exists_ && type != fs::file_type::directory)
        return error{"cannot write the feeds: it exists and is not a directory", {dir_.string()}};
    if (auto ok = make_parent(dir_); !ok) return ok;
    fresh_ = fs::path(dir_.string() + fmt::format(".tmp-{}", ::getpid()));
    fs::remove_all(fresh_, ec);
    prepared_ = true;
    if (!fs::create_directory(fresh_, ec) || ec)
        return error{fmt::format("cannot write: {}", ec.message()), {dir_.string()}};
    return true;
}

result<bool> staged_outputs::close_current() {
    if (!current_) return true;
    const bool failed = std::fflush(current_) != 0 || std::ferror(current_);
    const bool closed = std::fclose(current_) == 0;
    current_ = nullptr;
    if (failed || !closed)
        return error{"cannot write: disk full or I/O error", {files_.back().target.string()}};
    return true;
}

result<bool> staged_outputs::open(const std::string& path_text) {
    if (auto ok = close_current(); !ok) return ok;
    const fs::path path(path_text);
    fs::path temporary;
    if (given_) {
        auto relative = path.lexically_relative(*given_);
        if (relative.empty() || relative.has_parent_path() || relative == "..")
            return error{"internal error: an output outside its directory; please report it",
                         {path.string()}};
        if (auto ok = prepare_directory(); !ok) return ok;
        if (auto ok = replaceable(dir_ / relative); !ok) return ok;
        if (!names_.insert(relative).second)
            return error{"two outputs of the export would be the same file", {path.string()}};
        temporary = fresh_ / path.filename();
    } else {
        if (auto ok = replaceable(path); !ok) return ok;
        if (auto ok = make_parent(path); !ok) return ok;
        temporary = temporary_of(path);
    }
    current_ = std::fopen(temporary.c_str(), "wb");
    if (!current_)
        return error{fmt::format("cannot write: {}", std::strerror(errno)), {path.string()}};
    files_.push_back({path, temporary});
    return true;
}

result<bool> staged_outputs::append(std::string_view bytes) {
    if (!current_) return error{"internal error: an output written before it was opened", {}};
    if (std::fwrite(bytes.data(), 1, bytes.size(), current_) != bytes.size())
        return error{"cannot write: disk full or I/O error", {files_.back().target.string()}};
    return true;
}

result<bool> staged_outputs::add(const fs::path& path, std::string_view text) {
    if (auto ok = open(path.string()); !ok) return ok;
    return append(text);
}

result<bool> staged_outputs::commit() {
    if (auto ok = close_current(); !ok) return ok;
    auto done = given_ ? commit_directory() : commit_files();
    if (done) committed_ = true;
    return done;
}

result<bool> staged_outputs::commit_files() {
    for (std::size_t i = 0; i < files_.size(); ++i) {
        std::error_code ec;
        fs::rename(files_[i].temporary, files_[i].target, ec);
        if (ec) {
            // Keep the message before cleaning up: remove() clears `ec`.
            auto message = fmt::format("cannot write: {}", ec.message());
            auto target = files_[i].target.string();
            files_.erase(files_.begin(), files_.begin() + static_cast<std::ptrdiff_t>(i));
            discard();
            return error{message, {target}};
        }
    }
    files_.clear();
    return true;
}

result<bool> staged_outputs::commit_directory() {
    if (auto ok = prepare_directory(); !ok) return ok;
    std::error_code ec;
    const auto fail = [&](std::string message, const fs::path& where) -> result<bool> {
        discard();
        return error{std::move(message), {where.string()}};
    };
    if (dir_exists_) {
        // What else the directory holds stays: feeds of bodies no longer in
        // the calendar, an index page, ...
        for (const auto& entry : fs::directory_iterator(dir_, ec)) {
            if (names_.count(entry.path().filename())) continue;
            fs::copy(entry.path(), fresh_ / entry.path().filename(),
                     fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
            if (ec) return fail(fmt::format("cannot copy: {}", ec.message()), entry.path());
        }
        if (ec) return fail(fmt::format("cannot read: {}", ec.message()), dir_);
        fs::permissions(fresh_, fs::status(dir_, ec).permissions(), ec);
    }
    if (!dir_exists_) {
        fs::rename(fresh_, dir_, ec);
        if (ec) return fail(fmt::format("cannot write: {}", ec.message()), dir_);
        return true;
    }
    if (::renameat2(AT_FDCWD, fresh_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            return fail(fmt::format("cannot write: {}", std::strerror(errno)), dir_);
        // No atomic exchange here: move the old one aside, the new one in.
        const fs::path old = fs::path(dir_.string() + fmt::format(".old-{}", ::getpid()));
        fs::rename(dir_, old, ec);
        if (ec) return fail(fmt::format("cannot write: {}", ec.message()), dir_);
        fs::rename(fresh_, dir_, ec);
        if (ec) {
            auto message = fmt::format("cannot write: {}", ec.message());
            std::error_code ignored;
            fs::rename(old, dir_, ignored);
            return fail(message, dir_);
        }
        fs::remove_all(old, ec);
        return true;
    }
    fs::remove_all(fresh_, ec);  // now the old directory
    return true;
}

result<bool> check_may_replace(const fs::path& path, bool force) {
    std::error_code ec;
    if (path == "-" || force || !fs::exists(fs::symlink_status(path, ec))) return true;
    return error{"the file exists and may hold dates fixed by hand; use --force to replace it",
                 {path.string()}};
}

}  // namespace cycle::cli
