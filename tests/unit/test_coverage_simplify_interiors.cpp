// SPDX-License-Identifier: MIT
#include "core/coverage_simplify_interiors.hpp"
#include "core/geos_context.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {

/// The chain test and GEOS's relate on the same pair of (unsimplified) shapes.
struct Answers {
    InteriorsMeet chains;
    bool geos;
};

Answers interiors(const char* wkt_a, const char* wkt_b)
{
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt(wkt_a));
    in.push_back(Geometry::from_wkt(wkt_b));
    const ChainGraph graph = build_chains({&in[0], &in[1]});
    std::vector<std::vector<XYPoint>> pts;
    for (const auto& c : graph.chains)
        pts.push_back(c.points);
    const ShapeRings a = shape_rings(graph, 0, pts), b = shape_rings(graph, 1, pts);
    const char r = GEOSRelatePattern_r(geos_context(), in[0].get(), in[1].get(), "T********");
    REQUIRE(r != 2);
    return {chain_interiors_meet(a, b, pts), r == 1};
}

} // namespace

TEST_CASE("Neighbours sharing an edge do not overlap; GEOS agrees", "[simplify]")
{
    const auto [chains, geos] =
        interiors("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 0,20 0,20 10,10 10,10 0))");
    CHECK(chains == InteriorsMeet::no);
    CHECK_FALSE(geos);
    // The same with one ring wound the other way: the sides come from each ring's area.
    const auto [cw, geos_cw] = interiors("POLYGON((0 0,0 10,10 10,10 0,0 0))", "POLYGON((10 0,20 0,20 10,10 10,10 0))");
    CHECK(cw == InteriorsMeet::no);
    CHECK_FALSE(geos_cw);
}

TEST_CASE("An island inside another shape overlaps it, from a point of its chain", "[simplify]")
{
    const auto [chains, geos] = interiors("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((4 4,6 4,6 6,4 6,4 4))");
    CHECK(chains == InteriorsMeet::yes);
    CHECK(geos);
    // Tested both ways round.
    const auto [back, geos_back] = interiors("POLYGON((4 4,6 4,6 6,4 6,4 4))", "POLYGON((0 0,10 0,10 10,0 10,0 0))");
    CHECK(back == InteriorsMeet::yes);
    CHECK(geos_back);
}

TEST_CASE("A shape on the same side of a shared edge as its neighbour overlaps it", "[simplify]")
{
    // B shares A's east edge but lies west of it, inside A.
    const auto [chains, geos] = interiors("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 0,10 10,5 5,10 0))");
    CHECK(chains == InteriorsMeet::yes);
    CHECK(geos);
}

TEST_CASE("An island in a hole, or filling it, does not overlap the holed shape", "[simplify]")
{
    const char* holed = "POLYGON((0 0,10 0,10 10,0 10,0 0),(3 3,7 3,7 7,3 7,3 3))";
    const auto [inside_hole, geos_in] = interiors(holed, "POLYGON((4 4,6 4,6 6,4 6,4 4))");
    CHECK(inside_hole == InteriorsMeet::no);
    CHECK_FALSE(geos_in);
    const auto [enclave, geos_enclave] = interiors(holed, "POLYGON((3 3,7 3,7 7,3 7,3 3))");
    CHECK(enclave == InteriorsMeet::no);
    CHECK_FALSE(geos_enclave);
    const auto [apart, geos_apart] = interiors(holed, "POLYGON((20 0,30 0,30 10,20 10,20 0))");
    CHECK(apart == InteriorsMeet::no);
    CHECK_FALSE(geos_apart);
}

TEST_CASE("A test point on the other shape's boundary is left to GEOS", "[simplify]")
{
    // B's one chain starts at (12 0); its middle point (10 5) lies on A's east edge.
    const auto [chains, geos] = interiors("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((12 0,15 5,10 5,12 0))");
    CHECK(chains == InteriorsMeet::unknown);
    CHECK_FALSE(geos);
}
