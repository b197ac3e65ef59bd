// SPDX-License-Identifier: MIT
// `coterm footprint`: candidate footprints built from whole blocks (docs/cli/footprint.md).
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/weight_options.hpp"
#include "core/apportion.hpp"
#include "core/errors.hpp"
#include "core/footprint.hpp"
#include "core/number_format.hpp"
#include "core/overlap.hpp"
#include "core/point_locator.hpp"
#include "core/strings.hpp"
#include "core/table.hpp"
#include "io/area_data.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/csv_reader.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"
#include "io/layer_writer.hpp"
#include "io/table_writer.hpp"

#include <iostream>
#include <map>

namespace coterm::cli {
namespace {

struct FootprintCliOptions {
    std::string blocks, groups, by, rest;
    std::string data_dir;
    WeightCliOptions weights;
    double tolerance = 0.99;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
    std::string format = "geojson";
    std::string output;
};

Layer load(const std::string& spec, const io::Catalogue& catalogue, const std::filesystem::path& dir, unsigned threads,
           bool verbose)
{
    BuildReport report;
    Layer l = io::load_layer(io::locate_layer(spec, catalogue, dir, {}), threads, report);
    warn_about_build(l.label, report, verbose);
    return l;
}

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

class FootprintCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("footprint", "Build candidate footprints from whole blocks: by a groups "
                                                        "file, or by the units of another layer");
        cmd->add_option("--blocks", o_.blocks, "The building blocks, e.g. ltla24")->required();
        auto* groups = cmd->add_option("--groups", o_.groups, "CSV: block_code, footprint_code, footprint_name");
        auto* by =
            cmd->add_option("--by", o_.by, "Group blocks by the unit of this layer holding τ of their population");
        groups->excludes(by);
        cmd->add_option("--rest", o_.rest, "With --by: blocks in no unit of --by go to this layer's units")->needs(by);
        cmd->add_option("--tolerance", o_.tolerance, "τ for --by (default 0.99)")->check(CLI::Range(0.5, 1.0));
        add_weight_options(*cmd, o_.weights);
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every block behind a warning");
        cmd->add_option("--format", o_.format, "geojson (default), gpkg or csv; a .gpkg output file implies gpkg")
            ->check(CLI::IsMember({"geojson", "gpkg", "csv"}));
        cmd->add_option("-o,--output", o_.output, "Output file (default: stdout); written atomically");
        return cmd;
    }

    void run() override
    {
        if (o_.groups.empty() && o_.by.empty()) throw UsageError("give --groups FILE.csv or --by LAYER");
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        const auto dir = io::resolve_data_dir(o_.data_dir);
        const Layer blocks = load(o_.blocks, catalogue, dir, o_.threads, o_.verbose);
        const auto weights = load_weights(o_.weights, dir, o_.threads, o_.verbose);
        const std::vector<XY> points = points_on_surface(*weights->weights.layer, o_.threads);
        const auto block_of = locate_points(blocks, points, o_.threads);

        std::vector<std::string> left, split;
        std::vector<FootprintSpec> specs =
            o_.groups.empty() ? specs_by_layer(blocks, catalogue, dir, points, block_of, *weights, left, split)
                              : specs_from_groups(io::resolve_data_file(o_.groups, dir), blocks, left);
        std::vector<std::string> fallback;
        const Layer footprints = dissolve_footprints(blocks, specs, o_.threads, fallback);

        // Population of each footprint: the small areas whose point lies in one of its blocks.
        std::map<std::string, std::size_t> spec_of_code;
        for (std::size_t s = 0; s < specs.size(); ++s)
            spec_of_code[specs[s].code] = s;
        std::vector<double> block_pop(blocks.features.size(), 0.0);
        for (std::size_t w = 0; w < block_of.size(); ++w)
            if (block_of[w] != no_feature) block_pop[block_of[w]] += weights->weights.values[w];
        Table t;
        t.columns = {{"code", Format::text},    {"name", Format::text},         {"blocks", Format::integer},
                     {"members", Format::text}, {"population", Format::number}, {"area_m2", Format::area}};
        std::vector<Wkb> geometries;
        for (const Feature& f : footprints.features) {
            const FootprintSpec& spec = specs[spec_of_code.at(f.code)];
            std::vector<std::string> members;
            double pop = 0;
            for (std::size_t b : spec.blocks)
                members.push_back(blocks.features[b].code), pop += block_pop[b];
            std::sort(members.begin(), members.end());
            t.rows.push_back(
                {f.code, f.name, static_cast<std::int64_t>(members.size()), join(members, ";"), pop, f.area_m2});
            geometries.push_back(f.geometry.to_wkb());
        }
        const bool gpkg = o_.format == "gpkg" || o_.output.ends_with(".gpkg");
        if (gpkg) {
            if (o_.output.empty()) throw UsageError("a GeoPackage needs an output file (-o FILE.gpkg)");
            io::write_geopackage(o_.output, "footprints", t, geometries);
        } else {
            io::write_output(o_.output, o_.format == "csv" ? io::to_csv(t) : io::to_geojson(t, std::move(geometries)));
        }
        const std::size_t limit = o_.verbose ? static_cast<std::size_t>(-1) : 5;
        if (!split.empty())
            std::cerr << "coterm: warning: " << split.size() << " " << blocks.label << " are split (under "
                      << format_general(o_.tolerance, 6) << " of their population in one unit) and went to their best "
                      << "match (" << join_limited(split, limit) << ")\n";
        if (!fallback.empty())
            std::cerr << "coterm: warning: the blocks of " << fallback.size()
                      << " footprints do not form a clean coverage; dissolved with a unary union ("
                      << join_limited(fallback, limit) << ")\n";
        if (!o_.quiet)
            std::cerr << "coterm: " << footprints.features.size() << " footprints from "
                      << blocks.features.size() - left.size() << " of " << blocks.features.size() << " " << blocks.label
                      << (left.empty() ? std::string() : "; not in any footprint: " + join_limited(left, limit))
                      << "\n";
    }

private:
    /// Each block to the unit of --by holding ≥ τ of its population (best match, with a
    /// warning, when split); blocks with (almost) none in --by go to --rest, if given.
    std::vector<FootprintSpec> specs_by_layer(const Layer& blocks, const io::Catalogue& catalogue,
                                              const std::filesystem::path& dir, const std::vector<XY>& points,
                                              const std::vector<std::size_t>& block_of, const LoadedWeights& weights,
                                              std::vector<std::string>& left, std::vector<std::string>& split)
    {
        const Layer by = load(o_.by, catalogue, dir, o_.threads, o_.verbose);
        std::unique_ptr<Layer> rest;
        if (!o_.rest.empty()) rest = std::make_unique<Layer>(load(o_.rest, catalogue, dir, o_.threads, o_.verbose));
        auto best_units = [&](const Layer& units) {
            const Transfer t = centroid_transfer(block_of, locate_points(units, points, o_.threads),
                                                 weights.weights.values, blocks.features.size(), units.features.size());
            std::vector<std::pair<std::size_t, double>> best(blocks.features.size(), {no_feature, 0.0});
            for (const auto& p : t.pieces)
                if (p.weight > best[p.source].second) best[p.source] = {p.target, p.weight};
            for (std::size_t b = 0; b < best.size(); ++b)
                best[b].second = t.source_weight[b] > 0 ? best[b].second / t.source_weight[b] : 0;
            // A block with no population has no population share: its area decides.
            OverlapOptions options;
            options.threads = o_.threads;
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
                if (in_rest[b].second < o_.tolerance) split.push_back(blocks.features[b].code);
            } else if (share < o_.tolerance) {
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

    FootprintCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_footprint_command()
{
    return std::make_unique<FootprintCommand>();
}

} // namespace coterm::cli
