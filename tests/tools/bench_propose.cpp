// SPDX-License-Identifier: MIT
// Benchmark of the propose search (tools/bench-propose; not a test): builds one request's
// problem once, then times the search at several efforts, measures candidate evaluations
// per second, and draws random contiguous partitions with the same count and ceiling
// (the baseline a user could run instead, as spopt's RandomRegions) to compare the
// objective distributions. Prints Markdown.
//
//   bench_propose DATA BLOCKS COUNT POP_MIN POP_MAX KEEP_WHOLE|- SPLIT,LAYERS|- FROM|- EFFORTS RANDOM_SAMPLES
#include "analysis/propose_model.hpp"
#include "core/partition_random.hpp"
#include "core/partition_search.hpp"
#include "core/partition_state.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/catalogue.hpp"
#include "io/layer_source.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <sstream>

using namespace coterm;

namespace {

std::vector<std::string> split_list(const std::string& s)
{
    std::vector<std::string> out;
    if (s == "-") return out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        out.push_back(item);
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 11) {
        std::cerr << "usage: bench_propose DATA BLOCKS COUNT POP_MIN POP_MAX KEEP SPLIT FROM EFFORTS SAMPLES\n";
        return 2;
    }
    const std::string data = argv[1];
    analysis::ProposeOptions o;
    o.blocks = argv[2];
    o.count_min = o.count_max = std::stoul(argv[3]);
    o.pop_min = std::stod(argv[4]);
    o.pop_max = std::stod(argv[5]);
    o.keep_whole = split_list(argv[6]);
    o.split_layers = split_list(argv[7]);
    o.from = std::string(argv[8]) == "-" ? "" : argv[8];
    const auto efforts = split_list(argv[9]);
    const std::size_t samples = std::stoul(argv[10]);

    const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
    auto t0 = std::chrono::steady_clock::now();
    BuildReport report;
    const Layer lsoa = io::load_layer(io::locate_layer("lsoa21", catalogue, data, {}), 0, report);
    std::vector<std::string> codes;
    for (const auto& f : lsoa.features)
        codes.push_back(f.code);
    const auto joined = io::join_weights(codes, data + "/stats/population_lsoa21_census2021.csv", "usual_residents");
    const WeightLayer weights{&lsoa, joined.values};
    const analysis::ProposeModel m = analysis::build_model(o, {catalogue, data, weights});
    const PartitionProblem& p = m.atom_problem;
    std::printf("## %s → %zu footprints (%zu blocks, %zu atoms)\n\n", o.blocks.c_str(), o.count_max,
                m.blocks.features.size(), p.population.size());
    std::printf("Inputs loaded and problem built in %.2f s.\n\n", seconds_since(t0));

    // Candidate evaluations per second: delta_move on random (atom, neighbour region) pairs.
    {
        std::size_t regions = 0;
        std::uint64_t ev = 0;
        auto start = greedy_regions(p, 1, 0, regions, ev);
        if (regions <= p.count_max) {
            PartitionState s(p, start, regions);
            Rng rng(stream_seed(9, 9));
            const std::size_t n = 2'000'000;
            double sink = 0;
            t0 = std::chrono::steady_clock::now();
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t a = random_index(rng, p.population.size());
                if (p.neighbours[a].empty()) continue;
                const std::size_t b = p.neighbours[a][random_index(rng, p.neighbours[a].size())];
                sink += s.delta_move(a, s.region_of()[b]);
            }
            const double sec = seconds_since(t0);
            std::printf("Incremental evaluation: %.0f candidate moves per second (%zu in %.2f s; checksum %.3g).\n\n",
                        static_cast<double>(n) / sec, n, sec, sink);
        }
    }

    auto quantiles = [](std::vector<double> x) { // min, 10 %, median, 90 %, max of the finite values
        x.erase(std::remove_if(x.begin(), x.end(), [](double v) { return !std::isfinite(v); }), x.end());
        std::sort(x.begin(), x.end());
        if (x.empty()) return std::string("none");
        auto q = [&](double f) { return x[static_cast<std::size_t>(f * static_cast<double>(x.size() - 1))]; };
        char text[160];
        std::snprintf(text, sizeof text, "min %.0f, 10%% %.0f, median %.0f, 90%% %.0f, max %.0f", q(0), q(0.1), q(0.5),
                      q(0.9), q(1));
        return std::string(text);
    };
    std::vector<double> last_restarts; // the largest effort's restart objectives, for the distribution
    std::printf("| effort (restarts) | threads | best objective | mean restart objective | evaluations | seconds | "
                "evaluations/s |\n|---|---|---|---|---|---|---|\n");
    for (const std::string& e : efforts) {
        for (unsigned threads : {1u, 2u}) {
            SearchOptions so;
            so.restarts = std::stoul(e);
            so.threads = threads;
            t0 = std::chrono::steady_clock::now();
            const SearchResult r = search_partitions(p, so);
            const double sec = seconds_since(t0);
            double mean = 0;
            std::size_t ok = 0;
            for (double x : r.restart_scores)
                if (std::isfinite(x)) mean += x, ++ok;
            const bool feasible = !r.solutions.empty() && r.solutions[0].violation < 1e-6;
            last_restarts = r.restart_scores;
            std::printf("| %s | %u | %s | %.0f | %llu | %.2f | %.0f |\n", e.c_str(), threads,
                        r.solutions.empty() ? "none"
                                            : (std::to_string(static_cast<long long>(r.solutions[0].objective)) +
                                               (feasible ? "" : " (bounds broken)"))
                                                  .c_str(),
                        ok ? mean / static_cast<double>(ok) : 0.0, static_cast<unsigned long long>(r.evaluations), sec,
                        static_cast<double>(r.evaluations) / sec);
        }
    }

    if (!efforts.empty())
        std::printf("\nSearch restarts at effort %s (each greedy + local search + perturbations): objective %s.\n",
                    efforts.back().c_str(), quantiles(last_restarts).c_str());

    if (samples > 0) {
        std::vector<double> objective;
        std::size_t within = 0;
        t0 = std::chrono::steady_clock::now();
        // spopt's RandomRegions often fails under a ceiling with few regions; then the
        // baseline drops the ceiling (and says so) so that there is a distribution at all.
        PartitionProblem free = p;
        bool dropped = false;
        if (random_regions(p, 1).empty() && random_regions(p, 2).empty()) {
            free.pop_max = std::numeric_limits<double>::infinity();
            dropped = true;
        }
        for (std::size_t k = 0; k < samples; ++k) {
            auto region = random_regions(free, k + 1);
            if (region.empty()) continue;
            const std::size_t regions = canonical_regions(region);
            PartitionState s(p, region, regions);
            objective.push_back(s.objective());
            if (s.violation() < 1e-6) ++within;
        }
        const double sec = seconds_since(t0);
        std::sort(objective.begin(), objective.end());
        auto q = [&](double f) {
            return objective[static_cast<std::size_t>(f * static_cast<double>(objective.size() - 1))];
        };
        if (!objective.empty())
            std::printf("\nRandom contiguous partitions (same count%s, %zu drawn in %.2f s; %zu meet both population "
                        "bounds): objective min %.0f, 10%% %.0f, median %.0f, 90%% %.0f, max %.0f.\n\n",
                        dropped ? "; none could be grown under the ceiling, so without it" : " and ceiling",
                        objective.size(), sec, within, q(0), q(0.1), q(0.5), q(0.9), q(1));
        else
            std::printf("\nRandom contiguous partitions: none found in %zu tries.\n\n", samples);
    }
    return 0;
}
