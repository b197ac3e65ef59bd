// SPDX-License-Identifier: MIT
#pragma once
// The shared boundaries of a polygon coverage as chains: a coverage's rings cut at the
// nodes where three or more boundaries meet (or where a boundary changes neighbours),
// so that the boundary two neighbours share is stored once. Simplifying each chain once
// and reassembling the rings keeps shared edges identical (docs/methods.md §14.1).
#include "core/geometry.hpp"

#include <cstddef>
#include <vector>

namespace coterm {

struct XYPoint {
    double x = 0, y = 0;
    bool operator==(const XYPoint&) const = default;
};

/// One piece of boundary between two nodes (first == last for a closed ring without nodes).
struct Chain {
    std::vector<XYPoint> points;
};

/// A ring as the chains it is made of, in order; `reversed` walks a chain backwards.
struct ChainedRing {
    struct Use {
        std::size_t chain = 0;
        bool reversed = false;
    };
    std::vector<Use> uses;
};

/// The coverage: per shape (input geometry), per polygon, its rings (exterior first).
struct ChainGraph {
    std::vector<Chain> chains;
    std::vector<std::vector<std::vector<ChainedRing>>> shapes;
};

/// Cuts the polygonal geometries into chains. Vertices are matched by exact coordinates,
/// as in a coverage whose neighbours share edges (layers built from LSOA polygons).
ChainGraph build_chains(const std::vector<const Geometry*>& shapes);

/// A ring's coordinates from (possibly simplified) chains, closed.
std::vector<XYPoint> assemble_ring(const ChainedRing& ring, const std::vector<std::vector<XYPoint>>& chain_points);

/// The shape `s` from the given chain coordinates, as a GEOS (Multi)Polygon. Rings with
/// fewer than four points are returned as given: GEOS then rejects them (GeometryError).
Geometry assemble_shape(const ChainGraph& graph, std::size_t s, const std::vector<std::vector<XYPoint>>& chain_points);

} // namespace coterm
