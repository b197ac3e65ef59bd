// SPDX-License-Identifier: MIT
#include "core/proj_candidates.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace coterm {
namespace {

constexpr const char* header = "coterm proj operations 1";
constexpr double margin = 1e-7; // degrees

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

bool parse_double(const std::string& text, double& value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

std::vector<std::string> split_tabs(const std::string& line)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        parts.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) return parts;
        start = tab + 1;
    }
}

bool meets(const CandidateOperation& op, double x0, double y0, double x1, double y1)
{
    return x1 >= op.west - margin && x0 <= op.east + margin && y1 >= op.south - margin && y0 <= op.north + margin;
}

bool holds(const CandidateOperation& op, double x0, double y0, double x1, double y1)
{
    return x0 >= op.west + margin && x1 <= op.east - margin && y0 >= op.south + margin && y1 <= op.north - margin;
}

/// PROJ 9.1's pj_get_suggested_operation over the operations marked in `present`, in
/// PROJ's order: the first present one, replaced by a later one that has a known
/// accuracy, is not offshore and is more accurate (or as accurate and strictly inside).
/// A first one of unknown accuracy (-1) is never replaced, as in PROJ.
int suggested(const std::vector<CandidateOperation>& ops, const std::vector<bool>& present)
{
    int best = -1;
    double best_accuracy = 0;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (!present[i]) continue;
        const CandidateOperation& alt = ops[i];
        const bool better =
            best < 0 || (alt.accuracy >= 0 &&
                         (alt.accuracy < best_accuracy ||
                          (alt.accuracy == best_accuracy && alt.west > ops[static_cast<std::size_t>(best)].west &&
                           alt.south > ops[static_cast<std::size_t>(best)].south &&
                           alt.east < ops[static_cast<std::size_t>(best)].east &&
                           alt.north < ops[static_cast<std::size_t>(best)].north)) &&
                         !alt.offshore);
        if (better) {
            best = static_cast<int>(i);
            best_accuracy = alt.accuracy;
        }
    }
    return best;
}

} // namespace

std::string serialise(const OperationCandidates& c)
{
    std::ostringstream out;
    out << header << '\n';
    switch (c.kind) {
    case OperationCandidates::Kind::same:
        out << "same\n";
        break;
    case OperationCandidates::Kind::full:
        out << "full\n";
        break;
    case OperationCandidates::Kind::candidates:
        out << (c.sole ? "sole\n" : "candidates\n");
        for (const CandidateOperation& op : c.ops)
            out << "op\t" << number(op.west) << '\t' << number(op.south) << '\t' << number(op.east) << '\t'
                << number(op.north) << '\t' << number(op.accuracy) << '\t' << (op.offshore ? 1 : 0) << '\t'
                << op.definition << '\n';
        break;
    }
    return out.str();
}

std::optional<OperationCandidates> parse_operation_candidates(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != header || !std::getline(in, line)) return std::nullopt;
    OperationCandidates c;
    if (line == "same") {
        c.kind = OperationCandidates::Kind::same;
    } else if (line == "full") {
        c.kind = OperationCandidates::Kind::full;
    } else if (line == "candidates" || line == "sole") {
        c.kind = OperationCandidates::Kind::candidates;
        c.sole = line == "sole";
    } else {
        return std::nullopt;
    }
    while (std::getline(in, line)) {
        const auto parts = split_tabs(line);
        if (c.kind != OperationCandidates::Kind::candidates || parts.size() != 8 || parts[0] != "op" ||
            (parts[6] != "0" && parts[6] != "1"))
            return std::nullopt;
        CandidateOperation op;
        if (!parse_double(parts[1], op.west) || !parse_double(parts[2], op.south) || !parse_double(parts[3], op.east) ||
            !parse_double(parts[4], op.north) || !parse_double(parts[5], op.accuracy) || op.west > op.east ||
            op.south > op.north)
            return std::nullopt;
        op.offshore = parts[6] == "1";
        op.definition = parts[7];
        c.ops.push_back(std::move(op));
    }
    if (c.kind == OperationCandidates::Kind::candidates && (c.ops.empty() || (c.sole && c.ops.size() != 1)))
        return std::nullopt;
    return c;
}

int certain_candidate(const OperationCandidates& c, double x0, double y0, double x1, double y1)
{
    if (c.kind != OperationCandidates::Kind::candidates || c.ops.empty()) return -1;
    if (!(std::isfinite(x0) && std::isfinite(y0) && std::isfinite(x1) && std::isfinite(y1))) return -1;
    if (c.sole) return c.ops[0].definition.empty() ? -1 : 0;
    std::vector<std::size_t> others; // operations whose areas meet the box
    for (std::size_t i = 0; i < c.ops.size(); ++i)
        if (meets(c.ops[i], x0, y0, x1, y1)) others.push_back(i);
    constexpr std::size_t max_others = 12;
    for (std::size_t x = 0; x < c.ops.size(); ++x) {
        const CandidateOperation& chosen = c.ops[x];
        if (chosen.definition.empty() || !holds(chosen, x0, y0, x1, y1)) continue;
        std::vector<std::size_t> optional;
        for (const std::size_t i : others)
            if (i != x) optional.push_back(i);
        if (optional.size() > max_others) return -1;
        bool always = true;
        std::vector<bool> present(c.ops.size(), false);
        for (std::size_t subset = 0; always && subset < (std::size_t{1} << optional.size()); ++subset) {
            std::fill(present.begin(), present.end(), false);
            present[x] = true;
            for (std::size_t k = 0; k < optional.size(); ++k)
                present[optional[k]] = ((subset >> k) & 1) != 0;
            always = suggested(c.ops, present) == static_cast<int>(x);
        }
        if (always) return static_cast<int>(x);
    }
    return -1;
}

} // namespace coterm
