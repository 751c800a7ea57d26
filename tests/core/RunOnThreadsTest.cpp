#include "objectivity/core/common/RunOnThreads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

using namespace objectivity::core;

TEST(RunOnThreads, EveryIndexOnceWhateverTheThreads) {
    for (const int threads : {1, 2, 5})
        for (const std::size_t count : {std::size_t(0), std::size_t(1), std::size_t(1000)}) {
            std::vector<std::atomic<int>> visits(count);
            std::atomic<int> calls{0};
            forEachIndexOnThreads(threads, count, [&](std::size_t i) {
                visits[i].fetch_add(1);
                calls.fetch_add(1);
            });
            EXPECT_EQ(calls.load(), static_cast<int>(count)) << threads << " threads";
            for (std::size_t i = 0; i < count; ++i)
                EXPECT_EQ(visits[i].load(), 1) << "index " << i << ", " << threads << " threads";
        }
}
