// SPDX-License-Identifier: MIT
#include "io/cache_dir.hpp"

#include "core/errors.hpp"

#include <cstdint>
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

std::string fnv1a_hex(std::string_view text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : text)
        h = (h ^ c) * 1099511628211ull;
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4)
        hex[static_cast<std::size_t>(i)] = digits[h & 15];
    return hex;
}

} // namespace coterm::io
