// SPDX-License-Identifier: MIT
#include "core/readable_number.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace coterm;

TEST_CASE("Thousands separators in fixed notation, never scientific")
{
    CHECK(format_thousands(1234567.891, 0) == "1,234,568");
    CHECK(format_thousands(1234567.891, 2) == "1,234,567.89");
    CHECK(format_thousands(999, 0) == "999");
    CHECK(format_thousands(-1234.5, 1) == "-1,234.5");
    CHECK(format_thousands(1.12e15, 2) == "1,120,000,000,000,000.00");
    CHECK(format_thousands(NAN, 2).empty());
}

TEST_CASE("Money carries pennies and the pound sign")
{
    CHECK(format_money(7343543983.22998) == "£7,343,543,983.23");
    CHECK(format_money(0) == "£0.00");
    CHECK(format_money(-5) == "-£5.00");
    CHECK(format_money(-0.001) == "£0.00");
}

TEST_CASE("Amounts drop decimals only when they would print as .00")
{
    CHECK(format_amount(56490108.0000000004) == "56,490,108");
    CHECK(format_amount(10117858261.36) == "10,117,858,261.36");
    CHECK(format_amount(26384.66) == "26,384.66");
    CHECK(format_amount(-0.001) == "0");
}

TEST_CASE("Percentages of shares")
{
    CHECK(format_percent(0.3671) == "36.7 %");
    CHECK(format_percent(1) == "100.0 %");
    CHECK(format_percent(0.5, 0) == "50 %");
}
