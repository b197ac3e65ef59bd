// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace coterm {

/// Case-insensitive ASCII comparisons.
bool iequals(std::string_view a, std::string_view b);
bool iends_with(std::string_view s, std::string_view suffix);

/// The candidate closest to `word` by edit distance, when close enough to be a likely
/// typo (distance ≤ max(2, |word|/3)); empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// At most `limit` items joined by ", ", then ", … (N more)".
std::string join_limited(const std::vector<std::string>& parts, std::size_t limit);

} // namespace coterm
