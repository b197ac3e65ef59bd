// SPDX-License-Identifier: MIT
#include "cli/footprint_table.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <iostream>

namespace coterm::cli {

Table footprint_table(const analysis::BuiltFootprints& built)
{
    Table t;
    t.columns = {{"code", Format::text},    {"name", Format::text},         {"blocks", Format::integer},
                 {"members", Format::list}, {"population", Format::number}, {"area_m2", Format::area}};
    for (std::size_t i = 0; i < built.footprints.features.size(); ++i) {
        const Feature& f = built.footprints.features[i];
        const FootprintSpec& spec = built.specs[i];
        std::vector<std::string> members;
        double pop = 0;
        for (std::size_t b : spec.blocks)
            members.push_back(built.blocks.features[b].code), pop += built.block_population[b];
        std::sort(members.begin(), members.end());
        t.rows.push_back(
            {f.code, f.name, static_cast<std::int64_t>(members.size()), join(members, ";"), pop, f.area_m2});
    }
    return t;
}

void report_footprints(const analysis::BuiltFootprints& b, bool quiet, bool verbose)
{
    const std::size_t limit = verbose ? static_cast<std::size_t>(-1) : 5;
    if (!quiet)
        std::cerr << "coterm: " << b.footprints.features.size() << " footprints from "
                  << b.blocks.features.size() - b.left.size() << " of " << b.blocks.features.size() << " "
                  << b.blocks.label
                  << (b.left.empty() ? std::string() : "; not in any footprint: " + join_limited(b.left, limit))
                  << "\n";
}

} // namespace coterm::cli
