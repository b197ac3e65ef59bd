// SPDX-License-Identifier: MIT
// `coterm score A B`: coterminosity scores of two layers (docs/cli/score.md,
// definitions in docs/methods.md §11).
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_target.hpp"
#include "cli/pair_measures.hpp"
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
    analysis::RuleRequest rule; ///< --tolerance, --min-people, --uncertain (negative: from the data)
    bool both = false;
    std::vector<std::string> scorecard;
    double boundary_m = 50; ///< --boundary, metres
    std::string format;     ///< "" = from -o's extension, else csv
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

void add_unit_rows(Table& t, const char* side, const Layer& layer, const Layer& other,
                   const std::vector<UnitScore>& units)
{
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const Feature& f = layer.features[i];
        const UnitScore& u = units[i];
        const bool matched = u.best != static_cast<std::size_t>(-1);
        t.rows.push_back({std::string(side), f.code, f.name, u.weight,
                          u.weight > 0 ? Cell(u.covered / u.weight) : Cell(),
                          matched ? Cell(other.features[u.best].code) : Cell(),
                          matched ? Cell(other.features[u.best].name) : Cell(), u.share_in_best, u.best_share_of_b,
                          u.iou, static_cast<std::int64_t>(u.partners), std::string(relation_name(u.relation)),
                          parts_text(u, other), codes_text(u.splits, other), codes_text(u.uncertain, other)});
    }
}

Table units_table(const LayerPair& layers, const Scores& s, bool both)
{
    Table t;
    t.columns = {{"layer", Format::text},     {"code", Format::text},           {"name", Format::text},
                 {"weight", Format::share},   {"covered_share", Format::share}, {"best_code", Format::text},
                 {"best_name", Format::text}, {"share_in_best", Format::share}, {"best_share_of_other", Format::share},
                 {"iou", Format::share},      {"partners", Format::integer},    {"relation", Format::text},
                 {"parts", Format::list},     {"splits", Format::list},         {"uncertain_with", Format::list}};
    add_unit_rows(t, "a", layers.a, layers.b, s.a_units);
    if (both) add_unit_rows(t, "b", layers.b, layers.a, s.b_units);
    return t;
}

Table summary_table(const ScoreCliOptions& o, const LayerPair& layers, const analysis::ScoredPair& scored)
{
    SummaryBuilder t;
    t.add("a_layer", Format::text, layers.a.label);
    t.add("b_layer", Format::text, layers.b.label);
    t.add("weight", Format::text, o.weight);
    t.add("rule", Format::text, scored.rule.why);
    add_pair_measures(t, scored);
    return t.take();
}

std::string percent(double share)
{
    return format_fixed(100 * share, 1) + "%";
}

/// "12 split (3.4 % of the area)".
std::string counted(std::size_t n, const std::string& what, double share, const std::string& by)
{
    return std::to_string(n) + " " + what + " (" + percent(share) + " of the " + by + ")";
}

/// How one side's units relate to the other layer, as a sentence.
std::string relation_line(const RelationCounts& c, const std::string& a, const std::string& b, const std::string& by)
{
    std::string s = "  " + std::to_string(c.units) + " " + a + ": " + std::to_string(c.equal) + " equal to one " + b +
                    ", " + std::to_string(c.within) + " within one " + b + ", " + std::to_string(c.union_of_whole) +
                    " unions of whole " + b + ", " + counted(c.split, "split", c.split_share, by);
    if (c.contains > 0) s += ", " + std::to_string(c.contains) + " holding whole " + b + " and land outside them";
    if (c.uncertain > 0) s += ", " + counted(c.uncertain, "uncertain", c.uncertain_share, by);
    if (c.outside > 0) s += ", " + std::to_string(c.outside) + " outside every " + b;
    return s + "\n";
}

/// The readable block (--format text).
std::string text_block(const ScoreCliOptions& o, const LayerPair& layers, const analysis::ScoredPair& scored)
{
    const Scores& sc = scored.scores;
    const std::string& a = layers.a.label;
    const std::string& b = layers.b.label;
    const PairScores& p = sc.pair;
    const std::string by = o.weight == "population" ? "population" : "area";
    auto n3 = [](double v) { return format_fixed(v, 3); };
    std::string s = "coterm score: " + a + " against " + b + " (by " + by + ")\n";
    s += "  rule: " + scored.rule.why + "\n";
    s += relation_line(p.a, a, b, by);
    s += relation_line(p.b, b, a, by);
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
        const UnitScore& u = sc.a_units[i];
        if (u.relation != Relation::split && u.relation != Relation::uncertain) continue;
        split_list += "    " + layers.a.features[i].code + " " + layers.a.features[i].name + " (" +
                      relation_name(u.relation) + "): " + parts_text(u, layers.b);
        if (u.covered < u.weight) split_list += ";outside:" + format_general(1 - u.covered / u.weight, 6);
        split_list += "\n";
    }
    if (!split_list.empty()) s += "  split or uncertain " + a + " (" + b + ":share of the unit):\n" + split_list;
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
        add_rule_options(*cmd, o_.rule);
        cmd->add_option("--boundary", o_.boundary_m,
                        "DIST metres: share of each layer's internal boundary within DIST of the other's (default 50)")
            ->check(CLI::Range(0.0, 100000.0));
        cmd->add_flag("--both", o_.both, "Also one row per unit of B");
        cmd->add_option("--scorecard", o_.scorecard,
                        "Score every ordered pair of these layers (instead of A B); with -o DIR, one CSV matrix per "
                        "measure and scorecard.json")
            ->expected(2, 64);
        add_format_option(*cmd, o_.format, {"csv", "json", "text"});
        add_output_options(*cmd, o_.output, o_.overwrite,
                           "Output file (default: stdout), written atomically; with --scorecard a folder");
        return cmd;
    }

    void run() override
    {
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
            s.rule = o_.rule;
            s.boundary_m = o_.boundary_m;
            s.output = o_.output;
            s.overwrite = o_.overwrite;
            run_scorecard(s);
            return;
        }
        if (o_.input.a.empty() || o_.input.b.empty()) throw UsageError("give two layers A B, or --scorecard LAYERS");
        const io::OutputFormat format = prepare_output(o_.output, o_.format, o_.overwrite, // before the work
                                                       {"score", {"csv", "json", "text"}, "csv", false}, "units");
        Stopwatch stopwatch;
        const LayerPair layers = load_pair(o_.input, stopwatch);
        std::unique_ptr<LoadedWeights> weights;
        if (o_.weight == "population")
            weights =
                load_weights(o_.weights, io::resolve_data_dir(o_.input.data_dir), o_.input.threads, o_.input.verbose);
        const analysis::ScoredPair scored = analysis::score_layers(
            layers.a, layers.b, weights.get(), spread_of(o_.weights), o_.rule, o_.boundary_m, o_.input.threads);
        const double a_total = scored.a_total, b_total = scored.b_total;

        std::string content;
        if (format.name == "text") {
            content = text_block(o_, layers, scored);
        } else {
            Table units = units_table(layers, scored.scores, o_.both);
            if (format.gdal()) {
                write_layer_output(o_.output, format, o_.overwrite, "units", units, {});
            } else if (format.name == "csv") {
                content = io::to_csv(units);
            } else {
                Report report;
                report.summary = summary_table(o_, layers, scored);
                report.tables.emplace_back("units", std::move(units));
                content = io::to_json(report);
            }
        }
        if (!format.gdal()) io::write_output(o_.output, content, {o_.overwrite});
        if (!o_.input.quiet) {
            const PairScores& p = scored.scores.pair;
            std::cerr << "coterm: " << layers.a.label << " vs " << layers.b.label << " (" << o_.weight
                      << "): " << p.a.nested() << " of " << p.a.units << " nested, " << p.a.split << " split, "
                      << p.a.uncertain << " uncertain; " << p.b.unions() << " of " << p.b.units << " " << layers.b.label
                      << " are unions of whole " << layers.a.label << "; nesting " << format_fixed(p.nesting_a_in_b, 3)
                      << " / " << format_fixed(p.nesting_b_in_a, 3) << ", NMI " << format_fixed(p.nmi, 3)
                      << "; uncovered " << percent(a_total > 0 ? 1 - p.total / a_total : 0) << " of " << layers.a.label
                      << ", " << percent(b_total > 0 ? 1 - p.total / b_total : 0) << " of " << layers.b.label << "; "
                      << scored.rule.why << "\n";
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
