// SPDX-License-Identifier: MIT
#pragma once
// Seeded random streams of the propose search: one per (seed, restart), the same on
// every platform (std::mt19937_64 is fully specified; the distributions are ours).
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace coterm {

using Rng = std::mt19937_64;

/// The seed of stream k of a run seeded with `seed` (SplitMix64 of both).
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t k);

/// A uniform double in [0, 1) from 53 random bits.
double unit_random(Rng& rng);

/// A uniform index in [0, n), n > 0.
std::size_t random_index(Rng& rng, std::size_t n);

/// Fisher–Yates shuffle with random_index (std::shuffle's result is implementation-defined).
void shuffle_indexes(std::vector<std::size_t>& v, Rng& rng);

/// 0 … n−1 in a seeded order (shuffle_indexes of the identity): the visiting order of
/// the searches and the seeds of random regions.
std::vector<std::size_t> shuffled_indexes(std::size_t n, Rng& rng);

} // namespace coterm
