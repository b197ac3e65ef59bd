// SPDX-License-Identifier: MIT
#include "core/exact_predicates.hpp"

#include <algorithm>

namespace coterm {

std::optional<bool> point_inside(const PolygonRings& r, double px, double py)
{
    bool inside = false;
    for (std::size_t ring = 0; ring < r.num_rings(); ++ring)
        for (std::size_t k = r.starts[ring]; k + 1 < r.starts[ring + 1]; ++k) {
            const double ax = r.x[k], ay = r.y[k], bx = r.x[k + 1], by = r.y[k + 1];
            if (ay == py && (ax == px || (by == py && std::min(ax, bx) <= px && px <= std::max(ax, bx))))
                return std::nullopt; // on a vertex or a horizontal edge
            if ((ay > py) == (by > py)) continue;
            const int o = orientation(ax, ay, bx, by, px, py);
            if (o == 0) return std::nullopt;
            if ((by > ay) == (o > 0)) inside = !inside; // the edge passes to the right of the point
        }
    return inside;
}

} // namespace coterm
