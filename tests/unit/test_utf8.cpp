// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("Valid UTF-8 passes; the first bad byte is found")
{
    CHECK(find_invalid_utf8("plain ASCII") == std::string_view::npos);
    CHECK(find_invalid_utf8("Bren\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8C\x8D") == std::string_view::npos); // é € 🌍
    CHECK(find_invalid_utf8("Caf\xE9!") == 3);                                                        // Latin-1 é
    CHECK(find_invalid_utf8("x\xC0\xAF") == 1);                                                       // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);                                                    // a surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);                                                // above U+10FFFF
    CHECK(find_invalid_utf8("ok\xE2\x82") == 2);         // truncated at the end
    CHECK(find_invalid_utf8("data =\xCB\xA1\xFF") == 8); // the toml++ crash input's tail
}

TEST_CASE("Bad sequences become U+FFFD, one per maximal ill-formed part")
{
    CHECK(to_valid_utf8("Caf\xE9") == "Caf\xEF\xBF\xBD");
    CHECK(to_valid_utf8("a\xE2\x82z") == "a\xEF\xBF\xBDz"); // a truncated 3-byte sequence is one part
    CHECK(to_valid_utf8("\xFF\xFE") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(to_valid_utf8("good \xC3\xA9") == "good \xC3\xA9");
    CHECK(find_invalid_utf8(to_valid_utf8("\x80\xC2\xE0\x80\xF0\x90")) == std::string_view::npos);
}

TEST_CASE("check_utf8 names the source, byte and line")
{
    CHECK_NOTHROW(check_utf8("a,b\n1,2\n", "f.csv"));
    CHECK_THROWS_WITH(check_utf8("a,b\n1,\xE9\n", "f.csv"),
                      Catch::Matchers::StartsWith("f.csv: invalid UTF-8 at byte 6 (line 2)"));
}
