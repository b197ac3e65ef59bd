// SPDX-License-Identifier: MIT
#pragma once
// `coterm propose` as a workflow: footprints of whole blocks chosen under policy
// constraints (docs/cli/propose.md, docs/methods.md §16). No messages, no files written.
#include "core/footprint.hpp"
#include "core/layer.hpp"
#include "core/partition_bound.hpp"
#include "core/partition_graph.hpp"
#include "core/weighted_overlap.hpp"
#include "io/catalogue.hpp"
#include "io/layer_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coterm::analysis {

/// What to propose. Layers are catalogue ids or paths; files are resolved against the
/// data directory like every data file.
struct ProposeOptions {
    std::string blocks;                       ///< --blocks: the building blocks
    io::ReadOptions blocks_read;              ///< --blocks-where, --blocks-sql
    std::size_t count_min = 0, count_max = 0; ///< --count / --count-min / --count-max (0 = from the bounds)
    double pop_min = 0;                       ///< --pop-min, people
    double pop_max = std::numeric_limits<double>::infinity(); ///< --pop-max
    std::vector<std::string> keep_whole;                      ///< --keep-whole layers
    std::string nest_in;                                      ///< --nest-in layer
    std::string fixed;                                        ///< --fixed groups CSV (block_code, footprint_code)
    std::vector<std::string> split_layers;                    ///< --split-layers
    std::string from;                                         ///< --from: the status quo
    std::map<std::string, double> weights;                    ///< --weights: layer id, "from" or "balance" → weight
    std::string adjacency;                                    ///< --adjacency CSV (block_a, block_b)
    double crossing_m = 2500; ///< --crossing: blocks this close across water are adjacent
    std::size_t options = 1;  ///< --options: distinct options wanted
    std::uint64_t seed = 1;   ///< --seed
    std::size_t effort = 64;  ///< --effort: restarts
    unsigned threads = 0;
    std::size_t bound_nodes = 5000;   ///< --bound-nodes: CBC branch-and-bound nodes (0: no exact model)
    std::size_t bound_max_atoms = 60; ///< --bound-max-groups: the exact model runs up to this many atoms
    bool swaps = true;                ///< false with --no-swaps: single-atom moves only
};

/// One constraint of one option, stated as met or not.
struct ConstraintCheck {
    std::string name; ///< e.g. "population 2,000,000–3,500,000"
    bool met = true;
    std::string detail; ///< the footprints or units breaking it, or what holds
};

/// One objective term: its weight, its value for an option and a lower bound over all options.
struct TermValue {
    std::string name; ///< e.g. "people in split pfa24 units (outside their main footprint)"
    std::string key;  ///< the --weights key: layer id, "from" or "balance"
    double weight = 0, value = 0, bound = 0;
};

/// A footprint set: the proposed options and the status quo have this shape.
struct ProposedOption {
    std::string label;                           ///< "option 1", …, "status quo"
    std::vector<FootprintSpec> footprints;       ///< codes, names, member blocks
    std::vector<std::size_t> footprint_of_block; ///< per block: index into footprints
    std::vector<double> footprint_population;
    std::vector<TermValue> terms;
    double objective = 0; ///< Σ weight·value
    double bound = 0;     ///< the request's lower bound: the best of Σ weight·term bound, count and CBC bounds
    std::vector<ConstraintCheck> constraints;
    std::size_t restart = 0; ///< which restart found it
    bool all_met() const;
};

/// The answer.
struct ProposeResult {
    Layer blocks;
    std::vector<double> block_population;
    std::vector<ProposedOption> options;       ///< best first
    std::optional<ProposedOption> status_quo;  ///< with --from: each block to its majority unit
    std::vector<IslandLink> crossings;         ///< pairs adjacent across water (--crossing)
    std::vector<IslandLink> island_links;      ///< what the island rule added
    std::size_t atoms = 0;                     ///< blocks after keeping units whole and fixing groups
    std::size_t count_min = 0, count_max = 0;  ///< footprint counts searched (from the bounds when not given)
    std::vector<std::string> keep_whole_split; ///< blocks in several units of a keep-whole layer (majority used)
    std::vector<double> restart_objectives;    ///< per restart (+inf: it could not reach the count)
    std::uint64_t evaluations = 0;             ///< candidate merges and moves evaluated
    std::uint64_t seed = 1;                    ///< the seed used
    std::size_t effort = 0;                    ///< restarts run
    double search_seconds = 0;
    double total_population = 0;
    double term_bound = 0;  ///< Σ weight·per-term bound (nesting and ceiling)
    double count_bound = 0; ///< the counting bound (core/partition_bound.hpp)
    MipBound mip;           ///< the exact model without contiguity
    double bound_seconds = 0;
    /// One line saying which bound is used and what each gave.
    std::string bound_text() const;
};

/// Where the inputs come from.
struct ProposeInputs {
    const io::Catalogue& catalogue;
    std::filesystem::path data_dir;
    const WeightLayer& weights; ///< small areas with people (lsoa21 Census 2021 by default)
    ProgressFn progress = {};   ///< hears "read X" and "build X" of every layer read
};

/// Proposes footprints. Throws UsageError for a malformed request (unknown --weights
/// key, count unset), DataError when the request is infeasible, naming the constraint,
/// the units and the numbers (docs/cli/propose.md, "Infeasible requests").
/// `progress(done, total)` reports restarts; it may be called from worker threads.
ProposeResult propose(const ProposeOptions& options, const ProposeInputs& inputs,
                      const std::function<void(std::size_t, std::size_t)>& progress = {});

} // namespace coterm::analysis
