// SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace coterm {

/// coterm's own version, e.g. "0.1.0".
std::string coterm_version();
/// The GEOS library version coterm runs with (from the loaded library, not the headers).
std::string geos_version();

} // namespace coterm
