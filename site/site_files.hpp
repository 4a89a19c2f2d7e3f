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

#include <filesystem>
#include <string>
#include <vector>

#include "cycle/error.hpp"
#include "publish.hpp"

namespace cycle::site {

inline constexpr const char* site_marker = ".cycle-site";

// Replaces `dir` by exactly `files` (plus the marker). Returns the paths
// whose bytes changed, were added or were removed.
result<std::vector<std::string>> replace_site(const std::filesystem::path& dir,
                                              const std::vector<site_file>& files);

}  // namespace cycle::site
