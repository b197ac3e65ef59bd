// SPDX-License-Identifier: MIT
// Infeasible requests, explained before any search; and every constraint checked on
// every footprint set returned (docs/methods.md §16.6).
#include "analysis/propose_model.hpp"

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/point_locator.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace coterm::analysis {
namespace {

std::string unit_text(const Layer& layer, std::size_t unit)
{
    const Feature& f = layer.features[unit];
    return f.code + (f.name.empty() ? "" : " " + f.name);
}

/// How a group of blocks kept together is named in messages.
std::string atom_text(const ProposeModel& m, std::size_t atom)
{
    const auto& blocks = m.atom_blocks[atom];
    const std::size_t first = blocks.front();
    if (blocks.size() == 1) return m.blocks.label + " " + unit_text(m.blocks, first);
    for (const UnitLayer& k : m.keep_whole)
        if (k.majority_of_block[first] != no_feature)
            return k.id + " " + unit_text(*k.layer, k.majority_of_block[first]) + " (" + std::to_string(blocks.size()) +
                   " " + m.blocks.label + " blocks kept whole)";
    return "fixed group " + m.fixed_codes[m.fixed_of_block[first] - 1] + " (" + std::to_string(blocks.size()) +
           " blocks)";
}

std::string range_text(double lo, double hi)
{
    std::string out;
    if (lo > 0) out += "at least " + format_people(lo);
    if (std::isfinite(hi)) out += (out.empty() ? "at most " : ", at most ") + format_people(hi);
    return out;
}

} // namespace

std::string format_people(double people)
{
    const auto whole = static_cast<long long>(std::llround(people));
    std::string digits = std::to_string(whole < 0 ? -whole : whole), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return whole < 0 ? "-" + out : out;
}

void check_feasible(const ProposeModel& m, const ProposeOptions& o)
{
    const PartitionProblem& ap = m.atom_problem;
    const PartitionProblem& bp = m.block_problem;
    const std::size_t atoms = ap.population.size();
    for (std::size_t a = 0; a < atoms; ++a)
        for (std::size_t b : m.atom_blocks[a]) {
            const std::size_t first = m.atom_blocks[a].front();
            if (bp.nest[b] != bp.nest[first])
                throw DataError("infeasible: " + atom_text(m, a) + " must stay together but lies in two units of " +
                                o.nest_in + " (" + m.blocks.features[first].code + ", " + m.blocks.features[b].code +
                                ")");
            if (bp.fixed[b] != 0 && bp.fixed[first] != 0 && bp.fixed[b] != bp.fixed[first])
                throw DataError("infeasible: " + atom_text(m, a) + " must stay together but joins blocks fixed to " +
                                m.fixed_codes[bp.fixed[first] - 1] + " and " + m.fixed_codes[bp.fixed[b] - 1]);
        }
    if (o.count_min > atoms)
        throw DataError("infeasible: " + std::to_string(o.count_min) + " footprints asked for, but the " +
                        std::to_string(m.blocks.features.size()) + " blocks of " + m.blocks.label + " form only " +
                        std::to_string(atoms) + " groups that can be separated" +
                        (atoms < m.blocks.features.size() ? " (after keeping units whole and fixing groups)" : ""));
    for (std::size_t a = 0; a < atoms; ++a)
        if (ap.population[a] > o.pop_max)
            throw DataError("infeasible: " + atom_text(m, a) + " holds " + format_people(ap.population[a]) +
                            " people, above the ceiling --pop-max " + format_people(o.pop_max));
    const double total = m.total_population;
    if (static_cast<double>(o.count_min) * o.pop_min > total)
        throw DataError("infeasible: " + std::to_string(o.count_min) + " footprints of at least " +
                        format_people(o.pop_min) + " people need " +
                        format_people(static_cast<double>(o.count_min) * o.pop_min) + ", but the blocks hold " +
                        format_people(total) + " (the floor can be at most " +
                        format_people(std::floor(total / static_cast<double>(o.count_min))) + ")");
    if (static_cast<double>(o.count_max) * o.pop_max < total)
        throw DataError("infeasible: " + std::to_string(o.count_max) + " footprints of at most " +
                        format_people(o.pop_max) + " people hold at most " +
                        format_people(static_cast<double>(o.count_max) * o.pop_max) + ", but the blocks hold " +
                        format_people(total));
    std::set<std::size_t> fixed(bp.fixed.begin(), bp.fixed.end());
    fixed.erase(0);
    if (fixed.size() > o.count_max)
        throw DataError("infeasible: the fixed groups name " + std::to_string(fixed.size()) +
                        " footprints, above the " + std::to_string(o.count_max) + " asked for");
    if (m.nest) {
        std::map<std::size_t, double> pop;
        for (std::size_t b = 0; b < bp.population.size(); ++b)
            pop[bp.nest[b]] += bp.population[b];
        if (pop.size() > o.count_max)
            throw DataError("infeasible: nesting in " + o.nest_in + " needs at least " + std::to_string(pop.size()) +
                            " footprints (one per unit holding blocks), above the " + std::to_string(o.count_max) +
                            " asked for");
        for (const auto& [unit, people] : pop)
            if (unit != 0 && people < o.pop_min)
                throw DataError("infeasible: " + o.nest_in + " " + unit_text(*m.nest->layer, unit - 1) + " holds " +
                                format_people(people) + " people, below the floor --pop-min " +
                                format_people(o.pop_min) + ", and footprints must nest in it");
    }
}

std::vector<std::string> disconnected_groups(const ProposeModel& m)
{
    std::vector<std::string> out;
    for (std::size_t a = 0; a < m.atom_blocks.size(); ++a) {
        if (is_connected(m.graph.neighbours, m.atom_blocks[a])) continue;
        std::vector<std::string> names;
        for (std::size_t b : m.atom_blocks[a])
            names.push_back(unit_text(m.blocks, b));
        out.push_back(atom_text(m, a) + ": " + join_limited(names, 6));
    }
    return out;
}

std::vector<ConstraintCheck> check_constraints(const ProposeModel& m, const ProposeOptions& o,
                                               const std::vector<std::size_t>& fob,
                                               const std::vector<FootprintSpec>& footprints)
{
    std::vector<ConstraintCheck> out;
    const std::size_t k = footprints.size();
    {
        ConstraintCheck c;
        c.name = o.count_min == o.count_max
                     ? std::to_string(o.count_min) + " footprints"
                     : std::to_string(o.count_min) + "–" + std::to_string(o.count_max) + " footprints";
        if (m.count_from_bounds) c.name += " (from the population bounds)";
        c.met = k >= o.count_min && k <= o.count_max;
        c.detail = std::to_string(k) + " footprints";
        out.push_back(c);
    }
    std::vector<double> pop(k, 0.0);
    for (std::size_t b = 0; b < fob.size(); ++b)
        pop[fob[b]] += m.block_population[b];
    if (o.pop_min > 0 || std::isfinite(o.pop_max)) {
        ConstraintCheck c;
        c.name = "population " + range_text(o.pop_min, o.pop_max);
        std::vector<std::string> bad;
        for (std::size_t f = 0; f < k; ++f)
            if (pop[f] < o.pop_min || pop[f] > o.pop_max)
                bad.push_back(footprints[f].code + " " + format_people(pop[f]));
        c.met = bad.empty();
        const auto [lo, hi] = std::minmax_element(pop.begin(), pop.end());
        c.detail = c.met ? "from " + format_people(*lo) + " to " + format_people(*hi) : join_limited(bad, 10);
        out.push_back(c);
    }
    {
        ConstraintCheck c;
        c.name = "contiguous";
        std::vector<std::string> bad;
        for (std::size_t f = 0; f < k; ++f)
            if (!is_connected(m.graph.neighbours, footprints[f].blocks)) bad.push_back(footprints[f].code);
        c.met = bad.empty();
        c.detail = c.met ? "every footprint" : "not connected: " + join_limited(bad, 10);
        out.push_back(c);
    }
    for (const UnitLayer& kw : m.keep_whole) {
        std::map<std::size_t, std::set<std::size_t>> where;
        for (std::size_t b = 0; b < fob.size(); ++b)
            if (kw.majority_of_block[b] != no_feature) where[kw.majority_of_block[b]].insert(fob[b]);
        std::vector<std::string> bad;
        for (const auto& [unit, fs] : where)
            if (fs.size() > 1) bad.push_back(kw.layer->features[unit].code);
        out.push_back(
            {"keep " + kw.id + " whole", bad.empty(),
             bad.empty() ? std::to_string(where.size()) + " units whole" : "split: " + join_limited(bad, 10)});
    }
    if (m.nest) {
        std::vector<std::string> bad;
        for (std::size_t f = 0; f < k; ++f) {
            std::set<std::size_t> units;
            for (std::size_t b : footprints[f].blocks)
                units.insert(m.block_problem.nest[b]);
            if (units.size() > 1) bad.push_back(footprints[f].code);
        }
        out.push_back({"nest in " + m.nest->id, bad.empty(),
                       bad.empty() ? "every footprint" : "across units: " + join_limited(bad, 10)});
    }
    if (!m.fixed_codes.empty()) {
        std::map<std::size_t, std::set<std::size_t>> where, labels;
        for (std::size_t b = 0; b < fob.size(); ++b)
            if (m.fixed_of_block[b] != 0)
                where[m.fixed_of_block[b]].insert(fob[b]), labels[fob[b]].insert(m.fixed_of_block[b]);
        std::vector<std::string> bad;
        for (const auto& [label, fs] : where)
            if (fs.size() > 1 || labels[*fs.begin()].size() > 1) bad.push_back(m.fixed_codes[label - 1]);
        out.push_back(
            {"fixed groups", bad.empty(),
             bad.empty() ? std::to_string(where.size()) + " groups kept" : "broken: " + join_limited(bad, 10)});
    }
    return out;
}

} // namespace coterm::analysis
