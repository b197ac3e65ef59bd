// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <cstddef>
#include <vector>

namespace coterm {

/// A point in the working CRS (EPSG:27700, metres).
struct XY {
    double x = 0, y = 0;
};

/// Marks "in no feature" in the results of locate_points.
inline constexpr std::size_t no_feature = static_cast<std::size_t>(-1);

/// For each point, the index of the feature of `layer` that covers it (interior or
/// boundary), or no_feature. A point on an edge shared by several features goes to the
/// one with the lowest index, i.e. the lowest code, so every point lands in exactly one
/// feature whatever the thread count. Features are prepared one per task and the points
/// put in a bulk-loaded R-tree, as in compute_overlap. Throws GeometryError naming the
/// feature and point when GEOS fails (a predicate returning 2), never counting it outside.
std::vector<std::size_t> locate_points(const Layer& layer, const std::vector<XY>& points, unsigned threads);

/// A point inside each feature (GEOS PointOnSurface): the "centroid" of the ONS
/// best-fit rule, guaranteed to lie in the feature even when it is not convex.
/// Throws GeometryError naming the feature when GEOS returns no point.
std::vector<XY> points_on_surface(const Layer& layer, unsigned threads);

} // namespace coterm
