// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace coterm::cli {

/// Writes all files into a temporary folder renamed into place: a failed run leaves no
/// half-written result, and an earlier result is replaced whole.
void write_folder(const std::filesystem::path& out, const std::vector<std::pair<std::string, std::string>>& files);

} // namespace coterm::cli
