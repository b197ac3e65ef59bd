// SPDX-License-Identifier: MIT
#pragma once
#include "io/catalogue.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace coterm::cli {

/// What `data fetch` does without a mirror (docs/cli/data.md): downloads each wanted
/// layer (and the lookups and blocks a derived layer needs) from the ONS FeatureServer at
/// `base`, builds derived layers by dissolving their blocks with the lookup, and writes
/// everything into `data_dir` in the mirror's layout. Files already present are kept,
/// unless `overwrite`: then they are downloaded or built again and replaced.
/// Progress on stderr when it is a terminal; one line per file unless quiet.
/// Returns the number of files that failed (each reported on stderr).
std::size_t fetch_from_ons(const io::Catalogue& catalogue, const std::vector<std::string>& ids,
                           const std::filesystem::path& data_dir, const std::string& base, unsigned threads, bool quiet,
                           bool overwrite = false);

} // namespace coterm::cli
