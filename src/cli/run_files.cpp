// SPDX-License-Identifier: MIT
#include "cli/run_files.hpp"

#include "cli/run_markdown.hpp"
#include "cli/run_report.hpp"
#include "cli/run_tables.hpp"
#include "core/parallel.hpp"
#include "core/table.hpp"
#include "io/table_writer.hpp"

#include <numeric>

namespace coterm::cli {
namespace {

/// The tables and summary of a run folder.
std::vector<std::pair<std::string, std::string>> table_files(const analysis::RunResult& r)
{
    const Table footprints = run_footprint_table(r);
    const Table scorecard = run_scorecard_table(r);
    Report card;
    SummaryBuilder s;
    s.add("query", Format::text, r.query.name);
    s.add("footprints", Format::text, r.footprints_from);
    s.add_count("count", r.footprints->features.size());
    s.add("population_in_footprints", Format::number, std::accumulate(r.population.begin(), r.population.end(), 0.0));
    s.add("population_outside", Format::number, r.outside);
    card.summary = s.take();
    card.tables.emplace_back("pairs", scorecard);
    return {{"footprints.geojson", io::to_geojson(footprints, r.map_geometry)},
            {"footprints.csv", io::to_csv(footprints)},
            {"scorecard.csv", io::to_csv(scorecard)},
            {"scorecard.json", io::to_json(card)},
            {"summary.md", run_summary_md(r)}};
}

} // namespace

std::vector<std::pair<std::string, std::string>> run_files(const analysis::RunResult& r, const io::Catalogue& catalogue,
                                                           bool report, const std::string& folder, unsigned threads)
{
    // The report (display geometry, page, image) is made beside the tables: both only
    // read the result and each fills its own slot, so the files do not depend on the schedule.
    std::vector<std::pair<std::string, std::string>> files, report_files;
    parallel_for(2, report ? resolve_threads(threads) : 1, [&](std::size_t task) {
        if (task == 0 && report) report_files = run_report_files({r, catalogue, threads});
        if (task == 1) files = table_files(r);
    });
    for (auto& file : report_files)
        files.push_back(std::move(file));
    if (!folder.empty())
        for (auto& file : files)
            file.first = folder + "/" + file.first;
    return files;
}

} // namespace coterm::cli
