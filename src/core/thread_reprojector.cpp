// SPDX-License-Identifier: MIT
// The process's transformations: one prototype per CRS pair, built once (possibly on a
// thread of its own, prepare_reprojector) and cloned for each thread that reprojects.
#include "core/reproject.hpp"

#include <geodesic.h>

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <utility>

namespace coterm {

namespace {

using CrsPair = std::pair<std::string, std::string>;

// PROJ's geodesic code (GeographicLib's C library) fills its constants on the first
// geod_init, without a lock. Done here, during static initialisation (before main, so
// before any thread), every later call only reads them: otherwise a transformation
// prepared on its own thread (prepare_reprojector) and GDAL making a CRS on another
// both write them, the race helgrind reports (identical values, but still a race).
const bool geodesic_constants_ready = [] {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    return true;
}();

/// The process's transformations: built ones (prototypes, cloned for each thread) and
/// the ones prepare_reprojector is building.
struct Prototypes {
    std::mutex mutex;
    std::map<CrsPair, std::unique_ptr<Reprojector>> built;
    // Declared last, destroyed first: the destructor of an async future waits for its
    // thread, so a preparation still running at exit ends before the rest goes.
    std::map<CrsPair, std::future<std::unique_ptr<Reprojector>>> preparing;
};

Prototypes& prototypes()
{
    static Prototypes p;
    return p;
}

} // namespace

void prepare_reprojector(const std::string& source, const std::string& target)
{
    Prototypes& p = prototypes();
    const CrsPair key{source, target};
    std::lock_guard lock(p.mutex);
    if (p.built.count(key) || p.preparing.count(key)) return;
    try {
        p.preparing.emplace(key, std::async(std::launch::async, [source, target] {
                                return std::make_unique<Reprojector>(source, target);
                            }));
    } catch (const std::system_error&) {
        // No thread to spare: a hint only, the first use builds it instead.
    }
}

void wait_for_prepared_reprojectors()
{
    Prototypes& p = prototypes();
    std::lock_guard lock(p.mutex);
    for (auto& [key, future] : p.preparing)
        if (future.valid()) future.wait();
}

const Reprojector& thread_reprojector(const std::string& source, const std::string& target)
{
    thread_local std::map<CrsPair, std::unique_ptr<Reprojector>> cache;
    auto& slot = cache[{source, target}];
    if (!slot) {
        // One prototype per CRS pair for the whole process; cloning it is cheap, and
        // cloning reads the prototype, so it happens under the lock.
        Prototypes& p = prototypes();
        const CrsPair key{source, target};
        std::lock_guard lock(p.mutex);
        auto& prototype = p.built[key];
        if (!prototype) {
            if (auto pending = p.preparing.find(key); pending != p.preparing.end()) {
                try {
                    prototype = pending->second.get(); // waits, under the lock, as building here would
                } catch (const std::exception&) {
                    // Built again below, on this thread, to report the error where it belongs.
                }
                p.preparing.erase(pending);
            }
            if (!prototype) prototype = std::make_unique<Reprojector>(source, target);
        }
        slot = prototype->clone();
    }
    return *slot;
}

} // namespace coterm
