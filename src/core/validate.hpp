// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <string>
#include <vector>

namespace coterm {

/// Duplicate and missing codes among raw features, all of them (check_codes stops at the first).
struct CodeProblems {
    std::vector<std::string> duplicates; ///< each code given more than once, once
    std::vector<std::size_t> missing;    ///< 1-based feature numbers without a code
};
CodeProblems find_code_problems(const std::vector<RawFeature>& raw);

/// Keeps the first feature of each code and names codeless ones "#n", so a layer with
/// code problems can still be checked geometrically.
void make_codes_unique(std::vector<RawFeature>& raw);

/// Geometry checks of one layer (docs/methods.md §12).
struct LayerCheck {
    std::size_t vertices = 0, parts = 0, holes = 0;
    struct Pair {
        std::string a, b;
        double area_m2 = 0;
    };
    std::vector<Pair> overlaps;     ///< pairs of features overlapping by more than the floor
    std::size_t small_overlaps = 0; ///< overlapping pairs at or below the floor
    double small_overlaps_m2 = 0;
    struct Gap {
        double area_m2 = 0;
        double x = 0, y = 0; ///< a point inside it (EPSG:27700)
    };
    std::vector<Gap> gaps; ///< holes of the union that are no feature's hole, above the floor
    std::size_t small_gaps = 0;
    double small_gaps_m2 = 0;
};

/// Counts vertices, parts and holes, and finds overlaps between features and gaps inside
/// the layer's outline; overlaps and gaps larger than `floor_m2` are listed.
LayerCheck check_layer(const Layer& layer, double floor_m2, unsigned threads);

/// How one layer's overlap pieces with another spread over share bands.
struct SliverBands {
    static constexpr double limits[4] = {0.001, 0.01, 0.05, 0.5}; ///< band edges: <0.1 %, 0.1–1 %, 1–5 %, 5–50 %, ≥50 %
    std::size_t count[5] = {0, 0, 0, 0, 0};
    double area_m2[5] = {0, 0, 0, 0, 0};
};
/// Adds a piece with `share` of its unit and `area_m2` to the right band.
void add_to_band(SliverBands& bands, double share, double area_m2);

} // namespace coterm
