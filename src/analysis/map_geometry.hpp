// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <string>
#include <vector>

namespace coterm::analysis {

/// The layer's geometries for writing, as WKB in the working CRS: as they are, or with
/// `simplify_m` > 0 simplified as a coverage (docs/methods.md §14.1). Only the written
/// map is simplified: every number is computed on the full geometry. `note` receives a
/// sentence saying how many vertices it saved (empty when not simplified).
std::vector<Wkb> map_geometries(const Layer& layer, double simplify_m, std::string& note);

} // namespace coterm::analysis
