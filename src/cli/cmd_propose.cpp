// SPDX-License-Identifier: MIT
// `coterm propose`: footprints of whole blocks proposed under policy constraints
// (docs/cli/propose.md).
#include "analysis/propose.hpp"
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/progress.hpp"
#include "cli/propose_render.hpp"
#include "cli/run_files.hpp"
#include "cli/weight_options.hpp"
#include "core/errors.hpp"
#include "core/footprint.hpp"
#include "core/number_format.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/csv_reader.hpp"
#include "io/data_dir.hpp"
#include "io/query_file.hpp"
#include "io/run_folder.hpp"
#include "io/table_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>

namespace coterm::cli {
namespace {

struct ProposeCliOptions {
    std::string query, output, data_dir;
    analysis::ProposeOptions request;
    std::size_t count = 0;
    std::vector<std::string> term_weights;
    WeightCliOptions weights;
    double simplify = 0;
    bool quiet = false, verbose = false;
};

class ProposeCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        auto& r = o_.request;
        cmd_ = app.add_subcommand("propose", "Propose footprints of whole blocks under policy constraints: count, "
                                             "population bounds, contiguity, units kept whole, nesting");
        cmd_->add_option("--query", o_.query, "A query file whose [propose] table gives the request (flags override)");
        cmd_->add_option("--blocks", r.blocks, "The building blocks, e.g. utla23");
        add_filter_options(*cmd_, "blocks", "--blocks", r.blocks_read);
        cmd_->add_option("--count", o_.count, "Exactly N footprints")->check(CLI::PositiveNumber);
        cmd_->add_option("--count-min", r.count_min, "At least N footprints")->check(CLI::PositiveNumber);
        cmd_->add_option("--count-max", r.count_max, "At most N footprints")->check(CLI::PositiveNumber);
        cmd_->add_option("--pop-min", r.pop_min, "Floor: people per footprint at least this")
            ->check(CLI::NonNegativeNumber);
        cmd_->add_option("--pop-max", r.pop_max, "Ceiling: people per footprint at most this")
            ->check(CLI::NonNegativeNumber);
        cmd_->add_option("--keep-whole", r.keep_whole, "Keep the units of these layers whole (their blocks together)");
        cmd_->add_option("--nest-in", r.nest_in, "Every footprint lies inside one unit of this layer");
        cmd_->add_option("--fixed", r.fixed, "CSV block_code, footprint_code: blocks that must stay together");
        cmd_->add_option("--split-layers", r.split_layers, "Minimise people in units of these layers that are split");
        cmd_->add_option("--from", r.from, "The status quo layer: minimise people changing footprint, compare with it");
        cmd_->add_option("--term-weights", o_.term_weights,
                         "KEY=W: weight of a term (a --split-layers id, from, balance); default 1, balance 0");
        cmd_->add_option("--adjacency", r.adjacency, "CSV block_a, block_b: extra adjacent pairs (islands)");
        cmd_->add_option("--crossing", r.crossing_m,
                         "Blocks apart by at most this many metres across water are adjacent (default 2500; 0: off)")
            ->check(CLI::Range(0.0, 100000.0));
        cmd_->add_option("--options", r.options, "How many distinct options to return (default 1)")
            ->check(CLI::Range(1, 100));
        cmd_->add_option("--seed", r.seed, "Seed of the search (default 1)");
        cmd_->add_option("--effort", r.effort, "Restarts of the search (default 64)")->check(CLI::Range(1, 100000));
        cmd_->add_flag_callback(
            "--no-swaps", [&r]() { r.swaps = false; },
            "Local search by single-atom moves only (no swaps of two adjacent atoms)");
        cmd_->add_option("--bound-nodes", r.bound_nodes,
                         "Branch-and-bound nodes of the exact model for the lower bound (default 5000; 0: off)");
        cmd_->add_option("--bound-max-groups", r.bound_max_atoms,
                         "Run the exact model only up to this many groups of blocks (default 60)");
        add_weight_options(*cmd_, o_.weights);
        add_data_dir_option(*cmd_, o_.data_dir);
        add_run_flags(*cmd_, r.threads, o_.quiet, o_.verbose, "List every block behind a warning");
        cmd_->add_option("--simplify", o_.simplify, simplify_help)->check(CLI::Range(0.0, 100000.0));
        cmd_->add_option("-o,--output", o_.output, "Output folder (default with --query: out/<query name>)");
        return cmd_;
    }

    void run() override
    {
        ProposeRequestText text{"coterm propose", "", "", ""};
        if (!o_.query.empty()) apply_query(text);
        auto& r = o_.request;
        if (r.blocks.empty()) throw UsageError("give --blocks LAYER (or --query FILE)");
        if (o_.count > 0) {
            if (r.count_min > 0 || r.count_max > 0)
                throw UsageError("give --count or --count-min/--count-max, not both");
            r.count_min = r.count_max = o_.count;
        }
        // Without a population bound, a count is needed; with one, a missing end of the
        // range is derived from the bounds (docs/methods.md §16.1).
        const bool bounds = r.pop_min > 0 || r.pop_max < std::numeric_limits<double>::infinity();
        if (!bounds && r.count_min > 0 && r.count_max == 0) throw UsageError("--count-min needs --count-max");
        if (!bounds && r.count_max > 0 && r.count_min == 0) r.count_min = 1;
        for (const std::string& kw : o_.term_weights) {
            const auto eq = kw.find('=');
            double w = 0;
            if (eq == std::string::npos || !io::parse_number(kw.substr(eq + 1), w))
                throw UsageError("--term-weights: '" + kw + "' is not KEY=WEIGHT");
            r.weights[kw.substr(0, eq)] = w;
        }
        if (r.count_min == 0 && r.count_max == 0 && !bounds)
            throw UsageError(
                "give --count N or --count-min and --count-max (or population bounds --pop-min, --pop-max)");
        if (r.split_layers.empty() && r.from.empty() && !r.weights.count("balance"))
            throw UsageError("nothing to minimise: give --split-layers, --from or --term-weights balance=W");
        if (o_.output.empty()) throw UsageError("give the output folder with -o DIR");
        io::check_run_folder(io::run_folder_path(o_.output, ""), {}); // before the work
        text.request = request_line();

        const analysis::Context ctx = cli_context(o_.data_dir, r.threads, o_.verbose);
        const auto weights = load_weights(o_.weights, ctx.data_dir, r.threads, o_.verbose);
        text.weights = weights->label;
        Progress progress("propose", !o_.quiet);
        const analysis::ProposeResult result =
            analysis::propose(r, {ctx.catalogue, ctx.data_dir, weights->weights, ctx.progress},
                              [&](std::size_t done, std::size_t total) { progress.update(done, total); });
        progress.finish();
        write_outputs(ctx, *weights, result, text);
    }

private:
    bool given(const char* flag) const { return cmd_->count(flag) > 0; }

    void apply_query(ProposeRequestText& text)
    {
        query_ = io::read_query(o_.query);
        const io::Query& q = query_;
        if (!q.propose) throw UsageError(o_.query + ": no [propose] table");
        const io::ProposeQuery& p = *q.propose;
        auto& r = o_.request;
        auto local = [&](const std::string& file) {
            const auto beside = q.folder / file;
            return file.empty() || !std::filesystem::exists(beside) ? file : beside.string();
        };
        if (!given("--blocks")) r.blocks = p.blocks;
        if (!given("--count") && !given("--count-min") && !given("--count-max")) {
            if (p.count) o_.count = *p.count;
            if (p.count_min) r.count_min = *p.count_min;
            if (p.count_max) r.count_max = *p.count_max;
        }
        if (!given("--pop-min") && p.pop_min) r.pop_min = *p.pop_min;
        if (!given("--pop-max") && p.pop_max) r.pop_max = *p.pop_max;
        if (!given("--keep-whole")) r.keep_whole = p.keep_whole;
        if (!given("--nest-in")) r.nest_in = p.nest_in;
        if (!given("--fixed")) r.fixed = local(p.fixed);
        if (!given("--split-layers")) r.split_layers = p.split_layers;
        if (!given("--from")) r.from = p.from;
        if (!given("--adjacency")) r.adjacency = local(p.adjacency);
        if (!given("--options") && p.options) r.options = *p.options;
        if (!given("--crossing") && p.crossing) r.crossing_m = *p.crossing;
        if (!given("--seed") && p.seed) r.seed = *p.seed;
        if (!given("--effort") && p.effort) r.effort = *p.effort;
        if (!given("--bound-nodes") && p.bound_nodes) r.bound_nodes = *p.bound_nodes;
        if (!given("--bound-max-groups") && p.bound_max_groups) r.bound_max_atoms = *p.bound_max_groups;
        if (!given("--term-weights"))
            for (const auto& [key, w] : p.term_weights)
                o_.term_weights.push_back(key + "=" + format_general(w, 15));
        if (o_.output.empty()) o_.output = "out/" + q.name;
        text.title = q.title.empty() ? q.name : q.title;
        text.description = q.description;
    }

    std::string request_line() const
    {
        const auto& r = o_.request;
        std::string s = "coterm propose --blocks " + r.blocks;
        // Quoted: a filter holds spaces and quotes.
        if (!r.blocks_read.where.empty()) s += " --blocks-where " + quote_argument(r.blocks_read.where);
        if (!r.blocks_read.sql.empty()) s += " --blocks-sql " + quote_argument(r.blocks_read.sql);
        if (r.count_min > 0 && r.count_min == r.count_max)
            s += " --count " + std::to_string(r.count_min);
        else {
            if (r.count_min > 0) s += " --count-min " + std::to_string(r.count_min);
            if (r.count_max > 0) s += " --count-max " + std::to_string(r.count_max);
        }
        if (r.pop_min > 0) s += " --pop-min " + format_general(r.pop_min, 15);
        if (r.pop_max < std::numeric_limits<double>::infinity()) s += " --pop-max " + format_general(r.pop_max, 15);
        if (!r.keep_whole.empty()) s += " --keep-whole " + join(r.keep_whole, " ");
        if (!r.nest_in.empty()) s += " --nest-in " + r.nest_in;
        if (!r.fixed.empty()) s += " --fixed " + std::filesystem::path(r.fixed).filename().string();
        if (!r.split_layers.empty()) s += " --split-layers " + join(r.split_layers, " ");
        if (!r.from.empty()) s += " --from " + r.from;
        if (!o_.term_weights.empty()) s += " --term-weights " + join(o_.term_weights, " ");
        if (r.crossing_m != 2500) s += " --crossing " + format_general(r.crossing_m, 15);
        s += " --options " + std::to_string(r.options) + " --seed " + std::to_string(r.seed) + " --effort " +
             std::to_string(r.effort);
        if (!r.swaps) s += " --no-swaps";
        return s;
    }

    using Files = std::vector<std::pair<std::string, std::string>>;

    /// Each option and the status quo as a footprint set for a run: dissolved blocks.
    analysis::GivenFootprints given(const analysis::ProposeResult& result, const analysis::ProposedOption& o,
                                    const std::string& folder, const ProposeRequestText& text) const
    {
        std::vector<std::string> fallback;
        auto layer =
            std::make_shared<Layer>(dissolve_footprints(result.blocks, o.footprints, o_.request.threads, fallback));
        layer->label = folder;
        // dissolve_footprints returns the footprints sorted by code, as o.footprints are.
        std::vector<std::string> members;
        for (const FootprintSpec& f : o.footprints) {
            std::vector<std::string> codes;
            for (std::size_t b : f.blocks)
                codes.push_back(result.blocks.features[b].code);
            std::sort(codes.begin(), codes.end());
            members.push_back(join(codes, ";"));
        }
        return {std::move(layer), std::move(members),
                "proposed from whole `" + o_.request.blocks + "` (" + o.label + ")", folder,
                text.title + ": " + o.label};
    }

    void write_outputs(const analysis::Context& ctx, const analysis::LoadedWeights& weights,
                       const analysis::ProposeResult& result, const ProposeRequestText& text)
    {
        // One run folder, marked and swapped into place whole (as `coterm run` writes).
        // Each option and the status quo is analysed and written exactly as `coterm run`
        // writes a run, with the query's comparison layers and datasets.
        std::vector<const analysis::ProposedOption*> sets;
        std::vector<analysis::GivenFootprints> given_sets;
        for (std::size_t i = 0; i < result.options.size(); ++i)
            sets.push_back(&result.options[i]);
        if (result.status_quo) sets.push_back(&*result.status_quo);
        for (const auto* o : sets)
            given_sets.push_back(given(result, *o, o->label == "status quo" ? "status-quo" : folder_of(*o), text));
        const std::vector<analysis::RunResult> runs =
            analysis::run_given_footprints(ctx, query_, weights, given_sets, o_.simplify);
        Files files;
        for (std::size_t k = 0; k < sets.size(); ++k) {
            const std::string& folder = given_sets[k].name;
            files.emplace_back(folder + "/groups.csv", io::to_csv(groups_table(result, *sets[k])));
            for (auto& file : run_files(runs[k], ctx.catalogue, true, folder, ctx.threads)) {
                // summary.md: the proposal (constraints, objective), then the run's summary.
                if (file.first == folder + "/summary.md")
                    file.second = option_summary(result, *sets[k], o_.request, text) + "\n" +
                                  option_run_summary(file.second, folder);
                files.push_back(std::move(file));
            }
        }
        files.emplace_back("compare.csv", io::to_csv(compare_table(result)));
        files.emplace_back("compare.md", compare_summary(result, o_.request, text));
        io::write_run_folder(io::run_folder_path(o_.output, ""), files, {});
        if (o_.quiet) return;
        const auto& best = result.options.front();
        std::cerr << "coterm: propose: " << result.options.size() << " option(s) in " << o_.output
                  << "; best: " << best.footprints.size() << " footprints, objective "
                  << format_general(best.objective, 12) << ", lower bound " << format_general(best.bound, 12)
                  << " (search " << format_fixed(result.search_seconds, 2) << " s, bound "
                  << format_fixed(result.bound_seconds, 2) << " s)";
        if (result.status_quo) std::cerr << "; status quo " << format_general(result.status_quo->objective, 12);
        std::cerr << "\n";
        if (!result.keep_whole_split.empty())
            warning() << result.keep_whole_split.size()
                      << " blocks lie in several units of a kept-whole layer and stay with the unit holding most of "
                         "their people ("
                      << join_limited(result.keep_whole_split, o_.verbose ? 1000000 : 5) << ")\n";
    }

    static std::string folder_of(const analysis::ProposedOption& o)
    {
        std::string f = o.label; // "option 3" -> "option-3"
        std::replace(f.begin(), f.end(), ' ', '-');
        return f;
    }

    CLI::App* cmd_ = nullptr;
    ProposeCliOptions o_;
    io::Query query_; ///< the --query file, or defaults (comparison layers, no datasets)
};

} // namespace

std::unique_ptr<Command> make_propose_command()
{
    return std::make_unique<ProposeCommand>();
}

} // namespace coterm::cli
