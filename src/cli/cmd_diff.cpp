// SPDX-License-Identifier: MIT
// `coterm diff A B`: which building blocks change unit between two footprint sets or two
// vintages of a layer, and what that makes of the units (docs/cli/diff.md, methods §18).
#include "analysis/diff.hpp"
#include "cli/command.hpp"
#include "cli/diff_page.hpp"
#include "cli/diff_render.hpp"
#include "cli/layer_options.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/readable_number.hpp"
#include "core/strings.hpp"
#include "io/run_folder.hpp"
#include "io/table_writer.hpp"

#include <iostream>

namespace coterm::cli {
namespace {

struct DiffCliOptions {
    analysis::DiffOptions request;
    std::string output, data_dir;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
};

class DiffCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        auto& r = o_.request;
        cmd_ = app.add_subcommand("diff", "What changed between two footprint sets or two vintages of a layer: "
                                          "blocks moved, people moved, units merged, split, created or abolished");
        cmd_->add_option("A", r.a, "The layer before (catalogue id or path)")->required();
        cmd_->add_option("B", r.b, "The layer after (catalogue id or path)")->required();
        cmd_->add_option("--blocks", r.blocks,
                         "The building blocks that move (default: the weights' small areas, "
                         "lsoa21)");
        add_filter_options(*cmd_, "a", "A", r.a_read);
        add_filter_options(*cmd_, "b", "B", r.b_read);
        add_filter_options(*cmd_, "blocks", "--blocks", r.blocks_read);
        cmd_->add_option("--compare", r.compare,
                         "Layers whose units split by A and by B are listed (new and removed "
                         "splits)");
        cmd_->add_option("--uncertain", r.rule.uncertain,
                         "U: between layers not sharing boundaries, a block moving by a piece under this share of "
                         "both units is re-digitisation (default: 0.06, the measured generalisation error)")
            ->check(CLI::Range(0.0, 0.5));
        cmd_->add_option("--weights", r.weights.layer, "Small areas carrying the people (default: lsoa21)");
        cmd_->add_option("--weights-data", r.weights.data,
                         "Tidy CSV of the people (default: stats/population_lsoa21_census2021.csv)");
        cmd_->add_option("--weights-var", r.weights.variable,
                         "Variable of --weights-data holding the count (default: usual_residents)");
        add_data_dir_option(*cmd_, o_.data_dir);
        add_run_flags(*cmd_, o_.threads, o_.quiet, o_.verbose, "List every code behind a warning");
        cmd_->add_option("-o,--output", o_.output, "Output folder (a run folder: replaced whole when coterm wrote it)")
            ->required();
        return cmd_;
    }

    void run() override
    {
        const auto out = io::run_folder_path(o_.output, "");
        io::check_run_folder(out, {}); // before the work
        const analysis::Context ctx = cli_context(o_.data_dir, o_.threads, o_.verbose);
        const analysis::DiffResult result = analysis::diff_layers(ctx, o_.request);

        std::vector<std::pair<std::string, std::string>> files;
        files.emplace_back("changes.csv", io::to_csv(diff_changes_table(result)));
        files.emplace_back("changes.json", io::to_json(diff_report(result)));
        std::vector<Wkb> geometries;
        const Table areas = diff_areas_table(result, o_.threads, geometries);
        for (auto& file : diff_report_files(result, areas, geometries, request_line()))
            files.push_back(std::move(file));
        files.emplace_back("changed-areas.geojson", io::to_geojson(areas, std::move(geometries)));
        files.emplace_back("diff.md", diff_markdown(result, request_line()));
        io::write_run_folder(out, files, {ctx.data_dir});
        if (o_.quiet) return;
        std::size_t changes = 0;
        for (const auto& e : result.events)
            changes += e.kind != analysis::EventKind::unchanged;
        std::cerr << "coterm: diff " << result.a->label << " → " << result.b->label << ": " << changes
                  << (changes == 1 ? " change, " : " changes, ") << format_thousands(result.people_moved, 0)
                  << " people moved; written to " << o_.output << "\n";
    }

private:
    /// The command as typed, without paths outside the data (outputs hold no absolute paths).
    std::string request_line() const
    {
        const auto& r = o_.request;
        auto name = [](const std::string& spec) { return std::filesystem::path(spec).filename().string(); };
        std::string s = "coterm diff " + name(r.a) + " " + name(r.b);
        if (!r.blocks.empty()) s += " --blocks " + name(r.blocks);
        // The filters, as typed: a reader of changes.json sees which features were compared.
        for (const auto& [option, text] : {std::pair{"--a-where", r.a_read.where},
                                           {"--a-sql", r.a_read.sql},
                                           {"--b-where", r.b_read.where},
                                           {"--b-sql", r.b_read.sql},
                                           {"--blocks-where", r.blocks_read.where},
                                           {"--blocks-sql", r.blocks_read.sql}})
            if (!text.empty()) s += std::string(" ") + option + " " + quote_argument(text);
        for (const auto& c : r.compare)
            s += " --compare " + name(c);
        if (r.rule.uncertain >= 0) s += " --uncertain " + format_general(r.rule.uncertain, 6);
        return s;
    }

    CLI::App* cmd_ = nullptr;
    DiffCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_diff_command()
{
    return std::make_unique<DiffCommand>();
}

} // namespace coterm::cli
