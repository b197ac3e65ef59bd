// SPDX-License-Identifier: MIT
#include "core/footprint.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/parallel.hpp"

#include <algorithm>

namespace coterm {
namespace {

/// The members as one collection made in this thread's context.
Geometry collect(const Layer& blocks, const FootprintSpec& spec)
{
    auto ctx = geos_context();
    std::vector<GEOSGeometry*> parts;
    for (std::size_t b : spec.blocks)
        parts.push_back(blocks.features[b].geometry.copy_for_this_thread().release());
    return Geometry(
        GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
}

} // namespace

Layer dissolve_footprints(const Layer& blocks, const std::vector<FootprintSpec>& specs, unsigned threads,
                          std::vector<std::string>& fallback_codes)
{
    std::vector<Geometry> shapes(specs.size());
    std::vector<char> fell_back(specs.size(), 0);
    parallel_for(specs.size(), resolve_threads(threads), [&](std::size_t i) {
        auto ctx = geos_context();
        if (specs[i].blocks.empty()) throw DataError("footprint '" + specs[i].code + "' has no blocks");
        GEOSGeometry* u = GEOSCoverageUnion_r(ctx, collect(blocks, specs[i]).get());
        if (!u) {
            take_geos_error();
            fell_back[i] = 1;
            u = GEOSUnaryUnion_r(ctx, collect(blocks, specs[i]).get());
        }
        Geometry g = polygonal_part(Geometry(u));
        g.envelope();
        shapes[i] = std::move(g);
    });
    Layer out{"footprints", "footprints", "", {}};
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (fell_back[i]) fallback_codes.push_back(specs[i].code);
        const double area = shapes[i].area();
        out.features.push_back({specs[i].code, specs[i].name, std::move(shapes[i]), area});
    }
    std::sort(out.features.begin(), out.features.end(),
              [](const Feature& l, const Feature& r) { return l.code < r.code; });
    std::sort(fallback_codes.begin(), fallback_codes.end());
    return out;
}

} // namespace coterm
