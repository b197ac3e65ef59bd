// SPDX-License-Identifier: MIT
// The one-operation shortcut (core/proj_candidates) against PROJ's own set on every
// vertex of every ONS boundary file of the mirror (all EPSG:4326): the same bits, and
// the shortcut really taken (the 2 m Helmert operation for all of England).
#include "core/reproject.hpp"
#include "io/layer_reader.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>

using namespace coterm;

TEST_CASE("Every vertex of the mirror's boundary files: the shortcut gives PROJ's own bits", "[realdata]")
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const char* folder : {"boundaries", "derived"})
        for (const auto& entry : fs::directory_iterator(realdata::data_file(folder)))
            if (entry.path().extension() == ".gpkg") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 7);
    std::size_t vertices = 0;
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        io::ReadOptions options;
        options.plain_tables = true;
        io::RawLayer raw = io::read_raw_layer(file.string(), options, file.filename().string());
        REQUIRE(raw.crs == "EPSG:4326");
        std::vector<double> x, y;
        for (RawFeature& f : raw.features)
            for_each_ring(f.wkb, [&](std::size_t, std::size_t, WkbRing ring) {
                for (std::size_t i = 0; i < ring.count; ++i) {
                    double px, py;
                    read_point(ring, i, px, py);
                    x.push_back(px);
                    y.push_back(py);
                }
            });
        REQUIRE_FALSE(x.empty());
        vertices += x.size();
        auto fx = x, fy = y;
        Reprojector fast(raw.crs, working_crs), full(raw.crs, working_crs, false);
        fast.transform(fx, fy);
        full.transform(x, y);
        CHECK(fast.last_operation() == 0);
        CHECK(std::memcmp(fx.data(), x.data(), x.size() * sizeof(double)) == 0);
        CHECK(std::memcmp(fy.data(), y.data(), y.size() * sizeof(double)) == 0);
    }
    CHECK(vertices > 700'000); // 714,258 in the mirror of 2026-11
}
