// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace coterm::io {

/// The data directory: `option` (from --data) if given, else $COTERM_DATA, else for an
/// installed coterm $XDG_DATA_HOME/coterm (~/.local/share/coterm), else the
/// geodata/cache folder of the source tree coterm was built from.
std::filesystem::path resolve_data_dir(const std::string& option);

/// Where an installed coterm keeps its shipped files (catalogue.toml, queries/):
/// <prefix>/share/coterm beside the running <prefix>/bin/coterm. Empty when coterm
/// runs from its build tree (no catalogue there), which then uses the source tree's.
std::filesystem::path installed_share_dir();

} // namespace coterm::io
