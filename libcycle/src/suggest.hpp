// suggest.hpp — "did you mean" for misspelt keys and references (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cycle::detail {

// The candidate closest to `word` by edit distance, if close enough to be a
// plausible typo; empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cycle::detail
