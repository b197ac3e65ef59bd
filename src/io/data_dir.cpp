// SPDX-License-Identifier: MIT
#include "io/data_dir.hpp"
#include "io/provenance.hpp"

#include <cstdlib>
#include <system_error>

namespace coterm::io {

std::filesystem::path resolve_data_dir(const std::string& option)
{
    std::filesystem::path dir = std::filesystem::path(COTERM_GEODATA_DIR) / "cache";
    if (!option.empty()) {
        dir = option;
    } else if (const char* env = std::getenv("COTERM_DATA"); env && *env) {
        dir = env;
    } else if (!installed_share_dir().empty()) {
        // Installed: the share folder is read-only for users, so ONS files go where
        // `coterm data fetch` can write them (the XDG base directory rule).
        if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
            dir = std::filesystem::path(xdg) / "coterm";
        else if (const char* home = std::getenv("HOME"); home && *home)
            dir = std::filesystem::path(home) / ".local/share/coterm";
    }
    note_data_dir(dir); // outputs name the files inside it relative to it
    return dir;
}

std::filesystem::path installed_share_dir()
{
    // The binary's own location (Linux), so a prefix moved or chosen at install time
    // (cmake --install --prefix, a .deb in /usr) is found without configuration.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto share = (exe.parent_path() / COTERM_SHARE_FROM_BIN).lexically_normal();
    return std::filesystem::exists(share / "catalogue.toml", ec) ? share : std::filesystem::path();
}

} // namespace coterm::io
