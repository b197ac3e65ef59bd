// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/weights.hpp"
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

/// The weights chosen by the options (empty fields: the catalogue's).
analysis::WeightsSpec weights_spec(const WeightCliOptions& options);

/// Loads the weights as analysis::load_weights does, printing its warnings on stderr.
std::unique_ptr<analysis::LoadedWeights> load_weights(const WeightCliOptions& options,
                                                      const std::filesystem::path& data_dir, unsigned threads,
                                                      bool verbose, const Layer* reuse = nullptr,
                                                      const std::string& reuse_id = {});

using analysis::LoadedWeights;

/// The --spread value as an enum.
Spread spread_of(const WeightCliOptions& options);

} // namespace coterm::cli
