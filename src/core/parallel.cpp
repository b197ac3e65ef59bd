// SPDX-License-Identifier: MIT
#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace coterm {

unsigned resolve_threads(unsigned requested)
{
    if (requested > 0) return requested;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw > 0 ? hw : 1;
}

void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task)
{
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;

    auto worker = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= count || failed.load()) return;
            try {
                task(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        }
    };

    const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
    if (n <= 1) {
        worker();
    } else {
        // The calling thread is one of the n workers: one thread fewer to start, and its
        // per-thread state (GEOS context, PROJ transformation) is already made.
        std::vector<std::jthread> pool;
        pool.reserve(n - 1);
        for (unsigned t = 1; t < n; ++t)
            pool.emplace_back(worker);
        worker();
    }
    if (error) std::rethrow_exception(error);
}

} // namespace coterm
