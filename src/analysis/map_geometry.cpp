// SPDX-License-Identifier: MIT
#include "analysis/map_geometry.hpp"

#include "core/coverage_simplify.hpp"
#include "core/number_format.hpp"

namespace coterm::analysis {

std::vector<Wkb> map_geometries(const Layer& layer, double simplify_m, std::string& note)
{
    std::vector<Wkb> out;
    if (simplify_m <= 0) {
        for (const auto& f : layer.features)
            out.push_back(f.geometry.to_wkb());
        return out;
    }
    std::vector<const Geometry*> shapes;
    for (const auto& f : layer.features)
        shapes.push_back(&f.geometry);
    // 0.5 m: well above the ±0.06 m by which 6-decimal lon/lat rounding moves a point (§6).
    constexpr double clearance_m = 0.5;
    SimplifyReport r;
    for (const auto& g : simplify_coverage(shapes, simplify_m, clearance_m, &r))
        out.push_back(g.to_wkb());
    note = "simplified at " + format_general(simplify_m, 6) + " m: " + std::to_string(r.vertices_before) + " -> " +
           std::to_string(r.vertices_after) + " vertices in " + std::to_string(r.chains) + " shared boundary chains" +
           (r.refined ? "; " + std::to_string(r.refined) + " kept finer to keep the topology" : "");
    return out;
}

} // namespace coterm::analysis
