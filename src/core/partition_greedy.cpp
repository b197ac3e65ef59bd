// SPDX-License-Identifier: MIT
// Greedy agglomeration (docs/methods.md §16.4): start from one region per atom and merge
// the adjacent pair worth most until the count is reached. A merge never splits a unit,
// so its value is the people it brings together: the exact fall in misplaced people plus
// a cohesion term n_A·n_B / n_u that also rewards joining two minority pieces of a unit.
#include "core/partition_random.hpp"
#include "core/partition_search.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <tuple>

namespace coterm {
namespace {

using Row = std::vector<std::pair<std::size_t, double>>;

struct Region {
    bool alive = true;
    unsigned version = 0;
    double pop = 0, jitter = 0;
    std::size_t nest = 0, fixed = 0;
    std::vector<std::size_t> atoms, neighbours; ///< neighbours: sorted region ids
    std::vector<Row> units;                     ///< per layer, units ascending
};

struct Candidate {
    double value, tiebreak;
    std::size_t a, b;
    unsigned va, vb;
    bool operator<(const Candidate& o) const // std::priority_queue pops the largest
    {
        return std::tie(value, o.tiebreak, o.a, o.b) < std::tie(o.value, tiebreak, a, b);
    }
};

Row merge_rows(const Row& x, const Row& y)
{
    Row out;
    std::size_t i = 0, j = 0;
    while (i < x.size() || j < y.size()) {
        if (j == y.size() || (i < x.size() && x[i].first < y[j].first))
            out.push_back(x[i++]);
        else if (i == x.size() || y[j].first < x[i].first)
            out.push_back(y[j++]);
        else
            out.push_back({x[i].first, x[i].second + y[j].second}), ++i, ++j;
    }
    return out;
}

class Greedy {
public:
    Greedy(const PartitionProblem& p, std::uint64_t seed, std::size_t k) : p_(p), rng_(stream_seed(seed, k))
    {
        const double jitter = k == 0 ? 0.0 : 0.5;
        penalty_ = 1;
        for (double w : p_.weights)
            penalty_ += 4 * w;
        best_.resize(p_.layers.size());
        for (std::size_t l = 0; l < p_.layers.size(); ++l)
            best_[l].assign(p_.layers[l].unit_total.size(), 0.0);
        for (std::size_t a = 0; a < p_.population.size(); ++a) {
            Region r;
            r.pop = p_.population[a];
            r.jitter = jitter * unit_random(rng_);
            r.nest = p_.nest[a];
            r.fixed = p_.fixed[a];
            r.atoms = {a};
            r.neighbours = p_.neighbours[a];
            for (std::size_t l = 0; l < p_.layers.size(); ++l) {
                r.units.push_back(p_.layers[l].rows[a]);
                for (const auto& [u, n] : r.units.back())
                    best_[l][u] = std::max(best_[l][u], n);
            }
            regions_.push_back(std::move(r));
        }
    }

    std::vector<std::size_t> run(std::size_t& count, std::uint64_t& evaluations)
    {
        for (std::size_t a = 0; a < regions_.size(); ++a)
            for (std::size_t b : regions_[a].neighbours)
                if (a < b) push(a, b);
        count = regions_.size();
        while (!heap_.empty() && count > p_.count_min) {
            Candidate c = heap_.top();
            heap_.pop();
            const Region &A = regions_[c.a], &B = regions_[c.b];
            if (!A.alive || !B.alive || A.version != c.va || B.version != c.vb) continue;
            const double v = value(c.a, c.b);
            if (v < c.value - 1e-9 * (1 + std::abs(c.value))) { // stale: values only fall
                c.value = v;
                heap_.push(c);
                continue;
            }
            if (count <= p_.count_max && v <= 1e-9) break;
            merge(c.a, c.b);
            --count;
        }
        evaluations += evaluations_;
        std::vector<std::size_t> out(p_.population.size(), 0);
        std::size_t id = 0;
        for (const Region& r : regions_) {
            if (!r.alive) continue;
            for (std::size_t a : r.atoms)
                out[a] = id;
            ++id;
        }
        return out;
    }

private:
    double deficit(double pop) const { return std::max(0.0, p_.pop_min - pop); }

    bool feasible(std::size_t a, std::size_t b) const
    {
        const Region &A = regions_[a], &B = regions_[b];
        return A.pop + B.pop <= p_.pop_max && A.nest == B.nest && (A.fixed == 0 || B.fixed == 0 || A.fixed == B.fixed);
    }

    double value(std::size_t a, std::size_t b)
    {
        ++evaluations_;
        const Region &A = regions_[a], &B = regions_[b];
        double v = 0;
        for (std::size_t l = 0; l < p_.layers.size(); ++l) {
            if (p_.weights[l] == 0) continue;
            const Row &x = A.units[l], &y = B.units[l];
            std::size_t i = 0, j = 0;
            while (i < x.size() && j < y.size()) {
                if (x[i].first < y[j].first)
                    ++i;
                else if (y[j].first < x[i].first)
                    ++j;
                else {
                    const std::size_t u = x[i].first;
                    const double nx = x[i].second, ny = y[j].second;
                    v += p_.weights[l] * (std::max(0.0, nx + ny - best_[l][u]) + nx * ny / p_.layers[l].unit_total[u]);
                    ++i, ++j;
                }
            }
        }
        v += penalty_ * (deficit(A.pop) + deficit(B.pop) - deficit(A.pop + B.pop));
        return v * (1 + A.jitter * B.jitter);
    }

    void push(std::size_t a, std::size_t b)
    {
        if (!feasible(a, b)) return;
        const Region &A = regions_[a], &B = regions_[b];
        heap_.push({value(a, b), (A.pop + B.pop) * (1 + A.jitter + B.jitter), a, b, A.version, B.version});
    }

    void merge(std::size_t a, std::size_t b)
    {
        Region& A = regions_[a];
        Region& B = regions_[b];
        A.atoms.insert(A.atoms.end(), B.atoms.begin(), B.atoms.end());
        A.pop += B.pop;
        A.fixed = std::max(A.fixed, B.fixed);
        for (std::size_t l = 0; l < p_.layers.size(); ++l) {
            A.units[l] = merge_rows(A.units[l], B.units[l]);
            for (const auto& [u, n] : A.units[l])
                best_[l][u] = std::max(best_[l][u], n);
        }
        std::vector<std::size_t> joined;
        std::set_union(A.neighbours.begin(), A.neighbours.end(), B.neighbours.begin(), B.neighbours.end(),
                       std::back_inserter(joined));
        std::erase_if(joined, [&](std::size_t r) { return r == a || r == b; });
        A.neighbours = std::move(joined);
        for (std::size_t n : B.neighbours) {
            auto& list = regions_[n].neighbours;
            std::erase(list, b);
            if (n != a && !std::binary_search(list.begin(), list.end(), a))
                list.insert(std::lower_bound(list.begin(), list.end(), a), a);
        }
        B.alive = false;
        B.atoms.clear();
        B.units.clear();
        ++A.version;
        for (std::size_t n : A.neighbours)
            push(std::min(a, n), std::max(a, n));
    }

    const PartitionProblem& p_;
    Rng rng_;
    double penalty_ = 1;
    std::uint64_t evaluations_ = 0;
    std::vector<Region> regions_;
    std::vector<std::vector<double>> best_;
    std::priority_queue<Candidate> heap_;
};

} // namespace

std::vector<std::size_t> greedy_regions(const PartitionProblem& problem, std::uint64_t seed, std::size_t k,
                                        std::size_t& regions, std::uint64_t& evaluations)
{
    return Greedy(problem, seed, k).run(regions, evaluations);
}

} // namespace coterm
