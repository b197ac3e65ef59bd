// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "core/weighted_overlap.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace coterm::cli {

/// Options choosing the small-area weights and how they are spread.
struct WeightCliOptions {
    std::string layer;    ///< --weights (default: the catalogue's, lsoa21)
    std::string data;     ///< --weights-data (default: Census 2021 population by LSOA)
    std::string variable; ///< --weights-var (default: usual_residents)
    std::string spread = "centroid";
};

/// Declares --weights, --weights-data, --weights-var and --spread on `cmd`.
void add_weight_options(CLI::App& cmd, WeightCliOptions& options);

/// The weights layer and its values, kept together (WeightLayer points into `owned`,
/// or into a layer the caller had already loaded).
struct LoadedWeights {
    std::unique_ptr<Layer> owned;
    WeightLayer weights;
    std::string layer_id; ///< the weights layer's catalogue id or path
    std::string label;    ///< e.g. "lsoa21 usual_residents"
};

/// Loads the weights; features without a value count 0 and are reported in one warning.
/// When the weights layer is `reuse_id`, the already loaded `reuse` serves instead of
/// reading it again.
std::unique_ptr<LoadedWeights> load_weights(const WeightCliOptions& options, const std::filesystem::path& data_dir,
                                            unsigned threads, bool verbose, const Layer* reuse = nullptr,
                                            const std::string& reuse_id = {});

/// The --spread value as an enum.
Spread spread_of(const WeightCliOptions& options);

} // namespace coterm::cli
