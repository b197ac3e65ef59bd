// SPDX-License-Identifier: MIT
// Renderings of a DiffResult (docs/methods.md §18): tables, GeoJSON features and diff.md.
#include "cli/diff_render.hpp"

#include "core/footprint.hpp"
#include "core/point_locator.hpp"
#include "core/readable_number.hpp"
#include "core/strings.hpp"

#include <algorithm>

namespace coterm::cli {
namespace {

using analysis::DiffPair;
using analysis::DiffResult;
using analysis::EventKind;
using analysis::PairKind;

Cell code_of(const std::vector<analysis::DiffUnit>& units, std::size_t u)
{
    return u == no_feature ? Cell{} : Cell{units[u].code};
}

Cell name_of(const std::vector<analysis::DiffUnit>& units, std::size_t u)
{
    return u == no_feature ? Cell{} : Cell{units[u].name};
}

std::int64_t count(std::size_t n)
{
    return static_cast<std::int64_t>(n);
}

/// The pairs that are a change, in the order of the tables.
std::vector<const DiffPair*> changed_pairs(const DiffResult& r)
{
    std::vector<const DiffPair*> out;
    for (const DiffPair& p : r.pairs)
        if (p.kind != PairKind::kept) out.push_back(&p);
    std::stable_sort(out.begin(), out.end(), [](const DiffPair* x, const DiffPair* y) { return x->event < y->event; });
    return out;
}

std::vector<Column> pair_columns()
{
    return {{"event", Format::integer},  {"event_kind", Format::text}, {"kind", Format::text},
            {"from_code", Format::text}, {"from_name", Format::text},  {"to_code", Format::text},
            {"to_name", Format::text},   {"blocks", Format::integer},  {"people", Format::number},
            {"area_m2", Format::area}};
}

std::vector<Cell> pair_row(const DiffResult& r, const DiffPair& p)
{
    return {count(p.event + 1),
            std::string(analysis::event_kind_name(r.events[p.event].kind)),
            std::string(analysis::pair_kind_name(p.kind)),
            code_of(r.a_units, p.a),
            name_of(r.a_units, p.a),
            code_of(r.b_units, p.b),
            name_of(r.b_units, p.b),
            count(p.blocks.size()),
            p.people,
            p.area_m2};
}

std::string unit_list(const std::vector<analysis::DiffUnit>& units, const std::vector<std::size_t>& which)
{
    std::string s;
    for (std::size_t i = 0; i < which.size(); ++i)
        s += (i ? ", " : "") + units[which[i]].name + " (" + units[which[i]].code + ")";
    return s;
}

/// Blocks named in a line of "## Moves" when a pair has at most this many: a move of a
/// few blocks is the one a reader checks block by block (often where two lookups differ).
constexpr std::size_t blocks_named = 5;

/// "## Moves": every pair of changes.csv with its blocks and people, the few blocks by name.
std::string moves_markdown(const DiffResult& r)
{
    const auto pairs = changed_pairs(r);
    if (pairs.empty()) return {};
    auto unit = [](const std::vector<analysis::DiffUnit>& units, std::size_t u) {
        return u == no_feature ? std::string("no unit") : units[u].name + " (" + units[u].code + ")";
    };
    std::string md = "\n## Moves\n\nWhich blocks went from which unit to which (changes.csv; blocks named when a "
                     "pair has at most " +
                     std::to_string(blocks_named) + "):\n\n";
    for (const DiffPair* p : pairs) {
        md += "- #" + std::to_string(p->event + 1) + " " + analysis::pair_kind_name(p->kind) + ": " +
              unit(r.a_units, p->a) + " → " + unit(r.b_units, p->b) + ": " + std::to_string(p->blocks.size()) +
              (p->blocks.size() == 1 ? " block, " : " blocks, ") + format_thousands(p->people, 0) + " people";
        if (p->blocks.size() <= blocks_named) {
            std::vector<std::string> named;
            for (std::size_t k : p->blocks) {
                const Feature& f = r.blocks->features[k];
                named.push_back(f.code + (f.name.empty() || f.name == f.code ? "" : " " + f.name) + " (" +
                                format_thousands(r.block_people[k], 0) + ")");
            }
            md += ": " + join(named, ", ");
        }
        md += "\n";
    }
    return md;
}

} // namespace

Table diff_changes_table(const DiffResult& r)
{
    Table t;
    t.columns = pair_columns();
    for (const DiffPair* p : changed_pairs(r))
        t.rows.push_back(pair_row(r, *p));
    return t;
}

Report diff_report(const DiffResult& r)
{
    Report rep;
    SummaryBuilder s;
    s.add("a", Format::text, r.a->label);
    s.add("b", Format::text, r.b->label);
    s.add("blocks", Format::text, r.blocks->label);
    s.add("weights", Format::text, r.weights_label);
    s.add("rule", Format::text, r.rule.why);
    s.add("boundaries_shared", Format::flag, r.rule.shared);
    s.add_count("a_units", r.a_units.size());
    s.add_count("b_units", r.b_units.size());
    s.add("people", Format::number, r.people_total);
    s.add("people_moved", Format::number, r.people_moved);
    s.add("people_added", Format::number, r.people_added);
    s.add("people_removed", Format::number, r.people_removed);
    s.add("people_redigitised", Format::number, r.people_redigitised);
    s.add_count("blocks_in_neither", r.blocks_in_neither);
    for (EventKind k : {EventKind::recoded, EventKind::merged, EventKind::split, EventKind::reshaped,
                        EventKind::created, EventKind::abolished, EventKind::unchanged})
        s.add_count(std::string("events_") + analysis::event_kind_name(k),
                    static_cast<std::size_t>(
                        std::count_if(r.events.begin(), r.events.end(), [&](const auto& e) { return e.kind == k; })));
    rep.summary = s.take();

    Table events;
    events.columns = {{"event", Format::integer}, {"kind", Format::text},     {"from_codes", Format::list},
                      {"to_codes", Format::list}, {"people", Format::number}, {"people_moved", Format::number}};
    for (std::size_t e = 0; e < r.events.size(); ++e) {
        const auto& ev = r.events[e];
        if (ev.kind == EventKind::unchanged) continue;
        std::string from, to;
        for (std::size_t u : ev.a_units)
            from += (from.empty() ? "" : ";") + r.a_units[u].code;
        for (std::size_t u : ev.b_units)
            to += (to.empty() ? "" : ";") + r.b_units[u].code;
        events.rows.push_back(
            {count(e + 1), std::string(analysis::event_kind_name(ev.kind)), from, to, ev.people, ev.people_moved});
    }
    Table pairs;
    pairs.columns = pair_columns();
    for (const DiffPair& p : r.pairs)
        pairs.rows.push_back(pair_row(r, p));
    Table blocks;
    blocks.columns = {{"block_code", Format::text}, {"kind", Format::text},     {"from_code", Format::text},
                      {"to_code", Format::text},    {"people", Format::number}, {"area_m2", Format::area}};
    for (const DiffPair* p : changed_pairs(r))
        for (std::size_t k : p->blocks)
            blocks.rows.push_back({r.blocks->features[k].code, std::string(analysis::pair_kind_name(p->kind)),
                                   code_of(r.a_units, p->a), code_of(r.b_units, p->b), r.block_people[k],
                                   r.blocks->features[k].area_m2});
    std::sort(blocks.rows.begin(), blocks.rows.end(),
              [](const auto& x, const auto& y) { return std::get<std::string>(x[0]) < std::get<std::string>(y[0]); });
    Table splits;
    splits.columns = {{"layer", Format::text},
                      {"change", Format::text},
                      {"code", Format::text},
                      {"name", Format::text},
                      {"people", Format::number}};
    for (const auto& sp : r.splits) {
        for (std::size_t u : sp.new_splits)
            splits.rows.push_back({sp.layer, std::string("new split"), sp.units.features[u].code,
                                   sp.units.features[u].name, sp.people[u]});
        for (std::size_t u : sp.gone_splits)
            splits.rows.push_back({sp.layer, std::string("split removed"), sp.units.features[u].code,
                                   sp.units.features[u].name, sp.people[u]});
    }
    rep.tables = {{"events", events},
                  {"changes", diff_changes_table(r)},
                  {"pairs", pairs},
                  {"blocks", blocks},
                  {"splits", splits}};
    return rep;
}

Table diff_areas_table(const DiffResult& r, unsigned threads, std::vector<Wkb>& geometries)
{
    Table t;
    t.columns = pair_columns();
    // A feature's own code ("from>to"), so GIS tools and `coterm validate` can key it.
    t.columns.insert(t.columns.begin(), Column{"change_code", Format::text});
    std::vector<FootprintSpec> specs;
    std::vector<const DiffPair*> shown;
    for (const DiffPair* p : changed_pairs(r)) {
        if (p->kind == PairKind::redigitised) continue; // not a change (§18)
        specs.push_back({"p" + std::to_string(1000000 + shown.size()), "", p->blocks});
        shown.push_back(p);
    }
    std::vector<std::string> fallback;
    // Codes p1000000… sort as the rows were made, so the dissolved features keep their order.
    const Layer dissolved = dissolve_footprints(*r.blocks, specs, threads, fallback);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const DiffPair& p = *shown[i];
        std::vector<Cell> row{(p.a == no_feature ? "none" : r.a_units[p.a].code) + ">" +
                              (p.b == no_feature ? "none" : r.b_units[p.b].code)};
        const std::vector<Cell> rest = pair_row(r, p);
        row.insert(row.end(), rest.begin(), rest.end());
        t.rows.push_back(std::move(row));
        geometries.push_back(dissolved.features[i].geometry.to_wkb());
    }
    return t;
}

std::string diff_markdown(const DiffResult& r, const std::string& request)
{
    std::string md = "# What changed: " + r.a->label + " → " + r.b->label + "\n\n";
    md += "`" + request + "`\n\n";
    md += "Each block of " + r.blocks->label +
          " goes to the unit of each layer holding its point on surface; people: " + r.weights_label + " (" +
          format_thousands(r.people_total, 0) + " in all).\n\n";
    md += "Rule: " + r.rule.why + ".";
    md += r.rule.shared ? " Every change of unit is a change.\n\n"
                        : " A block moving by a piece within this band of both units is re-digitisation, not "
                          "change.\n\n";
    md += "## Headline\n\n";
    md += "- " + format_thousands(r.people_moved, 0) + " people (" + format_percent(r.people_moved / r.people_total) +
          ") live in blocks that changed unit\n";
    if (r.people_added > 0 || r.people_removed > 0)
        md += "- " + format_thousands(r.people_added, 0) + " people newly covered by " + r.b->label + ", " +
              format_thousands(r.people_removed, 0) + " no longer covered\n";
    if (r.people_redigitised > 0)
        md +=
            "- " + format_thousands(r.people_redigitised, 0) + " people in blocks that moved by re-digitisation only\n";
    md += "- " + std::to_string(r.a_units.size()) + " units before, " + std::to_string(r.b_units.size()) + " after\n\n";
    md += "## Changes\n\n| # | what | before | after | people | people moved |\n|---|---|---|---|---:|---:|\n";
    std::size_t unchanged = 0;
    for (std::size_t e = 0; e < r.events.size(); ++e) {
        const auto& ev = r.events[e];
        if (ev.kind == EventKind::unchanged) {
            ++unchanged;
            continue;
        }
        md += "| " + std::to_string(e + 1) + " | " + analysis::event_kind_name(ev.kind) + " | " +
              unit_list(r.a_units, ev.a_units) + " | " + unit_list(r.b_units, ev.b_units) + " | " +
              format_thousands(ev.people, 0) + " | " + format_thousands(ev.people_moved, 0) + " |\n";
    }
    if (unchanged == r.events.size()) md += "| | none | | | | |\n";
    md += "\nUnchanged (the same code, the same blocks): " + std::to_string(unchanged) + " of " +
          std::to_string(r.a_units.size()) + " units.\n";
    md += moves_markdown(r);
    for (const auto& sp : r.splits) {
        md += "\n## Splits of " + sp.units.label + "\n\n" + std::to_string(sp.split_by_a) +
              (sp.split_by_a == 1 ? " unit split by " : " units split by ") + r.a->label + ", " +
              std::to_string(sp.split_by_b) + " by " + r.b->label + ".\n";
        for (std::size_t u : sp.new_splits)
            md += "- new split: " + sp.units.features[u].name + " (" + sp.units.features[u].code + "), " +
                  format_thousands(sp.people[u], 0) + " people\n";
        for (std::size_t u : sp.gone_splits)
            md += "- split removed: " + sp.units.features[u].name + " (" + sp.units.features[u].code + "), " +
                  format_thousands(sp.people[u], 0) + " people\n";
    }
    md += "\nDefinitions: docs/methods.md §18.\n";
    return md;
}

} // namespace coterm::cli
