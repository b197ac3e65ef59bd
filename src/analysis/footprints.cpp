// SPDX-License-Identifier: MIT
#include "analysis/footprints.hpp"

#include "core/apportion.hpp"
#include "core/errors.hpp"
#include "core/overlap.hpp"
#include "core/point_locator.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/csv_reader.hpp"
#include "io/layer_source.hpp"

#include <algorithm>
#include <map>

namespace coterm::analysis {
namespace {

/// A block share below 1 − exact is a split block (numeric noise of exact layers).
constexpr double exact = 1e-9;

/// Footprints from a CSV of block_code, footprint_code, footprint_name.
std::vector<FootprintSpec> specs_from_groups(const std::string& path, const Layer& blocks,
                                             std::vector<std::string>& left)
{
    const io::CsvFile csv = io::read_csv(path);
    const std::size_t b = csv.column("block_code", "groups file"), f = csv.column("footprint_code", "groups file");
    const std::size_t n = csv.find_column("footprint_name");
    std::map<std::string, std::size_t> block_index;
    for (std::size_t i = 0; i < blocks.features.size(); ++i)
        block_index[blocks.features[i].code] = i;
    std::map<std::string, FootprintSpec> specs;
    std::map<std::string, std::string> assigned;
    std::vector<std::string> unknown, twice;
    for (std::size_t r = 0; r < csv.row_count(); ++r) {
        const std::string block(csv.field(r, b)), code(csv.field(r, f));
        if (code.empty()) throw DataError(path + ": line " + std::to_string(csv.lines[r]) + ": no footprint_code");
        const auto it = block_index.find(block);
        if (it == block_index.end()) {
            unknown.push_back(block);
            continue;
        }
        if (!assigned.emplace(block, code).second) {
            twice.push_back(block);
            continue;
        }
        FootprintSpec& spec = specs[code];
        spec.code = code;
        if (n != static_cast<std::size_t>(-1) && spec.name.empty()) spec.name = csv.field(r, n);
        spec.blocks.push_back(it->second);
    }
    if (!unknown.empty())
        throw DataError(path + ": " + std::to_string(unknown.size()) + " block codes are not in " + blocks.label +
                        " (" + join_limited(unknown, 5) + ")");
    if (!twice.empty()) throw DataError(path + ": blocks assigned more than once (" + join_limited(twice, 5) + ")");
    for (const auto& feature : blocks.features)
        if (!assigned.count(feature.code)) left.push_back(feature.code);
    std::vector<FootprintSpec> out;
    for (auto& [code, spec] : specs)
        out.push_back(std::move(spec));
    return out;
}

/// Each block to the unit of --by holding most of its population (split blocks, with
/// any share elsewhere above numeric noise, are listed); blocks with at most 1 − τ in
/// --by go to --rest, if given.
std::vector<FootprintSpec> specs_by_layer(const Context& ctx, const FootprintRequest& o_, const Layer& blocks,
                                          const std::vector<XY>& points, const std::vector<std::size_t>& block_of,
                                          const LoadedWeights& weights, std::vector<std::string>& left,
                                          std::vector<std::string>& split)
{
    const unsigned threads = ctx.threads;
    const Layer by = load_layer(ctx, o_.by, o_.by_read);
    std::unique_ptr<Layer> rest;
    if (!o_.rest.empty()) rest = std::make_unique<Layer>(load_layer(ctx, o_.rest, o_.rest_read));
    auto best_units = [&](const Layer& units) {
        const Transfer t = centroid_transfer(block_of, locate_points(units, points, threads), weights.weights.values,
                                             blocks.features.size(), units.features.size());
        std::vector<std::pair<std::size_t, double>> best(blocks.features.size(), {no_feature, 0.0});
        for (const auto& p : t.pieces)
            if (p.weight > best[p.source].second) best[p.source] = {p.target, p.weight};
        for (std::size_t b = 0; b < best.size(); ++b)
            best[b].second = t.source_weight[b] > 0 ? best[b].second / t.source_weight[b] : 0;
        // A block with no population has no population share: its area decides.
        OverlapOptions options;
        options.threads = threads;
        for (const auto& row : compute_overlap(blocks, units, options).rows)
            if (t.source_weight[row.a] <= 0 && row.share_of_a > best[row.a].second)
                best[row.a] = {row.b, row.share_of_a};
        return best;
    };
    const auto in_by = best_units(by);
    const auto in_rest = rest ? best_units(*rest) : decltype(in_by){};
    std::map<std::string, FootprintSpec> specs;
    for (std::size_t b = 0; b < blocks.features.size(); ++b) {
        const auto [unit, share] = in_by[b];
        const Layer* layer = &by;
        std::size_t chosen = unit;
        if (unit == no_feature || share <= 1 - o_.tolerance) {
            if (!rest || in_rest[b].first == no_feature) {
                left.push_back(blocks.features[b].code);
                continue;
            }
            layer = rest.get();
            chosen = in_rest[b].first;
            if (in_rest[b].second < 1 - exact) split.push_back(blocks.features[b].code);
        } else if (share < 1 - exact) {
            split.push_back(blocks.features[b].code);
        }
        const Feature& u = layer->features[chosen];
        FootprintSpec& spec = specs[u.code];
        spec.code = u.code;
        spec.name = u.name;
        spec.blocks.push_back(b);
    }
    std::vector<FootprintSpec> out;
    for (auto& [code, spec] : specs)
        out.push_back(std::move(spec));
    return out;
}

} // namespace

BuiltFootprints build_footprints(const Context& ctx, const FootprintRequest& o_, const LoadedWeights& weights)
{
    if (o_.groups.empty() && o_.by.empty()) throw UsageError("give --groups FILE.csv or --by LAYER");
    const unsigned threads = ctx.threads;
    BuiltFootprints out;
    out.blocks = load_layer(ctx, o_.blocks, o_.blocks_read);
    const std::vector<XY>& points = weights.points(threads);
    const auto block_of = locate_points(out.blocks, points, threads);
    out.specs = o_.groups.empty()
                    ? specs_by_layer(ctx, o_, out.blocks, points, block_of, weights, out.left, out.split)
                    : specs_from_groups(io::resolve_data_file(o_.groups, ctx.data_dir), out.blocks, out.left);
    out.footprints = dissolve_footprints(out.blocks, out.specs, threads, out.fallback);
    out.block_population.assign(out.blocks.features.size(), 0.0);
    for (std::size_t w = 0; w < block_of.size(); ++w)
        if (block_of[w] != no_feature) out.block_population[block_of[w]] += weights.weights.values[w];
    std::sort(out.specs.begin(), out.specs.end(), [](const auto& l, const auto& r) { return l.code < r.code; });
    const std::size_t limit = ctx.verbose ? static_cast<std::size_t>(-1) : 5;
    if (!out.split.empty())
        ctx.warn(std::to_string(out.split.size()) + " " + out.blocks.label +
                 " are split (part of their population lies outside the unit they went to, their best match: " +
                 join_limited(out.split, limit) + ")");
    if (!out.fallback.empty())
        ctx.warn("the blocks of " + std::to_string(out.fallback.size()) +
                 " footprints do not form a clean coverage; dissolved with a unary union (" +
                 join_limited(out.fallback, limit) + ")");
    return out;
}

std::vector<double> footprint_population(const BuiltFootprints& built)
{
    std::vector<double> out(built.specs.size(), 0.0);
    for (std::size_t i = 0; i < built.specs.size(); ++i)
        for (std::size_t b : built.specs[i].blocks)
            out[i] += built.block_population[b];
    return out;
}

} // namespace coterm::analysis
