// SPDX-License-Identifier: MIT
#include "analysis/propose.hpp"

#include "analysis/propose_model.hpp"
#include "core/errors.hpp"
#include "core/partition_bound.hpp"
#include "core/partition_search.hpp"
#include "core/point_locator.hpp"
#include "core/readable_number.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace coterm::analysis {
namespace {

std::string term_name(const ProposeModel& m, std::size_t l)
{
    if (m.term_keys[l] == "from") return "people whose " + m.from->id + " unit is split (outside its main footprint)";
    return "people in split " + m.term_keys[l] + " units (outside their unit's main footprint)";
}

/// Footprint names: the --from units mostly inside it, else its most populous block.
std::string footprint_name(const ProposeModel& m, const std::vector<std::size_t>& blocks,
                           const std::vector<std::string>& from_units)
{
    if (!from_units.empty()) {
        std::string out;
        for (std::size_t i = 0; i < from_units.size() && i < 3; ++i)
            out += (i ? " + " : "") + from_units[i];
        if (from_units.size() > 3) out += " + " + std::to_string(from_units.size() - 3) + " more";
        return out;
    }
    std::size_t top = blocks.front();
    for (std::size_t b : blocks)
        if (m.block_population[b] > m.block_population[top]) top = b;
    const std::string& name =
        m.blocks.features[top].name.empty() ? m.blocks.features[top].code : m.blocks.features[top].name;
    return blocks.size() == 1 ? name : name + " and " + std::to_string(blocks.size() - 1) + " more";
}

ProposedOption make_option(const ProposeModel& m, const ProposeOptions& o, std::string label,
                           std::vector<std::size_t> fob, std::vector<FootprintSpec> specs,
                           const std::vector<double>& bounds, double joint_bound)
{
    ProposedOption p;
    p.label = std::move(label);
    p.footprint_of_block = std::move(fob);
    p.footprints = std::move(specs);
    p.footprint_population.assign(p.footprints.size(), 0.0);
    for (std::size_t b = 0; b < p.footprint_of_block.size(); ++b)
        p.footprint_population[p.footprint_of_block[b]] += m.block_population[b];
    const auto values = objective_terms(m.block_problem, p.footprint_of_block, p.footprints.size());
    for (std::size_t l = 0; l < m.objective.size(); ++l) {
        p.terms.push_back({term_name(m, l), m.term_keys[l], m.block_problem.weights[l], values[l], bounds[l]});
    }
    p.terms.push_back({"balance: people to move to make footprints equal (½ Σ abs(P − P̄))", "balance",
                       m.block_problem.balance_weight, values.back(), 0.0});
    for (const TermValue& t : p.terms)
        p.objective += t.weight * t.value, p.bound += t.weight * t.bound;
    p.bound = std::max(p.bound, joint_bound);
    p.constraints = check_constraints(m, o, p.footprint_of_block, p.footprints);
    return p;
}

/// The option for a partition of atoms: blocks get their atom's region; footprints
/// P01, P02, … in order of their lowest block.
ProposedOption option_of(const ProposeModel& m, const ProposeOptions& o, const Solution& s, std::size_t index,
                         const std::vector<double>& bounds, double joint_bound)
{
    const std::size_t n = m.blocks.features.size();
    std::vector<std::size_t> fob(n);
    for (std::size_t b = 0; b < n; ++b)
        fob[b] = s.region_of[m.atom_of_block[b]];
    canonical_regions(fob);
    std::vector<FootprintSpec> specs(s.regions);
    const int width = s.regions >= 100 ? 3 : 2;
    for (std::size_t f = 0; f < s.regions; ++f) {
        std::string digits = std::to_string(f + 1);
        specs[f].code =
            "P" + std::string(static_cast<std::size_t>(width) - std::min<std::size_t>(digits.size(), width), '0') +
            digits;
    }
    for (std::size_t b = 0; b < n; ++b)
        specs[fob[b]].blocks.push_back(b);
    std::vector<std::vector<std::string>> from_units(s.regions);
    if (m.from) {
        const UnitMatrix& mx = m.from->matrix;
        std::vector<std::map<std::size_t, double>> people(mx.unit_total.size());
        for (std::size_t b = 0; b < n; ++b)
            for (const auto& [u, x] : mx.rows[b])
                people[u][fob[b]] += x;
        for (std::size_t u = 0; u < people.size(); ++u) {
            if (people[u].empty()) continue;
            const auto best = std::max_element(people[u].begin(), people[u].end(),
                                               [](const auto& l, const auto& r) { return l.second < r.second; });
            if (best->second > 0.5 * mx.unit_total[u])
                from_units[best->first].push_back(m.from->layer->features[u].name);
        }
    }
    for (std::size_t f = 0; f < s.regions; ++f) {
        specs[f].name = footprint_name(m, specs[f].blocks, from_units[f]);
        // A footprint holding a fixed group is named after it first (groups are kept apart).
        for (std::size_t b : specs[f].blocks)
            if (m.fixed_of_block[b] != 0) {
                specs[f].name = m.fixed_names[m.fixed_of_block[b] - 1] + " (" + specs[f].name + ")";
                break;
            }
    }
    ProposedOption p =
        make_option(m, o, "option " + std::to_string(index + 1), std::move(fob), std::move(specs), bounds, joint_bound);
    p.restart = s.restart;
    return p;
}

/// The status quo: each block to the --from unit holding most of its people.
ProposedOption status_quo(const ProposeModel& m, const ProposeOptions& o, const std::vector<double>& bounds,
                          double joint_bound)
{
    const std::size_t n = m.blocks.features.size();
    std::map<std::size_t, std::size_t> index; // from unit -> footprint
    for (std::size_t b = 0; b < n; ++b)
        index.emplace(m.from->majority_of_block[b], 0);
    std::vector<FootprintSpec> specs;
    for (auto& [unit, f] : index) {
        f = specs.size();
        FootprintSpec s;
        if (unit == no_feature) {
            s.code = "none", s.name = "in no " + m.from->id + " unit";
        } else {
            s.code = m.from->layer->features[unit].code;
            s.name = m.from->layer->features[unit].name;
        }
        specs.push_back(s);
    }
    std::vector<std::size_t> fob(n);
    for (std::size_t b = 0; b < n; ++b) {
        fob[b] = index[m.from->majority_of_block[b]];
        specs[fob[b]].blocks.push_back(b);
    }
    return make_option(m, o, "status quo", std::move(fob), std::move(specs), bounds, joint_bound);
}

} // namespace

std::string ProposeResult::bound_text() const
{
    std::string s = "lower bound from nesting and ceiling " + format_thousands(term_bound, 0) + ", from the count " +
                    format_thousands(count_bound, 0) + ", from the exact model without contiguity (CBC) ";
    s += mip.run ? format_thousands(mip.bound, 0) + " (" + mip.status + ")" : "– (" + mip.status + ")";
    return s + "; the largest is used";
}

bool ProposedOption::all_met() const
{
    return std::all_of(constraints.begin(), constraints.end(), [](const ConstraintCheck& c) { return c.met; });
}

ProposeResult propose(const ProposeOptions& options, const ProposeInputs& in,
                      const std::function<void(std::size_t, std::size_t)>& progress)
{
    ProposeOptions o = options; // with the count derived from the population bounds when not given
    ProposeModel m = build_model(o, in);
    SearchOptions so;
    so.seed = o.seed;
    so.restarts = o.effort;
    so.options = o.options;
    so.threads = o.threads;
    so.swaps = o.swaps;
    // Ask the search for a few more than wanted: options breaking a constraint are dropped.
    so.options = o.options + 4;
    const auto start = std::chrono::steady_clock::now();
    const SearchResult found = search_partitions(m.atom_problem, so, progress);
    ProposeResult r;
    r.search_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.evaluations = found.evaluations;
    r.seed = o.seed;
    r.effort = o.effort;
    r.restart_objectives = found.restart_scores;
    r.atoms = m.atom_blocks.size();
    r.island_links = m.graph.links;
    r.crossings = m.graph.crossings;
    r.keep_whole_split = m.keep_whole_split;
    r.total_population = m.total_population;
    r.count_min = o.count_min, r.count_max = o.count_max;
    if (found.solutions.empty())
        throw DataError("infeasible: no restart could join the " + std::to_string(r.atoms) + " groups of " +
                        m.blocks.label + " into " + std::to_string(o.count_max) +
                        " footprints: the fewest reached was " + std::to_string(found.fewest_regions) +
                        " (merging further would exceed the ceiling, cross nesting units or join fixed groups)");
    const std::vector<double> bounds = misplaced_lower_bounds(m.atom_problem);
    for (std::size_t l = 0; l < bounds.size(); ++l)
        r.term_bound += m.atom_problem.weights[l] * bounds[l];
    const auto bound_start = std::chrono::steady_clock::now();
    r.count_bound = count_lower_bound(m.atom_problem);
    r.mip = mip_lower_bound(m.atom_problem, o.bound_nodes, o.bound_max_atoms);
    r.bound_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - bound_start).count();
    const double joint_bound = std::max(r.count_bound, r.mip.bound);
    std::vector<ProposedOption> rejected;
    for (const Solution& s : found.solutions) {
        ProposedOption p = option_of(m, o, s, r.options.size(), bounds, joint_bound);
        if (p.all_met() && r.options.size() < o.options)
            r.options.push_back(std::move(p));
        else if (!p.all_met())
            rejected.push_back(std::move(p));
    }
    if (r.options.empty()) {
        std::string why;
        bool contiguity = false;
        for (const ConstraintCheck& c : rejected.front().constraints)
            if (!c.met) {
                why += (why.empty() ? "" : "; ") + c.name + ": " + c.detail;
                contiguity = contiguity || c.name == "contiguous";
            }
        // A group kept together whose blocks do not touch is the usual cause: say which.
        const std::vector<std::string> apart = contiguity ? disconnected_groups(m) : std::vector<std::string>{};
        if (!apart.empty())
            why += ". Blocks kept together that do not touch each other: " + join(apart, "; ") +
                   "; each group moves as one piece, so its footprint must also take the blocks between them: "
                   "add those blocks to the group, or join the pieces with --adjacency";
        throw DataError("infeasible: no option found meets every constraint; the best breaks " + why);
    }
    if (m.from) r.status_quo = status_quo(m, o, bounds, joint_bound);
    r.blocks = std::move(m.blocks);
    r.block_population = m.block_population;
    return r;
}

} // namespace coterm::analysis
