// SPDX-License-Identifier: MIT
#include "analysis/transfer.hpp"

#include "core/overlap.hpp"
#include "core/point_locator.hpp"

namespace coterm::analysis {

Transfer make_transfer(const Layer& source, const Layer& target, const LoadedWeights& weights, const TransferOptions& o,
                       std::vector<double>& population)
{
    const unsigned threads = o.threads;
    if (o.by_area) {
        OverlapOptions options;
        options.threads = threads;
        population = weigh_features(target, weights.weights, threads, nullptr);
        return area_transfer(source, target, compute_overlap(source, target, options));
    }
    if (o.spread == Spread::centroid) {
        // Each small area's point decides its source and target; when the small areas
        // are the sources themselves, each keeps its own value.
        const std::vector<XY>& points = weights.points(threads);
        std::vector<std::size_t> source_of;
        if (weights.weights.layer == &source) {
            source_of.resize(points.size());
            for (std::size_t i = 0; i < points.size(); ++i)
                source_of[i] = i;
        } else {
            source_of = locate_points(source, points, threads);
        }
        Transfer t = centroid_transfer(source_of, locate_points(target, points, threads), weights.weights.values,
                                       source.features.size(), target.features.size());
        population = t.target_weight;
        return t;
    }
    OverlapOptions options;
    options.threads = threads;
    options.keep_pieces = true;
    const OverlapResult overlap = compute_overlap(source, target, options);
    const WeightedOverlap weighted = weigh_overlap(source, target, overlap, weights.weights, Spread::area, threads);
    population = weighted.b_weight;
    return weighted_transfer(overlap, weighted);
}

} // namespace coterm::analysis
