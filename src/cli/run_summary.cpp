// SPDX-License-Identifier: MIT
#include "cli/run_summary.hpp"

#include "io/atomic_file.hpp"

#include <unistd.h>

namespace coterm::cli {

namespace fs = std::filesystem;

void write_folder(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files)
{
    const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
    fs::create_directories(parent);
    const fs::path temp = parent / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()));
    fs::remove_all(temp);
    fs::create_directories(temp);
    try {
        for (const auto& [name, content] : files)
            io::write_output((temp / name).string(), content);
        const fs::path old = parent / ("." + out.filename().string() + ".old-" + std::to_string(::getpid()));
        if (fs::exists(out)) fs::rename(out, old);
        fs::rename(temp, out);
        fs::remove_all(old);
    } catch (...) {
        fs::remove_all(temp);
        throw;
    }
}

} // namespace coterm::cli
