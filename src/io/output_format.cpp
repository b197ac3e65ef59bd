// SPDX-License-Identifier: MIT
#include "io/output_format.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/gdal_errors.hpp"

#include <gdal.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace coterm::io {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// coterm's own rendering for an extension (without the dot, lower case), or "".
std::string native_for_extension(const std::string& ext)
{
    if (ext == "csv" || ext == "json" || ext == "geojson") return ext;
    if (ext == "txt" || ext == "text") return "text";
    return {};
}

bool can_create_vector(GDALDriverH d)
{
    return GDALGetMetadataItem(d, GDAL_DCAP_VECTOR, nullptr) && GDALGetMetadataItem(d, GDAL_DCAP_CREATE, nullptr);
}

/// The first GDAL vector driver (in GDAL's registration order, so the same on every
/// run) that creates files with extension `ext`, or "".
std::string driver_for_extension(const std::string& ext)
{
    init_gdal();
    std::string found;
    for (int i = 0; i < GDALGetDriverCount(); ++i) {
        GDALDriverH d = GDALGetDriver(i);
        if (!can_create_vector(d)) continue;
        const char* exts = GDALGetMetadataItem(d, GDAL_DMD_EXTENSIONS, nullptr);
        if (!exts) exts = GDALGetMetadataItem(d, GDAL_DMD_EXTENSION, nullptr);
        if (!exts) continue;
        std::istringstream words(lower(exts));
        for (std::string e; words >> e;)
            if (e == ext && found.empty()) found = GDALGetDriverShortName(d);
    }
    return found;
}

/// The GDAL vector driver named by --format (short name, any case; "gpkg", "fgb"), or "".
std::string driver_for_name(const std::string& name)
{
    init_gdal();
    const std::string want = lower(name) == "fgb" ? "flatgeobuf" : lower(name);
    for (int i = 0; i < GDALGetDriverCount(); ++i) {
        GDALDriverH d = GDALGetDriver(i);
        if (can_create_vector(d) && lower(GDALGetDriverShortName(d)) == want) return GDALGetDriverShortName(d);
    }
    return {};
}

OutputFormat from_name(const std::string& name)
{
    const std::string n = lower(name);
    if (n == "csv" || n == "json" || n == "geojson" || n == "text") return {n, ""};
    const std::string driver = driver_for_name(name);
    return {driver, driver};
}

std::string offered(const OutputChoices& c)
{
    return join(c.native, ", ") + (c.has_geometry ? ", gpkg, fgb" : ", gpkg") + " or another GDAL vector format";
}

} // namespace

OutputFormat choose_output_format(const std::string& path, const std::string& format, const OutputChoices& c)
{
    const bool to_stdout = path.empty() || path == "-";
    std::string ext = to_stdout ? "" : lower(std::filesystem::path(path).extension().string());
    if (!ext.empty()) ext.erase(0, 1);
    OutputFormat by_ext;
    if (!ext.empty()) {
        const std::string native = native_for_extension(ext);
        by_ext = native.empty() ? OutputFormat{driver_for_extension(ext), driver_for_extension(ext)}
                                : OutputFormat{native, ""};
    }
    OutputFormat chosen;
    if (!format.empty()) {
        chosen = from_name(format);
        if (chosen.name.empty())
            throw UsageError("--format " + format + ": not a format " + c.command + " writes (" + offered(c) + ")");
        if (!by_ext.name.empty() && by_ext.name != chosen.name)
            throw UsageError("--format " + format + " disagrees with the extension of '" + path + "' (" + by_ext.name +
                             "); drop --format or change the file name");
    } else if (!by_ext.name.empty()) {
        chosen = by_ext;
    } else if (!ext.empty()) {
        throw UsageError("cannot tell the format of '" + path + "' from its extension; give --format (" + offered(c) +
                         ")");
    } else {
        chosen = {c.fallback, ""};
    }
    if (!chosen.gdal()) {
        if (std::find(c.native.begin(), c.native.end(), chosen.name) == c.native.end())
            throw UsageError(c.command + " does not write " + chosen.name + (to_stdout ? "" : " ('" + path + "')") +
                             "; it writes " + offered(c));
        return chosen;
    }
    if (to_stdout)
        throw UsageError("a " + chosen.name + " output needs a file: give -o FILE (e.g. -o out." +
                         (chosen.driver == "GPKG" ? std::string("gpkg")
                          : ext.empty()           ? lower(chosen.name)
                                                  : ext) +
                         ")");
    // coterm writes one file atomically; drivers that spread a layer over several files
    // (a .shp with its .shx, .dbf and .prj) cannot be replaced in one step.
    if (chosen.driver == "ESRI Shapefile" || chosen.driver == "MapInfo File")
        throw UsageError("'" + path + "': " + chosen.name +
                         " writes several files, which cannot be replaced in one step; write .gpkg or .fgb instead");
    if (!c.has_geometry && chosen.driver != "GPKG")
        throw UsageError(c.command + " writes a table without geometry, which " + chosen.name + " cannot hold ('" +
                         path + "'); write .gpkg (an attributes table), .csv or .json");
    return chosen;
}

} // namespace coterm::io
