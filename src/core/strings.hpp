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

/// `text` with every password of a connection string replaced by `***`: the value of a
/// `password=`, `pwd=` or `passwd=` key (any case, quoted or not, as libpq, ODBC and URL
/// queries write them) and the secret of a URL's `user:secret@host`. Applied wherever a
/// data source is echoed (labels, messages, output JSON), so no output carries a secret.
std::string redact_secrets(std::string_view text);

} // namespace coterm
