// SPDX-License-Identifier: MIT
#include "analysis/propose_model.hpp"

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/point_locator.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/csv_reader.hpp"
#include "io/layer_source.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace coterm::analysis {
namespace {

/// Layers by id, each read once however many roles it plays.
class LayerCache {
public:
    LayerCache(const ProposeInputs& in, unsigned threads) : in_(in), threads_(threads) {}
    std::shared_ptr<const Layer> get(const std::string& id)
    {
        auto& slot = layers_[id];
        if (!slot) {
            BuildReport report;
            slot = std::make_shared<const Layer>(io::load_layer(io::locate_layer(id, in_.catalogue, in_.data_dir, {}),
                                                                threads_, report, nullptr, in_.progress));
        }
        return slot;
    }

private:
    const ProposeInputs& in_;
    unsigned threads_;
    std::map<std::string, std::shared_ptr<const Layer>> layers_;
};

struct Located {
    std::vector<XY> points;            ///< small areas' points on surface
    std::vector<std::size_t> block_of; ///< per small area
    std::vector<XY> block_points;      ///< per block, for blocks without people
};

UnitLayer unit_layer(const std::string& id, LayerCache& cache, const Located& loc, const ProposeModel& m,
                     const std::vector<double>& values, unsigned threads)
{
    UnitLayer u;
    u.id = id;
    u.layer = cache.get(id);
    const auto unit_of = locate_points(*u.layer, loc.points, threads);
    u.matrix = unit_matrix(loc.block_of, unit_of, values, m.blocks.features.size(), u.layer->features.size());
    u.majority_of_block = majority_units(u.matrix, no_feature);
    const auto fallback = locate_points(*u.layer, loc.block_points, threads);
    for (std::size_t b = 0; b < u.majority_of_block.size(); ++b)
        if (u.majority_of_block[b] == no_feature) u.majority_of_block[b] = fallback[b];
    return u;
}

std::size_t find_block(const ProposeModel& m, std::string_view code, const std::string& file)
{
    const auto& f = m.blocks.features;
    const auto it =
        std::lower_bound(f.begin(), f.end(), code, [](const Feature& x, std::string_view c) { return x.code < c; });
    if (it == f.end() || it->code != code)
        throw DataError(file + ": block '" + std::string(code) + "' is not in " + m.blocks.label);
    return static_cast<std::size_t>(it - f.begin());
}

/// Union-find over blocks: keep-whole units and fixed groups become atoms.
struct Groups {
    std::vector<std::size_t> parent;
    std::size_t root(std::size_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[root(a)] = root(b); }
};

void make_atoms(ProposeModel& m)
{
    const std::size_t n = m.blocks.features.size();
    Groups g{std::vector<std::size_t>(n)};
    std::iota(g.parent.begin(), g.parent.end(), 0);
    auto join_by = [&](const std::vector<std::size_t>& key, std::size_t none) {
        std::map<std::size_t, std::size_t> first;
        for (std::size_t b = 0; b < n; ++b)
            if (key[b] != none) {
                const auto [it, fresh] = first.emplace(key[b], b);
                if (!fresh) g.join(b, it->second);
            }
    };
    for (const UnitLayer& k : m.keep_whole)
        join_by(k.majority_of_block, no_feature);
    join_by(m.fixed_of_block, 0);
    std::map<std::size_t, std::size_t> atom_of_root; // numbered by lowest block
    m.atom_of_block.assign(n, 0);
    for (std::size_t b = 0; b < n; ++b) {
        const auto [it, fresh] = atom_of_root.emplace(g.root(b), atom_of_root.size());
        m.atom_of_block[b] = it->second;
    }
    m.atom_blocks.assign(atom_of_root.size(), {});
    for (std::size_t b = 0; b < n; ++b)
        m.atom_blocks[m.atom_of_block[b]].push_back(b);
}

double weight_of(const ProposeOptions& o, const std::string& key, double fallback)
{
    const auto it = o.weights.find(key);
    return it == o.weights.end() ? fallback : it->second;
}

void make_problems(ProposeModel& m, const ProposeOptions& o)
{
    const std::size_t n = m.blocks.features.size(), atoms = m.atom_blocks.size();
    PartitionProblem& bp = m.block_problem;
    bp.population = m.block_population;
    bp.neighbours = m.graph.neighbours;
    for (std::size_t l = 0; l < m.objective.size(); ++l) {
        bp.layers.push_back(m.objective[l].matrix);
        bp.weights.push_back(weight_of(o, m.term_keys[l], 1.0));
    }
    bp.balance_weight = weight_of(o, "balance", 0.0);
    bp.pop_min = o.pop_min;
    bp.pop_max = o.pop_max;
    bp.count_min = o.count_min;
    bp.count_max = o.count_max;
    bp.nest.assign(n, 0);
    if (m.nest)
        for (std::size_t b = 0; b < n; ++b)
            bp.nest[b] = m.nest->majority_of_block[b] == no_feature ? 0 : m.nest->majority_of_block[b] + 1;
    bp.fixed = m.fixed_of_block;

    PartitionProblem& ap = m.atom_problem;
    ap = bp;
    ap.population.assign(atoms, 0.0);
    ap.neighbours.assign(atoms, {});
    ap.nest.assign(atoms, 0);
    ap.fixed.assign(atoms, 0);
    for (std::size_t b = 0; b < n; ++b) {
        const std::size_t a = m.atom_of_block[b];
        ap.population[a] += bp.population[b];
        ap.nest[a] = bp.nest[m.atom_blocks[a].front()];
        ap.fixed[a] = std::max(ap.fixed[a], bp.fixed[b]);
        for (std::size_t c : bp.neighbours[b])
            if (m.atom_of_block[c] != a) ap.neighbours[a].push_back(m.atom_of_block[c]);
    }
    for (auto& list : ap.neighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    for (UnitMatrix& layer : ap.layers)
        layer = group_rows(layer, m.atom_of_block, atoms);
}

/// A count not given, from the population bounds: at least the people over the ceiling,
/// at most the people over the floor (and the atoms).
void derive_count(ProposeModel& m, ProposeOptions& o)
{
    if (o.count_min > 0 && o.count_max > 0) return;
    const double total = m.total_population;
    const auto atoms = static_cast<double>(m.atom_blocks.size());
    if (o.count_max == 0)
        o.count_max = static_cast<std::size_t>(
            std::max(1.0, o.pop_min > 0 ? std::min(atoms, std::floor(total / o.pop_min)) : atoms));
    if (o.count_min == 0)
        o.count_min =
            static_cast<std::size_t>(std::isfinite(o.pop_max) ? std::max(1.0, std::ceil(total / o.pop_max)) : 1.0);
    m.count_from_bounds = true;
    if (o.count_min > o.count_max && o.pop_min > 0 && std::isfinite(o.pop_max))
        throw DataError("infeasible: no number of footprints fits the population bounds: the " + format_people(total) +
                        " people need at least " + std::to_string(o.count_min) + " footprints of at most " +
                        format_people(o.pop_max) + ", but allow at most " + std::to_string(o.count_max) +
                        " of at least " + format_people(o.pop_min));
}

} // namespace

ProposeModel build_model(ProposeOptions& o, const ProposeInputs& in)
{
    const bool bounds = o.pop_min > 0 || std::isfinite(o.pop_max);
    if ((o.count_min == 0 || o.count_max == 0) && !bounds)
        throw UsageError("give --count N or --count-min and --count-max (or population bounds --pop-min, --pop-max)");
    if (o.count_min > 0 && o.count_max > 0 && o.count_min > o.count_max)
        throw UsageError("--count-min is above --count-max");
    if (o.pop_min > o.pop_max) throw UsageError("--pop-min is above --pop-max");
    if (o.split_layers.empty() && o.from.empty() && !o.weights.count("balance"))
        throw UsageError("nothing to minimise: give --split-layers, --from or --term-weights balance=W");
    for (const auto& [key, w] : o.weights) {
        const bool known = key == "from" || key == "balance" ||
                           std::find(o.split_layers.begin(), o.split_layers.end(), key) != o.split_layers.end();
        if (!known)
            throw UsageError("--term-weights: unknown term '" + key + "' (use a --split-layers id, from or balance)");
        if (w < 0) throw UsageError("--term-weights: the weight of '" + key + "' is negative");
    }
    LayerCache cache(in, o.threads);
    ProposeModel m;
    {
        BuildReport report; // blocks are moved into the result, so they are read outside the cache
        m.blocks = io::load_layer(io::locate_layer(o.blocks, in.catalogue, in.data_dir, o.blocks_read), o.threads,
                                  report, nullptr, in.progress);
    }
    const std::size_t n = m.blocks.features.size();
    const auto& values = in.weights.values;
    Located loc;
    loc.points = points_on_surface(*in.weights.layer, o.threads);
    loc.block_of = locate_points(m.blocks, loc.points, o.threads);
    loc.block_points = points_on_surface(m.blocks, o.threads);
    m.block_population.assign(n, 0.0);
    for (std::size_t w = 0; w < loc.block_of.size(); ++w)
        if (loc.block_of[w] != no_feature) m.block_population[loc.block_of[w]] += values[w];
    m.total_population = std::accumulate(m.block_population.begin(), m.block_population.end(), 0.0);

    for (const std::string& id : o.split_layers) {
        m.objective.push_back(unit_layer(id, cache, loc, m, values, o.threads));
        m.term_keys.push_back(id);
    }
    if (!o.from.empty()) {
        m.from = unit_layer(o.from, cache, loc, m, values, o.threads);
        m.objective.push_back(*m.from);
        m.term_keys.push_back("from");
    }
    for (const std::string& id : o.keep_whole) {
        m.keep_whole.push_back(unit_layer(id, cache, loc, m, values, o.threads));
        const UnitLayer& k = m.keep_whole.back();
        for (std::size_t b = 0; b < n; ++b)
            if (k.matrix.rows[b].size() > 1) m.keep_whole_split.push_back(m.blocks.features[b].code + " (" + id + ")");
    }
    if (!o.nest_in.empty()) m.nest = unit_layer(o.nest_in, cache, loc, m, values, o.threads);

    std::vector<std::pair<std::size_t, std::size_t>> extra;
    if (!o.adjacency.empty()) {
        const std::string path = io::resolve_data_file(o.adjacency, in.data_dir);
        const io::CsvFile csv = io::read_csv(path);
        const std::size_t a = csv.column("block_a", "adjacency file"), b = csv.column("block_b", "adjacency file");
        for (std::size_t r = 0; r < csv.row_count(); ++r)
            extra.push_back({find_block(m, csv.field(r, a), path), find_block(m, csv.field(r, b), path)});
    }
    m.graph = block_graph(m.blocks, extra, o.crossing_m);

    m.fixed_of_block.assign(n, 0);
    if (!o.fixed.empty()) {
        const std::string path = io::resolve_data_file(o.fixed, in.data_dir);
        const io::CsvFile csv = io::read_csv(path);
        const std::size_t b = csv.column("block_code", "fixed groups file"),
                          f = csv.column("footprint_code", "fixed groups file"),
                          name = csv.find_column("footprint_name"); // optional, as in `coterm footprint --groups`
        std::map<std::string, std::size_t> label;
        for (std::size_t r = 0; r < csv.row_count(); ++r) {
            const std::size_t block = find_block(m, csv.field(r, b), path);
            const std::string code(csv.field(r, f));
            const auto [it, fresh] = label.emplace(code, label.size() + 1);
            if (fresh) {
                m.fixed_codes.push_back(code);
                const std::string given = name == std::string::npos ? "" : std::string(csv.field(r, name));
                m.fixed_names.push_back(given.empty() ? code : given);
            }
            if (m.fixed_of_block[block] != 0 && m.fixed_of_block[block] != it->second)
                throw DataError(path + ": block " + m.blocks.features[block].code + " is fixed to two footprints");
            m.fixed_of_block[block] = it->second;
        }
    }
    make_atoms(m);
    derive_count(m, o);
    make_problems(m, o);
    check_feasible(m, o);
    return m;
}

} // namespace coterm::analysis
