// SPDX-License-Identifier: MIT
#include "cli/weight_options.hpp"

#include "cli/layer_options.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/catalogue.hpp"
#include "io/layer_source.hpp"

#include <iostream>

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

std::unique_ptr<LoadedWeights> load_weights(const WeightCliOptions& o, const std::filesystem::path& data_dir,
                                            unsigned threads, bool verbose, const Layer* reuse,
                                            const std::string& reuse_id)
{
    const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
    const std::string layer_spec = o.layer.empty() ? catalogue.weights.layer : o.layer;
    const std::string data = o.data.empty() ? catalogue.weights.data : o.data;
    const std::string variable = o.variable.empty() ? catalogue.weights.variable : o.variable;
    if (layer_spec.empty() || data.empty() || variable.empty())
        throw UsageError("no default weights in the catalogue: give --weights, --weights-data and --weights-var");

    auto out = std::make_unique<LoadedWeights>();
    out->layer_id = layer_spec;
    const Layer* layer = reuse;
    if (!reuse || reuse_id != layer_spec) {
        BuildReport report;
        out->owned = std::make_unique<Layer>(
            io::load_layer(io::locate_layer(layer_spec, catalogue, data_dir, {}), threads, report));
        warn_about_build(out->owned->label, report, verbose);
        layer = out->owned.get();
    }
    std::vector<std::string> codes;
    for (const auto& f : layer->features)
        codes.push_back(f.code);
    io::WeightValues joined = io::join_weights(codes, io::resolve_data_file(data, data_dir), variable);
    const std::size_t limit = verbose ? joined.missing_codes.size() + joined.unknown_codes.size() : 5;
    if (!joined.missing_codes.empty())
        std::cerr << "coterm: warning: " << layer->label << ": " << joined.missing_codes.size()
                  << " small areas have no " << variable << " value and weigh 0 ("
                  << join_limited(joined.missing_codes, limit) << ")\n";
    if (!joined.unknown_codes.empty())
        std::cerr << "coterm: warning: " << data << ": " << joined.unknown_codes.size() << " codes are not in "
                  << layer->label << " and are ignored (" << join_limited(joined.unknown_codes, limit) << ")\n";
    out->weights.layer = layer;
    out->weights.values = std::move(joined.values);
    out->label = layer->label + " " + variable;
    return out;
}

} // namespace coterm::cli
