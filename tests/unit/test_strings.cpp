// SPDX-License-Identifier: MIT
#include "core/strings.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("A typo in a layer id gets a did-you-mean")
{
    const std::vector<std::string> ids{"lsoa21", "ltla24", "utla23", "icb24", "ltla24-gen"};
    CHECK(did_you_mean("ltla42", ids) == " (did you mean 'ltla24'?)");
    CHECK(did_you_mean("ICB24", ids) == " (did you mean 'icb24'?)");
    CHECK(did_you_mean("hospital", ids).empty());
}

TEST_CASE("Case-insensitive suffixes and joins")
{
    CHECK(iends_with("LAD24_CODE", "_code"));
    CHECK_FALSE(iends_with("code", "_code"));
    CHECK(iequals("Code", "code"));
    CHECK(join({"a", "b", "c"}, "; ") == "a; b; c");
    CHECK(join_limited({"a", "b", "c", "d"}, 2) == "a, b, … (2 more)");
}
