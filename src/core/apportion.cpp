// SPDX-License-Identifier: MIT
#include "core/apportion.hpp"

#include "core/compensated_sum.hpp"

#include <cmath>
#include <limits>

namespace coterm {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Per target: Σ W(s∩t) over the sources with a value, divided by W(t).
std::vector<double> coverage_of(const Transfer& transfer, const std::vector<double>& values)
{
    std::vector<double> with_data(transfer.target_weight.size(), 0.0);
    for (const auto& p : transfer.pieces)
        if (!std::isnan(values[p.source])) with_data[p.target] += p.weight;
    for (std::size_t t = 0; t < with_data.size(); ++t)
        with_data[t] = transfer.target_weight[t] > 0 ? with_data[t] / transfer.target_weight[t] : nan;
    return with_data;
}

} // namespace

Apportioned apportion_extensive(const Transfer& transfer, const std::vector<double>& values)
{
    Apportioned out;
    out.values.assign(transfer.target_weight.size(), nan);
    // Every sum is compensated (Neumaier): totals of 1e15 must not lose pennies.
    std::vector<CompensatedSum> to_target(transfer.target_weight.size()), delivered(values.size());
    std::vector<bool> reached(transfer.target_weight.size(), false);
    for (const auto& p : transfer.pieces) {
        const double v = values[p.source];
        const double w = transfer.source_weight[p.source];
        if (std::isnan(v) || w <= 0) continue;
        const double part = v * p.weight / w;
        to_target[p.target] += part;
        reached[p.target] = true;
        delivered[p.source] += part;
    }
    CompensatedSum sum_in, sum_out;
    for (std::size_t s = 0; s < values.size(); ++s) {
        if (std::isnan(values[s])) continue;
        sum_in += values[s];
        const double lost = values[s] - delivered[s].value();
        // Rounding leaves ~1e-16 relative residues; only real losses are listed.
        if (std::abs(lost) > 1e-9 * std::abs(values[s])) out.outside_sources.emplace_back(s, lost);
    }
    for (std::size_t t = 0; t < to_target.size(); ++t)
        if (reached[t]) {
            out.values[t] = to_target[t].value();
            sum_out += out.values[t];
        }
    out.sum_in = sum_in.value();
    out.sum_out = sum_out.value();
    out.outside = drop_rounding(out.sum_in - out.sum_out, out.sum_in);
    out.coverage = coverage_of(transfer, values);
    return out;
}

Apportioned apportion_intensive(const Transfer& transfer, const std::vector<double>& values)
{
    Apportioned out;
    std::vector<double> weighted(transfer.target_weight.size(), 0.0), weight(transfer.target_weight.size(), 0.0);
    for (const auto& p : transfer.pieces) {
        const double v = values[p.source];
        if (std::isnan(v) || p.weight <= 0) continue;
        weighted[p.target] += v * p.weight;
        weight[p.target] += p.weight;
    }
    out.values.resize(weighted.size());
    for (std::size_t t = 0; t < weighted.size(); ++t)
        out.values[t] = weight[t] > 0 ? weighted[t] / weight[t] : nan;
    out.coverage = coverage_of(transfer, values);
    return out;
}

Apportioned sum_points(const std::vector<std::size_t>& target_of, const std::vector<double>& values,
                       std::size_t targets)
{
    Apportioned out;
    std::vector<CompensatedSum> per_target(targets);
    CompensatedSum sum_in, outside, sum_out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) continue;
        sum_in += values[i];
        if (target_of[i] < targets) {
            per_target[target_of[i]] += values[i];
        } else {
            outside += values[i];
            out.outside_sources.emplace_back(i, values[i]);
        }
    }
    for (const auto& t : per_target) {
        out.values.push_back(t.value());
        sum_out += out.values.back();
    }
    out.sum_in = sum_in.value();
    out.sum_out = sum_out.value();
    out.outside = outside.value(); // points really outside: never rounding
    return out;
}

} // namespace coterm

#include "core/overlap.hpp"
#include "core/weighted_overlap.hpp"

#include <map>

namespace coterm {

Transfer area_transfer(const Layer& source, const Layer& target, const OverlapResult& overlap)
{
    Transfer t;
    for (const auto& row : overlap.rows)
        t.pieces.push_back({row.a, row.b, row.area_m2});
    for (const auto& f : source.features)
        t.source_weight.push_back(f.area_m2);
    for (const auto& f : target.features)
        t.target_weight.push_back(f.area_m2);
    return t;
}

Transfer centroid_transfer(const std::vector<std::size_t>& source_of, const std::vector<std::size_t>& target_of,
                           const std::vector<double>& weights, std::size_t sources, std::size_t targets)
{
    Transfer t;
    t.source_weight.assign(sources, 0.0);
    t.target_weight.assign(targets, 0.0);
    std::map<std::pair<std::size_t, std::size_t>, double> pieces;
    for (std::size_t w = 0; w < weights.size(); ++w) {
        const bool in_source = source_of[w] < sources, in_target = target_of[w] < targets;
        if (in_source) t.source_weight[source_of[w]] += weights[w];
        if (in_target) t.target_weight[target_of[w]] += weights[w];
        if (in_source && in_target) pieces[{source_of[w], target_of[w]}] += weights[w];
    }
    for (const auto& [key, weight] : pieces)
        t.pieces.push_back({key.first, key.second, weight});
    return t;
}

Transfer weighted_transfer(const OverlapResult& overlap, const WeightedOverlap& weighted)
{
    Transfer t;
    for (std::size_t k = 0; k < overlap.rows.size(); ++k)
        t.pieces.push_back({overlap.rows[k].a, overlap.rows[k].b, weighted.row_weight[k]});
    t.source_weight = weighted.a_weight;
    t.target_weight = weighted.b_weight;
    return t;
}

} // namespace coterm
