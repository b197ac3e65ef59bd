// SPDX-License-Identifier: MIT
// The rows of `coterm compare` (docs/methods.md §17), from each option's RunResult:
// the scores are core/score's, computed once by run_query; nothing is re-scored here.
#include "analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace coterm::analysis {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Adds a row whose cell for option k is `value(k)`; an empty optional is "—".
void add_row(std::vector<FigureRow>& rows, const std::string& section, const std::string& id, const std::string& label,
             FigureKind kind, std::size_t options, const std::function<std::optional<FigureCell>(std::size_t)>& value)
{
    FigureRow row{section, id, label, kind, {}};
    for (std::size_t k = 0; k < options; ++k)
        row.cells.push_back(value(k).value_or(FigureCell{nan, lacks_mark}));
    rows.push_back(std::move(row));
}

FigureCell number(double v)
{
    return {v, ""};
}

double median(std::vector<double> v)
{
    if (v.empty()) return nan;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Σ W of the units of one side whose relation is split.
double people_split(const std::vector<UnitScore>& units)
{
    double p = 0;
    for (const auto& u : units)
        if (u.relation == Relation::split) p += u.weight;
    return p;
}

/// Footprints and layer hold the same people (to half a person): NMI and VI then
/// describe two partitions of one population. Otherwise they would describe only the
/// shared part and read as better agreement than there is.
bool same_coverage(const PairScores& p)
{
    const double tolerance = 0.5 + 1e-9 * p.total;
    return std::abs(p.a.weight - p.total) <= tolerance && std::abs(p.b.weight - p.total) <= tolerance;
}

const Comparison* find_comparison(const RunResult& r, const std::string& spec)
{
    for (const auto& c : r.comparisons)
        if (c.layer->label == spec) return &c;
    return nullptr;
}

const RunVariable* find_variable(const RunResult& r, const std::string& name)
{
    for (const auto& v : r.variables)
        if (v.mapped.name == name) return &v;
    return nullptr;
}

void footprint_rows(std::vector<FigureRow>& rows, const std::vector<CompareOption>& o)
{
    const std::string s = "Footprints";
    const std::size_t n = o.size();
    auto pop = [&](std::size_t k) -> const std::vector<double>& { return o[k].run.population; };
    auto total = [&](std::size_t k) {
        double t = 0;
        for (double p : pop(k))
            t += p;
        return t;
    };
    auto minmax = [&](std::size_t k) {
        const auto& p = pop(k);
        return p.empty() ? std::pair{nan, nan}
                         : std::pair{*std::min_element(p.begin(), p.end()), *std::max_element(p.begin(), p.end())};
    };
    add_row(rows, s, "footprints", "Footprints", FigureKind::count, n,
            [&](std::size_t k) { return number(static_cast<double>(pop(k).size())); });
    add_row(rows, s, "population.min", "Residents of the smallest footprint", FigureKind::people, n,
            [&](std::size_t k) { return number(minmax(k).first); });
    add_row(rows, s, "population.median", "Residents of the median footprint", FigureKind::people, n,
            [&](std::size_t k) { return number(median(pop(k))); });
    add_row(rows, s, "population.max", "Residents of the largest footprint", FigureKind::people, n,
            [&](std::size_t k) { return number(minmax(k).second); });
    add_row(rows, s, "population.max_over_min", "Largest ÷ smallest", FigureKind::ratio, n, [&](std::size_t k) {
        const auto [lo, hi] = minmax(k);
        return lo > 0 ? number(hi / lo) : FigureCell{nan, "n/a (a footprint without residents)"};
    });
    add_row(rows, s, "population.in_footprints", "Residents in footprints", FigureKind::people, n,
            [&](std::size_t k) { return number(total(k)); });
    add_row(rows, s, "population.outside", "Residents outside every footprint", FigureKind::people, n,
            [&](std::size_t k) { return number(o[k].run.outside); });
    add_row(rows, s, "population.covered_share", "Share of the population covered", FigureKind::share, n,
            [&](std::size_t k) {
                const double all = total(k) + o[k].run.outside;
                return all > 0 ? number(total(k) / all) : FigureCell{nan, "n/a (no residents)"};
            });
}

void layer_rows(std::vector<FigureRow>& rows, const std::vector<CompareOption>& o, const std::string& spec)
{
    const std::string s = "Alignment with " + spec;
    const std::size_t n = o.size();
    auto with = [&](const std::function<double(const Comparison&)>& f) {
        return [&o, &spec, f](std::size_t k) -> std::optional<FigureCell> {
            const Comparison* c = find_comparison(o[k].run, spec);
            if (!c) return std::nullopt;
            return number(f(*c));
        };
    };
    auto count = [](std::size_t v) { return static_cast<double>(v); };
    add_row(rows, s, spec + ".unions", "Footprints that are unions of whole units (or equal one)", FigureKind::count, n,
            with([&](const Comparison& c) { return count(c.scores.pair.a.unions()); }));
    add_row(rows, s, spec + ".within", "Footprints within one unit (or equal one)", FigureKind::count, n,
            with([&](const Comparison& c) { return count(c.scores.pair.a.nested()); }));
    add_row(rows, s, spec + ".splitting", "Footprints that split units", FigureKind::count, n,
            with([&](const Comparison& c) { return count(c.scores.pair.a.split); }));
    const bool any_uncertain = std::any_of(o.begin(), o.end(), [&](const CompareOption& x) {
        const Comparison* c = find_comparison(x.run, spec);
        return c && (c->scores.pair.a.uncertain > 0 || c->scores.pair.b.uncertain > 0);
    });
    if (any_uncertain)
        add_row(rows, s, spec + ".uncertain", "Footprints split only within the generalisation band", FigureKind::count,
                n, with([&](const Comparison& c) { return count(c.scores.pair.a.uncertain); }));
    add_row(rows, s, spec + ".units_split", "Units split between footprints", FigureKind::count, n,
            with([&](const Comparison& c) { return count(c.scores.pair.b.split); }));
    add_row(rows, s, spec + ".people_in_split_units", "Residents of units split between footprints", FigureKind::people,
            n, with([](const Comparison& c) { return people_split(c.scores.b_units); }));
    add_row(rows, s, spec + ".people_in_splitting_footprints", "Residents of footprints that split units",
            FigureKind::people, n, with([](const Comparison& c) { return people_split(c.scores.a_units); }));
    for (const bool nmi : {true, false})
        add_row(rows, s, spec + (nmi ? ".nmi" : ".vi"),
                nmi ? "Partition agreement NMI (1 = identical)" : "Variation of information VI (bits; 0 = identical)",
                FigureKind::bits, n, [&o, &spec, nmi](std::size_t k) -> std::optional<FigureCell> {
                    const Comparison* c = find_comparison(o[k].run, spec);
                    if (!c) return std::nullopt;
                    const PairScores& p = c->scores.pair;
                    if (!same_coverage(p)) return FigureCell{nan, coverage_differs};
                    return number(nmi ? p.nmi : p.vi);
                });
}

/// The value compared across footprints: per head when there is a denominator.
const std::vector<double>& compared_values(const RunVariable& v)
{
    return v.per_head.empty() ? v.mapped.result.values : v.per_head;
}

void variable_rows(std::vector<FigureRow>& rows, const std::vector<CompareOption>& o, const std::string& name)
{
    const std::size_t n = o.size();
    const RunVariable* first = nullptr;
    for (const auto& x : o)
        if (!first) first = find_variable(x.run, name);
    const bool per_head = !first->per_head.empty();
    const bool intensive = first->mapped.kind == Kind::intensive;
    const FigureKind kind = first->mapped.measure == Measure::money ? FigureKind::money : FigureKind::value;
    const std::string shown =
        name + (per_head ? (first->denominator == "residents" ? " per head" : " per " + first->denominator) : "");
    const std::string s = "Data: " + shown;
    const std::string id =
        name + (per_head ? (first->denominator == "residents" ? "_per_head" : "_per_" + first->denominator) : "");
    // Per option: the footprints with a value, and their residents.
    auto stats = [&](std::size_t k,
                     const std::function<double(const std::vector<double>&, const std::vector<double>&)>& f)
        -> std::optional<FigureCell> {
        const RunVariable* v = find_variable(o[k].run, name);
        if (!v) return std::nullopt;
        if (variable_treatment(*v) != variable_treatment(*first)) return FigureCell{nan, declared_differently};
        std::vector<double> x, w;
        const auto& values = compared_values(*v);
        for (std::size_t i = 0; i < values.size(); ++i)
            if (!std::isnan(values[i])) x.push_back(values[i]), w.push_back(o[k].run.population[i]);
        if (x.empty()) return FigureCell{nan, "n/a (no footprint has a value)"};
        return number(f(x, w));
    };
    auto mean = [](const std::vector<double>& x) {
        double sum = 0;
        for (double v : x)
            sum += v;
        return sum / static_cast<double>(x.size());
    };
    add_row(rows, s, id + ".min", "Lowest footprint", kind, n, [&](std::size_t k) {
        return stats(k, [](const auto& x, const auto&) { return *std::min_element(x.begin(), x.end()); });
    });
    add_row(rows, s, id + ".max", "Highest footprint", kind, n, [&](std::size_t k) {
        return stats(k, [](const auto& x, const auto&) { return *std::max_element(x.begin(), x.end()); });
    });
    add_row(rows, s, id + ".cv", "Coefficient of variation across footprints", FigureKind::ratio, n,
            [&](std::size_t k) {
                return stats(k, [&](const auto& x, const auto&) {
                    const double m = mean(x);
                    double ss = 0;
                    for (double v : x)
                        ss += (v - m) * (v - m);
                    return m != 0 ? std::sqrt(ss / static_cast<double>(x.size())) / std::abs(m) : nan;
                });
            });
    if (intensive) {
        auto weighted = [](const std::vector<double>& x, const std::vector<double>& w, bool sd) {
            double sw = 0, swx = 0;
            for (std::size_t i = 0; i < x.size(); ++i)
                sw += w[i], swx += w[i] * x[i];
            if (sw <= 0) return nan;
            const double m = swx / sw;
            if (!sd) return m;
            double ss = 0;
            for (std::size_t i = 0; i < x.size(); ++i)
                ss += w[i] * (x[i] - m) * (x[i] - m);
            return std::sqrt(ss / sw);
        };
        add_row(rows, s, id + ".weighted_mean", "Population-weighted mean of footprints", kind, n, [&](std::size_t k) {
            return stats(k, [&](const auto& x, const auto& w) { return weighted(x, w, false); });
        });
        add_row(rows, s, id + ".weighted_sd", "Population-weighted SD across footprints", kind, n, [&](std::size_t k) {
            return stats(k, [&](const auto& x, const auto& w) { return weighted(x, w, true); });
        });
        return;
    }
    // Conservation of the total (of the variable itself, not per head).
    const FigureKind total_kind = kind;
    auto total = [&](const std::function<double(const Apportioned&)>& f) {
        return [&o, &name, first, f](std::size_t k) -> std::optional<FigureCell> {
            const RunVariable* v = find_variable(o[k].run, name);
            if (!v) return std::nullopt;
            // A total of a rate means nothing: only options that sum the variable too.
            if (v->mapped.kind != first->mapped.kind) return FigureCell{nan, declared_differently};
            return number(f(v->mapped.result));
        };
    };
    const std::string t = per_head ? "Total (not per head)" : "Total";
    add_row(rows, s, name + ".sum_in", t + " in the source", total_kind, n,
            total([](const Apportioned& a) { return a.sum_in; }));
    add_row(rows, s, name + ".sum_out", t + " in footprints", total_kind, n,
            total([](const Apportioned& a) { return a.sum_out; }));
    add_row(rows, s, name + ".outside", t + " outside every footprint", total_kind, n,
            total([](const Apportioned& a) { return a.outside; }));
}

} // namespace

std::string variable_treatment(const RunVariable& v)
{
    if (!v.per_head.empty()) return v.denominator == "residents" ? "per head" : "per " + v.denominator;
    return v.mapped.kind == Kind::intensive ? "a rate" : "a total";
}

std::vector<FigureRow> compare_figures(const std::vector<CompareOption>& options)
{
    std::vector<FigureRow> rows;
    footprint_rows(rows, options);
    std::vector<std::string> layers, variables;
    for (const auto& o : options) {
        for (const auto& c : o.run.comparisons)
            if (std::find(layers.begin(), layers.end(), c.layer->label) == layers.end())
                layers.push_back(c.layer->label);
        for (const auto& v : o.run.variables)
            if (std::find(variables.begin(), variables.end(), v.mapped.name) == variables.end())
                variables.push_back(v.mapped.name);
    }
    for (const auto& spec : layers)
        layer_rows(rows, options, spec);
    for (const auto& name : variables)
        variable_rows(rows, options, name);
    return rows;
}

} // namespace coterm::analysis
