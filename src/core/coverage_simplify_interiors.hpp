// SPDX-License-Identifier: MIT
#pragma once
// Whether two simplified shapes of a coverage overlap, decided from the chains they are
// made of instead of by a GEOS relate (docs/methods.md §14.1): the simplifier's crossing
// check has already ruled out that their boundaries cross or touch away from the nodes,
// so what is left is decided by which side of each shared chain each interior lies on and
// by one point-in-polygon test per chain of one that is not on the other's boundary.
#include "core/chains.hpp"
#include "core/geometry.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace coterm {

/// One simplified shape as its closed rings and, per chain it uses, the side its
/// interior lies on.
struct ShapeRings {
    std::vector<std::vector<XYPoint>> rings; ///< closed, every polygon's, in any order
    std::vector<Box> ring_boxes;             ///< one per ring
    Box box;                                 ///< of all rings
    /// (chain, interior left of the chain walked as stored), sorted by chain.
    std::vector<std::pair<std::size_t, bool>> sides;
    bool usable = false; ///< false: a chain used twice or a ring without area; ask GEOS
};

/// The rings of shape `s` from the current chain coordinates (`chain_points`).
ShapeRings shape_rings(const ChainGraph& graph, std::size_t s, const std::vector<std::vector<XYPoint>>& chain_points);

enum class InteriorsMeet { no, yes, unknown };

/// Whether the interiors of two valid shapes meet, exactly, given that no segment of
/// either's chains crosses or touches another of those segments other than at a shared
/// end (the caller checks). `unknown` when a test point lies too close to the other's
/// boundary to be sure, or a shape is not `usable`: then ask GEOS. "Exactly" rests on the
/// caller's no-crossing check, which uses plain floating-point orientation: rounding
/// there only yields false zeros (counted as conflicts, the safe side) when coordinate
/// differences are exact, and the report maps call it with a clearance of 0.5 m, far
/// above rounding; a zero clearance on near-degenerate input is not covered by that.
InteriorsMeet chain_interiors_meet(const ShapeRings& a, const ShapeRings& b,
                                   const std::vector<std::vector<XYPoint>>& chain_points);

} // namespace coterm
