// SPDX-License-Identifier: MIT
#pragma once
#include "core/wkb.hpp"

#include <memory>
#include <span>
#include <string>

namespace coterm {

/// EPSG:27700, British National Grid: coterm's working CRS (metres).
inline constexpr const char* working_crs = "EPSG:27700";
/// EPSG:4326, WGS 84, written in longitude/latitude order (RFC 7946).
inline constexpr const char* wgs84_crs = "EPSG:4326";

/// Transforms coordinates between two CRSs with PROJ, always in the traditional GIS
/// axis order (x = easting/longitude, y = northing/latitude), which is how GDAL hands
/// us coordinates whatever the CRS's official axis order (EPSG:4326 is lat/lon).
/// Not thread-safe: make one per thread (construction is cheap, a few ms).
class Reprojector {
public:
    /// `source` and `target`: any definition PROJ accepts (WKT, "EPSG:n", PROJJSON).
    /// Throws DataError naming the definition when PROJ cannot use it.
    Reprojector(const std::string& source, const std::string& target);
    ~Reprojector();
    /// An independent copy with its own PROJ context, for another thread: ~1 ms,
    /// where constructing one searches PROJ's database (~20 ms).
    std::unique_ptr<Reprojector> clone() const;
    Reprojector(const Reprojector&) = delete;
    Reprojector& operator=(const Reprojector&) = delete;

    /// True when source and target are the same CRS, so nothing is transformed.
    bool is_identity() const { return transform_ == nullptr; }
    /// Transforms every ring of a polygonal WKB in place (see for_each_ring).
    /// Throws DataError when a point cannot be transformed.
    void transform_wkb(std::span<unsigned char> wkb) const;
    /// Transforms every ring of several polygonal WKBs in place, each distinct
    /// coordinate once: neighbouring features share their boundary vertices (only 38%
    /// of LSOA 2021 vertices are distinct), so this saves most PROJ calls. The result is
    /// bit-identical to transforming each WKB on its own.
    void transform_wkbs(std::span<Wkb* const> wkbs) const;
    /// Transforms arrays of coordinates in place.
    void transform(std::span<double> x, std::span<double> y) const;

private:
    Reprojector();
    struct Proj;
    std::unique_ptr<Proj> proj_;
    void* transform_ = nullptr;
};

/// The PROJ library version, e.g. "9.1.1".
std::string proj_version();

} // namespace coterm

namespace coterm {

/// This thread's Reprojector for (source, target), created on first use and kept
/// for the life of the thread, so parallel workers each get their own PROJ objects.
/// The first use in the process builds the transformation; later threads clone it.
/// When prepare_reprojector started building it, this waits for that build.
const Reprojector& thread_reprojector(const std::string& source, const std::string& target);

/// Starts building the process's transformation from `source` to `target` on a thread
/// of its own, so that the first thread_reprojector(source, target) finds it ready.
/// PROJ's search of its database for a transformation (~45 ms for EPSG:4326 to
/// EPSG:27700) then overlaps opening and reading the data. A hint only: the
/// transformation is built by the same constructor either way, so results are the same
/// whether or not it was prepared, and a failed preparation is forgotten (the later
/// thread_reprojector builds again and reports the error). Thread-safe; a pair already
/// prepared or built is not prepared again.
void prepare_reprojector(const std::string& source, const std::string& target);

/// Waits for every preparation still running. Called by main before returning: a
/// preparing thread uses PROJ's static objects, which exit destroys.
void wait_for_prepared_reprojectors();

} // namespace coterm
