// SPDX-License-Identifier: MIT
#include "cli/run_markdown.hpp"

#include "core/readable_number.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace coterm::cli {
namespace {

using analysis::Measure;

/// "NAME (CODE)", or the code alone.
std::string label(const Feature& f)
{
    return f.name.empty() ? f.code : f.name + " (" + f.code + ")";
}

std::string value_text(double v, Measure m)
{
    if (std::isnan(v)) return "no value";
    if (m == Measure::money) return format_money(v);
    if (m == Measure::rate) return format_thousands(v, 2);
    return format_amount(v);
}

std::string measure_name(Measure m)
{
    switch (m) {
    case Measure::money:
        return "money";
    case Measure::count:
        return "count";
    case Measure::population:
        return "population";
    case Measure::rate:
        return "rate";
    default:
        return "amount";
    }
}

/// "A, B and 3 more" from up to `limit` labels.
std::string listed(const std::vector<std::string>& items, std::size_t limit = 8)
{
    if (items.size() <= limit) return join(items, "; ");
    std::vector<std::string> head(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(limit));
    return join(head, "; ") + " and " + std::to_string(items.size() - limit) + " more";
}

/// "72.0 % in X, 26.0 % in Y; 2.0 % outside every unit".
std::string parts_text(const UnitScore& u, const Layer& other, const std::string& outside_words)
{
    std::vector<std::string> parts;
    for (const auto& [j, share] : u.parts)
        parts.push_back(format_percent(share) + " in " + label(other.features[j]));
    std::string s = join(parts, ", ");
    if (u.weight > 0 && u.covered < u.weight * (1 - 1e-9))
        s += (s.empty() ? "" : ", ") + format_percent(1 - u.covered / u.weight) + " " + outside_words;
    return s;
}

/// "2 equal one pfa24 unit, 10 lie within one, …" for one side's relation counts;
/// `one` and `many` name the other side's units ("pfa24 unit", "pfa24 units").
std::string counts_text(const RelationCounts& c, const std::string& one, const std::string& many)
{
    std::string s = std::to_string(c.equal) + " equal one " + one + ", " + std::to_string(c.within) +
                    " lie within one, " + std::to_string(c.union_of_whole) + " are unions of whole " + many + ", " +
                    std::to_string(c.split) + " split " + many;
    if (c.contains) s += ", " + std::to_string(c.contains) + " hold whole " + many + " and land outside them";
    if (c.uncertain) s += ", " + std::to_string(c.uncertain) + " uncertain";
    if (c.outside) s += ", " + std::to_string(c.outside) + " lie outside every " + one;
    return s;
}

double split_people(const Scores& s)
{
    double people = 0;
    for (const auto& u : s.b_units)
        if (u.relation == Relation::split) people += u.weight;
    return people;
}

void alignment_section(std::string& s, const analysis::RunResult& r, const analysis::Comparison& c)
{
    const Layer& fp = *r.footprints;
    const Layer& l = *c.layer;
    const std::string& name = l.label;
    const PairScores& p = c.scores.pair;
    s += "## Alignment with `" + name + "` (" + std::to_string(l.features.size()) + " units)\n\n";
    s += "Rule: " + c.rule.why + ".\n\n";
    s += "- Footprints: " + counts_text(p.a, name + " unit", name + " units") + ".\n";
    s += "- " + name + " units: " + counts_text(p.b, "footprint", "footprints") + ".\n";
    std::vector<std::string> equal, units_split, fps_split, uncertain;
    for (std::size_t i = 0; i < fp.features.size(); ++i) {
        const UnitScore& u = c.scores.a_units[i];
        if (u.relation == Relation::equal) equal.push_back(label(fp.features[i]) + " = " + label(l.features[u.best]));
        if (u.relation == Relation::split) {
            // The units whose boundary it crosses, with the share of its residents in each:
            // "Buckinghamshire straddles BOB ICB (98.7 %) and BLMK ICB (1.3 %)" reads the
            // right way round for a council, and for an ICB crossing a district.
            std::vector<std::string> crossed;
            for (const auto& [j, share] : u.parts)
                if (std::find(u.splits.begin(), u.splits.end(), j) != u.splits.end())
                    crossed.push_back(label(l.features[j]) + " (" + format_percent(share) + ")");
            const std::size_t whole = u.partners - u.splits.size() - u.uncertain.size();
            fps_split.push_back("  - " + label(fp.features[i]) + ", " + format_amount(u.weight) +
                                " residents: straddles " + join(crossed, ", ") +
                                (whole > 0 ? "; also holds " + std::to_string(whole) + " whole " + name +
                                                 (whole == 1 ? " unit" : " units")
                                           : std::string()));
        }
        if (u.relation == Relation::uncertain) uncertain.push_back(label(fp.features[i]));
    }
    for (std::size_t j = 0; j < l.features.size(); ++j) {
        const UnitScore& u = c.scores.b_units[j];
        if (u.relation == Relation::split)
            units_split.push_back("  - " + label(l.features[j]) + ", " + format_amount(u.weight) +
                                  " residents: " + parts_text(u, fp, "outside every footprint"));
    }
    if (!equal.empty()) s += "- Identical: " + join(equal, "; ") + ".\n";
    s += "- " + std::to_string(units_split.size()) + " " + name + " units are split between footprints (" +
         format_amount(split_people(c.scores)) + " residents live in them)" + (units_split.empty() ? "." : ":") + "\n";
    for (const auto& line : units_split)
        s += line + "\n";
    s += "- " + std::to_string(fps_split.size()) + " footprints straddle the boundaries of " + name + " units" +
         (fps_split.empty() ? "." : ":") + "\n";
    for (const auto& line : fps_split)
        s += line + "\n";
    if (!uncertain.empty())
        s += "- Uncertain (split only within the layers' generalisation error): " + listed(uncertain) + ".\n";
    s += "\n";
}

void data_line(std::string& s, const analysis::RunResult& r, const analysis::RunVariable& v)
{
    const Layer& fp = *r.footprints;
    const auto& m = v.mapped;
    const std::vector<double>& shown = v.per_head.empty() ? m.result.values : v.per_head;
    std::size_t lo = fp.features.size(), hi = lo;
    std::vector<std::string> missing, low;
    for (std::size_t i = 0; i < fp.features.size(); ++i) {
        if (std::isnan(shown[i])) {
            missing.push_back(label(fp.features[i]));
            continue;
        }
        if (lo == fp.features.size() || shown[i] < shown[lo]) lo = i;
        if (hi == fp.features.size() || shown[i] > shown[hi]) hi = i;
        if (!v.low_coverage.empty() && v.low_coverage[i])
            low.push_back(label(fp.features[i]) + " " + format_percent(m.result.coverage[i]));
    }
    const Measure shown_as = v.per_head.empty()            ? m.measure
                             : m.measure == Measure::money ? Measure::money
                                                           : Measure::rate;
    s += "- **" + m.name + "** (" + measure_name(m.measure) + ", " +
         (m.source == "points" ? "summed at points" : "from " + m.source) + ", `" + m.dataset + "`): ";
    if (m.kind == Kind::extensive) s += value_text(m.result.sum_out, m.measure) + " in footprints";
    if (!v.per_head.empty()) {
        double num = 0, den = 0;
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (!std::isnan(shown[i])) num += m.result.values[i], den += m.result.values[i] / shown[i];
        s += "; per " + (v.denominator == "residents" ? std::string("head of residents") : v.denominator) + " " +
             value_text(den > 0 ? num / den : NAN, shown_as) + " overall";
    }
    if (lo < fp.features.size())
        s += std::string(m.kind == Kind::extensive && v.per_head.empty() ? "; " : (v.per_head.empty() ? "" : ", ")) +
             "from " + value_text(shown[lo], shown_as) + " (" + label(fp.features[lo]) + ") to " +
             value_text(shown[hi], shown_as) + " (" + label(fp.features[hi]) + ")";
    if (m.kind == Kind::intensive) s += ", weighted by residents";
    s += ".";
    if (m.unlocated > 0 && !v.per_head.empty())
        s += " " + std::to_string(m.unlocated) + " rows without coordinates (" +
             value_text(m.unlocated_sum, m.measure) + ") lie in no footprint and are not in the per-head figures.";
    if (!missing.empty()) s += " No value for " + std::to_string(missing.size()) + ": " + listed(missing) + ".";
    if (!low.empty())
        s += " Low coverage (under " + format_percent(r.query.min_coverage, 0) + " of residents): " + listed(low) + ".";
    s += "\n";
}

void conservation_line(std::string& s, const analysis::RunVariable& v)
{
    const auto& m = v.mapped;
    if (m.kind != Kind::extensive) return;
    const auto& a = m.result;
    // A leak that is only rounding (|outside| ≤ 1e-12 of the total) is no leak.
    const double outside = std::fabs(a.outside) <= 1e-12 * std::fabs(a.sum_in) ? 0.0 : a.outside;
    auto t = [&](double x) { return value_text(x, m.measure == Measure::money ? Measure::money : Measure::amount); };
    if (m.source == "points")
        s += "- " + m.name + " (points, " + m.dataset + "): in " + t(a.sum_in) + ", in footprints " + t(a.sum_out) +
             ", outside " + t(outside) + "; " + std::to_string(m.unlocated) + " rows without coordinates hold " +
             t(m.unlocated_sum) + "\n";
    else
        s += "- " + m.name + " (extensive, " + m.dataset + " from " + m.source + "): in " + t(a.sum_in) +
             ", in footprints " + t(a.sum_out) + ", outside " + t(outside) + "; " +
             std::to_string(m.unknown_codes.size()) + " codes not in " + m.source + " hold " + t(m.unknown_sum) + "\n";
}

} // namespace

std::string run_summary_md(const analysis::RunResult& r)
{
    const io::Query& q = r.query;
    const Layer& fp = *r.footprints;
    std::string s = "# " + (q.title.empty() ? q.name : q.title) + "\n\n";
    if (!q.description.empty()) s += q.description + "\n\n";
    s += "## What was run\n\n- query: `" + q.name + "`\n- footprints: " + r.footprints_from + ", " +
         std::to_string(fp.features.size()) + " footprints\n- compared with: " + join(q.compare, ", ") +
         "\n- weights: " + r.weights_label + " (each small area to the footprint holding its point on surface)\n" +
         "- thresholds: decided per comparison layer (below); rates resting on less than " +
         format_percent(q.min_coverage, 0) + " of a footprint's residents are flagged\n" +
         (r.simplified.empty() ? "" : "- map geometry: " + r.simplified + "\n") + "\n";
    const double total = std::accumulate(r.population.begin(), r.population.end(), 0.0);
    s += "## Headline\n\n- " + std::to_string(fp.features.size()) + " footprints holding " + format_amount(total) +
         " residents; " + format_amount(r.outside) + " live outside every footprint (" +
         format_percent(total + r.outside > 0 ? total / (total + r.outside) : 0) + " of residents covered).\n";
    if (!fp.features.empty()) {
        std::size_t lo = 0, hi = 0;
        for (std::size_t i = 1; i < fp.features.size(); ++i) {
            if (r.population[i] < r.population[lo]) lo = i;
            if (r.population[i] > r.population[hi]) hi = i;
        }
        s += "- Residents per footprint: from " + format_amount(r.population[lo]) + " (" + label(fp.features[lo]) +
             ") to " + format_amount(r.population[hi]) + " (" + label(fp.features[hi]) + ").\n";
    }
    for (const auto& c : r.comparisons) {
        std::size_t units_split = 0;
        for (const auto& u : c.scores.b_units)
            units_split += u.relation == Relation::split;
        s += "- `" + c.layer->label +
             "`: footprints: " + counts_text(c.scores.pair.a, c.layer->label + " unit", c.layer->label + " units") +
             "; " + std::to_string(units_split) + " of " + std::to_string(c.layer->features.size()) +
             " units are split between footprints (" + format_amount(split_people(c.scores)) + " residents).\n";
    }
    s += "\n";
    for (const auto& c : r.comparisons)
        alignment_section(s, r, c);
    s += "## Mapped data\n\n";
    if (r.variables.empty()) s += "No data mapped.\n";
    for (const auto& v : r.variables)
        data_line(s, r, v);
    s += "\n## Conservation\n\n";
    const std::vector<std::string> lines = run_conservation_lines(r);
    if (lines.empty()) s += "No extensive data mapped.\n";
    for (const auto& line : lines)
        s += "- " + line + "\n";
    return s;
}

std::vector<std::string> run_alignment_lines(const analysis::RunResult& r)
{
    std::vector<std::string> out;
    for (const auto& c : r.comparisons) {
        std::size_t units_split = 0;
        for (const auto& u : c.scores.b_units)
            units_split += u.relation == Relation::split;
        out.push_back("`" + c.layer->label + "`: footprints: " +
                      counts_text(c.scores.pair.a, c.layer->label + " unit", c.layer->label + " units") + "; " +
                      std::to_string(units_split) + " of " + std::to_string(c.layer->features.size()) +
                      " units are split between footprints (" + format_amount(split_people(c.scores)) + " residents).");
    }
    return out;
}

std::vector<std::string> run_conservation_lines(const analysis::RunResult& r)
{
    std::vector<std::string> out;
    for (const auto& v : r.variables) {
        std::string line;
        conservation_line(line, v);
        if (!line.empty()) out.push_back(line.substr(2, line.size() - 3)); // without "- " and the newline
    }
    return out;
}

} // namespace coterm::cli
