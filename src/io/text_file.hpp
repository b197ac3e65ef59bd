// SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace coterm::io {

/// Reads a whole file into a string, in blocks, without asking for its size, so pipes,
/// FIFOs and process substitutions (`--data <(zcat values.csv.gz)`) work. Throws
/// DataError naming the path for a directory, a missing or unreadable file.
std::string read_text_file(const std::string& path);

} // namespace coterm::io
