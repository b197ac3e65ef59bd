// SPDX-License-Identifier: MIT
#include "analysis/compare.hpp"

#include "analysis/run_inputs.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/compare_inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace coterm::analysis {
namespace {

namespace fs = std::filesystem;

/// Where a variable of a query comes from: `shown` as the query writes it ("stats/x.csv,
/// period 2021-23"), `key` the same with a file beside the query made canonical, so two
/// queries naming one file by different relative paths agree, and one path written
/// alike in two folders (two files) does not. Other names are data-directory files, the
/// same for every option.
struct Vintage {
    std::string shown, key;
};

Vintage vintage_of(const io::Query& q, const std::string& variable)
{
    for (const auto& d : q.data) {
        const bool has = std::find(d.var.begin(), d.var.end(), variable) != d.var.end() ||
                         std::find(d.value_column.begin(), d.value_column.end(), variable) != d.value_column.end();
        if (!has) continue;
        const std::string period = d.period.empty() ? "" : ", period " + d.period;
        std::error_code ec;
        const fs::path beside = q.folder / d.data;
        if (fs::path(d.data).is_relative() && fs::exists(beside, ec))
            return {d.data + " (beside " + fs::path(q.path).filename().string() + ")" + period,
                    fs::weakly_canonical(beside, ec).string() + period};
        return {d.data + period, d.data + period};
    }
    return {};
}

/// "`v` …(A: x; B: y)…" when the options give a variable more than one `x`, else "".
std::string differing(const std::string& name, const std::vector<std::pair<std::string, std::string>>& uses,
                      const std::string& what, const std::string& meaning, const std::vector<std::string>& keys = {})
{
    std::set<std::string> distinct(keys.begin(), keys.end());
    if (keys.empty())
        for (const auto& [label, x] : uses)
            distinct.insert(x);
    if (distinct.size() < 2) return {};
    std::vector<std::string> parts;
    for (const auto& [label, x] : uses)
        parts.push_back(label + ": " + x);
    return "`" + name + "` " + what + " (" + join(parts, "; ") + "): " + meaning;
}

/// Where the options' data differ: a variable mapped from another file or period, or
/// declared otherwise (a rate in one option, a total or per head in another).
std::vector<std::string> data_differences(const std::vector<CompareOption>& options)
{
    // variable -> (label, vintage) and (label, treatment), in option order
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> vintages, treatments;
    std::map<std::string, std::vector<std::string>> files; // variable -> the vintages' keys
    std::vector<std::string> order;
    for (const auto& o : options)
        for (const auto& v : o.run.variables) {
            const std::string& name = v.mapped.name;
            if (!vintages.count(name)) order.push_back(name);
            const Vintage vintage = vintage_of(o.run.query, name);
            vintages[name].emplace_back(o.label, vintage.shown);
            files[name].push_back(vintage.key);
            treatments[name].emplace_back(o.label, variable_treatment(v));
        }
    std::vector<std::string> out;
    for (const auto& name : order) {
        for (auto d : {differing(name, vintages[name], "comes from different files or periods",
                                 "its figures compare different vintages", files[name]),
                       differing(name, treatments[name], "is declared differently",
                                 "its rows follow " + treatments[name].front().first +
                                     "; an option declaring it otherwise reads `" + std::string(declared_differently) +
                                     "` there")})
            if (!d.empty()) out.push_back(std::move(d));
    }
    return out;
}

} // namespace

ResolvedInputs resolve_compare_inputs(const CompareOptions& options)
{
    ResolvedInputs r;
    for (const auto& input : options.inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec) && fs::path(input).extension() == ".toml") {
            if (!fs::exists(input, ec)) throw UsageError("'" + input + "' does not exist");
            if (auto f = io::read_options_file(input)) {
                if (options.inputs.size() > 1)
                    throw UsageError(input + " is an options file: give it alone, or give queries and run folders");
                r.name = f->name;
                r.title = f->title;
                r.description = f->description;
                for (auto& e : f->options)
                    r.inputs.push_back({e.named, e.query, e.label, false});
                continue;
            }
            r.inputs.push_back({input, input, "", false});
            continue;
        }
        r.inputs.push_back({input, io::run_folder_query(input), "", true});
    }
    if (r.inputs.empty()) throw UsageError("nothing to compare: give run folders, queries or an options file");
    return r;
}

void check_same_weights(const std::vector<io::Query>& queries)
{
    // A file named relative to the query's folder, compared by where it is.
    auto where = [](const io::Query& q, const std::string& spec, const char* fallback) -> std::string {
        if (spec.empty()) return fallback;
        std::error_code ec;
        const fs::path p = q.folder / spec;
        return fs::exists(p, ec) ? fs::weakly_canonical(p, ec).string() : spec;
    };
    auto weights_of = [&](const io::Query& q) {
        return where(q, q.weights, "the catalogue's layer") + ", " + where(q, q.weights_data, "the catalogue's data") +
               ", " + (q.weights_var.empty() ? std::string("the catalogue's variable") : q.weights_var);
    };
    for (std::size_t k = 1; k < queries.size(); ++k)
        if (weights_of(queries[k]) != weights_of(queries[0]))
            throw UsageError(queries[k].path + " weighs by " + weights_of(queries[k]) + " but " + queries[0].path +
                             " by " + weights_of(queries[0]) +
                             ": options must share the small-area weights (weights, weights-data, weights-var) to be "
                             "compared");
}

CompareResult compare_options(const CompareOptions& options, const Context& ctx)
{
    const ResolvedInputs in = resolve_compare_inputs(options);
    std::vector<io::Query> queries;
    for (const auto& i : in.inputs)
        queries.push_back(io::read_query(i.query)); // every query checked before any is run
    check_same_weights(queries);
    std::vector<CompareOption> runs;
    for (std::size_t k = 0; k < in.inputs.size(); ++k) {
        CompareOption o;
        o.source = in.inputs[k].source;
        o.run = run_query(ctx, RunOptions{in.inputs[k].query, -1});
        o.label = in.inputs[k].label.empty() ? o.run.query.name : in.inputs[k].label;
        runs.push_back(std::move(o));
    }
    CompareResult r = compare_runs(std::move(runs));
    if (!in.name.empty()) r.name = in.name;
    if (!in.title.empty()) r.title = in.title;
    r.description = in.description;
    return r;
}

CompareResult compare_runs(std::vector<CompareOption> options)
{
    CompareResult r;
    std::vector<std::string> names;
    for (const auto& o : options)
        names.push_back(o.label);
    r.name = "compare";
    r.title = "Options compared: " + join(names, ", ");
    r.weights_label = options.empty() ? "" : options.front().run.weights_label;
    r.differences = data_differences(options);
    r.options = std::move(options);
    r.rows = compare_figures(r.options);
    return r;
}

} // namespace coterm::analysis
