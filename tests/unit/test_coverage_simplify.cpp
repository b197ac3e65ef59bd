// SPDX-License-Identifier: MIT
#include "core/chains.hpp"
#include "core/coverage_simplify.hpp"
#include "core/geos_context.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {

double intersection_area(const Geometry& a, const Geometry& b)
{
    return Geometry(GEOSIntersection_r(geos_context(), a.get(), b.get())).area();
}

/// WKT of g in GEOS's normal form (rings start at their lowest point), to compare shapes.
std::string normal_wkt(const Geometry& g)
{
    GEOSGeometry* copy = GEOSGeom_clone_r(geos_context(), g.get());
    GEOSNormalize_r(geos_context(), copy);
    return Geometry(copy).to_wkt(3);
}

std::vector<const Geometry*> pointers(const std::vector<Geometry>& g)
{
    std::vector<const Geometry*> out;
    for (const auto& x : g)
        out.push_back(&x);
    return out;
}

} // namespace

// Two 10 m squares whose shared edge zigzags 0.1 m either side of x = 10; the left
// square's west edge wiggles too. At 0.5 m both become plain squares.
TEST_CASE("simplify_coverage keeps a shared zigzag identical in both neighbours", "[simplify]")
{
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt("POLYGON((0 0,10 0,10.1 2,9.9 4,10.1 6,9.9 8,10 10,0 10,0.2 5,0 0))"));
    in.push_back(Geometry::from_wkt("POLYGON((10 0,20 0,20 10,10 10,9.9 8,10.1 6,9.9 4,10.1 2,10 0))"));
    SimplifyReport report;
    const auto out = simplify_coverage(pointers(in), 0.5, 0, &report);
    REQUIRE(out.size() == 2);
    CHECK(normal_wkt(out[0]) == "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))");
    CHECK(normal_wkt(out[1]) == "POLYGON ((10 0, 10 10, 20 10, 20 0, 10 0))");
    CHECK(report.vertices_before == 19);
    CHECK(report.vertices_after == 10);
    // The shared edge is one chain; the two outer boundaries are two more.
    CHECK(report.chains == 3);
    CHECK(report.refined == 0);
    CHECK(intersection_area(out[0], out[1]) == 0);
}

TEST_CASE("simplify_coverage leaves no gap or overlap between neighbours", "[simplify]")
{
    // A 3×1 row of cells with wiggly shared edges; the union must stay the 30×10 box.
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt("POLYGON((0 0,10 0,10.3 3,9.6 6,10 10,0 10,0 0))"));
    in.push_back(Geometry::from_wkt("POLYGON((10 0,20 0,19.5 5,20 10,10 10,9.6 6,10.3 3,10 0))"));
    in.push_back(Geometry::from_wkt("POLYGON((20 0,30 0,30 10,20 10,19.5 5,20 0))"));
    const auto out = simplify_coverage(pointers(in), 1.0);
    double sum = 0;
    for (const auto& g : out)
        sum += g.area();
    CHECK(sum == Approx(300).epsilon(1e-12));
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t j = i + 1; j < out.size(); ++j)
            CHECK(intersection_area(out[i], out[j]) == 0);
    std::vector<GEOSGeometry*> parts;
    for (const auto& g : out)
        parts.push_back(GEOSGeom_clone_r(geos_context(), g.get()));
    const Geometry all(GEOSGeom_createCollection_r(geos_context(), GEOS_GEOMETRYCOLLECTION, parts.data(), 3));
    const Geometry dissolved(GEOSUnaryUnion_r(geos_context(), all.get()));
    CHECK(dissolved.area() == Approx(300).epsilon(1e-12));
    CHECK(GEOSGetNumInteriorRings_r(geos_context(), dissolved.get()) == 0); // no gap
}

// A's north edge has a V notch down to (5, 5); island C sits in the notch. At 6 m the
// notch would vanish and swallow C; simplification must back off for that chain.
TEST_CASE("simplify_coverage backs off where simplifying would swallow a neighbour", "[simplify]")
{
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,6 10,5 5,4 10,0 10,0 0))"));
    in.push_back(Geometry::from_wkt("POLYGON((4.8 8,5.2 8,5.2 8.4,4.8 8.4,4.8 8))"));
    SimplifyReport report;
    const auto out = simplify_coverage(pointers(in), 6.0, 0, &report);
    CHECK(intersection_area(out[0], out[1]) == 0);
    CHECK(report.refined >= 1);
    CHECK(GEOSisValid_r(geos_context(), out[0].get()) == 1);
    CHECK(out[1].area() == Approx(0.16)); // the island, too small to simplify, stays whole
}

// An enclave: B fills A's hole exactly (one closed chain with no node, shared whole).
TEST_CASE("simplify_coverage simplifies an enclave ring once for both sides", "[simplify]")
{
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt(
        "POLYGON((0 0,100 0,100 100,0 100,0 0),(40 40,50 39.8,60 40,60.2 50,60 60,50 60.2,40 60,39.8 50,40 40))"));
    in.push_back(Geometry::from_wkt("POLYGON((40 40,50 39.8,60 40,60.2 50,60 60,50 60.2,40 60,39.8 50,40 40))"));
    const auto out = simplify_coverage(pointers(in), 1.0);
    CHECK(normal_wkt(out[1]) == "POLYGON ((40 40, 40 60, 60 60, 60 40, 40 40))");
    CHECK(out[0].area() == Approx(10000 - 400).epsilon(1e-12));
    CHECK(intersection_area(out[0], out[1]) == 0);
}

TEST_CASE("build_chains cuts rings at the nodes where three boundaries meet", "[simplify]")
{
    // Three unit squares meeting at (1, 1): left pair stacked, one tall on the right.
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"));
    in.push_back(Geometry::from_wkt("POLYGON((0 1,1 1,1 2,0 2,0 1))"));
    in.push_back(Geometry::from_wkt("POLYGON((1 0,2 0,2 2,1 2,1 1,1 0))"));
    const ChainGraph g = build_chains(pointers(in));
    // Nodes: (1,0), (1,1), (1,2) and (0,1); chains: the three internal edges and the
    // three outer pieces between the outer nodes.
    CHECK(g.chains.size() == 6);
    std::vector<std::vector<XYPoint>> pts;
    for (const auto& c : g.chains)
        pts.push_back(c.points);
    for (std::size_t s = 0; s < in.size(); ++s) {
        const Geometry back = assemble_shape(g, s, pts);
        CHECK(GEOSEquals_r(geos_context(), back.get(), in[s].get()) == 1);
    }
}

// GEOS counts MULTIPOLYGON(EMPTY, ((…))) as valid and layer building keeps it; its
// empty member has a number but no ring (an adversarial review found it crashed here).
TEST_CASE("simplify_coverage takes a MultiPolygon with an EMPTY member", "[simplify]")
{
    std::vector<Geometry> in;
    in.push_back(Geometry::from_wkt("MULTIPOLYGON(EMPTY,((0 0,10 0,10.1 5,10 10,0 10,0 0)))"));
    in.push_back(Geometry::from_wkt("POLYGON((10 0,20 0,20 10,10 10,10.1 5,10 0))"));
    REQUIRE(GEOSisValid_r(geos_context(), in[0].get()) == 1);
    const auto out = simplify_coverage(pointers(in), 0.5);
    REQUIRE(out.size() == 2);
    CHECK(out[0].area() == Approx(100).epsilon(1e-12));
    CHECK(normal_wkt(out[1]) == "POLYGON ((10 0, 10 10, 20 10, 20 0, 10 0))");
    CHECK(intersection_area(out[0], out[1]) == 0);
}
