// SPDX-License-Identifier: MIT
#include "analysis/map_data.hpp"

#include "core/errors.hpp"
#include "core/reproject.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace coterm::analysis {
namespace {

bool listed(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

Measure measure_of(const std::string& variable, Kind kind, const Declarations& d)
{
    if (kind == Kind::intensive) return Measure::rate;
    if (listed(d.money, variable)) return Measure::money;
    if (listed(d.count, variable)) return Measure::count;
    if (listed(d.population, variable)) return Measure::population;
    return Measure::amount;
}

Kind kind_of(const std::string& variable, const std::string& kind_column, const Declarations& d)
{
    const bool ext = listed(d.extensive, variable), inten = listed(d.intensive, variable);
    if (ext && inten) throw UsageError("'" + variable + "' is declared both extensive and intensive");
    if (ext) return Kind::extensive;
    if (inten) return Kind::intensive;
    if (kind_column == "extensive") return Kind::extensive;
    if (kind_column == "intensive") return Kind::intensive;
    throw UsageError("say whether '" + variable + "' is a count or money (--extensive " + variable +
                     ") or a rate, average or score (--intensive " + variable + "); in a query file: extensive = [\"" +
                     variable + "\"] or intensive = [\"" + variable + "\"]");
}

std::vector<MappedVariable> map_area_values(const io::AreaValues& values, const std::string& dataset,
                                            const Layer& source, const Transfer& transfer, const Declarations& d)
{
    std::map<std::string, std::size_t> index;
    for (std::size_t s = 0; s < source.features.size(); ++s)
        index[source.features[s].code] = s;
    std::vector<MappedVariable> out;
    for (std::size_t v = 0; v < values.variables.size(); ++v) {
        MappedVariable m;
        m.name = values.variables[v];
        m.dataset = dataset;
        m.source = source.label;
        m.kind = kind_of(m.name, values.kinds[v], d);
        m.measure = measure_of(m.name, m.kind, d);
        std::vector<double> sv(source.features.size(), std::numeric_limits<double>::quiet_NaN());
        std::size_t matched = 0;
        for (const auto& [code, value] : values.by_code[v]) {
            if (auto it = index.find(code); it != index.end()) {
                sv[it->second] = value;
                ++matched;
            } else {
                m.unknown_codes.push_back(code);
                if (!std::isnan(value)) m.unknown_sum += value;
            }
        }
        if (matched == 0 && !values.by_code[v].empty())
            throw DataError(dataset + ": none of the " + std::to_string(values.by_code[v].size()) + " codes of '" +
                            m.name + "' is a code of " + source.label + " (the file has e.g. '" +
                            values.by_code[v].begin()->first + "', the layer '" +
                            (source.features.empty() ? std::string() : source.features.front().code) +
                            "'): is the source layer (from) the geography the data are published for?");
        if (values.by_code[v].empty()) throw DataError(dataset + ": no values of '" + m.name + "'");
        for (std::size_t s = 0; s < sv.size(); ++s)
            if (std::isnan(sv[s])) m.without_data.push_back(source.features[s].code);
        m.result = m.kind == Kind::extensive ? apportion_extensive(transfer, sv) : apportion_intensive(transfer, sv);
        for (const auto& [s, amount] : m.result.outside_sources)
            m.outside_sources.push_back(source.features[s].code);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<MappedVariable> map_point_values(const io::PointValues& values, const std::string& dataset,
                                             const std::vector<std::size_t>& target_of, std::size_t targets,
                                             const Declarations& d)
{
    const bool any_inside =
        std::any_of(target_of.begin(), target_of.end(), [](std::size_t t) { return t != no_feature; });
    if (!target_of.empty() && !any_inside)
        throw DataError(dataset + ": none of the " + std::to_string(target_of.size()) +
                        " points lies in any target area: are the latitude and longitude columns swapped, or the "
                        "points outside England?");
    std::vector<MappedVariable> out;
    for (std::size_t v = 0; v < values.variables.size(); ++v) {
        MappedVariable m;
        m.name = values.variables[v];
        m.dataset = dataset;
        m.source = "points";
        m.kind = Kind::extensive;
        m.measure = measure_of(m.name, m.kind, d);
        m.result = sum_points(target_of, values.values[v], targets);
        m.unlocated = values.unlocated;
        m.unlocated_sum = v < values.unlocated_sum.size() ? values.unlocated_sum[v] : 0.0;
        for (const auto& [p, amount] : m.result.outside_sources)
            m.outside_sources.push_back(values.ids[p]);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<XY> project_points(const io::PointValues& values)
{
    std::vector<double> x = values.lon, y = values.lat;
    thread_reprojector(wgs84_crs, working_crs).transform(x, y);
    std::vector<XY> xy(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        xy[i] = {x[i], y[i]};
    return xy;
}

} // namespace coterm::analysis
