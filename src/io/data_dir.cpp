// SPDX-License-Identifier: MIT
#include "io/data_dir.hpp"

#include <cstdlib>

namespace coterm::io {

std::filesystem::path resolve_data_dir(const std::string& option)
{
    if (!option.empty()) return option;
    if (const char* env = std::getenv("COTERM_DATA"); env && *env) return env;
    return std::filesystem::path(COTERM_GEODATA_DIR) / "cache";
}

} // namespace coterm::io
