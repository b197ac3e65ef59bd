// SPDX-License-Identifier: MIT
#include "core/compensated_sum.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace coterm;

TEST_CASE("A compensated sum keeps what plain addition drops")
{
    // 1e16 + 1 + 1 - 1e16: plain doubles lose both ones (the spacing at 1e16 is 2).
    double plain = 0;
    CompensatedSum sum;
    for (double x : {1e16, 1.0, 1.0, -1e16}) {
        plain += x;
        sum += x;
    }
    CHECK(plain == 0);
    CHECK(sum.value() == 2);
}

TEST_CASE("Ten million pennies sum exactly whatever the order")
{
    CompensatedSum up, down;
    for (int i = 0; i < 10'000'000; ++i)
        up += 0.01;
    for (int i = 0; i < 10'000'000; ++i)
        down += 0.01;
    CHECK(up.value() == down.value());
    CHECK(std::abs(up.value() - 100000.0) < 1e-9);
}

TEST_CASE("Residues below 1e-12 of the total are rounding, not leaks")
{
    CHECK(drop_rounding(-2.625, 1.12e15) == 0);
    CHECK(drop_rounding(1e-13, 0.5) == 0);
    CHECK(drop_rounding(20, 100) == 20);
    CHECK(drop_rounding(5000, 1.12e15) == 5000);
}
