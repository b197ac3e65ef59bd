// SPDX-License-Identifier: MIT
#pragma once
// Inside io only: the [propose] table parser (toml++ stays out of the public headers).
#include "io/query_propose.hpp"

#include <toml++/toml.h>

namespace coterm::io {

/// Reads the [propose] table; `where` names it in messages ("file.toml: [propose]").
/// Unknown keys and wrong types are UsageErrors naming the key; 'blocks' is required.
ProposeQuery read_propose_section(const toml::table& table, const std::string& where);

} // namespace coterm::io
