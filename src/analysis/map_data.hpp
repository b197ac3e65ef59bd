// SPDX-License-Identifier: MIT
#pragma once
#include "core/apportion.hpp"
#include "core/layer.hpp"
#include "core/point_locator.hpp"
#include "io/area_data.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace coterm::analysis {

/// What a mapped variable measures, which decides how it is printed and whether it
/// has a per-head figure (docs/methods.md §10, §14).
enum class Measure {
    amount,     ///< an extensive value of unstated meaning: summed, no per-head
    money,      ///< £: summed, printed with pennies, per head of the denominator
    count,      ///< events or things: summed, per head of the denominator
    population, ///< people (need-weighted, registered): summed, never per head
    rate        ///< intensive: rates, averages, scores (weighted means)
};

/// The declared meaning of a dataset's variables.
struct Declarations {
    std::vector<std::string> extensive, intensive; ///< the kind, for area data (points are extensive)
    std::vector<std::string> money, count, population;
};

/// One variable moved onto the targets, with where its value went.
struct MappedVariable {
    std::string name;
    std::string dataset; ///< the file, as named by the user
    std::string source;  ///< the source layer's label, or "points"
    Kind kind = Kind::extensive;
    Measure measure = Measure::amount;
    Apportioned result;
    std::vector<std::string> unknown_codes;   ///< codes in the file that are not in the source layer
    double unknown_sum = 0;                   ///< extensive: Σ of their values
    std::vector<std::string> without_data;    ///< source areas with no value
    std::size_t unlocated = 0;                ///< points: rows without usable coordinates
    double unlocated_sum = 0;                 ///< points: Σ of their values
    std::vector<std::string> outside_sources; ///< sources (or point ids) whose value reached no target
};

/// The measure of `variable` under `d`: rate for intensive ones, else money, count or
/// population as declared, else amount.
Measure measure_of(const std::string& variable, Kind kind, const Declarations& d);

/// The kind of `variable`: declared (`d.extensive` / `d.intensive`), else the file's
/// `kind` column. UsageError naming the variable when neither says, or both.
Kind kind_of(const std::string& variable, const std::string& kind_column, const Declarations& d);

/// Moves area values onto targets through `transfer` (from `source`'s features). The
/// one code join of coterm: values match source features by code; codes not in the
/// source are listed and totalled. DataError when no code matches (naming the file,
/// the layer and a code of each, the likely cause).
std::vector<MappedVariable> map_area_values(const io::AreaValues& values, const std::string& dataset,
                                            const Layer& source, const Transfer& transfer, const Declarations& d);

/// Sums point values per target (`target_of` from locate_points). DataError when
/// there are points and none lies in any target (swapped latitude and longitude?).
std::vector<MappedVariable> map_point_values(const io::PointValues& values, const std::string& dataset,
                                             const std::vector<std::size_t>& target_of, std::size_t targets,
                                             const Declarations& d);

/// The points of a point file in EPSG:27700.
std::vector<XY> project_points(const io::PointValues& values);

} // namespace coterm::analysis
