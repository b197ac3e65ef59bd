// SPDX-License-Identifier: MIT
#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace coterm {

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool iends_with(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost =
                std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]))
                    ? 0
                    : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates)
{
    const std::string best = closest_match(word, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::string join_limited(const std::vector<std::string>& parts, std::size_t limit)
{
    if (parts.size() <= limit) return join(parts, ", ");
    std::vector<std::string> head(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(limit));
    return join(head, ", ") + ", … (" + std::to_string(parts.size() - limit) + " more)";
}

namespace {

bool is_key_char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Length of a password key ("password", "pwd", "passwd") starting at `i` and followed
/// by optional blanks and '=', up to and including the '='; 0 when there is none.
std::size_t secret_key_length(std::string_view s, std::size_t i)
{
    if (i > 0 && is_key_char(s[i - 1])) return 0;
    for (std::string_view key : {"password", "passwd", "pwd"}) {
        if (s.size() - i < key.size() || !iequals(s.substr(i, key.size()), key)) continue;
        std::size_t j = i + key.size();
        while (j < s.size() && s[j] == ' ')
            ++j;
        if (j < s.size() && s[j] == '=') return j + 1 - i;
    }
    return 0;
}

/// Length of a key's value at `i`: quoted (with backslash escapes) or up to a blank,
/// ';', '&', '#' or quote.
std::size_t value_length(std::string_view s, std::size_t i)
{
    std::size_t j = i;
    if (j < s.size() && (s[j] == '\'' || s[j] == '"')) {
        const char quote = s[j++];
        while (j < s.size() && s[j] != quote)
            j += s[j] == '\\' ? 2 : 1;
        return std::min(j + 1, s.size()) - i;
    }
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != ';' && s[j] != '&' &&
           s[j] != '#' && s[j] != '\'' && s[j] != '"')
        ++j;
    return j - i;
}

} // namespace

std::string redact_secrets(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // scheme://user:secret@host
        if (text.compare(i, 3, "://") == 0) {
            std::size_t end = i + 3;
            while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
                   std::string_view("/?#'\"").find(text[end]) == std::string_view::npos)
                ++end;
            const std::string_view authority = text.substr(i + 3, end - i - 3);
            const std::size_t at = authority.rfind('@');
            const std::size_t colon = at == std::string_view::npos ? at : authority.substr(0, at).find(':');
            out += "://";
            if (colon != std::string_view::npos) {
                out += authority.substr(0, colon + 1);
                out += "***";
                out += authority.substr(at);
            } else {
                out += authority;
            }
            i = end;
            continue;
        }
        if (const std::size_t key = secret_key_length(text, i); key > 0) {
            std::size_t j = i + key;
            while (j < text.size() && text[j] == ' ')
                ++j;
            out += text.substr(i, j - i);
            out += "***";
            i = j + value_length(text, j);
            continue;
        }
        out += text[i++];
    }
    return out;
}

} // namespace coterm
