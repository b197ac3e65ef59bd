// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>

namespace coterm::io {

/// Writes `content` to `path` atomically: to a temporary file in the same folder,
/// then renamed into place, so a reader never sees a half-written file and a failure
/// leaves nothing behind. An empty `path` or "-" writes to stdout.
/// Throws DataError naming the path when the folder is missing or not writable.
void write_output(const std::string& path, std::string_view content);

} // namespace coterm::io
