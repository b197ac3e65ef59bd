// SPDX-License-Identifier: MIT
#pragma once
// io-internal: includes toml++, which is linked to coterm_io only.
#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace coterm::io {

/// Parses `source` (the text of `path`) as TOML. The bytes are checked as UTF-8 first:
/// toml++ 3.3 has undefined behaviour on some invalid UTF-8 (found by fuzzing, e.g.
/// "data =\xCB\xA1..."). UsageError naming the path and the byte or line; `kind` names
/// the file in the message ("query files", "options files").
toml::table parse_toml_text(std::string_view source, const std::string& path, std::string_view kind);

} // namespace coterm::io
