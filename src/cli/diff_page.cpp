// SPDX-License-Identifier: MIT
// report.html of `coterm diff`: a rendering of the DiffResult through src/render.
#include "cli/diff_page.hpp"

#include "cli/diff_render.hpp"
#include "core/point_locator.hpp"
#include "core/readable_number.hpp"
#include "render/report_html.hpp"
#include "render/static_map.hpp"

#include <set>

namespace coterm::cli {
namespace {

using analysis::EventKind;
using render::ValueKind;

constexpr const char* attribution =
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © "
    "Crown copyright and database right.";

/// The outlines of the units of `layer` taking part in a change (not the unchanged ones).
render::Overlay changed_units(const Layer& layer, const std::vector<analysis::DiffUnit>& units,
                              const std::vector<analysis::DiffEvent>& events, const std::string& label)
{
    render::Overlay o;
    o.label = label;
    for (std::size_t u = 0; u < units.size(); ++u)
        if (units[u].event != no_feature && events[units[u].event].kind != EventKind::unchanged)
            o.geometries_bng.push_back(layer.features[u].geometry.to_wkb());
    return o;
}

std::size_t column_of(const Table& t, const std::string& name)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == name) return c;
    return t.columns.size();
}

} // namespace

std::vector<std::pair<std::string, std::string>> diff_report_files(const analysis::DiffResult& r, const Table& areas,
                                                                   const std::vector<Wkb>& geometries,
                                                                   const std::string& request)
{
    render::ReportModel m;
    m.title = "What changed: " + r.a->label + " → " + r.b->label;
    m.subtitle = request;
    std::size_t changes = 0;
    for (const auto& e : r.events)
        changes += e.kind != EventKind::unchanged;
    m.headline = {
        {"Changes", format_thousands(static_cast<double>(changes), 0)},
        {"People moved", format_thousands(r.people_moved, 0)},
        {"Share of people", format_percent(r.people_total > 0 ? r.people_moved / r.people_total : 0)},
        {"Units before / after", std::to_string(r.a_units.size()) + " / " + std::to_string(r.b_units.size())}};
    if (r.people_added > 0 || r.people_removed > 0)
        m.headline.emplace_back("People added / removed",
                                format_thousands(r.people_added, 0) + " / " + format_thousands(r.people_removed, 0));
    if (r.people_redigitised > 0)
        m.headline.emplace_back("People re-digitised only", format_thousands(r.people_redigitised, 0));

    // The map shows the rows of changed-areas.geojson, each measure one of its columns.
    const std::vector<std::pair<std::string, std::pair<std::string, ValueKind>>> shown = {
        {"event_kind", {"What happened", ValueKind::category}},
        {"kind", {"Blocks", ValueKind::category}},
        {"people", {"People moved (Census 2021)", ValueKind::count}},
        {"event", {"Change number", ValueKind::category}}};
    std::vector<std::size_t> columns;
    for (const auto& [id, what] : shown) {
        m.measures.push_back({id, what.first, what.second, "", true});
        columns.push_back(column_of(areas, id));
    }
    const std::size_t code = column_of(areas, "change_code"), from = column_of(areas, "from_name"),
                      to = column_of(areas, "to_name");
    for (std::size_t i = 0; i < areas.rows.size(); ++i) {
        const auto& row = areas.rows[i];
        render::MapFeature f;
        f.code = format_cell(row[code], Format::text);
        f.name = format_cell(row[from], Format::text) + " → " + format_cell(row[to], Format::text);
        f.geometry_bng = geometries[i];
        for (std::size_t c : columns)
            f.values.push_back(row[c]);
        m.features.push_back(std::move(f));
    }
    m.overlays.push_back(changed_units(*r.b, r.b_units, r.events, "Units after that changed (" + r.b->label + ")"));
    m.overlays.push_back(changed_units(*r.a, r.a_units, r.events, "Units before that changed (" + r.a->label + ")"));
    m.overlays.back().visible = false;

    const Report report = diff_report(r);
    for (const auto& [name, table] : report.tables)
        if (name == "events" || name == "changes" || name == "splits")
            m.tables.push_back({name == "events"    ? "Changes"
                                : name == "changes" ? "Pairs of units"
                                                    : "Splits",
                                table,
                                {},
                                {},
                                ""});
    m.findings.push_back(r.rule.why + ".");
    m.notes.push_back("Each block of " + r.blocks->label +
                      " goes to the unit of each layer holding its point on "
                      "surface; people: " +
                      r.weights_label + ". Definitions: docs/methods.md §18.");
    m.attribution = attribution;
    std::vector<std::pair<std::string, std::string>> files{{"report.html", render::render_report_html(m)}};
    // A diff without changed areas has no map to draw: the page says so, and no map.png.
    if (!m.features.empty()) files.emplace_back("map.png", render::render_static_map(m, render::StaticMapOptions{}));
    return files;
}

} // namespace coterm::cli
