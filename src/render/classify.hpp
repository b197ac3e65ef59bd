// SPDX-License-Identifier: MIT
// Class breaks of a measure and the colour of each feature (docs/methods.md §15).
#pragma once
#include "render/map_model.hpp"
#include "render/palette.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace coterm::render {

/// One legend entry.
struct MapClass {
    std::string label; ///< "12,345 – 67,890", a category's value, or "3"
    Rgb colour;
    std::size_t count = 0;   ///< features in the class
    double min = 0, max = 0; ///< the smallest and largest value in the class (numeric classes)
};

/// How a measure colours the map.
struct Classification {
    std::vector<MapClass> classes;
    std::vector<int> class_of; ///< per feature: index into classes, -1 = no data
    bool categorical = false;
    std::string method; ///< "quantiles", "one class per value" or "categories", for the legend
};

/// Default number of quantile classes.
inline constexpr std::size_t default_classes = 5;

/// Colours the features by measure `m` (docs/methods.md §15.1):
/// - number, money, share and count with more distinct values than `classes`: quantile
///   classes — breaks at the values of rank ⌊k·n/classes⌋ (k = 1 … classes−1) of the n
///   sorted values, each class holding the values from its break up to the next; equal
///   breaks merge, so ties never split across classes. Each class is labelled with the
///   smallest and largest value it holds, and coloured from the YlGnBu scheme;
/// - numeric measures with at most `classes` distinct values (and counts with at most 7):
///   one class per value, YlGnBu;
/// - category and flag: one class per distinct value, sorted by text, Okabe–Ito colours, the eighth and later sharing
/// grey "other". Features whose value is missing get class -1 (no-data grey).
Classification classify(const std::vector<MapFeature>& features, const Measure& measure, std::size_t m,
                        std::size_t classes = default_classes);

/// The fill of a feature: its class colour or the no-data grey.
Rgb fill_of(const Classification& c, std::size_t feature);

} // namespace coterm::render
