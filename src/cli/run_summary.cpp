// SPDX-License-Identifier: MIT
#include "cli/run_summary.hpp"

#include "core/number_format.hpp"
#include "core/strings.hpp"

#include <numeric>

namespace coterm::cli {

namespace {

void add_list(std::string& s, const std::string& heading, const std::vector<std::string>& lines,
              const std::string& none)
{
    s += "## " + heading + "\n\n";
    if (lines.empty()) s += none + "\n";
    for (const auto& line : lines)
        s += "- " + line + "\n";
    s += "\n";
}

} // namespace

std::string summary_md(const io::Query& q, const Layer& fp, const RunFindings& f)
{
    std::string s = "# " + (q.title.empty() ? q.name : q.title) + "\n\n";
    if (!q.description.empty()) s += q.description + "\n\n";
    s += "## What was run\n\n- query: `" + q.name + "`\n- footprints: " +
         (q.layer.empty() ? "built from whole `" + q.blocks + "`" + (q.by.empty() ? "" : " by `" + q.by + "`") +
                                (q.rest.empty() ? "" : ", the rest by `" + q.rest + "`") +
                                (q.groups.empty() ? "" : " with groups `" + q.groups + "`")
                          : "`" + q.layer + "`") +
         "\n- compared with: " + join(q.compare, ", ") + "\n- weights: " + f.weights_label +
         " (each small area to the footprint holding its point on surface)\n" +
         (f.simplified.empty() ? "" : "- map geometry: " + f.simplified + "\n") + "\n";
    const double total = std::accumulate(f.population.begin(), f.population.end(), 0.0);
    s += "## Headline\n\n- " + std::to_string(fp.features.size()) + " footprints holding " + format_fixed(total, 0) +
         " people; " + format_fixed(f.outside, 0) + " people live outside every footprint (" +
         format_fixed(total + f.outside > 0 ? 100 * total / (total + f.outside) : 0, 1) + " % covered).\n\n";
    add_list(s, "Alignment with each comparison layer", f.alignment, "No comparison layers.");
    add_list(s, "Footprints that split other bodies", f.splitting, "None.");
    add_list(s, "Conservation", f.conservation, "No extensive data mapped.");
    s.pop_back(); // one newline at the end
    return s;
}

} // namespace coterm::cli
