// SPDX-License-Identifier: MIT
#include "io/data_dir.hpp"
#include "io/provenance.hpp"

#include <cstdlib>

namespace coterm::io {

std::filesystem::path resolve_data_dir(const std::string& option)
{
    std::filesystem::path dir = std::filesystem::path(COTERM_GEODATA_DIR) / "cache";
    if (!option.empty())
        dir = option;
    else if (const char* env = std::getenv("COTERM_DATA"); env && *env)
        dir = env;
    note_data_dir(dir); // outputs name the files inside it relative to it
    return dir;
}

} // namespace coterm::io
