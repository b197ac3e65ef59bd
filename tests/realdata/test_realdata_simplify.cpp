// SPDX-License-Identifier: MIT
// Simplifying real footprints for web maps keeps them a clean coverage.
#include "core/coverage_simplify.hpp"
#include "core/geos_context.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {

/// The union of the shapes (GEOS UnaryUnion, which does not assume a clean coverage).
Geometry dissolve(const std::vector<const Geometry*>& shapes)
{
    std::vector<GEOSGeometry*> parts;
    for (const Geometry* g : shapes)
        parts.push_back(GEOSGeom_clone_r(geos_context(), g->get()));
    const Geometry all(GEOSGeom_createCollection_r(geos_context(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                   static_cast<unsigned>(parts.size())));
    return Geometry(GEOSUnaryUnion_r(geos_context(), all.get()));
}

int holes(const Geometry& g)
{
    int n = 0;
    for (int p = 0; p < GEOSGetNumGeometries_r(geos_context(), g.get()); ++p)
        n += GEOSGetNumInteriorRings_r(geos_context(), GEOSGetGeometryN_r(geos_context(), g.get(), p));
    return n;
}

bool neighbours(const Geometry& a, const Geometry& b)
{
    const Geometry shared(GEOSIntersection_r(geos_context(), a.get(), b.get()));
    double length = 0;
    GEOSLength_r(geos_context(), shared.get(), &length);
    return length > 0;
}

} // namespace

TEST_CASE("ICBs simplified at 500 m: valid, no overlaps, no new gaps, the same neighbours, fewer vertices",
          "[realdata]")
{
    const Layer& icb = realdata::layer("icb24");
    std::vector<const Geometry*> in;
    double area_in = 0;
    for (const auto& f : icb.features) {
        in.push_back(&f.geometry);
        area_in += f.area_m2;
    }
    SimplifyReport report;
    const std::vector<Geometry> out = simplify_coverage(in, 500, 0.5, &report);
    REQUIRE(out.size() == in.size());
    CHECK(report.vertices_after < report.vertices_before / 2);
    std::vector<const Geometry*> simplified;
    double area_out = 0;
    for (const auto& g : out) {
        CHECK(GEOSisValid_r(geos_context(), g.get()) == 1);
        simplified.push_back(&g);
        area_out += g.area();
    }
    // No overlaps: the union's area is the sum of the parts' (to 1 m² in 130,000 km²).
    const Geometry all_in = dissolve(in), all_out = dissolve(simplified);
    CHECK(std::abs(all_out.area() - area_out) < 1.0);
    // No gaps: the simplified union has no hole the input's did not have.
    CHECK(holes(all_out) == holes(all_in));
    // The outline moves by the tolerance only: England's area changes by well under 1 %.
    CHECK(std::abs(area_out - area_in) / area_in < 0.01);
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < in.size(); ++i)
        for (std::size_t j = i + 1; j < in.size(); ++j)
            if (neighbours(*in[i], *in[j])) {
                ++pairs;
                INFO(icb.features[i].code << " and " << icb.features[j].code);
                CHECK(neighbours(out[i], out[j]));
            }
    CHECK(pairs > 80); // 42 ICBs tile England: each has several neighbours
}
