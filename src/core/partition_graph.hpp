// SPDX-License-Identifier: MIT
#pragma once
// Which blocks touch: the contiguity graph of `coterm propose` (docs/methods.md §16.2).
#include "core/layer.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace coterm {

/// Two blocks sharing a boundary of positive length.
struct SharedBoundary {
    std::size_t a = 0, b = 0; ///< block indexes, a < b
    double length_m = 0;      ///< length of the shared boundary, EPSG:27700 metres
};

/// A link added to connect a part of the graph that shares no boundary with the rest
/// (an island), to the nearest block outside it.
struct IslandLink {
    std::size_t island = 0, mainland = 0; ///< block indexes
    double distance_m = 0;                ///< distance between the two blocks
};

/// The adjacency of blocks: sorted neighbour lists, both directions.
struct BlockGraph {
    std::vector<std::vector<std::size_t>> neighbours;
    std::vector<IslandLink> crossings; ///< pairs joined across a gap (water) of at most the crossing distance
    std::vector<IslandLink> links;     ///< what the island rule added, in the order added
};

/// The pairs of features sharing boundary segments, with the shared length. Segments are
/// matched by exact coordinates, as in a coverage whose neighbours share vertices (the
/// LSOA-built layers, ONS files); pairs touching at a point only are not adjacent.
std::vector<SharedBoundary> shared_boundaries(const Layer& blocks);

/// The adjacency graph: shared boundaries; then crossings: blocks that do not touch but
/// lie at most `crossing_m` apart (an estuary, a strait: Wirral and Liverpool across the
/// Mersey) are adjacent too, 0 disables this; then the `extra` pairs (an adjacency file);
/// then the island rule. While the graph has more than one connected component, the
/// first component (by lowest block index) other than the largest (most blocks; ties:
/// lowest index) is joined by one link from its block nearest to a block outside it,
/// to that block (GEOS distance; ties: lowest indexes). Components are recomputed after
/// each link, so an archipelago may join its nearest neighbour before the mainland.
BlockGraph block_graph(const Layer& blocks, const std::vector<std::pair<std::size_t, std::size_t>>& extra,
                       double crossing_m = 0);

/// True when the blocks `members` (a subset, any order) form one connected part of the
/// graph using only edges between members. An empty set is not connected.
bool is_connected(const std::vector<std::vector<std::size_t>>& neighbours, const std::vector<std::size_t>& members);

/// The connected components of the graph, each a sorted list of block indexes, in order
/// of their lowest index.
std::vector<std::vector<std::size_t>> connected_components(const std::vector<std::vector<std::size_t>>& neighbours);

} // namespace coterm
