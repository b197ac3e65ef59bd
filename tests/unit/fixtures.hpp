// SPDX-License-Identifier: MIT
// Tiny hand-checkable layers for the unit tests, in EPSG:27700 metres.
#pragma once
#include "core/layer_builder.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace coterm::test {

/// A layer from (code, WKT) pairs, built like a real one (EPSG:27700, one thread).
inline Layer make_layer(const std::string& id, const std::vector<std::pair<std::string, std::string>>& features,
                        BuildReport* report = nullptr)
{
    std::vector<RawFeature> raw;
    for (const auto& [code, wkt] : features)
        raw.push_back({code, "name of " + code, wkt.empty() ? Wkb{} : Geometry::from_wkt(wkt).to_wkb()});
    BuildReport local;
    LayerBuildOptions options{"EPSG:27700", 1};
    return build_layer(id, id, std::move(raw), options, report ? *report : local);
}

/// WKT of the axis-aligned rectangle [x0, x1] × [y0, y1].
inline std::string box(double x0, double y0, double x1, double y1)
{
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
}

/// WKT of a block [0, w] × [0, 1000] whose top edge zig-zags between y = 1000 and
/// y = 1040 at every metre (w + 3 vertices). Each metre adds a triangle of base 1 and
/// height 40 above the block, so the area is w · 1000 + w · 20 = 1020 w, and the
/// part over [x0, x1] (whole metres) is 1020 (x1 − x0).
inline std::string zigzag(int w)
{
    std::string wkt = "POLYGON((0 0," + std::to_string(w) + " 0";
    for (int k = w; k >= 0; --k)
        wkt += "," + std::to_string(k) + " " + (k % 2 ? "1040" : "1000");
    return wkt + ",0 0))";
}

/// Writes `text` to `name` (in the test's working folder) and returns the name.
/// Writes `text` to `name` in a folder of this test run under the system's temporary
/// directory (never the working directory) and returns the path.
inline std::string write_temp(const std::string& name, const std::string& text)
{
    struct TempDir { // removed when the test binary exits
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("coterm-unit-" + std::to_string(::getpid()));
        TempDir() { std::filesystem::create_directories(path); }
        ~TempDir() { std::filesystem::remove_all(path); }
    };
    static const TempDir dir;
    const std::string path = (dir.path / name).string();
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace coterm::test
