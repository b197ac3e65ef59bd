// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace coterm {

/// What simplification did (docs/methods.md §14.1).
struct SimplifyReport {
    std::size_t vertices_before = 0, vertices_after = 0;
    std::size_t chains = 0;  ///< shared boundary pieces, each simplified once
    std::size_t refined = 0; ///< chains simplified at a smaller tolerance to keep the topology
    std::size_t passes = 0;
};

/// Simplifies a polygon coverage for display, keeping the boundary two neighbours share
/// identical in both: each shared chain (§14.1) is simplified once by Douglas–Peucker at
/// `tolerance` (CRS units, metres), and a chain whose simplification would cross another
/// chain, make a shape invalid or make two shapes overlap that did not is simplified
/// again at half the tolerance, down to not at all. Two segments closer than
/// `clearance` (other than at a shared end) count as crossing, so that rounding the
/// written coordinates cannot make them meet; conflicts between two of the input's own
/// segments are left as they are. Shapes are returned in input order.
std::vector<Geometry> simplify_coverage(const std::vector<const Geometry*>& shapes, double tolerance,
                                        double clearance = 0, SimplifyReport* report = nullptr);

} // namespace coterm
