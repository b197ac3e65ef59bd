// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "core/overlap.hpp"

#include <string>
#include <vector>

namespace coterm {

/// How a small area's weight is spread over the pieces it falls in.
enum class Spread {
    centroid, ///< all of it to the piece holding its point on surface (ONS best fit)
    area      ///< in proportion to the area of the small area in each piece
};

/// Small areas carrying a count, e.g. LSOAs with their Census population.
struct WeightLayer {
    const Layer* layer = nullptr; ///< small areas, EPSG:27700
    std::vector<double> values;   ///< one per feature, ≥ 0 (missing values already set to 0 and reported)
};

/// Weights of an overlap's rows and of each feature (see docs/methods.md §9).
struct WeightedOverlap {
    std::vector<double> row_weight; ///< per overlap row: weight of a ∩ b
    std::vector<double> a_weight;   ///< per feature of A: weight inside it
    std::vector<double> b_weight;   ///< per feature of B
    double total = 0;               ///< Σ of all weights
    double outside_a = 0;           ///< weight in no feature of A
    double outside_b = 0;           ///< weight in no feature of B
    double outside_rows = 0;        ///< total − Σ row_weight: weight outside A or outside B
};

/// Weighs the rows of `ab` (the overlap of A and B) with the small areas of `w`.
/// Centroid spread locates each small area's point on surface in A and in B; area
/// spread overlaps the small areas with A, with B and with the pieces a ∩ b, which
/// `ab` must then carry (OverlapOptions::keep_pieces), else GeometryError.
WeightedOverlap weigh_overlap(const Layer& a, const Layer& b, const OverlapResult& ab, const WeightLayer& w,
                              Spread spread, unsigned threads);

/// The weight of each feature of `layer` by centroid spread (used for "population").
std::vector<double> weigh_features(const Layer& layer, const WeightLayer& w, unsigned threads, double* outside);

} // namespace coterm
