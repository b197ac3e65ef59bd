// SPDX-License-Identifier: MIT
#include "io/area_data.hpp"

#include "core/compensated_sum.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/csv_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace coterm::io {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t npos = static_cast<std::size_t>(-1);

double read_value(const CsvFile& csv, std::size_t row, std::size_t column, const std::string& code,
                  const std::string& variable, std::vector<ValueProblem>& problems)
{
    double v = 0;
    if (parse_number(csv.field(row, column), v)) return v;
    problems.push_back({csv.lines[row], code, variable, std::string(csv.field(row, column))});
    return nan;
}

void store(AreaValues& out, std::size_t var, const std::string& code, double value, const CsvFile& csv, std::size_t row)
{
    if (!out.by_code[var].emplace(code, value).second)
        throw DataError(csv.path + ": line " + std::to_string(csv.lines[row]) + ": code '" + code +
                        "' has a second value for '" + out.variables[var] + "'");
}

/// Every declared variable must be among `present` (the file's variables or columns).
void check_declared(const DataRequest& request, const std::vector<std::string>& present, const std::string& where,
                    const char* what)
{
    for (const auto& [name, option] : request.declared)
        if (std::find(present.begin(), present.end(), name) == present.end())
            throw UsageError(where + ": no " + what + " '" + name + "' (named by " + option + ")" +
                             did_you_mean(name, present) + "; " + what + "s: " + join_limited(present, 10));
}

AreaValues read_tidy(const CsvFile& csv, const DataRequest& request)
{
    const std::size_t code_col = csv.column("area_code", "tidy layout");
    const std::size_t var_col = csv.column("variable", "tidy layout");
    const std::size_t value_col = csv.column("value", "tidy layout");
    const std::size_t period_col = csv.find_column("period");
    const std::size_t kind_col = csv.find_column("kind");
    if (!request.period.empty() && period_col == npos)
        throw UsageError(csv.path + ": --period given but the file has no 'period' column");

    std::vector<std::string> present;
    std::map<std::string, std::set<std::string>> periods;
    std::string_view last_var, last_period;
    for (std::size_t r = 0; r < csv.row_count(); ++r) {
        const std::string_view var = csv.field(r, var_col);
        const std::string_view period = period_col == npos ? std::string_view() : csv.field(r, period_col);
        // Rows come in runs of one variable and period: only a change needs recording.
        if (r > 0 && var == last_var && period == last_period) continue;
        last_var = var;
        last_period = period;
        if (std::find(present.begin(), present.end(), var) == present.end()) present.emplace_back(var);
        if (period_col != npos) periods[std::string(var)].emplace(period);
    }
    if (!request.skip_absent) check_declared(request, present, csv.path, "variable");
    AreaValues out;
    out.present = present;
    out.variables = request.variables.empty() ? present : request.variables;
    if (request.skip_absent)
        std::erase_if(out.variables, [&](const std::string& v) {
            return std::find(present.begin(), present.end(), v) == present.end();
        });
    if (out.variables.empty()) return out;
    for (const auto& v : out.variables) {
        if (std::find(present.begin(), present.end(), v) == present.end())
            throw UsageError(csv.path + ": no variable '" + v + "'" + did_you_mean(v, present) +
                             "; variables: " + join_limited(present, 10));
        if (period_col == npos || !request.period.empty()) continue;
        if (periods[v].size() > 1) {
            std::vector<std::string> list(periods[v].begin(), periods[v].end());
            throw UsageError(csv.path + ": variable '" + v + "' has " + std::to_string(list.size()) + " periods (" +
                             join_limited(list, 6) + "); choose one with --period");
        }
    }
    out.by_code.resize(out.variables.size());
    out.kinds.assign(out.variables.size(), "");
    bool period_found = request.period.empty();
    for (std::size_t r = 0; r < csv.row_count(); ++r) {
        if (!request.period.empty() && csv.field(r, period_col) != request.period) continue;
        period_found = true;
        const std::string_view variable = csv.field(r, var_col);
        const auto it = std::find(out.variables.begin(), out.variables.end(), variable);
        if (it == out.variables.end()) continue;
        const std::size_t var = static_cast<std::size_t>(it - out.variables.begin());
        if (kind_col != npos) out.kinds[var] = csv.field(r, kind_col);
        const std::string code(csv.field(r, code_col));
        store(out, var, code, read_value(csv, r, value_col, code, out.variables[var], out.problems), csv, r);
    }
    if (!period_found) {
        std::set<std::string> all;
        for (const auto& [v, ps] : periods)
            all.insert(ps.begin(), ps.end());
        const std::vector<std::string> list(all.begin(), all.end());
        throw UsageError(csv.path + ": no rows for period '" + request.period + "'" +
                         did_you_mean(request.period, list) + "; periods: " + join_limited(list, 8));
    }
    return out;
}

/// The --value-column indexes, their names appended to `variables`.
std::vector<std::size_t> value_columns(const CsvFile& csv, const DataRequest& request,
                                       std::vector<std::string>& variables)
{
    if (request.value_columns.empty()) throw UsageError(csv.path + ": give the value columns with --value-column");
    std::vector<std::size_t> cols;
    for (const auto& name : request.value_columns) {
        cols.push_back(csv.column(name, "--value-column"));
        variables.push_back(name);
    }
    return cols;
}

AreaValues read_wide(const CsvFile& csv, const DataRequest& request)
{
    const std::size_t code_col = csv.column(request.code_column, "--code-column");
    check_declared(request, csv.header, csv.path, "column");
    AreaValues out;
    const std::vector<std::size_t> cols = value_columns(csv, request, out.variables);
    out.by_code.resize(cols.size());
    out.kinds.assign(cols.size(), "");
    for (std::size_t r = 0; r < csv.row_count(); ++r)
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const std::string code(csv.field(r, code_col));
            store(out, k, code, read_value(csv, r, cols[k], code, out.variables[k], out.problems), csv, r);
        }
    return out;
}

} // namespace

AreaValues read_area_values(const DataRequest& request)
{
    const CsvFile csv = read_csv(request.path);
    return request.code_column.empty() ? read_tidy(csv, request) : read_wide(csv, request);
}

AreaValues read_area_values(const std::vector<std::string>& paths, const DataRequest& request)
{
    if (paths.size() == 1) {
        DataRequest one = request;
        one.path = paths.front();
        return read_area_values(one);
    }
    AreaValues all;
    for (const auto& path : paths) {
        DataRequest one = request;
        one.path = path;
        one.skip_absent = true;
        AreaValues part = read_area_values(one);
        for (std::size_t v = 0; v < part.variables.size(); ++v) {
            if (std::find(all.variables.begin(), all.variables.end(), part.variables[v]) != all.variables.end())
                throw UsageError(path + ": variable '" + part.variables[v] + "' is also in an earlier --data file");
            all.variables.push_back(part.variables[v]);
            all.by_code.push_back(std::move(part.by_code[v]));
            all.kinds.push_back(part.kinds[v]);
        }
        all.problems.insert(all.problems.end(), part.problems.begin(), part.problems.end());
        all.present.insert(all.present.end(), part.present.begin(), part.present.end());
    }
    for (const auto& v : request.variables)
        if (std::find(all.variables.begin(), all.variables.end(), v) == all.variables.end())
            throw UsageError("no --data file has a variable '" + v + "'" + did_you_mean(v, all.present));
    check_declared(request, all.present, join(paths, ", "), "variable");
    return all;
}

PointValues read_point_values(const DataRequest& request)
{
    const CsvFile csv = read_csv(request.path);
    const std::size_t lat_col = csv.column(request.lat_column, "--lat");
    const std::size_t lon_col = csv.column(request.lon_column, "--lon");
    const std::size_t code_col = request.code_column.empty() ? npos : csv.column(request.code_column, "--code-column");
    check_declared(request, csv.header, csv.path, "column");
    PointValues out;
    const std::vector<std::size_t> cols = value_columns(csv, request, out.variables);
    out.values.resize(cols.size());
    std::vector<CompensatedSum> unlocated_sum(cols.size());
    for (std::size_t r = 0; r < csv.row_count(); ++r) {
        const std::string id(csv.field(r, 0));
        double lat = 0, lon = 0;
        const bool located = parse_number(csv.field(r, lat_col), lat) && parse_number(csv.field(r, lon_col), lon) &&
                             std::abs(lat) <= 90 && std::abs(lon) <= 180;
        std::vector<double> values;
        for (std::size_t k = 0; k < cols.size(); ++k)
            values.push_back(read_value(csv, r, cols[k], id, out.variables[k], out.problems));
        if (!located) {
            ++out.unlocated;
            for (std::size_t k = 0; k < cols.size(); ++k)
                if (!std::isnan(values[k])) unlocated_sum[k] += values[k];
            continue;
        }
        out.lat.push_back(lat);
        out.lon.push_back(lon);
        out.ids.push_back(id);
        if (code_col != npos) out.codes.emplace_back(csv.field(r, code_col));
        for (std::size_t k = 0; k < cols.size(); ++k)
            out.values[k].push_back(values[k]);
    }
    for (const auto& sum : unlocated_sum)
        out.unlocated_sum.push_back(sum.value());
    return out;
}

std::string resolve_data_file(const std::string& path, const std::filesystem::path& data_dir)
{
    if (path == "-") return path; // standard input, read by read_csv
    if (std::filesystem::is_directory(path))
        throw DataError("cannot read '" + path + "': it is a directory, not a values file");
    if (std::filesystem::exists(path)) return path;
    const std::filesystem::path inside = data_dir / path;
    if (std::filesystem::exists(inside)) return inside.string();
    throw DataError("cannot open '" + path + "': not found here nor in the data directory " + data_dir.string());
}

WeightValues join_weights(const std::vector<std::string>& layer_codes, const std::string& path,
                          const std::string& variable)
{
    DataRequest request;
    request.path = path;
    request.variables = {variable};
    const AreaValues data = read_area_values(request);
    const auto& by_code = data.by_code.front();
    WeightValues out;
    out.values.assign(layer_codes.size(), 0.0);
    std::set<std::string> known(layer_codes.begin(), layer_codes.end());
    for (std::size_t i = 0; i < layer_codes.size(); ++i) {
        const auto it = by_code.find(layer_codes[i]);
        if (it == by_code.end() || std::isnan(it->second) || it->second < 0) {
            out.missing_codes.push_back(layer_codes[i]);
        } else {
            out.values[i] = it->second;
        }
    }
    for (const auto& [code, value] : by_code)
        if (!known.count(code)) out.unknown_codes.push_back(code);
    return out;
}

} // namespace coterm::io
