// SPDX-License-Identifier: MIT
// Checks a `coterm run` output folder independently of coterm's own code:
//  - footprints.geojson is RFC 7946: a FeatureCollection without "crs", positions in
//    lon/lat range with at most 6 decimals, rings closed with ≥ 4 positions, exterior
//    rings counter-clockwise and holes clockwise (shoelace sign in lon/lat);
//  - every conservation line of summary.md adds up: in = in footprints + outside;
//  - each "in footprints" equals the sum of that column of footprints.csv;
//  - population column + population_outside (scorecard.json) = --population-total;
//  - --source VAR=TOTAL: in + what is held apart (rows without coordinates, codes not in
//    the source layer) = TOTAL, a figure documented with the data, to half a unit of
//    its last decimal place.
// Usage: coterm_check_run DIR [--population-total N] [--source VAR=TOTAL ...]
// Prints one line per failed check and exits 1 when any failed.
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

int failures = 0;

void fail(const std::string& what)
{
    std::cerr << "check_run: " << what << "\n";
    ++failures;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail("cannot read " + path);
        return {};
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool close(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)});
}

/// Twice the signed area of a ring in lon/lat (> 0: counter-clockwise).
double shoelace(const nlohmann::json& ring)
{
    double s = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        s += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
             ring[i + 1][0].get<double>() * ring[i][1].get<double>();
    return s;
}

void check_polygon(const nlohmann::json& rings, const std::string& where)
{
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const auto& ring = rings[r];
        const std::string w = where + " ring " + std::to_string(r);
        if (ring.size() < 4 || ring.front() != ring.back()) fail(w + ": not a closed ring of 4 or more positions");
        for (const auto& p : ring) {
            const double lon = p[0].get<double>(), lat = p[1].get<double>();
            if (p.size() != 2 || lon < -180 || lon > 180 || lat < -90 || lat > 90) fail(w + ": position out of range");
        }
        const double s = shoelace(ring);
        if (r == 0 && s <= 0) fail(w + ": exterior ring is not counter-clockwise");
        if (r > 0 && s >= 0) fail(w + ": hole is not clockwise");
    }
}

void check_geojson(const std::string& dir)
{
    const std::string text = slurp(dir + "/footprints.geojson");
    // RFC 7946 §11.2: 6 decimals are about 10 cm; coterm promises no more.
    const std::regex position(R"(\[\s*(-?[0-9]+)(\.[0-9]+)?\s*,\s*(-?[0-9]+)(\.[0-9]+)?\s*\])");
    std::size_t positions = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), position), end; it != end; ++it, ++positions)
        if ((*it)[2].length() > 7 || (*it)[4].length() > 7) {
            fail("footprints.geojson: a position with more than 6 decimals: " + it->str());
            break;
        }
    if (positions == 0) fail("footprints.geojson: no positions");
    const auto doc = nlohmann::json::parse(text);
    if (doc.value("type", "") != "FeatureCollection") fail("footprints.geojson: not a FeatureCollection");
    if (doc.contains("crs")) fail("footprints.geojson: has a crs member");
    for (const auto& f : doc["features"]) {
        const std::string code = f["properties"].value("code", "?");
        const auto& g = f["geometry"];
        if (g["type"] == "Polygon")
            check_polygon(g["coordinates"], code);
        else if (g["type"] == "MultiPolygon")
            for (const auto& p : g["coordinates"])
                check_polygon(p, code);
        else
            fail(code + ": geometry is " + g["type"].dump());
    }
}

/// Column sums of footprints.csv (plain numbers; quoted text fields are skipped whole).
std::map<std::string, double> column_sums(const std::string& dir, std::map<std::string, int>& numeric)
{
    std::istringstream in(slurp(dir + "/footprints.csv"));
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    for (std::istringstream h(line); std::getline(h, line, ',');)
        names.push_back(line);
    std::map<std::string, double> sums;
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                fields.push_back(field), field.clear();
            else
                field += c;
        }
        fields.push_back(field);
        for (std::size_t i = 0; i < names.size() && i < fields.size(); ++i) {
            char* end = nullptr;
            const double v = std::strtod(fields[i].c_str(), &end);
            if (!fields[i].empty() && end && *end == '\0') sums[names[i]] += v, ++numeric[names[i]];
        }
    }
    return sums;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: coterm_check_run DIR [--population-total N] [--source VAR=TOTAL ...]\n";
        return 2;
    }
    const std::string dir = argv[1];
    double population_total = -1;
    std::map<std::string, std::pair<double, double>> sources; // total, allowed difference
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--population-total") population_total = std::stod(value);
        if (flag == "--source") {
            const std::string total = value.substr(value.find('=') + 1);
            const auto point = total.find('.');
            const int decimals = point == std::string::npos ? 0 : static_cast<int>(total.size() - point - 1);
            sources[value.substr(0, value.find('='))] = {std::stod(total), 0.5 * std::pow(10.0, -decimals)};
        }
    }
    check_geojson(dir);
    std::map<std::string, int> numeric;
    const auto sums = column_sums(dir, numeric);

    const auto card = nlohmann::json::parse(slurp(dir + "/scorecard.json"));
    if (population_total >= 0) {
        const double outside = card["summary"]["population_outside"].get<double>();
        if (!close(sums.at("population") + outside, population_total, 1e-12))
            fail("population: footprints " + std::to_string(sums.at("population")) + " + outside " +
                 std::to_string(outside) + " != " + std::to_string(population_total));
    }

    // "- VAR (kind, file...): in A, in footprints B, outside C; N rows without coordinates
    // hold D" (points) or "...; N codes not in LAYER hold D" (area data)
    const std::regex line_re(
        R"(^- (\S+) \(([^)]*)\): in ([-0-9.e+]+), in footprints ([-0-9.e+]+), outside ([-0-9.e+]+); \d+ (rows without coordinates|codes not in \S+) hold ([-0-9.e+]+)$)");
    std::istringstream summary(slurp(dir + "/summary.md"));
    std::size_t lines = 0;
    for (std::string line; std::getline(summary, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, line_re)) continue;
        ++lines;
        const std::string var = m[1];
        const double in = std::stod(m[3]), inside = std::stod(m[4]), outside = std::stod(m[5]);
        const double apart = std::stod(m[7]); // rows without coordinates, codes not in the layer
        // summary.md gives amounts to the penny (2 decimals): agreement within rounding
        // of each printed figure (0.005 each) or 1e-12 relative, whichever is larger.
        const auto close_amount = [](double a, double b) { return close(a, b, 1e-12) || std::abs(a - b) <= 0.0151; };
        if (!close_amount(in, inside + outside))
            fail(var + ": in " + m[3].str() + " != in footprints " + m[4].str() + " + outside " + m[5].str());
        if (!sums.contains(var) || numeric[var] == 0)
            fail(var + ": no such numeric column in footprints.csv");
        else if (!close_amount(sums.at(var), inside))
            fail(var + ": footprints.csv sums to " + std::to_string(sums.at(var)) + ", summary says " + m[4].str());
        if (sources.contains(var) && std::abs(in + apart - sources.at(var).first) > sources.at(var).second)
            fail(var + ": source total " + std::to_string(in + apart) + " != documented " +
                 std::to_string(sources.at(var).first));
        sources.erase(var);
    }
    for (const auto& [var, total] : sources)
        fail(var + ": no conservation line in summary.md");
    if (failures == 0)
        std::cout << "check_run: " << dir << ": RFC 7946 geometry, " << lines << " conservation lines, "
                  << (population_total >= 0 ? "population total, " : "") << "all hold\n";
    return failures == 0 ? 0 : 1;
}
