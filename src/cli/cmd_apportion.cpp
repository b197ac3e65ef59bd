// SPDX-License-Identifier: MIT
// `coterm apportion`: move values published for one set of areas (or at points) onto
// another set of areas (docs/cli/apportion.md, formulas in docs/methods.md §10).
#include "analysis/map_data.hpp"
#include "analysis/transfer.hpp"
#include "cli/apportion_report.hpp"
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_target.hpp"
#include "cli/progress.hpp"
#include "cli/weight_options.hpp"
#include "core/apportion.hpp"
#include "core/errors.hpp"
#include "core/point_locator.hpp"
#include "core/reproject.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/atomic_file.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"

#include <cmath>
#include <future>
#include <iostream>
#include <limits>
#include <map>
#include <set>

namespace coterm::cli {
namespace {

struct ApportionCliOptions {
    PairInputOptions input;              ///< a = --from, b = --to
    std::vector<std::string> data;       ///< --data files, as given
    std::vector<std::string> data_paths; ///< the same, resolved
    io::DataRequest request;
    bool points = false;
    std::string weight = "population";
    WeightCliOptions weights;
    std::vector<std::string> extensive, intensive, ratios;
    bool strict = false;
    std::string format; ///< "" = from -o's extension, else csv
    std::string output;
    bool overwrite = false;
};

analysis::Declarations declarations(const ApportionCliOptions& o)
{
    return {o.extensive, o.intensive, {}, {}, {}};
}

/// The report's variables from the mapped ones; unknown codes and areas without data
/// are collected over all variables.
void add_mapped(ApportionReport& r, std::vector<analysis::MappedVariable> mapped)
{
    std::set<std::string> unknown(r.unknown_codes.begin(), r.unknown_codes.end());
    std::set<std::string> without(r.sources_without_data.begin(), r.sources_without_data.end());
    for (auto& m : mapped) {
        unknown.insert(m.unknown_codes.begin(), m.unknown_codes.end());
        without.insert(m.without_data.begin(), m.without_data.end());
        if (!m.outside_sources.empty()) r.outside_codes[m.name] = m.outside_sources;
        r.variables.push_back({m.name, m.kind, std::move(m.result), {}, 0, 0});
    }
    r.unknown_codes.assign(unknown.begin(), unknown.end());
    r.sources_without_data.assign(without.begin(), without.end());
}

/// "NAME=NUM/DEN" or "NUM/DEN" (named NUM_per_DEN).
RatioSpec parse_ratio(const std::string& text, const std::vector<ApportionedVariable>& variables)
{
    RatioSpec r;
    std::string body = text;
    if (const auto eq = text.find('='); eq != std::string::npos) {
        r.name = text.substr(0, eq);
        body = text.substr(eq + 1);
    }
    const auto slash = body.find('/');
    if (slash == std::string::npos) throw UsageError("--ratio '" + text + "': write NUM/DEN or NAME=NUM/DEN");
    const std::string num = body.substr(0, slash), den = body.substr(slash + 1);
    if (r.name.empty()) r.name = num + "_per_" + den;
    std::vector<std::string> names;
    for (const auto& v : variables)
        names.push_back(v.name);
    auto find = [&](const std::string& name) {
        for (std::size_t i = 0; i < variables.size(); ++i)
            if (variables[i].name == name) {
                if (variables[i].kind != Kind::extensive)
                    throw UsageError("--ratio '" + text + "': '" + name + "' must be extensive");
                return i;
            }
        throw UsageError("--ratio '" + text + "': no variable '" + name + "'" + did_you_mean(name, names));
    };
    r.numerator = find(num);
    r.denominator = find(den);
    return r;
}

class ApportionCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("apportion", "Move values published for one set of areas (or at points) "
                                                        "onto another: counts conserved, rates population-weighted");
        cmd->add_option("--data", o_.data,
                        "Values file(s): CSV, tidy or wide, found here or in the data directory; several tidy "
                        "files are read together")
            ->required();
        PairNames names;
        names.a = "from";
        names.b = "to";
        names.positional = false;
        names.data_dir_option = "--data-dir";
        names.a_help = "Areas the values are published for (catalogue id or path)";
        names.b_help = "Areas to move the values onto (catalogue id or path)";
        add_pair_options(*cmd, o_.input, names);
        cmd->add_option("--var", o_.request.variables, "Tidy file: variables to move (default: all)");
        cmd->add_option("--period", o_.request.period, "Tidy file: the period to use");
        cmd->add_option("--code-column", o_.request.code_column,
                        "Wide file: the column of area codes; point file: the column naming each point's target, "
                        "compared with where the point lies");
        cmd->add_option("--value-column", o_.request.value_columns, "Wide or point file: the value columns");
        cmd->add_flag("--points", o_.points, "The file holds points (one row each, with latitude and longitude)");
        cmd->add_option("--lat", o_.request.lat_column, "Point file: latitude column (WGS 84; default latitude)");
        cmd->add_option("--lon", o_.request.lon_column, "Point file: longitude column (WGS 84; default longitude)");
        cmd->add_option("--extensive", o_.extensive, "Variables that are counts or money (summed)");
        cmd->add_option("--intensive", o_.intensive, "Variables that are rates, averages or scores (weighted means)");
        cmd->add_option("--ratio", o_.ratios, "Recompute a rate from two extensive variables: [NAME=]NUM/DEN");
        cmd->add_option("--weight", o_.weight, "Weight of source ∩ target pieces: population (default) or area")
            ->check(CLI::IsMember({"population", "area"}));
        add_weight_options(*cmd, o_.weights);
        cmd->add_flag("--strict", o_.strict, "Codes not in the source layer, or source areas without data, are errors");
        add_format_option(*cmd, o_.format, {"csv", "json", "geojson"});
        add_output_options(*cmd, o_.output, o_.overwrite);
        return cmd;
    }

    void run() override
    {
        const io::OutputFormat format =
            prepare_output(o_.output, o_.format, o_.overwrite, // before the work
                           {"apportion", {"csv", "json", "geojson"}, "csv", true}, "apportion");
        const auto data_dir = io::resolve_data_dir(o_.input.data_dir);
        for (const auto& file : o_.data)
            o_.data_paths.push_back(io::resolve_data_file(file, data_dir));
        o_.request.path = o_.data_paths.front();
        declare_variables();
        if (o_.points && o_.data_paths.size() > 1) throw UsageError("--points reads one --data file");
        ApportionReport report = o_.points ? run_points(data_dir) : run_areas(data_dir);
        report.format = format.name;
        stopwatch_.lap("apportion");
        if (format.gdal())
            write_layer_output(o_.output, format, o_.overwrite, "apportion", apportion_targets(report),
                               target_geometries(report));
        else
            io::write_output(o_.output, render_apportion(report), {o_.overwrite});
        stopwatch_.lap("format+write");
        if (!o_.input.quiet) print_apportion_summary(report, o_.input.verbose);
        if (o_.input.verbose) std::cerr << stopwatch_.line() << '\n';
    }

private:
    ApportionReport run_areas(const std::filesystem::path& data_dir)
    {
        if (o_.input.a.empty())
            throw UsageError("--from is required (the areas the values are published for), or --points");
        Stopwatch& stopwatch = stopwatch_;
        // The values file is parsed while GDAL reads the layers.
        auto data_future =
            std::async(std::launch::async, [&] { return io::read_area_values(o_.data_paths, o_.request); });
        LayerPair layers;
        try {
            layers = load_pair(o_.input, stopwatch);
        } catch (...) {
            data_future.wait();
            throw;
        }
        const io::AreaValues data = data_future.get();
        stopwatch.lap("read data (alongside)");
        auto weights = load_weights(o_.weights, data_dir, o_.input.threads, o_.input.verbose, &layers.a, o_.input.a);
        stopwatch.lap("read weights");

        ApportionReport r;
        r.source_label = layers.a.label;
        r.target = &layers.b;
        r.weight_label = o_.weight == "population" ? weights->label + ", " + o_.weights.spread + " spread" : "area";
        r.problems = data.problems;
        r.transfer = analysis::make_transfer(
            layers.a, layers.b, *weights, {o_.weight == "area", spread_of(o_.weights), o_.input.threads}, r.population);
        stopwatch.lap("transfer");
        add_mapped(r, analysis::map_area_values(data, join(o_.data, ", "), layers.a, r.transfer, declarations(o_)));
        if (o_.strict && (!r.unknown_codes.empty() || !r.sources_without_data.empty()))
            throw DataError(join(o_.data, ", ") + ": " + std::to_string(r.unknown_codes.size()) + " codes not in " +
                            r.source_label + " (" + join_limited(r.unknown_codes, 5) + ") and " +
                            std::to_string(r.sources_without_data.size()) + " " + r.source_label +
                            " areas without data (" + join_limited(r.sources_without_data, 5) + "); --strict");
        for (const auto& text : o_.ratios)
            r.ratios.push_back(parse_ratio(text, r.variables));
        keep_target(std::move(layers.b), r);
        return r;
    }

    /// Variables named by --extensive, --intensive and --ratio must be in the file.
    void declare_variables()
    {
        for (const auto& v : o_.extensive)
            o_.request.declared.emplace_back(v, "--extensive");
        for (const auto& v : o_.intensive)
            o_.request.declared.emplace_back(v, "--intensive");
        for (const auto& text : o_.ratios) {
            const std::string body = text.substr(text.find('=') == std::string::npos ? 0 : text.find('=') + 1);
            if (const auto slash = body.find('/'); slash != std::string::npos) {
                o_.request.declared.emplace_back(body.substr(0, slash), "--ratio");
                o_.request.declared.emplace_back(body.substr(slash + 1), "--ratio");
            }
        }
    }

    ApportionReport run_points(const std::filesystem::path& data_dir)
    {
        if (!o_.input.a.empty()) throw UsageError("--points takes no --from: the values sit at their points");
        const io::PointValues data = io::read_point_values(o_.request);
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        io::ReadOptions read = o_.input.b_read;
        read.assume_crs = o_.input.assume_crs;
        BuildReport build;
        Layer target = io::load_layer(io::locate_layer(o_.input.b, catalogue, data_dir, read), o_.input.threads, build,
                                      nullptr, progress_callback());
        warn_about_build(target.label, build, o_.input.verbose);
        auto weights = load_weights(o_.weights, data_dir, o_.input.threads, o_.input.verbose);

        const std::vector<XY> points = analysis::project_points(data);
        const auto located = locate_points(target, points, o_.input.threads);

        ApportionReport r;
        r.points = true;
        r.source_label = o_.data.front();
        r.weight_label = "points";
        r.problems = data.problems;
        r.population = weigh_features(target, weights->weights, o_.input.threads, nullptr);
        r.unlocated = data.unlocated;
        r.unlocated_sum = data.unlocated_sum;
        r.located_points = points.size();
        add_mapped(
            r, analysis::map_point_values(data, o_.data.front(), located, target.features.size(), declarations(o_)));
        if (!o_.request.code_column.empty()) {
            r.code_column = o_.request.code_column;
            compare_codes(data, located, target, r);
        }
        keep_target(std::move(target), r);
        return r;
    }

    /// Sums by the file's own code column (--code-column), beside the point-in-polygon sums.
    static void compare_codes(const io::PointValues& data, const std::vector<std::size_t>& located, const Layer& target,
                              ApportionReport& r)
    {
        std::map<std::string, std::size_t> target_index;
        for (std::size_t t = 0; t < target.features.size(); ++t)
            target_index[target.features[t].code] = t;
        for (std::size_t v = 0; v < r.variables.size(); ++v) {
            auto& var = r.variables[v];
            var.by_code.assign(target.features.size(), 0.0);
            for (std::size_t p = 0; p < data.codes.size(); ++p) {
                const double value = data.values[v][p];
                if (std::isnan(value)) continue;
                const auto it = target_index.find(data.codes[p]);
                if (it != target_index.end()) var.by_code[it->second] += value;
                if (it == target_index.end() || located[p] != it->second) {
                    var.moved += value;
                    ++var.moved_points;
                }
            }
        }
    }

    static void keep_target(Layer target, ApportionReport& r)
    {
        r.target_storage = std::make_shared<Layer>(std::move(target));
        r.target = r.target_storage.get();
    }

    ApportionCliOptions o_;
    Stopwatch stopwatch_;
};

} // namespace

std::unique_ptr<Command> make_apportion_command()
{
    return std::make_unique<ApportionCommand>();
}

} // namespace coterm::cli
