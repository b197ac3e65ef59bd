// SPDX-License-Identifier: MIT
#include "cli/propose_render.hpp"

#include "core/number_format.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace coterm::cli {
namespace {

using analysis::ProposedOption;
using analysis::ProposeResult;

std::string people(double x)
{
    const auto whole = static_cast<long long>(std::llround(x));
    std::string digits = std::to_string(whole < 0 ? -whole : whole), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return whole < 0 ? "-" + out : out;
}

std::string percent(double part, double whole)
{
    return whole > 0 ? format_fixed(100.0 * part / whole, 2) + " %" : "–";
}

std::string weight_text(double w)
{
    return format_general(w, 6);
}

/// A block as a planner reads it: "Wirral (E08000015)".
std::string block_text(const ProposeResult& r, std::size_t b)
{
    const Feature& f = r.blocks.features[b];
    return f.name.empty() ? f.code : f.name + " (" + f.code + ")";
}

std::vector<const ProposedOption*> all_sets(const ProposeResult& r)
{
    std::vector<const ProposedOption*> out;
    for (const auto& o : r.options)
        out.push_back(&o);
    if (r.status_quo) out.push_back(&*r.status_quo);
    return out;
}

std::string bound_line(const ProposeResult& r, const ProposedOption& o)
{
    const double gap = o.objective - o.bound;
    return "objective " + people(o.objective) + "; lower bound " + people(o.bound) + "; gap " + people(gap) +
           (o.objective > 0 ? " (" + percent(gap, o.objective) + " of the objective)" : "") + "; " +
           percent(o.objective, r.total_population) + " of the " + people(r.total_population) + " people";
}

} // namespace

Table groups_table(const ProposeResult& r, const ProposedOption& o)
{
    Table t;
    t.columns = {{"block_code", Format::text},
                 {"block_name", Format::text},
                 {"footprint_code", Format::text},
                 {"footprint_name", Format::text},
                 {"population", Format::number}};
    for (std::size_t b = 0; b < r.blocks.features.size(); ++b) {
        const auto& fp = o.footprints[o.footprint_of_block[b]];
        t.rows.push_back(
            {r.blocks.features[b].code, r.blocks.features[b].name, fp.code, fp.name, r.block_population[b]});
    }
    return t;
}

Table compare_table(const ProposeResult& r)
{
    Table t;
    t.columns = {{"option", Format::text}, {"footprints", Format::integer}, {"objective", Format::number}};
    const auto sets = all_sets(r);
    for (const auto& term : sets.front()->terms)
        t.columns.push_back({term.key == "from"      ? "changing_footprint"
                             : term.key == "balance" ? "balance"
                                                     : "split_" + term.key,
                             Format::number});
    t.columns.insert(t.columns.end(), {{"lower_bound", Format::number},
                                       {"gap", Format::number},
                                       {"constraints_met", Format::flag},
                                       {"constraints_broken", Format::text},
                                       {"smallest", Format::number},
                                       {"largest", Format::number},
                                       {"restart", Format::text}});
    for (const ProposedOption* o : sets) {
        std::vector<Cell> row{o->label, static_cast<std::int64_t>(o->footprints.size()), o->objective};
        for (const auto& term : o->terms)
            row.push_back(term.value);
        std::vector<std::string> broken;
        for (const auto& c : o->constraints)
            if (!c.met) broken.push_back(c.name);
        const auto [lo, hi] = std::minmax_element(o->footprint_population.begin(), o->footprint_population.end());
        row.emplace_back(o->bound);
        row.emplace_back(o->objective - o->bound);
        row.emplace_back(o->all_met());
        row.emplace_back(join(broken, "; "));
        row.emplace_back(*lo);
        row.emplace_back(*hi);
        row.emplace_back(o->label == "status quo" ? std::string() : std::to_string(o->restart));
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string option_run_summary(std::string run_md, const std::string& folder)
{
    // The option's own summary already opens the page with its title and description:
    // keep one of each, and say the run part was written for the option's folder, not
    // read from a query file.
    if (const std::size_t body = run_md.find("## What was run"); body != std::string::npos) run_md.erase(0, body);
    const std::string query_line = "- query: `" + folder + "`";
    if (const std::size_t at = run_md.find(query_line); at != std::string::npos)
        run_md.replace(at, query_line.size(), "- run of the option's footprints, written to `" + folder + "/`");
    return run_md;
}

std::string option_summary(const ProposeResult& r, const ProposedOption& o, const analysis::ProposeOptions& opt,
                           const ProposeRequestText& text)
{
    std::ostringstream md;
    md << "# " << text.title << ": " << o.label << "\n\n";
    if (!text.description.empty()) md << text.description << "\n\n";
    md << "Request: `" << text.request << "`  \n";
    md << "People: " << text.weights << ", " << people(r.total_population) << " in the blocks.\n\n";
    md << "## Constraints\n\n| constraint | met | detail |\n|---|---|---|\n";
    for (const auto& c : o.constraints)
        md << "| " << c.name << " | " << (c.met ? "yes" : "**no**") << " | " << c.detail << " |\n";
    md << "\n## Objective\n\n" << bound_line(r, o) << ".\n\n";
    md << "| term | weight | value | lower bound |\n|---|---|---|---|\n";
    for (const auto& t : o.terms)
        md << "| " << t.name << " | " << weight_text(t.weight) << " | " << people(t.value) << " | " << people(t.bound)
           << " |\n";
    md << "\nThe per-term lower bounds hold for every partition meeting the nesting and the ceiling; the "
          "objective's bound is the largest of their weighted sum, the counting bound and the exact model "
          "without contiguity (docs/methods.md §16.5): "
       << r.bound_text() << ". A gap of 0 proves the option optimal.\n\n";
    if (o.label != "status quo")
        md << "Search: seed " << opt.seed << ", effort " << opt.effort << " restarts (this option from restart "
           << o.restart << "), " << people(static_cast<double>(r.evaluations)) << " candidate evaluations.\n\n";
    md << "## Footprints\n\n| code | name | blocks | population |\n|---|---|---|---|\n";
    for (std::size_t f = 0; f < o.footprints.size(); ++f)
        md << "| " << o.footprints[f].code << " | " << o.footprints[f].name << " | " << o.footprints[f].blocks.size()
           << " | " << people(o.footprint_population[f]) << " |\n";
    return md.str();
}

std::string compare_summary(const ProposeResult& r, const analysis::ProposeOptions& opt, const ProposeRequestText& text)
{
    std::ostringstream md;
    md << "# " << text.title << ": options compared\n\n";
    if (!text.description.empty()) md << text.description << "\n\n";
    md << "Request: `" << text.request << "`  \n";
    md << "People: " << text.weights << ", " << people(r.total_population) << " in the " << r.blocks.features.size()
       << " blocks (" << r.atoms << " groups that can be separated).  \n";
    md << "Search: seed " << opt.seed << ", effort " << opt.effort << " restarts, "
       << people(static_cast<double>(r.evaluations)) << " candidate evaluations.  \nBound: " << r.bound_text()
       << " (docs/methods.md §16.5).\n\n";
    const auto sets = all_sets(r);
    md << "| set | footprints | objective |";
    for (const auto& t : sets.front()->terms)
        md << " " << t.key << " (×" << weight_text(t.weight) << ") |";
    md << " lower bound | gap | all constraints met |\n|---|---|---|";
    for (std::size_t i = 0; i < sets.front()->terms.size(); ++i)
        md << "---|";
    md << "---|---|---|\n";
    for (const ProposedOption* o : sets) {
        md << "| " << o->label << " | " << o->footprints.size() << " | " << people(o->objective) << " |";
        for (const auto& t : o->terms)
            md << " " << people(t.value) << " |";
        std::vector<std::string> broken;
        for (const auto& c : o->constraints)
            if (!c.met) broken.push_back(c.name);
        md << " " << people(o->bound) << " | " << people(o->objective - o->bound) << " | "
           << (broken.empty() ? "yes" : "no: " + join(broken, "; ")) << " |\n";
    }
    if (!r.crossings.empty()) {
        std::vector<std::string> pairs;
        for (const auto& l : r.crossings)
            pairs.push_back(block_text(r, l.island) + " – " + block_text(r, l.mainland) + " (" +
                            format_fixed(l.distance_m / 1000, 2) + " km)");
        md << "\nBlocks adjacent across water (apart by at most the crossing distance, docs/methods.md §16.2): "
           << join(pairs, "; ") << ".\n";
    }
    if (!r.island_links.empty()) {
        std::vector<std::string> pairs;
        for (const auto& l : r.island_links)
            pairs.push_back(block_text(r, l.island) + " – " + block_text(r, l.mainland) + " (" +
                            format_fixed(l.distance_m / 1000, 1) + " km)");
        md << "\nIslands joined to their nearest block (docs/methods.md §16.2): " << join(pairs, "; ") << ".\n";
    }
    if (!r.keep_whole_split.empty())
        md << "\nBlocks in several units of a kept-whole layer, kept with the unit holding most of their people: "
           << join_limited(r.keep_whole_split, 20) << "\n";
    return md.str();
}

} // namespace coterm::cli
