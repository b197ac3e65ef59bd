// SPDX-License-Identifier: MIT
#include "core/utf8.hpp"

#include "core/errors.hpp"

#include <algorithm>

namespace coterm {
namespace {

/// Length of the well-formed sequence starting at `i`, or 0 when the bytes there
/// are ill-formed; `bad` is then the length of the maximal ill-formed subpart.
std::size_t sequence_length(std::string_view s, std::size_t i, std::size_t& bad)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    bad = 1;
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte (Unicode table 3-7)
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0; // no overlong forms
        if (c == 0xED) hi = 0x9F; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (i + k >= s.size()) return 0;
        const unsigned char b = byte(i + k);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
        bad = k + 1;
    }
    return len;
}

} // namespace

std::size_t find_invalid_utf8(std::string_view text)
{
    std::size_t bad = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequence_length(text, i, bad);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string to_valid_utf8(std::string_view text)
{
    if (find_invalid_utf8(text) == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequence_length(text, i, bad);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            i += bad;
        } else {
            out.append(text, i, len);
            i += len;
        }
    }
    return out;
}

void check_utf8(std::string_view text, const std::string& what)
{
    const std::size_t at = find_invalid_utf8(text);
    if (at == std::string_view::npos) return;
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    throw DataError(what + ": invalid UTF-8 at byte " + std::to_string(at) + " (line " + std::to_string(line) +
                    "); save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)");
}

} // namespace coterm
