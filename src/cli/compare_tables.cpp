// SPDX-License-Identifier: MIT
#include "cli/compare_tables.hpp"

#include "cli/run_markdown.hpp"
#include "core/strings.hpp"
#include "render/display_format.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace coterm::cli {
namespace {

using analysis::CompareResult;
using analysis::FigureCell;
using analysis::FigureKind;
using analysis::FigureRow;

const char* kind_name(FigureKind k)
{
    switch (k) {
    case FigureKind::count:
        return "count";
    case FigureKind::people:
        return "people";
    case FigureKind::share:
        return "share";
    case FigureKind::ratio:
        return "ratio";
    case FigureKind::bits:
        return "score";
    case FigureKind::money:
        return "money";
    case FigureKind::value:
        break;
    }
    return "value";
}

const FigureRow* find_row(const CompareResult& r, const std::string& id)
{
    for (const auto& row : r.rows)
        if (row.id == id) return &row;
    return nullptr;
}

/// The options with a value in `row`, lowest first (ties in option order).
std::vector<std::size_t> ranked(const FigureRow& row)
{
    std::vector<std::size_t> k;
    for (std::size_t i = 0; i < row.cells.size(); ++i)
        if (row.cells[i].note.empty() && !std::isnan(row.cells[i].value)) k.push_back(i);
    std::stable_sort(k.begin(), k.end(),
                     [&](std::size_t a, std::size_t b) { return row.cells[a].value < row.cells[b].value; });
    return k;
}

/// "A (12)": an option's label and its figure.
std::string named(const CompareResult& r, const FigureRow& row, std::size_t k)
{
    return "**" + r.options[k].label + "** (" + figure_text(row.cells[k], row.kind) + ")";
}

/// "lowest: A (1); highest: B (9)" over the options with a value; "" with fewer than two.
std::string low_high(const CompareResult& r, const FigureRow& row, const std::string& low, const std::string& high)
{
    const auto k = ranked(row);
    if (k.size() < 2) return {};
    if (row.cells[k.front()].value == row.cells[k.back()].value)
        return "the same for every option (" + figure_text(row.cells[k.front()], row.kind) + ")";
    return low + " " + named(r, row, k.front()) + ", " + high + " " + named(r, row, k.back());
}

std::string plain(std::string text)
{
    std::erase(text, '*');
    std::erase(text, '`');
    return text;
}

} // namespace

std::string figure_text(const FigureCell& cell, FigureKind kind)
{
    if (!cell.note.empty()) return cell.note;
    if (std::isnan(cell.value)) return "–";
    switch (kind) {
    case FigureKind::count:
    case FigureKind::people:
        return render::format_display(cell.value, render::ValueKind::count);
    case FigureKind::share:
        return render::format_display(cell.value, render::ValueKind::share);
    case FigureKind::money:
        return render::format_display(cell.value, render::ValueKind::money);
    case FigureKind::bits:
        return render::group_thousands(cell.value, 3);
    case FigureKind::ratio:
    case FigureKind::value:
        break;
    }
    return render::format_display(cell.value, render::ValueKind::number);
}

Table compare_figure_table(const CompareResult& r)
{
    Table t;
    t.columns = {{"section", Format::text}, {"figure", Format::text}, {"label", Format::text}, {"kind", Format::text}};
    for (const auto& o : r.options)
        t.columns.push_back({o.label, Format::number});
    for (const auto& row : r.rows) {
        std::vector<Cell> cells{row.section, row.id, row.label, std::string(kind_name(row.kind))};
        for (const auto& c : row.cells)
            cells.push_back(c.note.empty() ? (std::isnan(c.value) ? Cell() : Cell(c.value)) : Cell(c.note));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

Table compare_option_table(const CompareResult& r)
{
    Table t;
    t.columns = {{"option", Format::text}, {"query", Format::text},      {"title", Format::text},
                 {"source", Format::text}, {"footprints", Format::text}, {"weights", Format::text}};
    for (const auto& o : r.options)
        t.rows.push_back({o.label, o.run.query.name, o.run.query.title, o.source, plain(o.run.footprints_from),
                          o.run.weights_label});
    return t;
}

std::vector<std::string> compare_partial_variables(const CompareResult& r)
{
    std::vector<std::string> names, out;
    for (const auto& o : r.options)
        for (const auto& v : o.run.variables)
            if (std::find(names.begin(), names.end(), v.mapped.name) == names.end()) names.push_back(v.mapped.name);
    for (const auto& name : names) {
        std::vector<std::string> with, without;
        for (const auto& o : r.options)
            (std::any_of(o.run.variables.begin(), o.run.variables.end(),
                         [&](const analysis::RunVariable& v) { return v.mapped.name == name; })
                 ? with
                 : without)
                .push_back("**" + o.label + "**");
        if (without.empty()) continue;
        out.push_back("`" + name + "` is " +
                      (with.size() == 1
                           ? "mapped by " + with.front() + " only: no other option to compare it with"
                           : "not mapped by " + join(without, ", ") + ": its rows compare the other options only"));
    }
    return out;
}

std::vector<std::string> compare_findings(const CompareResult& r)
{
    std::vector<std::string> out;
    if (r.options.size() < 2) return out;
    auto say = [&](const std::string& id, const std::string& what, const std::string& low, const std::string& high) {
        const FigureRow* row = find_row(r, id);
        if (!row) return;
        const std::string text = low_high(r, *row, low, high);
        if (!text.empty()) out.push_back(what + ": " + text + ".");
    };
    say("footprints", "Footprints", "fewest", "most");
    say("population.max_over_min", "Spread of sizes (largest ÷ smallest footprint)", "most even", "least even");
    say("population.covered_share", "Share of the population covered", "lowest", "highest");
    for (const auto& row : r.rows) {
        const auto dot = row.id.rfind('.');
        const std::string suffix = dot == std::string::npos ? "" : row.id.substr(dot + 1);
        const std::string layer = row.id.substr(0, dot == std::string::npos ? 0 : dot);
        if (suffix == "units_split")
            say(row.id, "`" + layer + "` units split between footprints", "fewest", "most");
        else if (suffix == "people_in_split_units")
            say(row.id, "Residents of split `" + layer + "` units", "fewest", "most");
        else if (suffix == "nmi")
            say(row.id, "Agreement with `" + layer + "` (NMI, where coverage is the same)", "lowest", "highest");
        else if (suffix == "weighted_sd")
            say(row.id, "Spread of " + row.section.substr(6) + " between footprints (population-weighted SD)",
                "narrowest", "widest");
    }
    return out;
}

std::string compare_markdown(const CompareResult& r)
{
    std::string s = "# " + r.title + "\n\n";
    if (!r.description.empty()) s += r.description + "\n\n";
    s += "## The options\n\n";
    for (std::size_t k = 0; k < r.options.size(); ++k) {
        const auto& o = r.options[k];
        const auto& q = o.run.query;
        s += std::to_string(k + 1) + ". **" + o.label + "**" + (q.title.empty() ? "" : " — " + q.title) + ". " +
             std::to_string(o.run.population.size()) +
             (o.run.population.size() == 1 ? " footprint, " : " footprints, ") + o.run.footprints_from + " (query `" +
             q.name + "`, " + o.source + ").\n";
    }
    s += "\n## Inputs\n\n";
    s += "- Residents: " + r.weights_label +
         ", the same for every option (each small area counts in the footprint holding its point on surface).\n";
    if (r.differences.empty())
        s += "- Data: where two options map the same variable, they map it from the same file and period.\n";
    for (const auto& d : r.differences)
        s += "- **Differs:** " + d + ".\n";
    if (r.options.size() > 1)
        for (const auto& p : compare_partial_variables(r))
            s += "- **Not in every option:** " + p + ".\n";
    s += "- `—` marks a comparison layer or a variable that an option does not have (its query does not compare "
         "with the layer or map the variable; an option is not compared with its own footprints' layer); "
         "`n/a (coverage differs)` marks NMI and VI where the footprints and the layer do not hold the same "
         "residents.\n\n";
    const auto findings = compare_findings(r);
    if (!findings.empty()) {
        s += "## Findings\n\n";
        for (const auto& f : findings)
            s += "- " + f + "\n";
        s += "\n";
    }
    s += "## The figures\n";
    std::string section;
    for (const auto& row : r.rows) {
        if (row.section != section) {
            section = row.section;
            s += "\n### " + section + "\n\n| figure |";
            for (const auto& o : r.options)
                s += " " + o.label + " |";
            s += "\n|---|";
            for (std::size_t k = 0; k < r.options.size(); ++k)
                s += "---:|";
            s += "\n";
        }
        s += "| " + row.label + " |";
        for (const auto& c : row.cells)
            s += " " + figure_text(c, row.kind) + " |";
        s += "\n";
    }
    s += "\n## Conservation\n\n";
    for (const auto& o : r.options) {
        const auto lines = run_conservation_lines(o.run);
        s += "- **" + o.label + "**" + (lines.empty() ? ": no extensive data mapped." : ":") + "\n";
        for (const auto& line : lines)
            s += "  - " + line + "\n";
    }
    s += "\n## Method\n\nEvery figure is defined in docs/methods.md §17. Each option's query was run afresh "
         "(`coterm run` does the same); the relations to each comparison layer use that query's rule:\n\n";
    for (const auto& o : r.options)
        for (const auto& c : o.run.comparisons)
            s += "- " + o.label + ", `" + c.layer->label + "`: " + c.rule.why + ".\n";
    return s;
}

} // namespace coterm::cli
