// SPDX-License-Identifier: MIT
// `coterm run QUERY.toml`: a saved analysis — footprints, their alignment with other
// bodies, and the data mapped onto them — written atomically to one folder (docs/queries.md).
#include "analysis/run.hpp"
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/run_markdown.hpp"
#include "cli/run_report.hpp"
#include "cli/run_tables.hpp"
#include "core/table.hpp"
#include "io/compare_inputs.hpp"
#include "io/query_file.hpp"
#include "io/run_folder.hpp"
#include "io/table_writer.hpp"

#include <filesystem>
#include <iostream>
#include <numeric>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

struct RunCliOptions {
    analysis::RunOptions run;
    std::string out, data_dir;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
};

class RunCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("run", "Run a saved analysis (queries/*.toml): footprints, their alignment "
                                                  "with other bodies, and data mapped onto them");
        cmd->add_option("QUERY", o_.run.query, "The query file")->required();
        cmd->add_option("--out", o_.out, "Output folder (default: out/<query name>)");
        cmd->add_option("--simplify", o_.run.simplify, std::string(simplify_help) + " (default: the query's, else 0)")
            ->check(CLI::Range(0.0, 100000.0));
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every code behind a warning");
        return cmd;
    }

    void run() override
    {
        const analysis::Context ctx = cli_context(o_.data_dir, o_.threads, o_.verbose);
        // The output folder is checked before the work: a refused folder fails at once.
        const io::Query q = io::read_query(o_.run.query);
        const fs::path out = io::run_folder_path(o_.out, q.name);
        io::check_run_folder(out, {q.folder, ctx.data_dir});
        const analysis::RunResult r = analysis::run_query(ctx, o_.run);
        const Table footprints = run_footprint_table(r);
        const Table scorecard = run_scorecard_table(r);
        Report card;
        SummaryBuilder s;
        s.add("query", Format::text, r.query.name);
        s.add("footprints", Format::text, r.footprints_from);
        s.add_count("count", r.footprints->features.size());
        s.add("population_in_footprints", Format::number,
              std::accumulate(r.population.begin(), r.population.end(), 0.0));
        s.add("population_outside", Format::number, r.outside);
        card.summary = s.take();
        card.tables.emplace_back("pairs", scorecard);

        std::vector<std::pair<std::string, std::string>> files{
            {"footprints.geojson", io::to_geojson(footprints, r.map_geometry)},
            {"footprints.csv", io::to_csv(footprints)},
            {"scorecard.csv", io::to_csv(scorecard)},
            {"scorecard.json", io::to_json(card)},
            {"summary.md", run_summary_md(r)}};
        for (auto& file : run_report_files({r, ctx.catalogue}))
            files.push_back(std::move(file));
        io::write_run_folder(out, files, {q.folder, ctx.data_dir}, io::query_record(out, o_.run.query));
        if (!o_.quiet) {
            if (!r.simplified.empty()) std::cerr << "coterm: " << r.simplified << "\n";
            std::cerr << "coterm: run " << r.query.name << ": " << r.footprints->features.size() << " footprints, "
                      << r.comparisons.size() << " comparison layers, " << r.query.data.size() << " datasets -> "
                      << out.string() << "\n";
        }
    }

private:
    RunCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_run_command()
{
    return std::make_unique<RunCommand>();
}

} // namespace coterm::cli
