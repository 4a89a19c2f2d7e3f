// site_files.hpp — replacing a published site whole, atomically.
//
// The new site is written to a temporary directory next to the old one, then
// the two are exchanged with one renameat2(RENAME_EXCHANGE): a web server
// serving the directory sees the old site or the new one, never a mix.
// Files whose bytes did not change are hard links to the old ones, so their
// modification times (and a web server's ETag and Last-Modified) stay. When
// nothing changed at all, nothing is touched.
//
// A directory that is neither empty nor a site written here (it has no
// `.cycle-site` marker) is never replaced: it may hold someone's files.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cycle/error.hpp"
#include "publish.hpp"

namespace cycle::site {

inline constexpr const char* site_marker = ".cycle-site";

// One publisher at a time: an exclusive flock(2) on `.NAME.lock` beside the
// site directory NAME (not inside it: the site is exchanged whole). Held from
// reading the feed state to the swap, so two `cycle publish` runs into one
// site cannot lose each other's SEQUENCE numbers or trip over each other's
// swap; the second waits, and fails with a clear message after `wait`. The
// kernel drops the lock when the process ends, however it ends; the lock file
// stays (removing it would race with a waiter).
class site_lock {
public:
    // `waiting` is called once if the lock is held by someone else.
    static result<site_lock> acquire(
        const std::filesystem::path& dir, std::chrono::milliseconds wait,
        const std::function<void(const std::filesystem::path&)>& waiting);
    site_lock(site_lock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    site_lock& operator=(site_lock&&) = delete;
    site_lock(const site_lock&) = delete;
    ~site_lock();

private:
    explicit site_lock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

// The lock file of the site directory `dir`: DIR/../.NAME.lock.
std::filesystem::path lock_file_of(const std::filesystem::path& dir);

// Replaces `dir` by exactly `files` (plus the marker). Returns the paths
// whose bytes changed, were added or were removed.
result<std::vector<std::string>> replace_site(const std::filesystem::path& dir,
                                              const std::vector<site_file>& files);

}  // namespace cycle::site
