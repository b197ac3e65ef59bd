// SPDX-License-Identifier: MIT
// libFuzzer target: query files (UTF-8 check, then toml++, then coterm's key checks).
#include "io/query_file.hpp"

#include <cstdint>
#include <exception>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        coterm::io::parse_query(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
    } catch (const std::exception&) {
        // A refusal (UsageError naming the key, line or byte) is the expected outcome.
    }
    return 0;
}
