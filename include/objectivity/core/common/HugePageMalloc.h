#pragma once
#include <optional>
#include <string>

namespace objectivity::core {

// glibc's malloc backs its heap with transparent huge pages (2 MB) only when the process is
// started with GLIBC_TUNABLES=glibc.malloc.hugetlb=1: the tunables are read once, before main().
// The analysis of a million participants touches ≈350 MB, and with 4 KB pages a third of its CPU
// time went to the kernel's page faults (docs/benchmarks.md, 2026-12-03).
//
// reexec() runs the program again, once, with the tunable added — at the very start of main(),
// before any thread, file or Qt object exists — when:
// - the C library is glibc (Linux), the build has no address or thread sanitizer (they bring
//   their own malloc) and the program does not run under valgrind (the re-executed program would
//   run outside it);
// - the kernel gives huge pages on request only (/sys/kernel/mm/transparent_hugepage/enabled is
//   «madvise»; with «always» malloc gets them anyway, with «never» not at all);
// - GLIBC_TUNABLES does not name the tunable already (GLIBC_TUNABLES=glibc.malloc.hugetlb=0 turns
//   this off).
// The re-executed program puts GLIBC_TUNABLES back as it was, so the programs it starts do not
// inherit it. If exec fails, reexec() returns and the program goes on with ordinary pages.
class HugePageMalloc {
public:
    static void reexec(char **argv);

    // The GLIBC_TUNABLES value to re-execute with, or nothing: `current` is the variable's value
    // (nullptr: not set), `thpMode` the contents of the kernel's transparent_hugepage/enabled.
    static std::optional<std::string> tunablesFor(const char *current, const std::string &thpMode);
};

} // namespace objectivity::core
