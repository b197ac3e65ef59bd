// SPDX-License-Identifier: MIT
// Shared helpers of the real-data tests: layers of the ONS mirror, loaded once.
#pragma once
#include "core/layer.hpp"
#include "core/overlap.hpp"
#include "core/weighted_overlap.hpp"

#include <map>
#include <string>

namespace coterm::realdata {

/// A catalogue layer read from $COTERM_DATA (set by ctest), cached for the run.
/// Fails the test run with a clear message when the data is not there.
const Layer& layer(const std::string& id);

/// Census 2021 usual residents on the lsoa21 polygons (the default weights).
const WeightLayer& census_weights();

/// A file of the mirror, by its path inside the data directory.
std::string data_file(const std::string& relative);

} // namespace coterm::realdata
