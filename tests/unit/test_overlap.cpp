// SPDX-License-Identifier: MIT
#include "core/overlap.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

namespace {

struct Expected {
    std::string a, b;
    double area, share_a, share_b;
};

void check_rows(const Layer& a, const Layer& b, const OverlapResult& r, const std::vector<Expected>& expected)
{
    REQUIRE(r.rows.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("row " << i);
        CHECK(a.features[r.rows[i].a].code == expected[i].a);
        CHECK(b.features[r.rows[i].b].code == expected[i].b);
        CHECK(r.rows[i].area_m2 == Approx(expected[i].area).epsilon(1e-12));
        CHECK(r.rows[i].share_of_a == Approx(expected[i].share_a).epsilon(1e-12));
        CHECK(r.rows[i].share_of_b == Approx(expected[i].share_b).epsilon(1e-12));
    }
}

} // namespace

TEST_CASE("A unit square over its two halves gives two rows of 0.5")
{
    const Layer a = make_layer("a", {{"SQ", box(0, 0, 1, 1)}});
    const Layer b = make_layer("b", {{"L", box(0, 0, 0.5, 1)}, {"R", box(0.5, 0, 1, 1)}});
    const OverlapResult r = compute_overlap(a, b, {});
    check_rows(a, b, r, {{"SQ", "L", 0.5, 0.5, 1}, {"SQ", "R", 0.5, 0.5, 1}});
    CHECK(r.covered_a_m2[0] == 1.0);
    CHECK(r.covered_b_m2 == std::vector<double>{0.5, 0.5});
    CHECK(r.stats.contained == 2); // both halves answered by the covers shortcut
    CHECK(r.stats.intersections == 0);
}

TEST_CASE("Halves against quarters: each half holds two quarters")
{
    const Layer halves = make_layer("h", {{"L", box(0, 0, 1, 2)}, {"R", box(1, 0, 2, 2)}});
    const Layer quarters = make_layer(
        "q", {{"Q1", box(0, 0, 1, 1)}, {"Q2", box(1, 0, 2, 1)}, {"Q3", box(0, 1, 1, 2)}, {"Q4", box(1, 1, 2, 2)}});
    const OverlapResult r = compute_overlap(halves, quarters, {});
    check_rows(halves, quarters, r,
               {{"L", "Q1", 1, 0.5, 1}, {"L", "Q3", 1, 0.5, 1}, {"R", "Q2", 1, 0.5, 1}, {"R", "Q4", 1, 0.5, 1}});
}

TEST_CASE("A shifted square needs a real intersection: a quarter of each")
{
    const Layer a = make_layer("a", {{"A", box(0, 0, 2, 2)}});
    const Layer b = make_layer("b", {{"B", box(1, 1, 3, 3)}});
    const OverlapResult r = compute_overlap(a, b, {});
    check_rows(a, b, r, {{"A", "B", 1, 0.25, 0.25}});
    CHECK(r.stats.intersections == 0); // the crossing squares are in general position:
    CHECK(r.stats.area_kernel == 1);   // the exact area kernel answers, no overlay built
    CHECK(r.covered_a_m2[0] == 1.0);
}

TEST_CASE("A feature filling a hole only touches the holed feature: no row")
{
    const Layer a = make_layer("a", {{"RING", "POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,1 3,3 3,3 1,1 1))"}});
    const Layer b = make_layer("b", {{"HOLE", box(1, 1, 3, 3)}, {"OVER", box(3, 3, 5, 5)}});
    const OverlapResult r = compute_overlap(a, b, {});
    // OVER overlaps the ring's corner [3,4]²: area 1.
    check_rows(a, b, r, {{"RING", "OVER", 1, 1.0 / 12, 0.25}});
    CHECK(r.covered_b_m2[0] == 0.0); // HOLE is not covered at all
}

TEST_CASE("A multipolygon with an island is counted in both parts")
{
    const Layer a = make_layer("a", {{"MAIN", "MULTIPOLYGON(((0 0,2 0,2 2,0 2,0 0)),((5 0,6 0,6 1,5 1,5 0)))"}});
    const Layer b = make_layer("b", {{"WEST", box(0, 0, 3, 2)}, {"EAST", box(3, 0, 7, 2)}});
    const OverlapResult r = compute_overlap(a, b, {});
    check_rows(a, b, r, {{"MAIN", "EAST", 1, 0.2, 1.0 / 8}, {"MAIN", "WEST", 4, 0.8, 4.0 / 6}});
}

TEST_CASE("Neighbours that only share an edge or a corner produce no row")
{
    const Layer a = make_layer("a", {{"A", box(0, 0, 1, 1)}});
    const Layer b = make_layer("b", {{"EDGE", box(1, 0, 2, 1)}, {"CORNER", box(1, 1, 2, 2)}});
    const OverlapResult r = compute_overlap(a, b, {});
    CHECK(r.rows.empty());
    CHECK(r.covered_a_m2[0] == 0.0);
}

TEST_CASE("Near-coincident edges leave a sliver row that min_share removes")
{
    // B's west edge sits 1 mm inside A's east edge: a 0.001 × 1000 m sliver.
    const Layer a = make_layer("a", {{"A", box(0, 0, 1000, 1000)}});
    const Layer b = make_layer("b", {{"B", box(999.999, 0, 2000, 1000)}});
    OverlapResult r = compute_overlap(a, b, {});
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].area_m2 == Approx(1.0).epsilon(1e-6));
    CHECK(r.rows[0].share_of_a == Approx(1e-6).epsilon(1e-6));
    apply_min_share(r.rows, 0.001);
    CHECK(r.rows.empty());
}

TEST_CASE("min_share keeps a row when either share reaches it")
{
    const Layer a = make_layer("a", {{"BIG", box(0, 0, 100, 100)}});
    const Layer b = make_layer("b", {{"SMALL", box(99, 99, 101, 101)}});
    OverlapResult r = compute_overlap(a, b, {});
    REQUIRE(r.rows.size() == 1); // area 1: share_of_a 1e-4, share_of_b 0.25
    apply_min_share(r.rows, 0.2);
    CHECK(r.rows.size() == 1);
    apply_min_share(r.rows, 0.3);
    CHECK(r.rows.empty());
}

TEST_CASE("Overlap of A with B mirrors overlap of B with A")
{
    const Layer a = make_layer("a", {{"A1", box(0, 0, 3, 3)}, {"A2", box(3, 0, 6, 3)}, {"A3", box(0, 3, 6, 5)}});
    const Layer b = make_layer("b", {{"B1", box(1, 1, 4, 4)}, {"B2", box(4, 1, 7, 6)}});
    const OverlapResult ab = compute_overlap(a, b, {});
    const OverlapResult ba = compute_overlap(b, a, {});
    REQUIRE(ab.rows.size() == ba.rows.size());
    for (const auto& r : ab.rows) {
        auto it =
            std::find_if(ba.rows.begin(), ba.rows.end(), [&](const OverlapRow& m) { return m.a == r.b && m.b == r.a; });
        REQUIRE(it != ba.rows.end());
        CHECK(it->area_m2 == Approx(r.area_m2).epsilon(1e-12));
        CHECK(it->share_of_a == Approx(r.share_of_b).epsilon(1e-12));
        CHECK(r.share_of_a >= 0);
        CHECK(r.share_of_a <= 1);
    }
}

TEST_CASE("Results are identical for one thread and several")
{
    std::vector<std::pair<std::string, std::string>> grid, shifted;
    for (int i = 0; i < 12; ++i)
        for (int j = 0; j < 12; ++j) {
            grid.emplace_back("G" + std::to_string(100 + i * 12 + j), box(i, j, i + 1, j + 1));
            if (i < 6 && j < 6)
                shifted.emplace_back("S" + std::to_string(100 + i * 6 + j),
                                     box(i * 2 + 0.3, j * 2 + 0.7, i * 2 + 2.3, j * 2 + 2.7));
        }
    const Layer a = make_layer("a", grid), b = make_layer("b", shifted);
    OverlapOptions one, many;
    one.threads = 1;
    many.threads = 4;
    const OverlapResult r1 = compute_overlap(a, b, one), r4 = compute_overlap(a, b, many);
    REQUIRE(r1.rows.size() == r4.rows.size());
    for (std::size_t i = 0; i < r1.rows.size(); ++i) {
        CHECK(r1.rows[i].a == r4.rows[i].a);
        CHECK(r1.rows[i].b == r4.rows[i].b);
        CHECK(r1.rows[i].area_m2 == r4.rows[i].area_m2); // bit-identical
    }
    CHECK(r1.covered_a_m2 == r4.covered_a_m2);
}

TEST_CASE("Pieces are kept for GeoJSON only when asked")
{
    const Layer a = make_layer("a", {{"A", box(0, 0, 2, 2)}});
    const Layer b = make_layer("b", {{"B", box(1, 1, 3, 3)}});
    CHECK(compute_overlap(a, b, {}).rows[0].piece.empty());
    OverlapOptions keep;
    keep.keep_pieces = true;
    const OverlapResult r = compute_overlap(a, b, keep);
    CHECK(Geometry::from_wkb(r.rows[0].piece).area() == 1.0);
}

TEST_CASE("Coverage is capped and flagged when the other layer overlaps itself")
{
    const Layer a = make_layer("a", {{"A", box(0, 0, 2, 2)}});
    const Layer b = make_layer("b", {{"B1", box(0, 0, 2, 2)}, {"B2", box(0, 0, 1, 1)}});
    const OverlapResult r = compute_overlap(a, b, {});
    CHECK(r.covered_a_m2[0] == 4.0);
    CHECK(r.overcounted_a[0] == 1);
}

TEST_CASE("A feature inside one neighbour and touching the next is skipped without an intersection")
{
    // Districts L and R share the edge x = 2; the LSOA-like cell sits in L against it.
    // (The layer with fewer features is the prepared one: here the districts.)
    const Layer small =
        make_layer("s", {{"CELL", box(1, 0, 2, 1)}, {"FAR", box(3, 0, 4, 1)}, {"TOP", box(0, 1, 1, 2)}});
    const Layer big = make_layer("b", {{"L", box(0, 0, 2, 2)}, {"R", box(2, 0, 4, 2)}});
    const OverlapResult r = compute_overlap(small, big, {});
    check_rows(small, big, r, {{"CELL", "L", 1, 1, 0.25}, {"FAR", "R", 1, 1, 0.25}, {"TOP", "L", 1, 1, 0.25}});
    CHECK(r.stats.skipped == 1);       // CELL × R: only touches
    CHECK(r.stats.intersections == 0); // no piece had to be built
    CHECK(r.stats.outer_pair_checks == 1);
    CHECK(r.stats.exact_overlap_checks == 1); // L and R share the edge x = 2, vertex for vertex
}

TEST_CASE("Kept neighbour answers are reused by the next overlap of the same layer, with the same rows")
{
    // As above: CELL lies in L and touches R, so L × R is checked once; a second overlap
    // with the same answers kept (from either side) asks GEOS nothing and finds the same.
    const Layer small =
        make_layer("s", {{"CELL", box(1, 0, 2, 1)}, {"FAR", box(3, 0, 4, 1)}, {"TOP", box(0, 1, 1, 2)}});
    const Layer big = make_layer("b", {{"L", box(0, 0, 2, 2)}, {"R", box(2, 0, 4, 2)}});
    NeighbourOverlaps kept;
    OverlapOptions with_b;
    with_b.b_neighbours = &kept;
    const OverlapResult first = compute_overlap(small, big, with_b);
    CHECK(first.stats.outer_pair_checks == 1);
    REQUIRE(kept.known.size() == 1);
    CHECK(kept.known.begin()->first == std::pair<std::size_t, std::size_t>{0, 1});
    CHECK_FALSE(kept.known.begin()->second); // L and R only touch
    const OverlapResult again = compute_overlap(small, big, with_b);
    CHECK(again.stats.outer_pair_checks == 0);
    CHECK(again.stats.skipped == 1);
    check_rows(small, big, again, {{"CELL", "L", 1, 1, 0.25}, {"FAR", "R", 1, 1, 0.25}, {"TOP", "L", 1, 1, 0.25}});
    OverlapOptions with_a;
    with_a.a_neighbours = &kept; // the same layer as A of the reversed overlap
    const OverlapResult reversed = compute_overlap(big, small, with_a);
    CHECK(reversed.stats.outer_pair_checks == 0);
    CHECK(reversed.rows.size() == 3);
}

TEST_CASE("A kept answer that two features overlap is reused as such: the pair is not skipped")
{
    const Layer small =
        make_layer("s", {{"CELL", box(0.5, 0, 1.5, 1)}, {"X1", box(10, 10, 11, 11)}, {"X2", box(20, 20, 21, 21)}});
    const Layer big = make_layer("b", {{"C", box(0, 0, 2, 2)}, {"O", box(1, 0, 3, 2)}});
    NeighbourOverlaps kept;
    OverlapOptions options;
    options.b_neighbours = &kept;
    compute_overlap(small, big, options);
    REQUIRE(kept.known.size() == 1);
    CHECK(kept.known.begin()->second); // C and O overlap on [1,2]×[0,2]
    const OverlapResult r = compute_overlap(small, big, options);
    CHECK(r.stats.outer_pair_checks == 0);
    CHECK(r.stats.skipped == 0);
    check_rows(small, big, r, {{"CELL", "C", 1, 1, 0.25}, {"CELL", "O", 0.5, 0.5, 0.125}});
}

TEST_CASE("The skip rule does not hide real area where the prepared layer overlaps itself")
{
    // C and O overlap on [1,2]×[0,2]; the cell lies wholly in C and half in O.
    const Layer small =
        make_layer("s", {{"CELL", box(0.5, 0, 1.5, 1)}, {"X1", box(10, 10, 11, 11)}, {"X2", box(20, 20, 21, 21)}});
    const Layer big = make_layer("b", {{"C", box(0, 0, 2, 2)}, {"O", box(1, 0, 3, 2)}});
    const OverlapResult r = compute_overlap(small, big, {});
    check_rows(small, big, r, {{"CELL", "C", 1, 1, 0.25}, {"CELL", "O", 0.5, 0.5, 0.125}});
    CHECK(r.stats.outer_pair_checks == 1);
    CHECK(r.stats.exact_overlap_checks == 0); // collinear edges that are not the same edge: OverlayNG
    CHECK(r.stats.skipped == 0);
    CHECK(r.overcounted_a[0] == 1); // 1.5 m² of pieces in a 1 m² cell: B overlaps itself
}

TEST_CASE("A feature sharing part of its boundary with its container is found by the covers test")
{
    // The cell shares its west and south edges with the district, and its east edge
    // crosses a notch-free stretch: covered, answered without an intersection.
    const Layer small = make_layer("s", {{"CELL", box(0, 0, 1, 1)}, {"FAR", box(10, 10, 11, 11)}});
    const Layer big = make_layer("b", {{"D", "POLYGON((0 0,3 0,3 1,2 1,2 3,0 3,0 0))"}});
    const OverlapResult r = compute_overlap(small, big, {});
    check_rows(small, big, r, {{"CELL", "D", 1, 1, 1.0 / 7}});
    CHECK(r.stats.contained == 1);
    CHECK(r.stats.intersections == 0);
}

TEST_CASE("Cells sharing edges with their district, vertex for vertex, are found covered by the exact test")
{
    // Cells of a 2 m grid in a 4 m district with the grid's vertices on its sides, and
    // one cell equal to a neighbouring district: GEOS relate is not needed for any.
    const Layer cells = make_layer("c", {{"C1", box(0, 0, 2, 2)},
                                         {"C2", box(2, 0, 4, 2)},
                                         {"C3", box(0, 2, 2, 4)},
                                         {"C4", box(2, 2, 4, 4)},
                                         {"C5", box(4, 0, 6, 2)}});
    const Layer districts =
        make_layer("d", {{"D1", "POLYGON((0 0,2 0,4 0,4 2,4 4,2 4,0 4,0 2,0 0))"}, {"D2", box(4, 0, 6, 2)}});
    const OverlapResult r = compute_overlap(cells, districts, {});
    check_rows(cells, districts, r,
               {{"C1", "D1", 4, 1, 0.25},
                {"C2", "D1", 4, 1, 0.25},
                {"C3", "D1", 4, 1, 0.25},
                {"C4", "D1", 4, 1, 0.25},
                {"C5", "D2", 4, 1, 1}});
    CHECK(r.stats.contained == 5);
    CHECK(r.stats.exact_covers == 5);
}

TEST_CASE("A feature poking out through a notch is not taken as covered")
{
    // Every vertex of the cell is inside or on D, but its top edge crosses D's notch.
    const Layer small = make_layer("s", {{"CELL", "POLYGON((0 0,3 0,3 2,0 2,0 0))"}, {"FAR", box(10, 10, 11, 11)}});
    const Layer big = make_layer("b", {{"D", "POLYGON((0 0,3 0,3 3,2 3,2 1,1 1,1 3,0 3,0 0))"}});
    const OverlapResult r = compute_overlap(small, big, {});
    // The notch [1,2]×[1,2] of the cell lies outside D: piece area 6 − 1 = 5.
    check_rows(small, big, r, {{"CELL", "D", 5, 5.0 / 6, 5.0 / 7}});
    CHECK(r.stats.contained == 0);
}

TEST_CASE("A 6,003-vertex zig-zag over 60 cells is subdivided and each cell gets its hand-computed area")
{
    // Cells [100 k, 100 (k + 1)] × [−10, 1100] each hold 100 metres of the zig-zag:
    // 1020 × 100 = 102,000 m² (see zigzag). Cells touching the end of the zig-zag also.
    std::vector<std::pair<std::string, std::string>> cells;
    for (int k = 0; k < 60; ++k)
        cells.push_back({"C" + std::to_string(100 + k), box(100 * k, -10, 100 * (k + 1), 1100)});
    const Layer zz = make_layer("zz", {{"Z", test::zigzag(6000)}});
    const Layer grid = make_layer("grid", cells);
    OverlapOptions one, two, keep;
    one.threads = 1;
    two.threads = 2;
    keep.keep_pieces = true; // whole intersections, never subdivided
    const OverlapResult r1 = compute_overlap(zz, grid, one);
    const OverlapResult r2 = compute_overlap(zz, grid, two);
    const OverlapResult whole = compute_overlap(zz, grid, keep);
    CHECK(r1.stats.subdivided_pieces >= 24); // 6,004 / 256 rounded up
    CHECK(whole.stats.intersections == 60);  // one whole intersection per cell, not one per piece
    CHECK(r1.stats.intersections > 60);
    REQUIRE(r1.rows.size() == 60);
    REQUIRE(r2.rows.size() == 60);
    REQUIRE(whole.rows.size() == 60);
    for (std::size_t k = 0; k < 60; ++k) {
        INFO("cell " << grid.features[r1.rows[k].b].code);
        CHECK(r1.rows[k].area_m2 == Approx(102000.0).epsilon(1e-12));
        CHECK(r1.rows[k].area_m2 == r2.rows[k].area_m2); // identical bits at any thread count
        CHECK(std::abs(r1.rows[k].area_m2 - whole.rows[k].area_m2) <= 1e-9 * whole.rows[k].area_m2);
    }
}

TEST_CASE("Cells wholly inside a subdivided polygon are found by the covers test on its pieces")
{
    // 30 cells of 100 × 500 m inside the block part (y ≤ 1000) of the zig-zag.
    std::vector<std::pair<std::string, std::string>> cells;
    for (int k = 0; k < 30; ++k)
        cells.push_back({"C" + std::to_string(100 + k), box(100 * k, 0, 100 * (k + 1), 500)});
    const Layer zz = make_layer("zz", {{"Z", test::zigzag(5000)}});
    const OverlapResult r = compute_overlap(zz, make_layer("grid", cells), {});
    CHECK(r.stats.subdivided_pieces > 0);
    CHECK(r.stats.contained == 30);
    CHECK(r.stats.intersections == 0);
    REQUIRE(r.rows.size() == 30);
    for (const auto& row : r.rows)
        CHECK(row.share_of_b == 1.0);
}

TEST_CASE("A GEOS error in a predicate is counted and the pair is decided by the exact intersection")
{
    // A bow-tie (self-intersecting) feature, put in a layer without repair, makes GEOS's
    // covers test throw a TopologyException; its intersection fails too, so
    // compute_overlap must say so naming both features, never drop the pair.
    Layer bad{"bad", "bad", "", {}};
    Geometry bowtie = Geometry::from_wkt("POLYGON((0 0,10 10,10 0,0 10,0 0))");
    bowtie.envelope();
    bad.features.push_back({"BOWTIE", "", std::move(bowtie), 50.0});
    const Layer good = make_layer("good", {{"SQ", box(1, 1, 5, 5)}, {"FAR", box(20, 20, 21, 21)}});
    REQUIRE_THROWS_WITH(compute_overlap(bad, good, {}),
                        Catch::Contains("'BOWTIE'") && Catch::Contains("'SQ'") && Catch::Contains("failed"));
}
