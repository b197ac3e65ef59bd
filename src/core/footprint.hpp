// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"

#include <string>
#include <vector>

namespace coterm {

/// A footprint to build: its code, name and member blocks (indexes into the blocks layer).
struct FootprintSpec {
    std::string code, name;
    std::vector<std::size_t> blocks;
};

/// Dissolves each footprint's blocks with GEOS CoverageUnion (blocks sharing edges give a
/// clean footprint, no slivers); where the blocks do not form a clean coverage, falls back
/// to a unary union and lists the footprint in `fallback_codes`. Returns a layer of the
/// footprints, sorted by code.
Layer dissolve_footprints(const Layer& blocks, const std::vector<FootprintSpec>& specs, unsigned threads,
                          std::vector<std::string>& fallback_codes);

} // namespace coterm
