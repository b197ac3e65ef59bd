// SPDX-License-Identifier: MIT
#include "core/parallel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <vector>

using namespace coterm;

TEST_CASE("Every index is run exactly once whatever the thread count")
{
    for (unsigned threads : {1u, 2u, 7u}) {
        std::vector<std::atomic<int>> hits(1000);
        parallel_for(hits.size(), threads, [&](std::size_t i) { ++hits[i]; });
        for (auto& h : hits)
            REQUIRE(h.load() == 1);
    }
}

TEST_CASE("An exception in a task reaches the caller")
{
    CHECK_THROWS_WITH(parallel_for(100, 2,
                                   [](std::size_t i) {
                                       if (i == 42) throw std::runtime_error("task 42 failed");
                                   }),
                      "task 42 failed");
}

TEST_CASE("Zero threads means all hardware threads, at least one")
{
    CHECK(resolve_threads(0) >= 1);
    CHECK(resolve_threads(3) == 3);
}
