// SPDX-License-Identifier: MIT
#include "core/geos_answer.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("A GEOS predicate's 1 and 0 are yes and no, and count nothing")
{
    std::size_t failures = 0;
    CHECK(read_answer(1, failures) == Answer::yes);
    CHECK(read_answer(0, failures) == Answer::no);
    CHECK(failures == 0);
}

TEST_CASE("A GEOS predicate's error return (2) is a counted failure, never a no")
{
    // GEOS returns 2 when the predicate raised an exception; injected here, as valid
    // input cannot make a prepared predicate fail.
    std::size_t failures = 0;
    CHECK(read_answer(2, failures) == Answer::failed);
    CHECK(read_answer(2, failures) == Answer::failed);
    CHECK(read_answer(static_cast<char>(-1), failures) == Answer::failed);
    CHECK(failures == 3);
}
