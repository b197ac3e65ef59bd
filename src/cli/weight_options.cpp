// SPDX-License-Identifier: MIT
#include "cli/weight_options.hpp"

#include "cli/layer_options.hpp"

namespace coterm::cli {

void add_weight_options(CLI::App& cmd, WeightCliOptions& o)
{
    cmd.add_option("--weights", o.layer, "Small areas carrying the weights (default: lsoa21)");
    cmd.add_option("--weights-data", o.data,
                   "Tidy CSV of the weights (default: stats/population_lsoa21_census2021.csv)");
    cmd.add_option("--weights-var", o.variable,
                   "Variable of --weights-data holding the count (default: usual_residents)");
    cmd.add_option("--spread", o.spread, "Spread of a small area's weight: centroid (default) or area")
        ->check(CLI::IsMember({"centroid", "area"}));
}

Spread spread_of(const WeightCliOptions& o)
{
    return o.spread == "area" ? Spread::area : Spread::centroid;
}

analysis::WeightsSpec weights_spec(const WeightCliOptions& o)
{
    return {o.layer, o.data, o.variable};
}

std::unique_ptr<analysis::LoadedWeights> load_weights(const WeightCliOptions& o, const std::filesystem::path& data_dir,
                                                      unsigned threads, bool verbose, const Layer* reuse,
                                                      const std::string& reuse_id)
{
    analysis::Context ctx = cli_context("", threads, verbose);
    ctx.data_dir = data_dir;
    return analysis::load_weights(ctx, weights_spec(o), reuse, reuse_id);
}

} // namespace coterm::cli
