// SPDX-License-Identifier: MIT
#include "core/apportion.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace coterm;

namespace {
// Sources s0 (weight 10) and s1 (weight 30, a quarter of it outside every target);
// targets t0 and t1. s0 → t0 all; s1 → t0 7.5, t1 15.
Transfer sample()
{
    Transfer t;
    t.pieces = {{0, 0, 10}, {1, 0, 7.5}, {1, 1, 15}};
    t.source_weight = {10, 30};
    t.target_weight = {17.5, 15};
    return t;
}
constexpr double missing = std::numeric_limits<double>::quiet_NaN();
} // namespace

TEST_CASE("Extensive values are split by weight and their total is conserved")
{
    const Apportioned a = apportion_extensive(sample(), {100, 40});
    CHECK(a.values[0] == Approx(100 + 10).epsilon(1e-12));
    CHECK(a.values[1] == Approx(20).epsilon(1e-12));
    CHECK(a.sum_in == 140);
    CHECK(a.sum_out == Approx(130).epsilon(1e-12));
    CHECK(a.outside == Approx(10).epsilon(1e-12));
    REQUIRE(a.outside_sources.size() == 1);
    CHECK(a.outside_sources[0].first == 1);
    CHECK(a.outside_sources[0].second == Approx(10).epsilon(1e-12));
}

TEST_CASE("A source without data is skipped and lowers the targets' coverage")
{
    const Apportioned a = apportion_extensive(sample(), {100, missing});
    CHECK(a.values[0] == 100);
    CHECK(std::isnan(a.values[1]));
    CHECK(a.coverage[0] == Approx(10 / 17.5).epsilon(1e-12));
    CHECK(a.sum_in == 100);
}

TEST_CASE("Intensive values are weight-averaged over the parts of each target")
{
    const Apportioned a = apportion_intensive(sample(), {80, 70});
    CHECK(a.values[0] == Approx((80 * 10 + 70 * 7.5) / 17.5).epsilon(1e-12));
    CHECK(a.values[1] == Approx(70).epsilon(1e-12));
    CHECK(a.coverage[1] == 1);
}

TEST_CASE("Point values are summed per target and the rest counted outside")
{
    const Apportioned a = sum_points({0, 1, 0, static_cast<std::size_t>(-1)}, {1, 2, 3, 4}, 2);
    CHECK(a.values == std::vector<double>{4, 2});
    CHECK(a.outside == 4);
    CHECK(a.sum_in == 10);
    CHECK(a.sum_out == 6);
}

TEST_CASE("A £1.12e15 total is conserved to the penny with no false leak")
{
    // 1,000 sources of £1.12e12 each (plus odd pennies), each split over three targets
    // by weights 1/3 each: naive sums leave residues of a few pounds at this size.
    Transfer t;
    std::vector<double> values;
    for (std::size_t s = 0; s < 1000; ++s) {
        for (std::size_t k = 0; k < 3; ++k)
            t.pieces.push_back({s, (s + k) % 7, 1.0 / 3.0});
        t.source_weight.push_back(1.0);
        values.push_back(1.12e12 + 0.01 * static_cast<double>(s % 97));
    }
    t.target_weight.assign(7, 0.0);
    const Apportioned a = apportion_extensive(t, values);
    CHECK(a.sum_in == Approx(1.12e15).epsilon(1e-6));
    CHECK(a.outside == 0);
    CHECK(a.outside_sources.empty());
    double total = 0;
    for (double v : a.values)
        total += v;
    CHECK(std::abs(total - a.sum_in) < 1.0);
}
