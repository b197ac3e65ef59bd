// SPDX-License-Identifier: MIT
#include "cli/scorecard.hpp"

#include "analysis/scorecard.hpp"
#include "cli/layer_options.hpp"
#include "cli/pair_measures.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"
#include "io/table_writer.hpp"

#include <filesystem>
#include <iostream>
#include <map>

namespace coterm::cli {

const std::vector<std::string>& scorecard_measures()
{
    static const std::vector<std::string> measures{"a_nested_share",
                                                   "a_split",
                                                   "b_unions_of_whole_a_share",
                                                   "identical_pairs",
                                                   "mean_share_in_best",
                                                   "mean_iou",
                                                   "nesting_a_in_b",
                                                   "nmi",
                                                   "vi",
                                                   "a_uncovered_share"};
    return measures;
}

namespace {

/// Column index of a named measure in a pair-measures table.
std::size_t column_of(const Table& t, const std::string& name)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == name) return c;
    throw DataError("internal: no measure " + name);
}

} // namespace

/// The files of a scorecard folder, checked together before the work and again before
/// any is written, so an existing one without --overwrite stops the run and none is written.
void check_scorecard_files(const ScorecardOptions& o)
{
    if (o.output.empty() || !std::filesystem::is_directory(o.output)) return;
    io::check_output((std::filesystem::path(o.output) / "scorecard.json").string(), {o.overwrite});
    for (const auto& measure : scorecard_measures())
        io::check_output((std::filesystem::path(o.output) / (measure + ".csv")).string(), {o.overwrite});
}

void run_scorecard(const ScorecardOptions& o)
{
    if (o.layers.size() < 2) throw UsageError("--scorecard needs at least two layers");
    check_scorecard_files(o);
    const analysis::Context ctx = cli_context(o.data_dir, o.threads, o.verbose);
    const analysis::Scorecard card =
        analysis::compute_scorecard(ctx, {o.layers, o.assume_crs, o.weights, o.spread, o.rule, o.boundary_m});
    const std::vector<Layer>& layers = card.layers;

    Table pairs;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> row_of;
    for (const auto& [key, s] : card.pairs) { // ordered by (A, B), A in the order given
        SummaryBuilder b;
        b.add("a_layer", Format::text, layers[key.first].label);
        b.add("b_layer", Format::text, layers[key.second].label);
        add_pair_measures(b, s);
        Table one = b.take();
        if (pairs.columns.empty()) pairs.columns = one.columns;
        row_of[key] = pairs.rows.size();
        pairs.rows.push_back(std::move(one.rows.front()));
    }
    // Rows in a fixed order: A in the order given, then B.
    Table ordered;
    ordered.columns = pairs.columns;
    for (const auto& [key, row] : row_of)
        ordered.rows.push_back(pairs.rows[row]);

    Report report;
    SummaryBuilder summary;
    std::string names;
    for (const auto& l : layers)
        names += (names.empty() ? "" : ";") + l.label;
    summary.add("layers", Format::list, names);
    summary.add("weight", Format::text, o.weight);
    summary.add("tolerance", Format::share, o.rule.tolerance >= 0 ? Cell(o.rule.tolerance) : Cell());
    summary.add("min_people", Format::number, o.rule.min_people);
    summary.add_count("ordered_pairs", ordered.rows.size());
    report.summary = summary.take();
    report.tables.emplace_back("pairs", ordered);
    const std::string json = io::to_json(report);

    if (o.output.empty()) {
        io::write_output("", json);
    } else {
        std::filesystem::create_directories(o.output);
        check_scorecard_files(o);
        io::write_output((std::filesystem::path(o.output) / "scorecard.json").string(), json, {o.overwrite});
        for (const auto& measure : scorecard_measures()) {
            const std::size_t c = column_of(ordered, measure);
            Table matrix;
            matrix.columns.push_back({"layer", Format::text});
            for (const auto& l : layers)
                matrix.columns.push_back({l.label, ordered.columns[c].format});
            for (std::size_t i = 0; i < layers.size(); ++i) {
                std::vector<Cell> row{layers[i].label};
                for (std::size_t j = 0; j < layers.size(); ++j)
                    row.push_back(i == j ? Cell()
                                         : ordered.rows[std::distance(row_of.begin(), row_of.find({i, j}))][c]);
                matrix.rows.push_back(std::move(row));
            }
            io::write_output((std::filesystem::path(o.output) / (measure + ".csv")).string(), io::to_csv(matrix),
                             {o.overwrite});
        }
    }
    if (o.quiet) return;
    std::cerr << "coterm: scorecard of " << layers.size() << " layers, " << ordered.rows.size() << " ordered pairs by "
              << o.weight << "\n";
    const std::size_t uncovered = column_of(ordered, "a_uncovered_share");
    for (const auto& [key, row] : row_of) {
        const double share = std::get<double>(pairs.rows[row][uncovered]);
        if (share > 0.001)
            std::cerr << "coterm: " << layers[key.first].label << " vs " << layers[key.second].label
                      << ": scored on the " << format_fixed(100 * (1 - share), 1) << "% of " << layers[key.first].label
                      << " that " << layers[key.second].label << " covers\n";
    }
}

} // namespace coterm::cli
