// SPDX-License-Identifier: MIT
#include "core/overlap_summary.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

TEST_CASE("A feature is split only when two partners each hold at least 0.1% of it")
{
    const Layer a = make_layer("a", {{"HALVED", box(0, 0, 2, 1)}, {"SLIVERED", box(0, 2, 1000, 3)}});
    // SLIVERED (area 1000) pokes 0.5 m² (0.05 %) into B2: a sliver, not a split.
    const Layer b = make_layer("b", {{"B1", box(0, 0, 1, 1)},
                                     {"B2", box(1, 0, 2, 1)},
                                     {"B3", box(0, 2, 999.5, 3)},
                                     {"B4", box(999.5, 2, 1000, 3)}});
    const OverlapResult r = compute_overlap(a, b, {});
    const OverlapSummary s = summarise_overlap(a, b, r);
    CHECK(s.pairs == 4);
    CHECK(s.a.split == 1);
    CHECK(s.a.features == 2);
    CHECK(s.b.split == 0);
}

TEST_CASE("Uncovered area is the area of A outside every B")
{
    const Layer a = make_layer("a", {{"A", box(0, 0, 4, 1)}, {"OUT", box(10, 10, 11, 11)}});
    const Layer b = make_layer("b", {{"B", box(0, 0, 3, 1)}});
    const OverlapSummary s = summarise_overlap(a, b, compute_overlap(a, b, {}));
    CHECK(s.a.area_m2 == 5.0);
    CHECK(s.a.uncovered_m2 == 2.0);
    CHECK(s.a.partly_uncovered == 2);
    CHECK(s.b.uncovered_m2 == 0.0);
    CHECK(s.b.partly_uncovered == 0);
}
