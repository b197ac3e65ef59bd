// SPDX-License-Identifier: MIT
// `coterm overlap A B`: the overlap matrix of two layers (docs/cli/overlap.md).
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_target.hpp"
#include "cli/progress.hpp"
#include "cli/weight_options.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/overlap.hpp"
#include "core/overlap_summary.hpp"
#include "core/table.hpp"
#include "io/atomic_file.hpp"
#include "io/data_dir.hpp"
#include "io/table_writer.hpp"

#include <iostream>
#include <memory>

namespace coterm::cli {
namespace {

struct OverlapCliOptions {
    PairInputOptions input;
    std::string weight = "area";
    WeightCliOptions weights;
    double min_share = 0.0;
    std::string format; ///< "" = from -o's extension, else csv
    std::string output;
    bool overwrite = false;
};

/// A share that is undefined (0 / 0) is written as missing.
Cell ratio(double part, double whole)
{
    return whole > 0 ? Cell(part / whole) : Cell();
}

Table rows_table(const LayerPair& layers, const std::vector<OverlapRow>& rows, const WeightedOverlap* weighted)
{
    Table t;
    t.columns = {{"a_code", Format::text},     {"a_name", Format::text},  {"b_code", Format::text},
                 {"b_name", Format::text},     {"area_m2", Format::area}, {"share_of_a", Format::share},
                 {"share_of_b", Format::share}};
    if (weighted)
        t.columns.insert(
            t.columns.end(),
            {{"population", Format::share}, {"pop_share_of_a", Format::share}, {"pop_share_of_b", Format::share}});
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const OverlapRow& r = rows[k];
        const Feature& fa = layers.a.features[r.a];
        const Feature& fb = layers.b.features[r.b];
        t.rows.push_back({fa.code, fa.name, fb.code, fb.name, r.area_m2, r.share_of_a, r.share_of_b});
        if (weighted) {
            const double pop = weighted->row_weight[k];
            auto& row = t.rows.back();
            row.push_back(pop);
            row.push_back(ratio(pop, weighted->a_weight[r.a]));
            row.push_back(ratio(pop, weighted->b_weight[r.b]));
        }
    }
    return t;
}

/// Per feature: area coverage and, when weighted, its population and the share of it
/// that lies in the overlap's rows (`in_rows`).
Table coverage_table(const Layer& layer, const std::vector<double>& covered, const std::vector<double>* population,
                     const std::vector<double>* in_rows)
{
    Table t;
    t.columns = {{"code", Format::text},
                 {"name", Format::text},
                 {"area_m2", Format::area},
                 {"covered_m2", Format::area},
                 {"coverage", Format::share}};
    if (population) t.columns.insert(t.columns.end(), {{"population", Format::share}, {"pop_coverage", Format::share}});
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const Feature& f = layer.features[i];
        t.rows.push_back({f.code, f.name, f.area_m2, covered[i], covered[i] / f.area_m2});
        if (population) {
            t.rows.back().push_back((*population)[i]);
            t.rows.back().push_back(ratio((*in_rows)[i], (*population)[i]));
        }
    }
    return t;
}

Table summary_table(const OverlapCliOptions& o, const LayerPair& layers, const OverlapSummary& s,
                    std::size_t rows_written, const WeightedOverlap* weighted, const std::string& weights_label)
{
    SummaryBuilder t;
    auto add = [&](const std::string& name, Format format, Cell value) { t.add(name, format, std::move(value)); };
    auto count = [](std::size_t n) { return Cell(static_cast<std::int64_t>(n)); };
    add("a_layer", Format::text, layers.a.label);
    add("b_layer", Format::text, layers.b.label);
    add("pairs", Format::integer, count(s.pairs));
    add("rows_written", Format::integer, count(rows_written));
    add("min_share", Format::share, o.min_share);
    add("split_sliver_share", Format::share, split_sliver_share);
    for (auto [prefix, side] : {std::pair{"a_", &s.a}, std::pair{"b_", &s.b}}) {
        const std::string p = prefix;
        add(p + "features", Format::integer, count(side->features));
        add(p + "split", Format::integer, count(side->split));
        add(p + "area_m2", Format::area, side->area_m2);
        add(p + "uncovered_m2", Format::area, side->uncovered_m2);
        add(p + "partly_uncovered", Format::integer, count(side->partly_uncovered));
        add(p + "overcounted", Format::integer, count(side->overcounted));
    }
    if (weighted) {
        add("weights", Format::text, weights_label);
        add("spread", Format::text, o.weights.spread);
        add("population_total", Format::share, weighted->total);
        add("population_outside_a", Format::share, weighted->outside_a);
        add("population_outside_b", Format::share, weighted->outside_b);
        add("population_outside_rows", Format::share, weighted->outside_rows);
    }
    return t.take();
}

std::string summary_line(const LayerPair& layers, const OverlapSummary& s)
{
    const std::string& a = layers.a.label;
    const std::string& b = layers.b.label;
    auto km2 = [](double m2) { return format_fixed(m2 / 1e6, 3) + " km²"; };
    std::string line = "coterm: " + a + " × " + b + ": " + std::to_string(s.pairs) + " pairs; " +
                       std::to_string(s.a.split) + " of " + std::to_string(s.a.features) + " " + a +
                       " features split across more than one " + b + " (pieces ≥ 0.1%); uncovered: " + a + " " +
                       km2(s.a.uncovered_m2) + " in " + std::to_string(s.a.partly_uncovered) + " features, " + b + " " +
                       km2(s.b.uncovered_m2) + " in " + std::to_string(s.b.partly_uncovered) + " features";
    return line;
}

/// Pieces adding up to more than a feature's area mean the other layer overlaps itself.
void warn_overcounted(const std::string& overlapping, const std::string& inside, std::size_t features)
{
    if (features == 0) return;
    warning() << overlapping << " features overlap one another inside " << features << " " << inside
              << " feature(s): their pieces add up to more than the feature's area (coverage capped at 1)\n";
}

class OverlapCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("overlap", "Overlap matrix of two layers: every intersecting pair with "
                                                      "its area and its share of each side");
        add_pair_options(*cmd, o_.input);
        cmd->add_option("--weight", o_.weight,
                        "area (default) or population: also weigh every pair by the small areas' population")
            ->check(CLI::IsMember({"area", "population"}));
        add_weight_options(*cmd, o_.weights);
        cmd->add_option("--min-share", o_.min_share,
                        "Drop rows whose share of A and share of B are both below X (default 0: keep all)")
            ->check(CLI::Range(0.0, 1.0));
        add_format_option(*cmd, o_.format, {"csv", "json", "geojson"});
        add_output_options(*cmd, o_.output, o_.overwrite);
        return cmd;
    }

    void run() override
    {
        const io::OutputFormat format = prepare_output(o_.output, o_.format, o_.overwrite, // before the work
                                                       {"overlap", {"csv", "json", "geojson"}, "csv", true}, "overlap");
        Stopwatch stopwatch;
        const LayerPair layers = load_pair(o_.input, stopwatch);
        const bool by_population = o_.weight == "population";
        std::unique_ptr<LoadedWeights> weights;
        if (by_population) {
            weights =
                load_weights(o_.weights, io::resolve_data_dir(o_.input.data_dir), o_.input.threads, o_.input.verbose);
            stopwatch.lap("load weights");
        }
        OverlapOptions options;
        options.threads = o_.input.threads;
        options.keep_pieces =
            format.name == "geojson" || format.gdal() || (by_population && spread_of(o_.weights) == Spread::area);
        Progress progress("overlap", !o_.input.quiet);
        if (progress.enabled()) options.progress = [&](std::size_t d, std::size_t n) { progress.update(d, n); };
        OverlapResult result = compute_overlap(layers.a, layers.b, options);
        progress.finish();
        // Nothing in common is not an answer: most often the layers are in different
        // places because one's CRS is wrong or missing.
        if (result.rows.empty() && !layers.a.features.empty() && !layers.b.features.empty())
            throw DataError(layers.a.label + " and " + layers.b.label +
                            " do not overlap anywhere: is one layer's CRS wrong or missing (see --assume-crs)?");
        stopwatch.lap("overlap");
        const OverlapSummary summary = summarise_overlap(layers.a, layers.b, result);
        std::unique_ptr<WeightedOverlap> weighted;
        std::vector<double> a_in_rows, b_in_rows;
        if (by_population) {
            weighted = std::make_unique<WeightedOverlap>(
                weigh_overlap(layers.a, layers.b, result, weights->weights, spread_of(o_.weights), o_.input.threads));
            a_in_rows.assign(layers.a.features.size(), 0.0);
            b_in_rows.assign(layers.b.features.size(), 0.0);
            for (std::size_t k = 0; k < result.rows.size(); ++k) {
                a_in_rows[result.rows[k].a] += weighted->row_weight[k];
                b_in_rows[result.rows[k].b] += weighted->row_weight[k];
            }
            stopwatch.lap("weigh");
        }
        // Rows and their weights are filtered together.
        if (weighted && o_.min_share > 0) {
            std::vector<OverlapRow> kept;
            std::vector<double> kept_weight;
            for (std::size_t k = 0; k < result.rows.size(); ++k) {
                const OverlapRow& r = result.rows[k];
                if (r.share_of_a < o_.min_share && r.share_of_b < o_.min_share) continue;
                kept.push_back(std::move(result.rows[k]));
                kept_weight.push_back(weighted->row_weight[k]);
            }
            result.rows = std::move(kept);
            weighted->row_weight = std::move(kept_weight);
        } else {
            apply_min_share(result.rows, o_.min_share);
        }

        Table rows = rows_table(layers, result.rows, weighted.get());
        std::string content;
        if (format.name == "csv") {
            content = io::to_csv(rows);
        } else if (format.name == "json") {
            Report report;
            report.summary = summary_table(o_, layers, summary, result.rows.size(), weighted.get(),
                                           weights ? weights->label : std::string());
            report.tables.emplace_back("rows", std::move(rows));
            report.tables.emplace_back(
                "coverage_a",
                coverage_table(layers.a, result.covered_a_m2, weighted ? &weighted->a_weight : nullptr, &a_in_rows));
            report.tables.emplace_back(
                "coverage_b",
                coverage_table(layers.b, result.covered_b_m2, weighted ? &weighted->b_weight : nullptr, &b_in_rows));
            content = io::to_json(report);
        } else {
            std::vector<Wkb> pieces;
            pieces.reserve(result.rows.size());
            for (auto& r : result.rows)
                pieces.push_back(std::move(r.piece));
            if (format.gdal())
                write_layer_output(o_.output, format, o_.overwrite, "overlap", rows, pieces);
            else
                content = io::to_geojson(rows, std::move(pieces));
        }
        if (!format.gdal()) io::write_output(o_.output, content, {o_.overwrite});
        stopwatch.lap("format+write");
        warn_overcounted(layers.b.label, layers.a.label, summary.a.overcounted);
        warn_overcounted(layers.a.label, layers.b.label, summary.b.overcounted);
        if (result.stats.geos_errors > 0) // never silent: see OverlapStats::geos_errors
            warning() << result.stats.geos_errors
                      << " GEOS predicate test(s) failed; those pairs were decided by their exact intersection\n";
        if (!o_.input.quiet) std::cerr << summary_line(layers, summary) << '\n';
        if (!o_.input.quiet && weighted)
            std::cerr << "coterm: population (" << weights->label << ", " << o_.weights.spread
                      << " spread): " << format_fixed(weighted->total, 0) << " in all, "
                      << format_fixed(weighted->total - weighted->outside_rows, 0) << " in pairs, "
                      << format_fixed(weighted->outside_a, 0) << " outside " << layers.a.label << ", "
                      << format_fixed(weighted->outside_b, 0) << " outside " << layers.b.label << "\n";
        if (o_.input.verbose) {
            std::cerr << "coterm: work: " << result.stats.candidates << " index candidates, " << result.stats.contained
                      << " answered by the covers shortcut, " << result.stats.intersections << " intersections built ("
                      << result.stats.touching << " of them only touching), " << result.stats.skipped
                      << " touching pairs skipped after " << result.stats.outer_pair_checks
                      << " checks between neighbours, " << result.stats.precision_fallbacks << " precision fallbacks, "
                      << result.stats.subdivided_pieces << " pieces of subdivided features, "
                      << result.stats.area_kernel << " areas by the exact kernel, " << result.stats.geos_errors
                      << " GEOS predicate errors\n";
            std::cerr << stopwatch.line() << '\n';
        }
    }

private:
    OverlapCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_overlap_command()
{
    return std::make_unique<OverlapCommand>();
}

} // namespace coterm::cli
