// SPDX-License-Identifier: MIT
#include "analysis/weights.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"

namespace coterm::analysis {

const std::vector<XY>& LoadedWeights::points(unsigned threads) const
{
    if (!have_points_) {
        points_ = points_on_surface(*weights.layer, threads);
        have_points_ = true;
    }
    return points_;
}

std::unique_ptr<LoadedWeights> load_weights(const Context& ctx, const WeightsSpec& spec, const Layer* reuse,
                                            const std::string& reuse_id)
{
    const io::DefaultWeights& d = ctx.catalogue.weights;
    const std::string layer_spec = spec.layer.empty() ? d.layer : spec.layer;
    const std::string data = spec.data.empty() ? d.data : spec.data;
    const std::string variable = spec.variable.empty() ? d.variable : spec.variable;
    if (layer_spec.empty() || data.empty() || variable.empty())
        throw UsageError("no default weights in the catalogue: give --weights, --weights-data and --weights-var");

    auto out = std::make_unique<LoadedWeights>();
    out->layer_id = layer_spec;
    const Layer* layer = reuse;
    if (!reuse || reuse_id != layer_spec) {
        out->owned = std::make_unique<Layer>(load_layer(ctx, layer_spec));
        layer = out->owned.get();
    }
    std::vector<std::string> codes;
    for (const auto& f : layer->features)
        codes.push_back(f.code);
    io::WeightValues joined = io::join_weights(codes, io::resolve_data_file(data, ctx.data_dir), variable);
    const std::size_t limit = ctx.verbose ? joined.missing_codes.size() + joined.unknown_codes.size() : 5;
    if (!joined.missing_codes.empty())
        ctx.warn(layer->label + ": " + std::to_string(joined.missing_codes.size()) + " small areas have no " +
                 variable + " value and weigh 0 (" + join_limited(joined.missing_codes, limit) + ")");
    if (!joined.unknown_codes.empty())
        ctx.warn(data + ": " + std::to_string(joined.unknown_codes.size()) + " codes are not in " + layer->label +
                 " and are ignored (" + join_limited(joined.unknown_codes, limit) + ")");
    if (joined.missing_codes.size() == codes.size())
        throw DataError(data + ": no value of " + variable + " matches a code of " + layer->label +
                        " (all weights would be 0)");
    out->weights.layer = layer;
    out->weights.values = std::move(joined.values);
    out->label = layer->label + " " + variable;
    out->variable = variable;
    return out;
}

} // namespace coterm::analysis
