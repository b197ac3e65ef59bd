// SPDX-License-Identifier: MIT
#include "cli/apportion_report.hpp"
#include "cli/progress.hpp"

#include "core/number_format.hpp"
#include "core/strings.hpp"
#include "io/table_writer.hpp"

#include <cmath>
#include <iostream>

namespace coterm::cli {
namespace {

Cell number(double v)
{
    return std::isnan(v) ? Cell() : Cell(v);
}

Table targets_table(const ApportionReport& r)
{
    Table t;
    t.columns = {{"code", Format::text}, {"name", Format::text}, {"population", Format::number}};
    for (const auto& v : r.variables) {
        t.columns.push_back({v.name, Format::number});
        if (v.kind == Kind::extensive) t.columns.push_back({v.name + "_per_head", Format::number});
        if (!r.points) t.columns.push_back({v.name + "_coverage", Format::share});
        if (!v.by_code.empty()) t.columns.push_back({v.name + "_by_" + r.code_column, Format::number});
    }
    for (const auto& ratio : r.ratios)
        t.columns.push_back({ratio.name, Format::number});
    for (std::size_t i = 0; i < r.target->features.size(); ++i) {
        const Feature& f = r.target->features[i];
        const double pop = r.population[i];
        std::vector<Cell> row{f.code, f.name, pop};
        for (const auto& v : r.variables) {
            const double value = v.result.values[i];
            row.push_back(number(value));
            if (v.kind == Kind::extensive) row.push_back(pop > 0 ? number(value / pop) : Cell());
            if (!r.points) row.push_back(number(v.result.coverage[i]));
            if (!v.by_code.empty()) row.push_back(v.by_code[i]);
        }
        for (const auto& ratio : r.ratios) {
            const double den = r.variables[ratio.denominator].result.values[i];
            row.push_back(den != 0 ? number(r.variables[ratio.numerator].result.values[i] / den) : Cell());
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table conservation_table(const ApportionReport& r)
{
    Table t;
    t.columns = {{"variable", Format::text},  {"kind", Format::text},      {"sum_in", Format::number},
                 {"sum_out", Format::number}, {"outside", Format::number}, {"outside_from", Format::list}};
    for (const auto& v : r.variables) {
        const bool ext = v.kind == Kind::extensive;
        const auto it = r.outside_codes.find(v.name);
        t.rows.push_back({v.name,
                          std::string(r.points ? "points"
                                      : ext    ? "extensive"
                                               : "intensive"),
                          ext ? Cell(v.result.sum_in) : Cell(), ext ? Cell(v.result.sum_out) : Cell(),
                          ext ? Cell(v.result.outside) : Cell(),
                          it == r.outside_codes.end() ? std::string() : join(it->second, ";")});
    }
    return t;
}

Table list_table(const char* column, const std::vector<std::string>& items)
{
    Table t;
    t.columns = {{column, Format::text}};
    for (const auto& s : items)
        t.rows.push_back({s});
    return t;
}

Table summary_table(const ApportionReport& r)
{
    SummaryBuilder t;
    t.add("source", Format::text, r.source_label);
    t.add("target", Format::text, r.target->label);
    t.add("weight", Format::text, r.weight_label);
    t.add_count("targets", r.target->features.size());
    t.add_count("unknown_codes", r.unknown_codes.size());
    t.add_count("sources_without_data", r.sources_without_data.size());
    t.add_count("value_problems", r.problems.size());
    if (r.points) {
        t.add_count("located_points", r.located_points);
        t.add_count("unlocated_rows", r.unlocated);
    }
    return t.take();
}

std::string problem_text(const io::ValueProblem& p)
{
    return "line " + std::to_string(p.line) + " " + p.code + " " + p.variable + ": '" + p.text + "'";
}

} // namespace

Table apportion_targets(const ApportionReport& r)
{
    return targets_table(r);
}

std::vector<Wkb> target_geometries(const ApportionReport& r)
{
    std::vector<Wkb> geometries;
    for (const auto& f : r.target->features)
        geometries.push_back(f.geometry.to_wkb());
    return geometries;
}

std::string render_apportion(const ApportionReport& r)
{
    Table targets = targets_table(r);
    if (r.format == "csv") return io::to_csv(targets);
    if (r.format == "geojson") return io::to_geojson(targets, target_geometries(r));
    Report report;
    report.summary = summary_table(r);
    report.tables.emplace_back("targets", std::move(targets));
    report.tables.emplace_back("conservation", conservation_table(r));
    Table problems;
    problems.columns = {
        {"line", Format::integer}, {"code", Format::text}, {"variable", Format::text}, {"text", Format::text}};
    for (const auto& p : r.problems)
        problems.rows.push_back({static_cast<std::int64_t>(p.line), p.code, p.variable, p.text});
    report.tables.emplace_back("value_problems", std::move(problems));
    report.tables.emplace_back("unknown_codes", list_table("code", r.unknown_codes));
    report.tables.emplace_back("sources_without_data", list_table("code", r.sources_without_data));
    return io::to_json(report);
}

void print_apportion_summary(const ApportionReport& r, bool verbose)
{
    const std::size_t limit = verbose ? static_cast<std::size_t>(-1) : 5;
    auto num = [](double v) { return format_pennies(v); }; // pennies, never an exponent
    for (const auto& v : r.variables) {
        const auto& a = v.result;
        const auto it = r.outside_codes.find(v.name);
        const std::vector<std::string> lost = it == r.outside_codes.end() ? std::vector<std::string>() : it->second;
        if (v.kind == Kind::intensive) {
            std::size_t with_value = 0;
            for (double x : a.values)
                with_value += !std::isnan(x);
            std::cerr << "coterm: " << v.name << " (intensive, " << r.weight_label << "): values for " << with_value
                      << " of " << a.values.size() << " " << r.target->label << "\n";
            continue;
        }
        std::cerr << "coterm: " << v.name << " (" << (r.points ? "points" : "extensive, " + r.weight_label) << "): in "
                  << num(a.sum_in) << ", out " << num(a.sum_out) << ", outside every " << r.target->label << " "
                  << num(a.outside);
        if (!lost.empty())
            std::cerr << " (from " << lost.size() << (r.points ? " points: " : " areas: ") << join_limited(lost, limit)
                      << ")";
        std::cerr << "\n";
        if (r.points && r.unlocated)
            std::cerr << "coterm: " << v.name << ": " << r.unlocated << " rows without coordinates hold "
                      << num(r.unlocated_sum[static_cast<std::size_t>(&v - &r.variables[0])]) << " (not in the sums)\n";
        if (!v.by_code.empty())
            std::cerr << "coterm: " << v.name << ": " << num(v.moved) << " at " << v.moved_points
                      << " points lies outside the " << r.target->label << " their " << r.code_column
                      << " names (where a point is, not whom it serves)\n";
    }
    if (!r.unknown_codes.empty())
        warning() << r.unknown_codes.size() << " codes in the data are not in " << r.source_label << " ("
                  << join_limited(r.unknown_codes, limit) << ")\n";
    if (!r.sources_without_data.empty())
        warning() << r.sources_without_data.size() << " " << r.source_label << " areas have no value ("
                  << join_limited(r.sources_without_data, limit) << ")\n";
    if (!r.problems.empty()) {
        std::vector<std::string> texts;
        for (const auto& p : r.problems)
            texts.push_back(problem_text(p));
        warning() << r.problems.size() << " values are not numbers and were left out ("
                  << join_limited(texts, verbose ? texts.size() : 3) << ")\n";
    }
}

} // namespace coterm::cli
