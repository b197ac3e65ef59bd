// SPDX-License-Identifier: MIT
#include "cli/run_tables.hpp"

#include "cli/pair_measures.hpp"
#include "core/strings.hpp"

#include <cmath>
#include <numeric>

namespace coterm::cli {
namespace {

/// A column to add to the footprint table, one value per footprint.
void add_column(Table& t, const std::string& name, Format format, const std::vector<Cell>& values)
{
    t.columns.push_back({name, format});
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        t.rows[i].push_back(values[i]);
}

std::vector<Cell> cells(const std::vector<double>& v)
{
    std::vector<Cell> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[i] = std::isnan(v[i]) ? Cell() : Cell(v[i]);
    return out;
}

void add_variable(Table& t, const analysis::RunVariable& v)
{
    const auto& m = v.mapped;
    add_column(t, m.name, Format::number, cells(m.result.values));
    if (!v.per_head.empty()) add_column(t, per_head_column(v), Format::number, cells(v.per_head));
    if (m.source == "points") return;
    add_column(t, m.name + "_coverage", Format::share, cells(m.result.coverage));
    if (!v.low_coverage.empty()) {
        std::vector<Cell> low(v.low_coverage.size());
        for (std::size_t i = 0; i < low.size(); ++i)
            low[i] = static_cast<bool>(v.low_coverage[i]);
        add_column(t, m.name + "_low_coverage", Format::flag, low);
    }
}

void add_comparison(Table& t, const analysis::Comparison& c)
{
    const std::size_t n = t.rows.size();
    const Layer& l = *c.layer;
    std::vector<Cell> relation(n), units(n), covered(n), best(n), best_share(n), splits(n), split_people(n);
    for (std::size_t i = 0; i < n; ++i) {
        const UnitScore& u = c.scores.a_units[i];
        relation[i] = std::string(relation_name(u.relation));
        units[i] = static_cast<std::int64_t>(u.partners);
        covered[i] = u.weight > 0 ? Cell(u.covered / u.weight) : Cell();
        const bool matched = u.partners > 0;
        best[i] = matched ? Cell(l.features[u.best].code) : Cell();
        best_share[i] = matched ? Cell(u.share_in_best) : Cell();
        std::vector<std::string> codes;
        double people = 0;
        for (std::size_t j : u.splits) {
            codes.push_back(l.features[j].code);
            people += c.scores.b_units[j].weight;
        }
        splits[i] = join(codes, ";");
        split_people[i] = people;
    }
    const std::string& p = l.label;
    add_column(t, p + "_relation", Format::text, relation);
    add_column(t, p + "_units", Format::integer, units);
    add_column(t, p + "_covered_share", Format::share, covered);
    add_column(t, p + "_best", Format::text, best);
    add_column(t, p + "_best_share", Format::share, best_share);
    add_column(t, p + "_splits", Format::list, splits);
    add_column(t, p + "_split_people", Format::number, split_people);
}

} // namespace

std::string per_head_column(const analysis::RunVariable& v)
{
    return v.mapped.name + (v.denominator == "residents" ? "_per_head" : "_per_" + v.denominator);
}

Table run_footprint_table(const analysis::RunResult& r)
{
    const Layer& fp = *r.footprints;
    Table t;
    t.columns = {{"code", Format::text}, {"name", Format::text}};
    if (!r.members.empty()) t.columns.push_back({"members", Format::list});
    t.columns.push_back({"population", Format::number});
    for (std::size_t i = 0; i < fp.features.size(); ++i) {
        std::vector<Cell> row{fp.features[i].code, fp.features[i].name};
        if (!r.members.empty()) row.emplace_back(r.members[i]);
        row.emplace_back(r.population[i]);
        t.rows.push_back(std::move(row));
    }
    for (const auto& v : r.variables)
        add_variable(t, v);
    for (const auto& c : r.comparisons)
        add_comparison(t, c);
    return t;
}

Table run_scorecard_table(const analysis::RunResult& r)
{
    Table out;
    const double in_footprints = std::accumulate(r.population.begin(), r.population.end(), 0.0);
    for (const auto& c : r.comparisons) {
        double units_total = 0;
        for (const auto& u : c.scores.b_units)
            units_total += u.weight;
        SummaryBuilder b;
        b.add("a_layer", Format::text, std::string("footprints"));
        b.add("b_layer", Format::text, c.layer->label);
        b.add("rule", Format::text, c.rule.why);
        add_pair_measures(b, c.scores, c.rule, in_footprints, units_total, true);
        Table one = b.take();
        if (out.columns.empty()) out.columns = one.columns;
        out.rows.push_back(std::move(one.rows.front()));
    }
    return out;
}

} // namespace coterm::cli
