#pragma once
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

} // namespace objectivity::core
