// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <string>
#include <vector>

namespace coterm::cli {

/// The option text of --simplify, shared by `footprint` and `run`.
inline constexpr const char* simplify_help =
    "Simplify the written geometry by this many metres, keeping shared edges identical (for web maps)";

/// The layer's geometries for writing, as WKB in the working CRS: as they are, or with
/// `simplify_m` > 0 simplified as a coverage (docs/methods.md §14.1), saying on stderr
/// (unless quiet) how many vertices it saved. Only the written map is simplified: every
/// number is computed on the full geometry.
/// `note`, when given, receives that sentence.
std::vector<Wkb> map_geometries(const Layer& layer, double simplify_m, bool quiet, std::string* note = nullptr);

} // namespace coterm::cli
