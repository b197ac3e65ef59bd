// SPDX-License-Identifier: MIT
#include "render/classify.hpp"

#include "render_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using namespace coterm::render;

namespace {

std::vector<MapFeature> numbered(const std::vector<Cell>& values)
{
    std::vector<MapFeature> out;
    for (const auto& v : values)
        out.push_back({"c", "n", {}, {v}, false});
    return out;
}

} // namespace

TEST_CASE("Ten values make five quantile classes of two, breaks at ranks 2, 4, 6 and 8")
{
    std::vector<Cell> v;
    for (int i = 10; i >= 1; --i)
        v.emplace_back(static_cast<double>(i));
    const Classification c = classify(numbered(v), {"x", "X", ValueKind::number, ""}, 0);
    REQUIRE(c.method == "quantiles");
    REQUIRE(c.classes.size() == 5);
    CHECK(c.classes[0].label == "1 – 2");
    CHECK(c.classes[4].min == 9);
    CHECK(c.classes[4].max == 10);
    for (const auto& k : c.classes)
        CHECK(k.count == 2);
    CHECK(c.class_of.front() == 4); // the value 10
    CHECK(c.classes[0].colour == sequential_palette(5)[0]);
}

TEST_CASE("Ties never straddle a break: equal breaks merge into fewer classes")
{
    std::vector<Cell> v(8, Cell(5.0));
    v.emplace_back(1.0);
    v.emplace_back(9.0);
    v.emplace_back(7.0);
    v.emplace_back(3.0);
    v.emplace_back(2.0);
    v.emplace_back(8.0);
    const Classification c = classify(numbered(v), {"x", "X", ValueKind::number, ""}, 0);
    std::size_t fives = 0;
    for (std::size_t i = 0; i < 8; ++i)
        fives += c.class_of[i] == c.class_of[0];
    CHECK(fives == 8);
    CHECK(c.classes.size() < 5);
}

TEST_CASE("Counts with few values get one class each; missing values get none")
{
    const Classification c = classify(numbered({std::int64_t{1}, std::int64_t{3}, Cell{}, std::int64_t{1}}),
                                      {"u", "Units", ValueKind::count, ""}, 0);
    CHECK(c.method == "one class per value");
    REQUIRE(c.classes.size() == 2);
    CHECK(c.classes[0].label == "1");
    CHECK(c.classes[0].count == 2);
    CHECK(c.class_of == std::vector<int>{0, 1, -1, 0});
    CHECK(fill_of(c, 2) == no_data_colour);
}

TEST_CASE("Categories take Okabe-Ito colours in text order, the eighth and later share grey")
{
    std::vector<Cell> v;
    for (char ch : std::string("hgfedcba"))
        v.emplace_back(std::string(1, ch));
    const Classification c = classify(numbered(v), {"t", "T", ValueKind::category, ""}, 0);
    REQUIRE(c.classes.size() == 8);
    CHECK(c.classes[0].label == "a");
    CHECK(c.classes[0].colour == categorical_palette()[0]);
    CHECK(c.classes[7].label == "other");
    CHECK(c.classes[7].colour == other_colour);
    CHECK(c.class_of[0] == 7); // "h"
}
