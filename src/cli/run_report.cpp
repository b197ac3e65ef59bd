// SPDX-License-Identifier: MIT
#include "cli/run_report.hpp"

#include "analysis/map_geometry.hpp"
#include "cli/run_markdown.hpp"
#include "cli/run_tables.hpp"
#include "core/number_format.hpp"
#include "core/parallel.hpp"
#include "core/strings.hpp"
#include "render/display_format.hpp"
#include "render/map_geometry.hpp"
#include "render/report_html.hpp"
#include "render/static_map.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

namespace coterm::cli {
namespace {

using render::ValueKind;

constexpr const char* attribution =
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © "
    "Crown copyright and database right. Contains public sector information licensed under the Open Government "
    "Licence v3.0 (NHS England, DHSC, OHID, MHCLG).";

/// Below this share of a footprint's people with a value, a mapped value is flagged.
constexpr double low_coverage = 0.95;

/// "total_payments_gbp_per_head" -> "Total payments per head (£)"; known abbreviations spelt out.
std::string humanise(std::string name)
{
    bool money = false, per_head = false;
    if (name.ends_with("_per_head")) name.erase(name.size() - 9), per_head = true;
    if (name.ends_with("_gbp")) name.erase(name.size() - 4), money = true;
    static const std::map<std::string, std::string> words = {{"gp", "GP"},        {"imd2025", "IMD 2025"},
                                                             {"u75", "under-75"}, {"wp", "need-weighted population:"},
                                                             {"nhs", "NHS"},      {"usual", "usual"}};
    std::istringstream in(name);
    std::string word, out, previous;
    std::vector<std::string> parts;
    while (std::getline(in, word, '_'))
        parts.push_back(word);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string w = words.count(parts[i]) ? words.at(parts[i]) : parts[i];
        // "2025_26" is a financial year: 2025/26.
        if (i + 1 < parts.size() && parts[i].size() == 4 && parts[i + 1].size() == 2 &&
            std::isdigit(static_cast<unsigned char>(parts[i][0])) &&
            std::isdigit(static_cast<unsigned char>(parts[i + 1][0])))
            w += "/" + parts[++i];
        out += (out.empty() ? "" : " ") + w;
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out + (per_head ? " per head" : "") + (money ? " (£)" : "");
}

/// "Police force areas December 2024, rebuilt …" -> "Police force areas": the words of a
/// catalogue title before its date, bracket or comma.
std::string short_title(const io::Catalogue& catalogue, const std::string& id)
{
    static const std::vector<std::string> months = {"January",   "February", "March",    "April",
                                                    "May",       "June",     "July",     "August",
                                                    "September", "October",  "November", "December"};
    for (const auto& layer : catalogue.layers) {
        if (layer.id != id) continue;
        std::istringstream in(layer.title);
        std::string word, out;
        while (in >> word) {
            if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '(' ||
                std::find(months.begin(), months.end(), word) != months.end())
                break;
            const bool comma = word.back() == ',';
            if (comma) word.pop_back();
            out += (out.empty() ? "" : " ") + word;
            if (comma) break;
        }
        return out.empty() ? id : out + " (" + id + ")";
    }
    return id;
}

/// Markdown's code marks are for summary.md; the page shows plain text.
std::string plain(std::string text)
{
    std::erase(text, '`');
    return text;
}

} // namespace

render::Overlay comparison_overlay(const Layer& layer, const io::Catalogue& catalogue, bool visible, unsigned threads)
{
    std::vector<const Geometry*> shapes;
    for (const auto& f : layer.features)
        shapes.push_back(&f.geometry);
    return {short_title(catalogue, layer.label), render::simplified_outlines(shapes, overlay_simplify_m, threads),
            visible};
}

render::ReportModel run_report_model(const RunReportInput& in)
{
    const analysis::RunResult& r = in.run;
    const io::Query& q = r.query;
    const Layer& fp = *r.footprints;
    const std::size_t n = fp.features.size();
    render::ReportModel m;
    m.title = q.title.empty() ? q.name : q.title;
    m.subtitle = q.description;
    m.attribution = attribution;
    // Display geometry: the run's map geometry when the query simplified it, else the
    // footprints simplified at 100 m on one thread while the comparison outlines take the
    // others. The two touch different layers and fill their own slots, so the result does
    // not depend on the schedule; a footprint layer that is also compared runs them in turn
    // (envelopes are cached lazily on first use: rule 1 of docs/architecture.md).
    std::string note;
    std::vector<Wkb> simplified;
    const unsigned threads = resolve_threads(in.threads);
    const bool footprints_compared =
        std::any_of(r.comparisons.begin(), r.comparisons.end(), [&](const auto& c) { return c.layer == r.footprints; });
    m.overlays.resize(r.comparisons.size());
    parallel_for(2, footprints_compared ? 1 : threads, [&](std::size_t task) {
        if (task == 0 && r.simplified.empty()) simplified = analysis::map_geometries(fp, report_simplify_m, note);
        if (task == 1)
            for (std::size_t k = 0; k < r.comparisons.size(); ++k)
                m.overlays[k] =
                    comparison_overlay(*r.comparisons[k].layer, in.catalogue, k == 0, std::max(1u, threads - 1));
    });

    // Measures and the two tables, column by column, straight from the result model.
    m.measures.push_back({"population", "People", ValueKind::count, ""});
    std::vector<std::vector<Cell>> values(1, std::vector<Cell>(r.population.begin(), r.population.end()));
    render::ReportTable data, align;
    data.title = "Data mapped onto the footprints";
    align.title = "Alignment with each comparison layer";
    for (auto* t : {&data, &align}) {
        t->table.columns = {{"code", Format::text}, {"Name", Format::text}, {"People", Format::number}};
        t->kinds = {ValueKind::text, ValueKind::text, ValueKind::count};
        for (std::size_t i = 0; i < n; ++i)
            t->table.rows.push_back({fp.features[i].code, fp.features[i].name, r.population[i]});
    }
    auto add = [&](render::ReportTable& t, const std::string& header, ValueKind kind, const std::vector<Cell>& col,
                   const std::string& measure_id, const std::string& label, bool tip) {
        t.table.columns.push_back({header, Format::text});
        t.kinds.push_back(kind);
        for (std::size_t i = 0; i < n; ++i)
            t.table.rows[i].push_back(col[i]);
        if (measure_id.empty()) return;
        m.measures.push_back({measure_id, label, kind, "", tip});
        values.push_back(col);
    };
    auto cells = [&](const std::vector<double>& v) {
        std::vector<Cell> out(n);
        for (std::size_t i = 0; i < n; ++i)
            out[i] = std::isnan(v[i]) ? Cell() : Cell(v[i]);
        return out;
    };
    for (const auto& v : r.variables) {
        const auto& mv = v.mapped;
        const bool money = mv.measure == analysis::Measure::money;
        std::string base = humanise(mv.name);
        if (base.ends_with(" (£)")) base.resize(base.size() - std::string(" (£)").size());
        const ValueKind kind = money ? ValueKind::money : ValueKind::number;
        const std::size_t value_col = data.table.columns.size();
        add(data, base + (money ? " (£)" : ""), kind, cells(mv.result.values), mv.name, base + (money ? " (£)" : ""),
            true);
        if (!v.per_head.empty()) {
            const std::string label = base +
                                      (v.denominator == "residents" ? " per head" : " per " + humanise(v.denominator)) +
                                      (money ? " (£)" : "");
            add(data, label, kind, cells(v.per_head), per_head_column(v), label, true);
        }
        if (mv.source == "points") continue;
        const std::size_t coverage_col = data.table.columns.size();
        add(data, base + ": coverage", ValueKind::share, cells(mv.result.coverage), "", "", false);
        for (std::size_t i = 0; i < v.low_coverage.size(); ++i)
            if (v.low_coverage[i]) data.flagged.emplace_back(i, value_col), data.flagged.emplace_back(i, coverage_col);
    }
    data.flag_note =
        "Rests on under " + format_general(100 * q.min_coverage, 3) +
        " % of the footprint's residents: the source data cover only part of it (see its coverage column).";
    std::size_t default_measure = 0;
    for (const auto& c : r.comparisons) {
        const Layer& l = *c.layer;
        const std::string title = short_title(in.catalogue, l.label);
        std::vector<Cell> relation(n), units(n), covered(n), best(n), splits(n), people(n);
        for (std::size_t i = 0; i < n; ++i) {
            const UnitScore& u = c.scores.a_units[i];
            relation[i] = std::string(relation_name(u.relation));
            units[i] = static_cast<std::int64_t>(u.partners);
            covered[i] = u.weight > 0 ? Cell(u.covered / u.weight) : Cell();
            best[i] = u.partners > 0 ? Cell(u.share_in_best) : Cell();
            std::vector<std::string> codes;
            double p = 0;
            for (std::size_t j : u.splits)
                codes.push_back(l.features[j].code), p += c.scores.b_units[j].weight;
            splits[i] = join(codes, ";");
            people[i] = p;
        }
        if (&c == &r.comparisons.front()) default_measure = m.measures.size() + 1; // its units met
        add(align, l.label + ": relation", ValueKind::category, relation, l.label + "_relation", title + ": relation",
            true);
        add(align, l.label + ": units met", ValueKind::count, units, l.label + "_units", title + ": units met", true);
        add(align, l.label + ": % covered", ValueKind::share, covered, l.label + "_covered_share",
            title + ": share of people covered", false);
        add(align, l.label + ": % in best unit", ValueKind::share, best, l.label + "_best_share",
            title + ": share in the best-matching unit", false);
        add(align, l.label + ": units split", ValueKind::text, splits, "", "", false);
        add(align, l.label + ": people in split units", ValueKind::count, people, l.label + "_split_people",
            title + ": people in the units it splits", false);
    }
    m.default_measure = r.comparisons.empty() ? 0 : default_measure;
    if (!r.comparisons.empty())
        m.marked_label = "Splits a unit of " + short_title(in.catalogue, r.comparisons.front().layer->label);

    for (std::size_t i = 0; i < n; ++i) {
        render::MapFeature f{fp.features[i].code,
                             fp.features[i].name,
                             r.simplified.empty() ? simplified[i] : r.map_geometry[i],
                             {},
                             false};
        for (const auto& col : values)
            f.values.push_back(col[i]);
        // Marked: splits a unit of the first comparison layer, the one the map opens with
        // (marking a split of any layer would hatch nearly every ICB: most cut a fire area).
        f.marked = !r.comparisons.empty() && r.comparisons.front().scores.a_units[i].relation == Relation::split;
        m.features.push_back(std::move(f));
    }
    if (!r.comparisons.empty()) m.tables.push_back(std::move(align));
    if (!r.variables.empty()) m.tables.push_back(std::move(data));

    const double total = std::accumulate(r.population.begin(), r.population.end(), 0.0);
    const std::size_t marked =
        std::count_if(m.features.begin(), m.features.end(), [](const auto& mf) { return mf.marked; });
    m.headline = {{"Footprints", std::to_string(n)},
                  {"People in footprints", render::group_thousands(total, 0)},
                  {"People outside every footprint", render::group_thousands(r.outside, 0)}};
    if (!r.comparisons.empty())
        m.headline.emplace_back("Footprints splitting" + m.marked_label.substr(6), std::to_string(marked));
    std::vector<std::string> compared;
    for (const auto& id : q.compare)
        compared.push_back(short_title(in.catalogue, id));
    if (!compared.empty()) m.headline.emplace_back("Compared with", join(compared, "; "));
    for (const auto& line : run_alignment_lines(r))
        m.findings.push_back(plain(line));
    for (const auto& c : r.comparisons)
        m.notes.push_back(short_title(in.catalogue, c.layer->label) + ": " + c.rule.why + ".");
    m.conservation = run_conservation_lines(r);
    m.notes.push_back("Query: " + q.name + "; footprints: " + plain(r.footprints_from) + "; weights: " +
                      r.weights_label + " (each small area to the footprint holding its point on surface).");
    m.notes.push_back("Map geometry simplified at " +
                      format_general(r.simplified.empty() ? report_simplify_m : q.simplify, 6) +
                      " m (comparison boundaries at " + format_general(overlay_simplify_m, 6) +
                      " m) for display only, shared edges kept identical; every number is computed on full geometry.");
    m.notes.push_back(
        "Map classes: quantiles (about equal numbers of footprints per class) for numbers, one class per "
        "value for counts with few values; ColorBrewer YlGnBu and Okabe–Ito colours (docs/methods.md §15).");
    return m;
}

std::vector<std::pair<std::string, std::string>> run_report_files(const RunReportInput& in)
{
    const render::ReportModel m = run_report_model(in);
    // The page and the image read the same finished model: drawn side by side.
    std::vector<std::pair<std::string, std::string>> files{{"report.html", {}}, {"map.png", {}}};
    parallel_for(2, resolve_threads(in.threads), [&](std::size_t task) {
        if (task == 0) {
            render::StaticMapOptions png;
            png.threads = resolve_threads(in.threads);
            files[1].second = render::render_static_map(m, png);
        }
        if (task == 1) files[0].second = render::render_report_html(m);
    });
    return files;
}

} // namespace coterm::cli
