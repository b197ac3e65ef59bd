// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <memory>
#include <vector>

namespace coterm {

/// A straight piece of boundary, EPSG:27700 metres.
struct Segment {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// How far two layers' boundary lines coincide (docs/methods.md §11.2).
struct BoundaryAlignment {
    double distance_m = 0;   ///< DIST
    double a_internal_m = 0; ///< length of A's internal boundary
    double a_near_m = 0;     ///< of which within DIST of B's boundary
    double b_internal_m = 0;
    double b_near_m = 0;
};

/// The segments shared by two features of the layer (each once): its internal
/// boundary, without the coast and the outer edge, which belong to one feature only.
/// Exact for layers whose neighbours share vertices (ONS files, LSOA-built layers).
std::vector<Segment> internal_segments(const Layer& layer);

/// Every boundary segment of every feature, shared ones once.
std::vector<Segment> all_segments(const Layer& layer);

/// Σ length of the parts of the `a` segments lying within `distance` of some `b` segment.
/// With `min_abs_cos` > 0 only nearly parallel pairs count (|cos angle| ≥ it): lines that
/// meet or cross at a junction are near each other without running along each other.
double length_within(const std::vector<Segment>& a, const std::vector<Segment>& b, double distance, unsigned threads,
                     double min_abs_cos = 0);

/// Both directions: A's internal boundary near any boundary of B, and the converse.
BoundaryAlignment align_boundaries(const Layer& a, const Layer& b, double distance, unsigned threads);

struct SegmentIndex; // R-tree over segment boxes (boundary_alignment.cpp)

/// A layer's boundary segments, extracted and indexed once, so that measuring the layer
/// against several others (the pairs of a scorecard) does not repeat that work.
struct LayerSegments {
    std::vector<Segment> internal;                 ///< internal_segments(layer)
    std::vector<Segment> all;                      ///< all_segments(layer)
    double internal_m = 0;                         ///< Σ length of `internal`, in order (as align_boundaries sums it)
    std::shared_ptr<const SegmentIndex> all_index; ///< boxes of `all`
};

/// The segments of `layer`, extracted once for both lists and indexed.
LayerSegments segment_layer(const Layer& layer);

/// One measure of length_within: a distance (m) and a minimum |cos angle| (0: any angle).
struct NearQuery {
    double distance = 0;
    double min_abs_cos = 0;
};

/// For each query q, length_within(a, b.all, q.distance, threads, q.min_abs_cos), bit
/// for bit, from one pass over `a` and b's index (each hit is filtered by the box the
/// query's own distance gives, as the single call's index query does).
std::vector<double> lengths_within(const std::vector<Segment>& a, const LayerSegments& b,
                                   const std::vector<NearQuery>& queries, unsigned threads);

} // namespace coterm
