// SPDX-License-Identifier: MIT
#include "cli/compare_report.hpp"

#include "analysis/map_geometry.hpp"
#include "cli/compare_tables.hpp"
#include "cli/run_markdown.hpp"
#include "cli/run_report.hpp"
#include "core/strings.hpp"
#include "core/wkb.hpp"
#include "render/display_format.hpp"
#include "render/map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace coterm::cli {
namespace {

using render::ValueKind;

/// Space between two panels, in metres (a tenth of England's width).
constexpr double panel_gap_m = 60000;

/// The geometry shifted east by `dx` metres.
Wkb shifted(Wkb wkb, double dx)
{
    for_each_ring(wkb, [&](std::size_t, std::size_t, WkbRing ring) {
        for (std::size_t i = 0; i < ring.count; ++i) {
            double x = 0, y = 0;
            read_point(ring, i, x, y);
            write_point(ring, i, x + dx, y);
        }
    });
    return wkb;
}

/// An option's display geometry: its query's simplified map, else simplified at the
/// report's 100 m (display only, shared edges kept).
std::vector<Wkb> display_geometry(const analysis::RunResult& run)
{
    if (!run.simplified.empty()) return run.map_geometry;
    std::string note;
    return analysis::map_geometries(*run.footprints, report_simplify_m, note);
}

} // namespace

render::ReportModel compare_report_model(const analysis::CompareResult& r)
{
    render::ReportModel m;
    m.title = r.title;
    m.subtitle = r.description;
    m.attribution = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
                    "Contains OS data © Crown copyright and database right. Contains public sector information "
                    "licensed under the Open Government Licence v3.0.";
    // The measures: the union over the options, in the order of the figures.
    struct Column {
        std::string id;
        std::function<Cell(const analysis::RunResult&, std::size_t)> value;
    };
    std::vector<Column> columns;
    m.measures.push_back({"population", "People", ValueKind::count, ""});
    columns.push_back(
        {"population", [](const analysis::RunResult& run, std::size_t i) { return Cell(run.population[i]); }});
    for (const auto& o : r.options)
        for (const auto& v : o.run.variables) {
            const std::string name = v.mapped.name;
            const bool per_head = !v.per_head.empty();
            const std::string id = name + (per_head ? "_per_head" : "");
            if (std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.id == id; })) continue;
            const bool money = v.mapped.measure == analysis::Measure::money;
            m.measures.push_back({id, name + (per_head ? " per head" : "") + (money ? " (£)" : ""),
                                  money ? ValueKind::money : ValueKind::number, ""});
            columns.push_back({id, [name, per_head](const analysis::RunResult& run, std::size_t i) -> Cell {
                                   for (const auto& x : run.variables)
                                       if (x.mapped.name == name) {
                                           const auto& vals = per_head ? x.per_head : x.mapped.result.values;
                                           if (i < vals.size() && !std::isnan(vals[i])) return vals[i];
                                       }
                                   return {};
                               }});
        }
    for (const auto& o : r.options)
        for (const auto& c : o.run.comparisons) {
            const std::string id = c.layer->label + "_relation";
            if (std::any_of(columns.begin(), columns.end(), [&](const Column& x) { return x.id == id; })) continue;
            m.measures.push_back({id, c.layer->label + ": relation", ValueKind::category, ""});
            columns.push_back({id, [spec = c.layer->label](const analysis::RunResult& run, std::size_t i) -> Cell {
                                   for (const auto& x : run.comparisons)
                                       if (x.layer->label == spec)
                                           return std::string(relation_name(x.scores.a_units[i].relation));
                                   return {};
                               }});
        }

    // Panels: every option at the same scale, side by side, east of one another.
    std::vector<std::vector<render::MapFeature>> panels;
    std::vector<render::MapFeature> all;
    for (const auto& o : r.options) {
        const std::vector<Wkb> geometry = display_geometry(o.run);
        panels.emplace_back();
        for (std::size_t i = 0; i < o.run.footprints->features.size(); ++i) {
            const Feature& f = o.run.footprints->features[i];
            render::MapFeature mf{o.label + ":" + f.code, o.label + ": " + f.name, geometry[i], {}, false};
            for (const auto& c : columns)
                mf.values.push_back(c.value(o.run, i));
            panels.back().push_back(mf);
            all.push_back(std::move(mf));
        }
    }
    const Box box = render::map_extent(all);
    const double step = box.max_x - box.min_x + panel_gap_m;
    for (std::size_t k = 0; k < panels.size(); ++k) {
        const double dx = static_cast<double>(k) * step;
        m.captions.push_back({std::to_string(k + 1) + ". " + r.options[k].label, box.min_x + dx, box.max_y});
        for (auto& mf : panels[k]) {
            mf.geometry_bng = shifted(std::move(mf.geometry_bng), dx);
            m.features.push_back(std::move(mf));
        }
    }

    render::ReportTable figures;
    figures.title = "The options compared";
    figures.table.columns = {{"Section", Format::text}, {"Figure", Format::text}};
    figures.kinds = {ValueKind::text, ValueKind::text};
    for (const auto& o : r.options) {
        figures.table.columns.push_back({o.label, Format::text});
        figures.kinds.push_back(ValueKind::text);
    }
    for (const auto& row : r.rows) {
        std::vector<Cell> cells{row.section, row.label};
        for (const auto& c : row.cells)
            cells.push_back(figure_text(c, row.kind));
        figures.table.rows.push_back(std::move(cells));
    }
    m.tables.push_back(std::move(figures));
    m.headline.emplace_back("Options", std::to_string(r.options.size()));
    for (const auto& o : r.options)
        m.headline.emplace_back(o.label, std::to_string(o.run.population.size()) + " footprints");
    m.headline.emplace_back("Residents", r.weights_label);
    for (auto f : compare_findings(r)) {
        std::erase(f, '*');
        std::erase(f, '`');
        m.findings.push_back(f);
    }
    for (const auto& o : r.options)
        for (const auto& line : run_conservation_lines(o.run))
            m.conservation.push_back(o.label + ": " + line);
    for (const auto& d : r.differences) {
        std::string t = "Differs: " + d + ".";
        std::erase(t, '`');
        m.notes.push_back(t);
    }
    if (r.options.size() > 1)
        for (auto t : compare_partial_variables(r)) {
            std::erase(t, '`');
            std::erase(t, '*');
            m.notes.push_back("Not in every option: " + t + ".");
        }
    m.notes.push_back("Every figure is defined in docs/methods.md §17. The maps share one scale and one legend; "
                      "display geometry is simplified (every number is computed on full geometry).");
    return m;
}

} // namespace coterm::cli
