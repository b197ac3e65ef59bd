// SPDX-License-Identifier: MIT
#pragma once
#include "core/wkb.hpp"

#include <vector>

#include <functional>
#include <memory>
#include <optional>
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
///
/// For a WGS 84 longitude/latitude source (all ONS boundary files), PROJ's answer is a
/// set of operations, chosen point by point by area of use and accuracy; searching its
/// database for that set is most of a small run's time. So the set's members are kept
/// (OperationCandidates, in the cache folder through set_operation_store), and a batch
/// of points that PROJ would certainly give all to one operation
/// (certain_candidate) is transformed by that operation alone, made from its PROJ
/// string: the same pipeline, so the same bits. Any other batch, or one in which that
/// operation fails for a point, goes through PROJ's own set, built on first need.
struct OperationCandidates;
class Reprojector {
public:
    /// `source` and `target`: any definition PROJ accepts (WKT, "EPSG:n", PROJJSON).
    /// Throws DataError naming the definition when PROJ cannot use it. `shortcut`
    /// false: always PROJ's own set (tests compare the two).
    Reprojector(const std::string& source, const std::string& target, bool shortcut = true);
    ~Reprojector();
    /// An independent copy with its own PROJ context, for another thread: ~1 ms,
    /// where constructing one searches PROJ's database (~20 ms).
    std::unique_ptr<Reprojector> clone() const;
    Reprojector(const Reprojector&) = delete;
    Reprojector& operator=(const Reprojector&) = delete;

    /// True when source and target are the same CRS, so nothing is transformed.
    bool is_identity() const;
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
    /// Which candidate operation transformed the last batch alone (an index into
    /// OperationCandidates::ops), or -1 when PROJ's own set did (or nothing did).
    int last_operation() const { return last_operation_; }

private:
    Reprojector();
    void build_full() const;
    bool transform_by_one_operation(std::span<double> x, std::span<double> y) const;
    struct Proj;
    std::unique_ptr<Proj> proj_;
    std::string source_, target_;
    std::shared_ptr<const OperationCandidates> candidates_;
    mutable std::vector<void*> single_; ///< one PROJ object per candidate, made on first use
    mutable void* transform_ = nullptr; ///< PROJ's own set (or its one operation), made on first need
    mutable int last_operation_ = -1;
};

/// Where Reprojector keeps and finds what PROJ's search found for a CRS pair (the text
/// of serialise(OperationCandidates)); io gives it the cache folder. `load` returns
/// nullopt for a miss; both must be thread-safe and never throw. With `shortcut`
/// false, every transformation goes through PROJ's own set (the behaviour to compare
/// with, COTERM_PROJ_SHORTCUT=0).
struct OperationStore {
    std::function<std::optional<std::string>(const std::string& source, const std::string& target)> load;
    std::function<void(const std::string& source, const std::string& target, const std::string& text)> save;
    bool shortcut = true;
};
void set_operation_store(OperationStore store);

/// The PROJ library version, e.g. "9.1.1".
std::string proj_version();
/// The folders PROJ looks in for proj.db, grids and proj.ini, separated by ';'.
std::string proj_search_paths();

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
