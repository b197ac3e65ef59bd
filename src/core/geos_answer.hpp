// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>

namespace coterm {

/// The three answers of a GEOS predicate: GEOS's `_r` predicates return 1 (true),
/// 0 (false) or 2 (GEOS raised an exception, e.g. a TopologyException).
enum class Answer { no, yes, failed };

/// Reads a GEOS predicate's return value. Anything but 0 or 1 is a failure: it is
/// counted in `failures` and this thread's GEOS message is cleared, so that the
/// caller's fallback starts clean. A failure must never be read as "no": callers
/// answer it by an exact computation, or throw naming the features involved.
Answer read_answer(char result, std::size_t& failures);

} // namespace coterm
