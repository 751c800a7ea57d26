#pragma once
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace objectivity::core {

// Runs `work` on `threads` threads — this one and threads − 1 more — and returns when every one
// has finished. The work shares its items itself (an atomic counter of the next item).
template <typename Work> void runOnThreads(int threads, const Work &work) {
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
}

// Calls work(i) once for every i in [0, count), the indices shared out among `threads` threads
// (runOnThreads). The work of one index must not touch another index's data.
template <typename Work>
void forEachIndexOnThreads(int threads, std::size_t count, const Work &work) {
    std::atomic<std::size_t> next{0};
    runOnThreads(threads, [&] {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            work(i);
    });
}

} // namespace objectivity::core
