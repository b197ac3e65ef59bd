// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace coterm {

/// The answers of compute_overlap's checks between two features of one layer (does x
/// overlap y with positive area?), kept for that layer across several overlaps, as a
/// scorecard makes: each answer depends on the two geometries only, so a kept answer
/// is the one the check would give again. Keys are (lower index, higher index).
struct NeighbourOverlaps {
    std::mutex mutex; ///< held while compute_overlap reads or adds answers
    std::map<std::pair<std::size_t, std::size_t>, bool> known;
};

/// Options of compute_overlap.
struct OverlapOptions {
    unsigned threads = 0;     ///< worker threads; 0 = all hardware threads
    bool keep_pieces = false; ///< keep each intersection's geometry (for GeoJSON output)
    /// Give areas by the exact kernel (intersection_area) where it can decide, else by
    /// OverlayNG; false = OverlayNG for every pair (the reference the kernel is tested against).
    bool area_kernel = true;
    /// Called after each unit of work with (done, total); calls are serialised.
    std::function<void(std::size_t, std::size_t)> progress;
    /// Kept neighbour-check answers for layer A's and layer B's features (null: none);
    /// each must only ever be given with the same layer. Reused answers are not counted
    /// in OverlapStats::outer_pair_checks.
    NeighbourOverlaps* a_neighbours = nullptr;
    NeighbourOverlaps* b_neighbours = nullptr;
};

/// One intersecting pair (a, b) with positive area.
struct OverlapRow {
    std::size_t a = 0;     ///< index into layer A's features
    std::size_t b = 0;     ///< index into layer B's features
    double area_m2 = 0;    ///< area of a ∩ b
    double share_of_a = 0; ///< area_m2 / area(a)
    double share_of_b = 0; ///< area_m2 / area(b)
    Wkb piece;             ///< a ∩ b in EPSG:27700 when keep_pieces, else empty
};

/// How the work was done, for the benchmark notes and --verbose.
struct OverlapStats {
    std::size_t candidates = 0;          ///< index hits (bounding boxes overlap)
    std::size_t contained = 0;           ///< pairs answered by the covers shortcut
    std::size_t intersections = 0;       ///< pairs needing a real intersection
    std::size_t touching = 0;            ///< of those, with zero area (the features only touch)
    std::size_t skipped = 0;             ///< pairs known to only touch without an intersection (see compute_overlap)
    std::size_t outer_pair_checks = 0;   ///< overlap checks between two features of the prepared layer
    std::size_t precision_fallbacks = 0; ///< intersections redone on a 1 mm grid
    /// GEOS predicate calls that failed (GEOS raised an exception) and were answered
    /// by the exact intersection instead; commands report a non-zero count.
    std::size_t geos_errors = 0;
    std::size_t subdivided_pieces = 0; ///< pieces that large outer features were cut into (see compute_overlap)
    /// Pending pairs whose area came from the exact kernel (intersection_area) rather
    /// than an OverlayNG intersection; not counted in `intersections`.
    std::size_t area_kernel = 0;
    /// Covers questions answered by the exact test for edge-sharing layers
    /// (covers_exactly) rather than by GEOS relate; counted in `contained` when yes.
    std::size_t exact_covers = 0;
    /// Of outer_pair_checks, those answered by the exact test (interiors_overlap_exactly)
    /// rather than an OverlayNG intersection.
    std::size_t exact_overlap_checks = 0;
};

/// Every pair of A × B with positive intersection area, plus per-feature coverage.
struct OverlapResult {
    std::vector<OverlapRow> rows;     ///< sorted by (a, b), i.e. by a_code then b_code
    std::vector<double> covered_a_m2; ///< per A feature: Σ_b area(a ∩ b), capped at area(a)
    std::vector<double> covered_b_m2; ///< per B feature: Σ_a area(a ∩ b), capped at area(b)
    std::vector<char> overcounted_a;  ///< 1 where Σ_b area(a ∩ b) exceeded area(a): B overlaps itself there
    std::vector<char> overcounted_b;  ///< likewise for B
    OverlapStats stats;
};

/// Computes the overlap of layers A and B (both in EPSG:27700, valid, from build_layer).
/// The layer with fewer features is prepared feature by feature and the other is put
/// in a bulk-loaded R-tree; each candidate pair goes through a prepared `intersects`
/// filter, then a covers shortcut (the area of the covered feature, no intersection
/// built), and only otherwise an intersection: its area by the exact kernel
/// (intersection_area) when only areas are kept and the pair crosses in general
/// position, else a GEOS OverlayNG intersection. A pending pair (o, i) whose
/// inner feature i lies wholly in another prepared feature c is skipped when c and o
/// do not overlap (i ⊆ c, so i ∩ o ⊆ c ∩ o has no area): in edge-sharing layers this
/// replaces thousands of zero-area intersections with a few checks between neighbours.
/// An outer feature with over 4,096 vertices and several pending pairs is first cut
/// into pieces of at most 256 vertices (subdivide), and a pair's area is the sum of
/// its intersections with the pieces near it, in piece order: within ~1e-15 relative
/// of one whole intersection, and linear rather than quadratic when one huge polygon
/// meets many small ones. Pieces kept for GeoJSON are always whole intersections.
/// Output is identical for any thread count. Rows of every positive-area pair are
/// kept, slivers included.
/// A failed GEOS predicate is never read as "no": it is counted in stats.geos_errors
/// and the pair is decided by the exact intersection. Throws GeometryError naming both
/// features when that intersection fails even on the 1 mm precision fallback.
OverlapResult compute_overlap(const Layer& a, const Layer& b, const OverlapOptions& options);

/// Drops rows whose share_of_a and share_of_b are both below `min_share` (0 keeps all).
void apply_min_share(std::vector<OverlapRow>& rows, double min_share);

} // namespace coterm
