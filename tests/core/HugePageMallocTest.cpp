// When the programs re-execute themselves with malloc on transparent huge pages
// (HugePageMalloc::tunablesFor): only where the kernel gives them on request, never twice, never
// against the user's own GLIBC_TUNABLES.
#include "objectivity/core/common/HugePageMalloc.h"

#include <gtest/gtest.h>

using objectivity::core::HugePageMalloc;

TEST(HugePageMalloc, AddsTheTunableWhereTheKernelGivesHugePagesOnRequest) {
    const std::string madvise = "always [madvise] never\n";
    EXPECT_EQ(HugePageMalloc::tunablesFor(nullptr, madvise), "glibc.malloc.hugetlb=1");
    EXPECT_EQ(HugePageMalloc::tunablesFor("", madvise), "glibc.malloc.hugetlb=1");
    // the user's own tunables are kept
    EXPECT_EQ(HugePageMalloc::tunablesFor("glibc.malloc.arena_max=2", madvise),
              "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
}

TEST(HugePageMalloc, NothingWhenAlwaysNeverUnknownOrAlreadyNamed) {
    EXPECT_FALSE(HugePageMalloc::tunablesFor(nullptr, "[always] madvise never\n"));
    EXPECT_FALSE(HugePageMalloc::tunablesFor(nullptr, "always madvise [never]\n"));
    EXPECT_FALSE(HugePageMalloc::tunablesFor(nullptr, "")); // no such file: not Linux, no THP
    // already re-executed, or turned off by the user
    EXPECT_FALSE(HugePageMalloc::tunablesFor("glibc.malloc.hugetlb=1", "always [madvise] never"));
    EXPECT_FALSE(HugePageMalloc::tunablesFor("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0",
                                             "always [madvise] never"));
}
