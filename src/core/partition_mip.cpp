// SPDX-License-Identifier: MIT
// The exact model of `coterm propose` without contiguity, solved with COIN-OR CBC
// (docs/methods.md §16.5). Each footprint is represented by its lowest atom i, so
// x_ij = 1 when atom j is in the footprint whose lowest atom is i (i ≤ j): no two
// labellings of one partition, unlike a model with numbered footprints.
#include "core/cbc_library.hpp"
#include "core/partition_bound.hpp"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace coterm {
namespace {

struct ModelDeleter {
    void operator()(Cbc_Model* m) const { cbc_library().deleteModel(m); }
};

/// Atoms i and j may share a footprint: same nesting unit, not two fixed groups.
bool allowed(const PartitionProblem& p, std::size_t i, std::size_t j)
{
    return p.nest[i] == p.nest[j] && !(p.fixed[i] && p.fixed[j] && p.fixed[i] != p.fixed[j]);
}

class Builder {
public:
    explicit Builder(Cbc_Model* m) : m_(m) {}
    int column(double lb, double ub, double obj, bool integer)
    {
        cbc_library().addCol(m_, "", lb, ub, obj, integer ? 1 : 0, 0, nullptr, nullptr);
        return columns_++;
    }
    void row(const std::vector<int>& cols, const std::vector<double>& coefs, char sense, double rhs)
    {
        cbc_library().addRow(m_, "", static_cast<int>(cols.size()), cols.data(), coefs.data(), sense, rhs);
    }

private:
    Cbc_Model* m_;
    int columns_ = 0;
};

} // namespace

MipBound mip_lower_bound(const PartitionProblem& p, std::size_t nodes, std::size_t max_atoms)
{
    MipBound out;
    out.nodes = nodes;
    const std::size_t n = p.population.size();
    if (nodes == 0) {
        out.status = "not run (bound nodes 0)";
        return out;
    }
    if (n > max_atoms) {
        out.status = "not run: " + std::to_string(n) + " groups of blocks, above " + std::to_string(max_atoms);
        return out;
    }
    const CbcLibrary& cbc = cbc_library();
    std::unique_ptr<Cbc_Model, ModelDeleter> model(cbc.newModel());
    cbc.setLogLevel(model.get(), 0);
    Builder b(model.get());
    // x[i][j - i]: atom j in the footprint represented by atom i.
    std::vector<std::vector<int>> x(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j)
            x[i].push_back(allowed(p, i, j) ? b.column(0, 1, 0, true) : -1);
    double constant = 0;
    bool integral = true;                 // every weighted piece a whole number
    std::vector<std::vector<int>> rows_k; // per (layer, unit, rep): k column, for the rows below
    for (std::size_t l = 0; l < p.layers.size(); ++l) {
        if (p.weights[l] <= 0) continue;
        const UnitMatrix& m = p.layers[l];
        std::vector<std::vector<std::pair<std::size_t, double>>> atoms_of(m.unit_total.size());
        for (std::size_t a = 0; a < n; ++a)
            for (const auto& [u, people] : m.rows[a])
                if (people > 0) atoms_of[u].push_back({a, people});
        for (std::size_t u = 0; u < atoms_of.size(); ++u) {
            double total = 0;
            for (const auto& piece : atoms_of[u]) {
                total += piece.second;
                integral = integral && p.weights[l] * piece.second == std::floor(p.weights[l] * piece.second);
            }
            if (total <= 0) continue;
            constant += p.weights[l] * total;
            std::vector<int> choose;
            for (std::size_t i = 0; i < n; ++i) {
                std::vector<int> cols;
                std::vector<double> coefs;
                for (const auto& [j, people] : atoms_of[u])
                    if (j >= i && x[i][j - i] >= 0) cols.push_back(x[i][j - i]), coefs.push_back(-people);
                if (cols.empty()) continue;
                // kept_ui ≤ people of u in i's footprint, ≤ n_u·y_ui; Σ_i y_ui ≤ 1.
                const int k = b.column(0, total, -p.weights[l], false);
                const int y = b.column(0, 1, 0, true);
                cols.push_back(k), coefs.push_back(1.0);
                b.row(cols, coefs, 'L', 0);
                b.row({k, y}, {1.0, -total}, 'L', 0);
                b.row({y, x[i][0]}, {1.0, -1.0}, 'L', 0);
                choose.push_back(y);
            }
            b.row(choose, std::vector<double>(choose.size(), 1.0), 'L', 1);
        }
    }
    std::vector<int> reps;
    for (std::size_t j = 0; j < n; ++j) {
        std::vector<int> cols;
        for (std::size_t i = 0; i <= j; ++i)
            if (x[i][j - i] >= 0) cols.push_back(x[i][j - i]);
        b.row(cols, std::vector<double>(cols.size(), 1.0), 'E', 1); // one footprint each
        reps.push_back(x[j][0]);
        for (std::size_t i = 0; i < j; ++i)
            if (x[i][j - i] >= 0) b.row({x[i][j - i], x[i][0]}, {1.0, -1.0}, 'L', 0);
    }
    const std::vector<double> ones(reps.size(), 1.0);
    b.row(reps, ones, 'G', static_cast<double>(p.count_min));
    b.row(reps, ones, 'L', static_cast<double>(p.count_max));
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<int> cols;
        std::vector<double> coefs;
        for (std::size_t j = i; j < n; ++j)
            if (x[i][j - i] >= 0) cols.push_back(x[i][j - i]), coefs.push_back(p.population[j]);
        if (p.pop_min > 0) {
            auto c = coefs;
            c[0] -= p.pop_min;
            b.row(cols, c, 'G', 0);
        }
        if (std::isfinite(p.pop_max)) {
            coefs[0] -= p.pop_max;
            b.row(cols, coefs, 'L', 0);
        }
    }
    cbc.setMaximumNodes(model.get(), static_cast<int>(nodes));
    // Binaries within 1e-9 of 0 or 1 (CBC's default is 1e-6): times people, a person at most.
    cbc.setParameter(model.get(), "integerT", "1e-9");
    cbc.solve(model.get());
    out.run = true;
    // The integrality tolerance times the coefficients (people): allow that much.
    const double slack = 1e-9 * constant;
    if (cbc.isProvenInfeasible(model.get())) {
        out.infeasible = true;
        out.status = "infeasible";
        return out;
    }
    out.optimal = cbc.isProvenOptimal(model.get()) != 0;
    const double best_possible = out.optimal ? cbc.getObjValue(model.get()) : cbc.getBestPossibleObjValue(model.get());
    out.bound = std::max(0.0, constant + best_possible - slack);
    // With whole people and whole weights every objective value is whole: round up.
    if (integral) out.bound = std::ceil(out.bound - 1e-9);
    if (cbc.bestSolution(model.get()) != nullptr) out.best = std::max(0.0, constant + cbc.getObjValue(model.get()));
    out.status = out.optimal ? "optimal" : "node limit " + std::to_string(nodes);
    return out;
}

} // namespace coterm
