// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace coterm::io {

/// The data directory: `option` (from --data) if given, else $COTERM_DATA, else the
/// geodata/cache folder of the source tree coterm was built from.
std::filesystem::path resolve_data_dir(const std::string& option);

} // namespace coterm::io
