// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace coterm {

/// Tolerances of the coterminosity scores (docs/methods.md §11).
struct ScoreOptions {
    double tolerance = 0.99; ///< τ: a share at least this counts as "whole"
    double sliver = 0.001;   ///< ε: a share below this is a sliver, not a partner
    /// U: a unit whose minority share 1 − share_in_best lies in (1 − τ, U) is `uncertain`,
    /// neither nested nor split: the split is within the layers' generalisation error.
    /// 0 = no uncertain units (layers sharing edges exactly).
    double uncertain = 0;
};

/// The measured generalisation error used as U between layers that do not share edges
/// (docs/methods.md §11.1): the largest minority share of a truly unsplit district
/// between the ONS BUC districts and LSOA-built ICBs, 4.5 % by area and 5.9 % by
/// population, rounded up.
inline constexpr double generalisation_uncertainty = 0.06;

/// One cell of the weight matrix: M_ij = weight of a_i ∩ b_j (area or population).
struct ScoreCell {
    std::size_t a = 0, b = 0;
    double weight = 0;
};

/// How a unit relates to its best match.
enum class Relation { equal, within, contains, partial, none };

/// Scores of one unit of A against layer B.
struct UnitScore {
    std::size_t best = static_cast<std::size_t>(-1); ///< j*, the b with the largest weight (lowest code on ties)
    double weight = 0;                               ///< R_i = Σ_j M_ij
    double share_in_best = 0;                        ///< M_ij* / R_i
    double best_share_of_b = 0;                      ///< M_ij* / C_j*
    double iou = 0;                                  ///< M_ij* / (R_i + C_j* − M_ij*)
    std::size_t partners = 0;                        ///< b_j with M_ij / R_i ≥ ε
    bool split = false;                              ///< share_in_best < τ and not uncertain
    bool uncertain = false;                          ///< 1 − τ < 1 − share_in_best < U
    Relation relation = Relation::none;
    std::vector<std::pair<std::size_t, double>> parts; ///< (j, M_ij / R_i) ≥ ε, largest first
};

/// For one unit b_j: whether it is made of whole A units (within τ).
struct UnionScore {
    bool union_of_whole = true;
    std::vector<std::size_t> splits; ///< A units with 1 − τ < M_ij / R_i < τ
};

/// The layer-pair figures (entropies in bits).
struct PairScores {
    double total = 0;        ///< N = Σ M_ij
    std::size_t units = 0;   ///< A units with weight > 0
    std::size_t nested = 0;  ///< A units with share_in_best ≥ τ
    double nested_share = 0; ///< Σ R_i of nested units / N
    std::size_t split = 0;
    double split_share = 0;
    std::size_t uncertain = 0; ///< A units with a split within the generalisation error
    double uncertain_share = 0;
    std::size_t b_units = 0;       ///< B units with weight > 0
    std::size_t b_unions = 0;      ///< B units that are unions of whole A units
    double b_unions_share = 0;     ///< Σ C_j of those / N
    std::size_t identical = 0;     ///< A units `equal` to their best match
    double mean_share_in_best = 0; ///< Σ_i M_ij* / N
    double mean_iou = 0;           ///< Σ_i R_i · iou_i / N
    double h_a = 0, h_b = 0, h_a_given_b = 0, h_b_given_a = 0, mutual = 0;
    double nesting_a_in_b = 0; ///< 1 − H(B|A) / H(B)
    double nesting_b_in_a = 0; ///< 1 − H(A|B) / H(A)
    double nmi = 0;            ///< 2 I / (H(A) + H(B))
    double vi = 0;             ///< H(A|B) + H(B|A)
    double ari = 0;            ///< adjusted Rand index of the weighted cells (counts only)
};

/// All scores of A against B.
struct Scores {
    std::vector<UnitScore> a_units;
    std::vector<UnionScore> b_unions;
    PairScores pair;
};

/// Scores the weight matrix `cells` (na units of A, nb of B). With `counts` the
/// weights are whole counts (population) and the adjusted Rand index is computed.
Scores score_matrix(const std::vector<ScoreCell>& cells, std::size_t na, std::size_t nb, const ScoreOptions& options,
                    bool counts);

/// The cells with A and B swapped, for scoring B against A.
std::vector<ScoreCell> transpose(const std::vector<ScoreCell>& cells);

/// "equal", "within", "contains", "partial" or "none".
const char* relation_name(Relation r);

} // namespace coterm
