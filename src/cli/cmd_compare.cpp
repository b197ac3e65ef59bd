// SPDX-License-Identifier: MIT
// `coterm compare RUN|QUERY …`: options side by side (docs/cli/compare.md). Each option's
// query is run again (nothing written for it); the comparison goes to one run folder.
#include "analysis/compare.hpp"
#include "cli/command.hpp"
#include "cli/compare_report.hpp"
#include "cli/compare_tables.hpp"
#include "cli/layer_options.hpp"
#include "core/table.hpp"
#include "io/query_file.hpp"
#include "io/run_folder.hpp"
#include "io/table_writer.hpp"
#include "render/report_html.hpp"

#include <filesystem>
#include <iostream>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

struct CompareCliOptions {
    analysis::CompareOptions compare;
    std::string output, data_dir;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
};

class CompareCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("compare", "Compare options side by side: run folders, queries, or an "
                                                      "options file (queries/options-*.toml) listing queries");
        cmd->add_option("INPUT", o_.compare.inputs, "Run folders, query files, or one options file")->required();
        cmd->add_option("-o,--output", o_.output, "Output folder (default: out/<options name>, else out/compare)");
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every code behind a warning");
        return cmd;
    }

    void run() override
    {
        const analysis::Context ctx = cli_context(o_.data_dir, o_.threads, o_.verbose);
        // Inputs resolved and the output folder checked before the work: a refusal fails at once.
        const analysis::ResolvedInputs in = analysis::resolve_compare_inputs(o_.compare);
        std::vector<fs::path> protect{ctx.data_dir};
        for (const auto& i : in.inputs) {
            protect.push_back(fs::path(i.query).parent_path());
            if (i.run_folder) protect.push_back(i.source); // a run folder is an input
        }
        const fs::path out = io::run_folder_path(o_.output, in.name.empty() ? "compare" : in.name);
        io::check_run_folder(out, protect);
        const analysis::CompareResult r = analysis::compare_options(o_.compare, ctx);

        const Table figures = compare_figure_table(r);
        Report report;
        SummaryBuilder s;
        s.add("name", Format::text, r.name);
        s.add("title", Format::text, r.title);
        s.add("weights", Format::text, r.weights_label);
        s.add_count("options", r.options.size());
        report.summary = s.take();
        report.tables.emplace_back("options", compare_option_table(r));
        report.tables.emplace_back("figures", figures);
        Table differences;
        differences.columns = {{"difference", Format::text}};
        for (const auto& d : r.differences)
            differences.rows.push_back({d});
        report.tables.emplace_back("differences", differences);
        const std::vector<std::pair<std::string, std::string>> files{
            {"compare.md", compare_markdown(r)},
            {"compare.csv", io::to_csv(figures)},
            {"compare.json", io::to_json(report)},
            {"compare.html", render::render_report_html(compare_report_model(r))}};
        io::write_run_folder(out, files, protect);
        if (!o_.quiet)
            std::cerr << "coterm: compare: " << r.options.size() << (r.options.size() == 1 ? " option, " : " options, ")
                      << r.rows.size() << " figures -> " << out.string() << "\n";
    }

private:
    CompareCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_compare_command()
{
    return std::make_unique<CompareCommand>();
}

} // namespace coterm::cli
