// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"

#include <cstddef>
#include <vector>

namespace coterm {

/// A polygon cut into pieces of bounded vertex count (as PostGIS's ST_Subdivide), so
/// that intersecting it with a small geometry costs in proportion to the pieces near
/// the small one, not to the whole polygon. The pieces tile the polygon: they meet
/// only along the cut lines, so areas add up over them (to rounding, ~1e-15 relative).
struct Subdivision {
    std::vector<Geometry> pieces; ///< in a fixed order: depth first, lower / left half first
    std::vector<Box> boxes;       ///< envelope of each piece
};

/// Cuts polygonal, valid `g` in halves of its bounding box, across the longer side,
/// until every piece has at most `max_vertices` coordinates (at most 40 levels, which
/// stops the cutting of a degenerate cluster of vertices). Each cut is a
/// GEOSClipByRect with the half box, checked for validity (GEOS does not promise a
/// valid clip) and redone as an exact OverlayNG intersection when invalid. Cutting
/// across the longer side keeps the clips cheap: GEOSClipByRect rebuilds rings with
/// point-in-polygon tests of each part, quadratic when one cut makes many parts,
/// as a cut along a zig-zag would. Pieces are
/// made in the calling thread's GEOS context, their envelopes filled, so other
/// threads may read them. Throws GeometryError when GEOS fails.
Subdivision subdivide(const Geometry& g, std::size_t max_vertices);

} // namespace coterm
