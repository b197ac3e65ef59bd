// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>

namespace coterm {

/// How far a long phase has got: `(phase, done, total)`, with `phase` a short name that
/// a person reads ("read ltla24", "overlap", "simplify", "write out.gpkg") and
/// done ≤ total. It may be called from worker threads; the receiver serialises. Code
/// below the CLI reports through it and never prints (an empty function reports nowhere).
using ProgressFn = std::function<void(std::string_view phase, std::size_t done, std::size_t total)>;

/// Calls `progress` when it is set.
inline void report_progress(const ProgressFn& progress, std::string_view phase, std::size_t done, std::size_t total)
{
    if (progress) progress(phase, done, total);
}

} // namespace coterm
