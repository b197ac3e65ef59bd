// SPDX-License-Identifier: MIT
// `coterm run QUERY.toml`: a saved analysis — footprints, their alignment with other
// bodies, and the data mapped onto them — written atomically to one folder (docs/queries.md).
#include "analysis/run.hpp"
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/run_files.hpp"
#include "core/errors.hpp"
#include "io/compare_inputs.hpp"
#include "io/query_file.hpp"
#include "io/run_folder.hpp"

#include <filesystem>
#include <iostream>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

struct RunCliOptions {
    analysis::RunOptions run;
    std::string out, data_dir;
    unsigned threads = 0;
    bool quiet = false, verbose = false, no_report = false;
};

class RunCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("run", "Run a saved analysis (queries/*.toml): footprints, their alignment "
                                                  "with other bodies, and data mapped onto them");
        cmd->add_option("QUERY", o_.run.query, "The query file")->required();
        cmd->add_option("-o,--output,--out", o_.out, "Output folder (default: out/<query name>)");
        cmd->add_option("--simplify", o_.run.simplify, std::string(simplify_help) + " (default: the query's, else 0)")
            ->check(CLI::Range(0.0, 100000.0));
        cmd->add_flag("--no-report", o_.no_report, "Write no report.html or map.png (tables and summary only)");
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every code behind a warning");
        return cmd;
    }

    void run() override
    {
        const analysis::Context ctx = cli_context(o_.data_dir, o_.threads, o_.verbose);
        // The output folder is checked before the work: a refused folder fails at once.
        const io::Query q = io::read_query(o_.run.query);
        if (q.propose && q.layer.empty() && q.blocks.empty())
            throw UsageError(o_.run.query +
                             ": a [propose] table and no [footprints]: `coterm run` analyses given "
                             "footprints; propose them with `coterm propose --query " +
                             o_.run.query + "` (it writes each option as a run folder, with report.html)");
        const fs::path out = io::run_folder_path(o_.out, q.name);
        io::check_run_folder(out, {q.folder, ctx.data_dir});
        const analysis::RunResult r = analysis::run_query(ctx, o_.run);
        const auto files = run_files(r, ctx.catalogue, !o_.no_report, {}, ctx.threads);
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
