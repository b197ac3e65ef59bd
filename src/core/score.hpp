// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace coterm {

/// When a piece of a unit counts (docs/methods.md §11). A piece or remainder is
/// immaterial when it is at most `noise` of the unit's whole weight or lighter than
/// `min_weight`; between `noise` and `uncertain` (U) it is within the layers'
/// generalisation error and makes a relation `uncertain` instead of `split`.
struct ScoreOptions {
    double noise = 1e-9;   ///< δ: numeric noise of exact overlays, or the planner's materiality share
    double min_weight = 0; ///< pieces lighter than this (people, or m² by area) are immaterial
    double uncertain = 0;  ///< U: 0 between layers sharing their boundaries
    /// Take shares of each unit's covered part (Σ_j M_ij) instead of its whole weight:
    /// for layers that cover the same territory but do not share boundaries, where what
    /// lies outside the other layer is coastline generalisation, not a part of any body.
    bool shares_of_covered = false;
};

/// The measured generalisation error used as U between layers that do not share their
/// boundaries (docs/methods.md §11.1): the largest minority share of a truly unsplit
/// district between the ONS BUC districts and LSOA-built ICBs, 4.5 % by area and 5.9 %
/// by population, rounded up.
inline constexpr double generalisation_uncertainty = 0.06;

/// The materiality share used between layers that do not share boundaries (τ = 0.99).
inline constexpr double generalisation_noise = 0.01;

/// One cell of the weight matrix: M_ij = weight of a_i ∩ b_j (area or population).
struct ScoreCell {
    std::size_t a = 0, b = 0;
    double weight = 0;
};

/// How two units X (of A) and Y (of B) relate through their common piece.
enum class PairRelation {
    noise,     ///< the piece is immaterial to both
    equal,     ///< X and Y coincide
    a_within,  ///< X lies within Y
    b_within,  ///< Y lies within X
    partial,   ///< each holds a material part of the other and neither is whole: they split each other
    uncertain, ///< would be partial, but only by a piece within the generalisation band
};

/// How a unit relates to the other layer as a whole (one meaning everywhere).
enum class Relation {
    equal,          ///< coincides with one unit of the other layer
    within,         ///< lies within one unit of the other layer
    union_of_whole, ///< is exactly a union of two or more whole units of the other layer
    contains,       ///< holds only whole units, and part of it lies outside every unit
    split,          ///< it and at least one unit of the other layer split each other
    uncertain,      ///< would be split only within the layers' generalisation error
    outside,        ///< meets no unit of the other layer (or has no weight)
};

/// Scores of one unit against the other layer.
struct UnitScore {
    std::size_t best = static_cast<std::size_t>(-1); ///< the unit with the largest piece (lowest code on ties)
    double weight = 0;          ///< W: the whole unit's weight, including any part outside the other layer
    double covered = 0;         ///< Σ_j M_ij: the part inside the other layer
    double share_in_best = 0;   ///< M_ij* / W_i
    double best_share_of_b = 0; ///< M_ij* / W_j*
    double iou = 0;             ///< M_ij* / (W_i + W_j* − M_ij*)
    std::size_t partners = 0;   ///< units met by a material piece
    Relation relation = Relation::outside;
    /// Material pieces (j, M_ij / W_i), largest first.
    std::vector<std::pair<std::size_t, double>> parts;
    std::vector<std::size_t> splits;    ///< units it splits (and that split it): pair relation partial
    std::vector<std::size_t> uncertain; ///< units it would split but for the generalisation band
    bool split() const { return relation == Relation::split; }
};

/// Counts of one side's units by relation, and their weight shares.
struct RelationCounts {
    std::size_t units = 0; ///< units with weight > 0
    std::size_t equal = 0, within = 0, union_of_whole = 0, contains = 0, split = 0, uncertain = 0, outside = 0;
    double weight = 0;          ///< Σ W over the units
    double nested_share = 0;    ///< Σ W of equal + within / weight
    double split_share = 0;     ///< Σ W of split / weight
    double uncertain_share = 0; ///< Σ W of uncertain / weight
    double unions_share = 0;    ///< Σ W of equal + union_of_whole / weight
    std::size_t nested() const { return equal + within; }
    std::size_t unions() const { return equal + union_of_whole; }
};

/// The layer-pair figures (entropies in bits, over the covered weight N).
struct PairScores {
    double total = 0; ///< N = Σ M_ij
    RelationCounts a, b;
    double mean_share_in_best = 0; ///< Σ_i M_ij* / N
    double mean_iou = 0;           ///< Σ_i C_i · iou_i / N, C_i the covered weight of a_i
    double h_a = 0, h_b = 0, h_a_given_b = 0, h_b_given_a = 0, mutual = 0;
    double nesting_a_in_b = 0; ///< 1 − H(B|A) / H(B)
    double nesting_b_in_a = 0; ///< 1 − H(A|B) / H(A)
    double nmi = 0;            ///< 2 I / (H(A) + H(B))
    double vi = 0;             ///< H(A|B) + H(B|A)
    double ari = 0;            ///< adjusted Rand index of the weighted cells (counts only)
};

/// All scores of A against B: every unit of each side, and the pair.
struct Scores {
    std::vector<UnitScore> a_units, b_units;
    PairScores pair;
};

/// How X and Y relate through a piece of weight `m`, given their whole weights.
PairRelation relate_pair(double m, double weight_a, double weight_b, const ScoreOptions& options);

/// Scores the weight matrix `cells` against the whole weight of every unit (`a_weight`,
/// `b_weight`: areas, or populations including people outside the other layer). A
/// unit's shares are always of its whole weight; what lies outside the other layer is
/// an explicit remainder. With `counts` the weights are whole counts and the adjusted
/// Rand index is computed. Whole weights below Σ_j M_ij (rounding) are raised to it.
Scores score_matrix(const std::vector<ScoreCell>& cells, const std::vector<double>& a_weight,
                    const std::vector<double>& b_weight, const ScoreOptions& options, bool counts);

/// The same with each unit's whole weight taken as its row or column sum: for two
/// layers that cover each other wholly.
Scores score_matrix(const std::vector<ScoreCell>& cells, std::size_t na, std::size_t nb, const ScoreOptions& options,
                    bool counts);

/// The scores with A and B swapped (units, counts, entropies and nesting).
Scores swap_sides(Scores s);

/// "equal", "within", "union", "contains", "split", "uncertain" or "outside".
const char* relation_name(Relation r);

} // namespace coterm
