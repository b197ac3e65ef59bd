// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "core/progress.hpp"

#include <string>
#include <vector>

namespace coterm {

/// How to turn raw features into a Layer.
struct LayerBuildOptions {
    std::string source_crs; ///< PROJ definition of the CRS the WKB is in
    unsigned threads = 0;   ///< 0 = all hardware threads
    ProgressFn progress{};  ///< reports "build <label>" per chunk of features
};

/// Reprojects raw features to EPSG:27700, repairs invalid geometries, drops null or
/// empty ones (recording both in `report`), and returns the features sorted by code.
/// Throws DataError naming the layer and code for an empty or duplicate code, a NaN or
/// infinite coordinate (in any CRS), and for geometries PROJ or GEOS cannot process.
/// Features with vertices far outside the British National Grid's area of use (after
/// reprojection, before repair) are listed in `report.far_outside_codes`.
Layer build_layer(const std::string& id, const std::string& label, std::vector<RawFeature> raw,
                  const LayerBuildOptions& options, BuildReport& report);

/// Checks codes: none empty, none repeated. Throws DataError naming the code.
void check_codes(const std::string& label, const std::vector<RawFeature>& raw);

} // namespace coterm
