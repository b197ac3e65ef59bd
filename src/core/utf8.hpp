// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace coterm {

/// Offset of the first byte that does not start a well-formed UTF-8 sequence
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or npos
/// when all of `text` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text);

/// `text` with every ill-formed sequence replaced by U+FFFD (one per maximal
/// ill-formed subpart, as the Unicode standard recommends); valid text is unchanged.
std::string to_valid_utf8(std::string_view text);

/// Throws DataError "<what>: invalid UTF-8 at byte N (line L)" when `text` is not
/// valid UTF-8, with a hint to re-save the file as UTF-8. Text read from files
/// passes through here before any parser sees it.
void check_utf8(std::string_view text, const std::string& what);

} // namespace coterm
