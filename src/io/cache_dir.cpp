// SPDX-License-Identifier: MIT
#include "io/cache_dir.hpp"

#include "core/errors.hpp"

#include <cstdlib>

namespace coterm::io {

std::filesystem::path resolve_cache_dir()
{
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("COTERM_CACHE"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "coterm";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "coterm";
    throw UsageError("no cache folder for the layers coterm builds: set COTERM_CACHE (or XDG_CACHE_HOME or HOME)");
}

} // namespace coterm::io
