// SPDX-License-Identifier: MIT
#include "core/number_format.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace coterm;

TEST_CASE("Fixed notation rounds to the given decimals")
{
    CHECK(format_fixed(94555328.3854, 3) == "94555328.385");
    CHECK(format_fixed(0.5, 3) == "0.500");
    CHECK(format_fixed(2.0, 0) == "2");
}

TEST_CASE("A negative rounding residue never prints as minus zero")
{
    CHECK(format_fixed(-0.0001, 3) == "0.000");
    CHECK(format_fixed(-0.0, 3) == "0.000");
    CHECK(format_fixed(-1.5, 1) == "-1.5");
}

TEST_CASE("General notation keeps 12 significant digits and sliver magnitudes")
{
    CHECK(format_general(1.0, 12) == "1");
    CHECK(format_general(0.5, 12) == "0.5");
    CHECK(format_general(1.0 / 3.0, 12) == "0.333333333333");
    CHECK(format_general(3.2768e-9, 12) == "3.2768e-09");
}

TEST_CASE("Non-finite numbers give an empty string")
{
    CHECK(format_fixed(std::numeric_limits<double>::infinity(), 3).empty());
    CHECK(format_general(std::numeric_limits<double>::quiet_NaN(), 12).empty());
}

TEST_CASE("Large numbers never print with an exponent; amounts carry pennies")
{
    CHECK(format_general(1.12e15, 15) == "1120000000000000");
    CHECK(format_general(-2.5e17, 15) == "-250000000000000000");
    CHECK(format_general(123456.75, 15) == "123456.75");
    CHECK(format_pennies(1.12e15) == "1120000000000000.00");
    CHECK(format_pennies(308.5) == "308.50");
    CHECK(format_pennies(-0.001) == "0.00");
}
