// SPDX-License-Identifier: MIT
#include "io/toml_text.hpp"

#include "core/errors.hpp"
#include "core/utf8.hpp"

namespace coterm::io {

toml::table parse_toml_text(std::string_view source, const std::string& path, std::string_view kind)
{
    if (const std::size_t at = find_invalid_utf8(source); at != std::string_view::npos)
        throw UsageError(path + ": invalid UTF-8 at byte " + std::to_string(at) + "; " + std::string(kind) +
                         " are UTF-8 text");
    try {
        return toml::parse(source, path);
    } catch (const toml::parse_error& e) {
        throw UsageError(path + ": " + std::string(e.description()) + " (line " +
                         std::to_string(e.source().begin.line) + ")");
    }
}

} // namespace coterm::io
