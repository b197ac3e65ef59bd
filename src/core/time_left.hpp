// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>

namespace coterm {

/// The time a phase still needs at the rate so far, as a person reads it: "about 12 s
/// left" (rounded to the second, under 90 s), "about 3 min left" (rounded to the minute),
/// or "" when it cannot be told yet or is under a second: nothing done, all done, or
/// less than a second of work to judge the rate by. `elapsed_s` is the phase's time so
/// far in seconds, `done` of `total` units of work are done.
std::string time_left_text(double elapsed_s, std::size_t done, std::size_t total);

} // namespace coterm
