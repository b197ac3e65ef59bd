// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <functional>

namespace coterm {

/// The number of threads to use for `requested` (0 = all hardware threads).
unsigned resolve_threads(unsigned requested);

/// Runs `task(i)` for every i in [0, count) on `threads` threads, handing out indices
/// in order from a shared counter (so put the most expensive tasks first).
/// The first exception thrown by a task stops the hand-out and is rethrown here.
void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task);

} // namespace coterm
