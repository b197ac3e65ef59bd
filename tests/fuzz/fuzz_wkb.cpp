// SPDX-License-Identifier: MIT
// libFuzzer target: coterm's WKB walker (for_each_ring, finite_bounds) and GEOS's WKB
// reader, validity check and repair through coterm's Geometry wrapper.
#include "core/geometry.hpp"
#include "core/wkb.hpp"

#include <cstdint>
#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    coterm::Wkb wkb(data, data + size);
    try {
        std::size_t vertices = 0;
        coterm::for_each_ring(wkb, [&](std::size_t, std::size_t, coterm::WkbRing ring) {
            double x, y;
            for (std::size_t i = 0; i < ring.count; ++i)
                coterm::read_point(ring, i, x, y);
            vertices += ring.count;
        });
        coterm::finite_bounds(wkb);
        // GEOS only sees WKB our walker accepted, as in the layer builder; bounded so a
        // few huge rings do not turn the run into a benchmark of MakeValid.
        if (vertices > 4096) return 0;
        coterm::Geometry g = coterm::Geometry::from_wkb(wkb);
        if (!g.is_empty() && !coterm::invalid_reason(g).empty()) g = coterm::make_valid_polygonal(g);
        if (!g.is_empty()) {
            g.area();
            g.envelope();
            g.to_wkb();
        }
    } catch (const std::exception&) {
    }
    return 0;
}
