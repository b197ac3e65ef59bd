// SPDX-License-Identifier: MIT
#include "analysis/run_inputs.hpp"

#include "io/area_data.hpp"

#include <filesystem>
#include <numeric>

namespace coterm::analysis {

namespace fs = std::filesystem;

std::string query_layer(const io::Query& query, const std::string& spec)
{
    return fs::exists(query.folder / spec) ? (query.folder / spec).string() : spec;
}

std::string query_file(const io::Query& query, const std::string& name, const fs::path& data_dir)
{
    if (fs::path(name).is_relative() && fs::exists(query.folder / name)) return (query.folder / name).string();
    return io::resolve_data_file(name, data_dir);
}

RunInputs::RunInputs(const Context& ctx, const io::Query& query, const LoadedWeights& weights)
    : ctx_(ctx), query_(query), weights_(weights)
{
}

std::shared_ptr<const Layer> RunInputs::layer(const std::string& spec)
{
    const std::string k = query_layer(query_, spec);
    auto it = layers_.find(k);
    if (it != layers_.end()) return it->second;
    // The weights' small areas are often a source too (LSOA data): share them.
    std::shared_ptr<const Layer> l =
        k == weights_.layer_id ? std::shared_ptr<const Layer>(std::shared_ptr<const Layer>(), weights_.weights.layer)
                               : std::make_shared<const Layer>(load_layer(ctx_, k));
    return layers_.emplace(k, std::move(l)).first->second;
}

const std::vector<std::size_t>& RunInputs::located(const std::string& spec)
{
    const std::string k = query_layer(query_, spec);
    auto it = located_.find(k);
    if (it != located_.end()) return it->second;
    std::vector<std::size_t> where;
    if (k == weights_.layer_id) {
        // The small areas themselves (LSOA data): each lies in itself.
        where.resize(weights_.weights.values.size());
        std::iota(where.begin(), where.end(), std::size_t{0});
    } else {
        where = locate(*layer(spec));
    }
    return located_.emplace(k, std::move(where)).first->second;
}

std::vector<std::size_t> RunInputs::locate(const Layer& layer) const
{
    return locate_points(layer, weights_.points(ctx_.threads), ctx_.threads);
}

} // namespace coterm::analysis
