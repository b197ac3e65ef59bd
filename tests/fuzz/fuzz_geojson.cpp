// SPDX-License-Identifier: MIT
// libFuzzer target: a GeoJSON file read through GDAL (io/layer_reader) and built into a
// layer (core/layer_builder: finiteness, reprojection, repair), as `coterm overlap
// file.geojson …` does. GDAL itself is not instrumented; coterm's code is.
#include "core/layer_builder.hpp"
#include "io/layer_reader.hpp"

#include <cpl_vsi.h>

#include <cstdint>
#include <exception>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* path = "/vsimem/fuzz.geojson";
    VSILFILE* f = VSIFileFromMemBuffer(path, const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    try {
        coterm::io::ReadOptions options;
        options.code_field = "code";
        coterm::io::RawLayer raw = coterm::io::read_raw_layer(path, options, "fuzz.geojson");
        coterm::LayerBuildOptions build;
        build.source_crs = raw.crs;
        build.threads = 1;
        coterm::BuildReport report;
        coterm::build_layer("fuzz", "fuzz.geojson", std::move(raw.features), build, report);
    } catch (const std::exception&) {
    }
    VSIUnlink(path);
    return 0;
}
