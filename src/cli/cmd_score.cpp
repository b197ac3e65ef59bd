// SPDX-License-Identifier: MIT
// `coterm score A B`: coterminosity scores of two layers (docs/cli/score.md,
// definitions in docs/methods.md §11).
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/score_pair.hpp"
#include "cli/scorecard.hpp"
#include "cli/weight_options.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/overlap.hpp"
#include "core/score.hpp"
#include "core/table.hpp"
#include "io/atomic_file.hpp"
#include "io/data_dir.hpp"
#include "io/table_writer.hpp"

#include <iostream>
#include <memory>

namespace coterm::cli {
namespace {

struct ScoreCliOptions {
    PairInputOptions input;
    std::string weight = "area";
    WeightCliOptions weights;
    ScoreOptions score;
    bool both = false;
    std::vector<std::string> scorecard;
    double uncertain = -1;  ///< --uncertain; < 0 = by the layers' families
    double boundary_m = 50; ///< --boundary, metres
    std::string format = "csv";
    std::string output;
    bool overwrite = false;
};

std::string parts_text(const UnitScore& u, const Layer& other)
{
    std::string out;
    for (const auto& [j, share] : u.parts) {
        if (!out.empty()) out += ';';
        out += other.features[j].code + ":" + format_general(share, 6);
    }
    return out;
}

std::string codes_text(const std::vector<std::size_t>& units, const Layer& layer)
{
    std::string out;
    for (std::size_t i : units)
        out += (out.empty() ? "" : ";") + layer.features[i].code;
    return out;
}

void add_unit_rows(Table& t, const char* side, const Layer& layer, const Layer& other, const Scores& s,
                   const Scores& reverse)
{
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const Feature& f = layer.features[i];
        const UnitScore& u = s.a_units[i];
        const bool matched = u.best != static_cast<std::size_t>(-1);
        const UnionScore& un = reverse.b_unions[i];
        t.rows.push_back(
            {std::string(side), f.code, f.name, u.weight, matched ? Cell(other.features[u.best].code) : Cell(),
             matched ? Cell(other.features[u.best].name) : Cell(), u.share_in_best, u.best_share_of_b, u.iou,
             static_cast<std::int64_t>(u.partners), u.split, u.uncertain, std::string(relation_name(u.relation)),
             parts_text(u, other), un.union_of_whole, codes_text(un.splits, other)});
    }
}

Table units_table(const LayerPair& layers, const Scores& ab, const Scores& ba, bool both)
{
    Table t;
    t.columns = {{"layer", Format::text},
                 {"code", Format::text},
                 {"name", Format::text},
                 {"weight", Format::share},
                 {"best_code", Format::text},
                 {"best_name", Format::text},
                 {"share_in_best", Format::share},
                 {"best_share_of_other", Format::share},
                 {"iou", Format::share},
                 {"partners", Format::integer},
                 {"split", Format::flag},
                 {"uncertain", Format::flag},
                 {"relation", Format::text},
                 {"parts", Format::text},
                 {"union_of_whole_other", Format::flag},
                 {"splits_other", Format::text}};
    add_unit_rows(t, "a", layers.a, layers.b, ab, ba);
    if (both) add_unit_rows(t, "b", layers.b, layers.a, ba, ab);
    return t;
}

Table summary_table(const ScoreCliOptions& o, const LayerPair& layers, const ScoredPair& scored)
{
    SummaryBuilder t;
    t.add("a_layer", Format::text, layers.a.label);
    t.add("b_layer", Format::text, layers.b.label);
    t.add("weight", Format::text, o.weight);
    t.add("tolerance", Format::share, o.score.tolerance);
    t.add("sliver", Format::share, o.score.sliver);
    add_pair_measures(t, scored);
    return t.take();
}

std::string percent(double share)
{
    return format_fixed(100 * share, 1) + "%";
}

/// The readable block (--format text).
std::string text_block(const ScoreCliOptions& o, const LayerPair& layers, const ScoredPair& scored)
{
    const Scores& ab = scored.ab;
    const Scores& ba = scored.ba;
    const double uncertain = scored.uncertain;
    const std::string& a = layers.a.label;
    const std::string& b = layers.b.label;
    const PairScores& p = ab.pair;
    const std::string by = o.weight == "population" ? "population" : "area";
    auto n3 = [](double v) { return format_fixed(v, 3); };
    std::string s = "coterm score: " + a + " against " + b + " (by " + by + ", tolerance " +
                    format_general(o.score.tolerance, 6) + ", sliver " + format_general(o.score.sliver, 6) + ")\n";
    s += "  " + std::to_string(p.nested) + " of " + std::to_string(p.units) + " " + a + " lie within one " + b + " (" +
         percent(p.nested_share) + " of the " + by + "); " + std::to_string(p.split) + " are split (" +
         percent(p.split_share) + ")\n";
    if (uncertain > 0)
        s += "  " + std::to_string(p.uncertain) + " are uncertain (" + percent(p.uncertain_share) +
             "): split by less than " + percent(uncertain) +
             ", within the generalisation error of layers that do not share edges\n";
    s += "  " + std::to_string(p.b_unions) + " of " + std::to_string(p.b_units) + " " + b + " are unions of whole " +
         a + " (" + percent(p.b_unions_share) + ")\n";
    s += "  " + std::to_string(ba.pair.nested) + " of " + std::to_string(ba.pair.units) + " " + b + " lie within one " +
         a + "; " + std::to_string(p.identical) + " identical pairs\n";
    s += "  mean share in best match " + n3(p.mean_share_in_best) + ", mean IoU " + n3(p.mean_iou) + "\n";
    s += "  nesting " + a + " in " + b + " " + n3(p.nesting_a_in_b) + ", " + b + " in " + a + " " +
         n3(p.nesting_b_in_a) + " (1 = nests exactly)\n";
    s += "  NMI " + n3(p.nmi) + ", variation of information " + n3(p.vi) + " bits";
    if (o.weight == "population") s += ", adjusted Rand index " + n3(p.ari);
    s += "\n";
    const BoundaryAlignment& bd = scored.boundary;
    if (bd.a_internal_m > 0 && bd.b_internal_m > 0)
        s += "  boundary lines within " + format_general(bd.distance_m, 6) +
             " m of the other layer's: " + percent(bd.a_near_m / bd.a_internal_m) + " of " + a +
             "'s internal boundary (" + format_fixed(bd.a_internal_m / 1000, 0) + " km), " +
             percent(bd.b_near_m / bd.b_internal_m) + " of " + b + "'s (" + format_fixed(bd.b_internal_m / 1000, 0) +
             " km)\n";
    std::string split_list;
    for (std::size_t i = 0; i < layers.a.features.size(); ++i) {
        const UnitScore& u = ab.a_units[i];
        if (!u.split && !u.uncertain) continue;
        split_list += "    " + layers.a.features[i].code + " " + layers.a.features[i].name + ": " +
                      parts_text(u, layers.b) + "\n";
    }
    if (!split_list.empty()) s += "  split or uncertain " + a + " (" + b + ":share):\n" + split_list;
    return s;
}

class ScoreCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("score", "Coterminosity scores of two layers: nesting, splits, best "
                                                    "matches, unions of whole units, partition agreement");
        PairNames names;
        names.required = false; // not with --scorecard
        add_pair_options(*cmd, o_.input, names);
        cmd->add_option("--weight", o_.weight, "area (default) or population: the weight of each piece")
            ->check(CLI::IsMember({"area", "population"}));
        add_weight_options(*cmd, o_.weights);
        cmd->add_option("--tolerance", o_.score.tolerance, "τ: a share at least this counts as whole (default 0.99)")
            ->check(CLI::Range(0.5, 1.0));
        cmd->add_option("--sliver", o_.score.sliver, "ε: shares below this are slivers, not partners (default 0.001)")
            ->check(CLI::Range(0.0, 0.5));
        cmd->add_option("--uncertain", o_.uncertain,
                        "U: a minority share between 1 − τ and U is `uncertain`, not split (default: 0 for layers "
                        "sharing edges, 0.06 otherwise, the measured generalisation error)")
            ->check(CLI::Range(0.0, 0.5));
        cmd->add_option("--boundary", o_.boundary_m,
                        "DIST metres: share of each layer's internal boundary within DIST of the other's (default 50)")
            ->check(CLI::Range(0.0, 100000.0));
        cmd->add_flag("--both", o_.both, "Also one row per unit of B");
        cmd->add_option("--scorecard", o_.scorecard,
                        "Score every ordered pair of these layers (instead of A B); with -o DIR, one CSV matrix per "
                        "measure and scorecard.json")
            ->expected(2, 64);
        cmd->add_option("--format", o_.format, "Output format: csv (per unit), json or text (default csv)")
            ->check(CLI::IsMember({"csv", "json", "text"}));
        add_output_options(*cmd, o_.output, o_.overwrite,
                           "Output file (default: stdout), written atomically; with --scorecard a folder");
        return cmd;
    }

    void run() override
    {
        o_.score.uncertain = o_.uncertain;
        if (!o_.scorecard.empty()) {
            if (!o_.input.a.empty()) throw UsageError("give either A B or --scorecard LAYERS, not both");
            std::unique_ptr<LoadedWeights> weights;
            if (o_.weight == "population")
                weights = load_weights(o_.weights, io::resolve_data_dir(o_.input.data_dir), o_.input.threads,
                                       o_.input.verbose);
            ScorecardOptions s;
            s.layers = o_.scorecard;
            s.data_dir = o_.input.data_dir;
            s.assume_crs = o_.input.assume_crs;
            s.weight = o_.weight;
            s.threads = o_.input.threads;
            s.quiet = o_.input.quiet;
            s.verbose = o_.input.verbose;
            s.weights = weights.get();
            s.spread = spread_of(o_.weights);
            s.score = o_.score;
            s.boundary_m = o_.boundary_m;
            s.output = o_.output;
            s.overwrite = o_.overwrite;
            run_scorecard(s);
            return;
        }
        if (o_.input.a.empty() || o_.input.b.empty()) throw UsageError("give two layers A B, or --scorecard LAYERS");
        io::check_output(o_.output, {o_.overwrite}); // before the work
        Stopwatch stopwatch;
        const LayerPair layers = load_pair(o_.input, stopwatch);
        std::unique_ptr<LoadedWeights> weights;
        if (o_.weight == "population")
            weights =
                load_weights(o_.weights, io::resolve_data_dir(o_.input.data_dir), o_.input.threads, o_.input.verbose);
        const ScoredPair scored = score_layers(layers.a, layers.b, weights.get(), spread_of(o_.weights), o_.score,
                                               o_.boundary_m, o_.input.threads);
        const Scores& ab = scored.ab;
        const Scores& ba = scored.ba;
        const double a_total = scored.a_total, b_total = scored.b_total;

        std::string content;
        if (o_.format == "text") {
            content = text_block(o_, layers, scored);
        } else {
            Table units = units_table(layers, ab, ba, o_.both);
            if (o_.format == "csv") {
                content = io::to_csv(units);
            } else {
                Report report;
                report.summary = summary_table(o_, layers, scored);
                report.tables.emplace_back("units", std::move(units));
                content = io::to_json(report);
            }
        }
        io::write_output(o_.output, content, {o_.overwrite});
        if (!o_.input.quiet) {
            const PairScores& p = ab.pair;
            std::cerr << "coterm: " << layers.a.label << " vs " << layers.b.label << " (" << o_.weight
                      << "): " << p.nested << " of " << p.units << " nested, " << p.split << " split, " << p.uncertain
                      << " uncertain; " << p.b_unions << " of " << p.b_units << " " << layers.b.label
                      << " are unions of whole " << layers.a.label << "; nesting " << format_fixed(p.nesting_a_in_b, 3)
                      << " / " << format_fixed(p.nesting_b_in_a, 3) << ", NMI " << format_fixed(p.nmi, 3)
                      << "; uncovered " << percent(a_total > 0 ? 1 - p.total / a_total : 0) << " of " << layers.a.label
                      << ", " << percent(b_total > 0 ? 1 - p.total / b_total : 0) << " of " << layers.b.label << "\n";
        }
    }

private:
    ScoreCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_score_command()
{
    return std::make_unique<ScoreCommand>();
}

} // namespace coterm::cli
