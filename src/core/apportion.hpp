// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace coterm {

/// Whether a variable can be summed over areas.
enum class Kind {
    extensive, ///< counts, money, populations: split and summed
    intensive  ///< rates, averages, scores: weighted means
};

/// How much of each source goes to each target: the weight (population or area) of
/// every source ∩ target piece, and the total weight of each source and target.
struct Transfer {
    struct Piece {
        std::size_t source = 0, target = 0;
        double weight = 0;
    };
    std::vector<Piece> pieces;
    std::vector<double> source_weight; ///< W(s): weight of the whole source area
    std::vector<double> target_weight; ///< W(t): weight of the whole target area
};

/// One variable moved onto the targets.
struct Apportioned {
    std::vector<double> values;   ///< per target; NaN where no source with data reaches it
    std::vector<double> coverage; ///< per target: Σ W(s∩t) over sources with data / W(t)
    double sum_in = 0;            ///< extensive: Σ of source values
    double sum_out = 0;           ///< extensive: Σ of target values
    double outside = 0;           ///< extensive: the part of sum_in that reached no target
    /// extensive: sources whose value did not all reach a target, with the amount lost
    std::vector<std::pair<std::size_t, double>> outside_sources;
};

/// Extensive: value(t) = Σ_s v(s) · W(s∩t) / W(s). Sources with a value but W(s) = 0
/// (nowhere to spread it) lose it all to `outside`. Missing values (NaN) are skipped.
Apportioned apportion_extensive(const Transfer& transfer, const std::vector<double>& source_values);

/// Intensive: value(t) = Σ_s v(s) · W(s∩t) / Σ_s W(s∩t), both sums over the sources
/// with a value; NaN when that weight is 0.
Apportioned apportion_intensive(const Transfer& transfer, const std::vector<double>& source_values);

/// Sums point values per target; `target_of` from locate_points. Returns per-target
/// sums, and in sum_in / sum_out / outside the conservation of the point values.
Apportioned sum_points(const std::vector<std::size_t>& target_of, const std::vector<double>& values,
                       std::size_t targets);

} // namespace coterm

namespace coterm {

struct OverlapResult;
struct WeightedOverlap;
struct Layer;

/// A transfer weighted by area: W(s∩t) = area(s ∩ t), W(s) = area(s), W(t) = area(t).
Transfer area_transfer(const Layer& source, const Layer& target, const OverlapResult& overlap);

/// A transfer weighted by small-area counts: W(s∩t), W(s), W(t) from weigh_overlap.
Transfer weighted_transfer(const OverlapResult& overlap, const WeightedOverlap& weighted);

/// The centroid-rule transfer straight from where each small area's point lies: W(s∩t) =
/// Σ weight of the small areas in source s and target t (source_of / target_of from
/// locate_points; no_feature = in none). No polygon overlay is needed; the result equals
/// weighted_transfer(…, Spread::centroid) wherever a point's source and target overlap.
Transfer centroid_transfer(const std::vector<std::size_t>& source_of, const std::vector<std::size_t>& target_of,
                           const std::vector<double>& weights, std::size_t sources, std::size_t targets);

} // namespace coterm
