// SPDX-License-Identifier: MIT
#include "core/time_left.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

// Each expected text is worked by hand: left = elapsed × (total − done) / done seconds.

TEST_CASE("No estimate before any work, after all of it, or within the first second")
{
    CHECK(time_left_text(10.0, 0, 100).empty());   // nothing done: no rate yet
    CHECK(time_left_text(10.0, 100, 100).empty()); // done
    CHECK(time_left_text(10.0, 120, 100).empty()); // past the total (a late report)
    CHECK(time_left_text(0.5, 1, 100).empty());    // 0.5 s is too little to judge by
    CHECK(time_left_text(0.0, 0, 0).empty());      // an empty phase
}

TEST_CASE("Under a second left says nothing")
{
    // 1 s × 10 / 90 = 0.11 s
    CHECK(time_left_text(1.0, 90, 100).empty());
}

TEST_CASE("Seconds below 90, rounded to the nearest second")
{
    CHECK(time_left_text(10.0, 1, 3) == "about 20 s left");  // 10 × 2 / 1 = 20
    CHECK(time_left_text(2.0, 50, 100) == "about 2 s left"); // 2 × 50 / 50 = 2
    CHECK(time_left_text(1.0, 2, 7) == "about 3 s left");    // 1 × 5 / 2 = 2.5, rounds half away from zero
    CHECK(time_left_text(1.0, 4, 5) == "");                  // 1 × 1 / 4 = 0.25
    CHECK(time_left_text(89.0, 1, 2) == "about 89 s left");  // 89 × 1 / 1 = 89, the last in seconds
    CHECK(time_left_text(1.0, 1, 2) == "about 1 s left");    // exactly 1 s
}

TEST_CASE("Minutes from 90 seconds, rounded to the nearest minute")
{
    CHECK(time_left_text(90.0, 1, 2) == "about 2 min left");    // 90 s = 1.5 min, rounds to 2
    CHECK(time_left_text(30.0, 1, 5) == "about 2 min left");    // 30 × 4 = 120 s
    CHECK(time_left_text(60.0, 1, 61) == "about 60 min left");  // 60 × 60 = 3600 s
    CHECK(time_left_text(100.0, 10, 20) == "about 2 min left"); // 100 × 10 / 10 = 100 s = 1.67 min
}
