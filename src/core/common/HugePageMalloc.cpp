#include "objectivity/core/common/HugePageMalloc.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

namespace objectivity::core {

namespace {

constexpr const char *kTunable = "glibc.malloc.hugetlb";
// set for the re-executed program: the value GLIBC_TUNABLES had before ("" when it was not set,
// "=…" when it was), so that it can be put back
constexpr const char *kSaved = "OBJECTIVITY_SAVED_GLIBC_TUNABLES";

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::string thpMode() {
    std::string text;
    if (FILE *f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r")) {
        char buffer[128] = {};
        if (std::fgets(buffer, sizeof buffer, f))
            text = buffer;
        std::fclose(f);
    }
    return text;
}

} // namespace

std::optional<std::string> HugePageMalloc::tunablesFor(const char *current,
                                                       const std::string &thpMode) {
    if (thpMode.find("[madvise]") == std::string::npos)
        return std::nullopt;
    if (current && std::strstr(current, kTunable))
        return std::nullopt;
    std::string value = current && *current ? std::string(current) + ':' : std::string();
    return value + kTunable + "=1";
}

void HugePageMalloc::reexec(char **argv) {
#if defined(__linux__) && defined(__GLIBC__)
    if (const char *saved = std::getenv(kSaved)) {
        // the re-executed program: malloc has read the tunable; the children get the old value
        if (*saved == '=')
            ::setenv("GLIBC_TUNABLES", saved + 1, 1);
        else
            ::unsetenv("GLIBC_TUNABLES");
        ::unsetenv(kSaved);
        return;
    }
    if (kSanitized || !argv || !argv[0])
        return;
    // under valgrind the re-executed program would run outside it (--trace-children=no)
    if (const char *preload = std::getenv("LD_PRELOAD");
        preload && std::strstr(preload, "vgpreload"))
        return;
    const char *current = std::getenv("GLIBC_TUNABLES");
    const std::optional<std::string> value = tunablesFor(current, thpMode());
    if (!value)
        return;
    const std::string saved = current ? std::string("=") + current : std::string();
    if (::setenv(kSaved, saved.c_str(), 1) != 0 ||
        ::setenv("GLIBC_TUNABLES", value->c_str(), 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // exec failed: go on with ordinary pages and the environment as it was
    if (current)
        ::setenv("GLIBC_TUNABLES", saved.c_str() + 1, 1);
    else
        ::unsetenv("GLIBC_TUNABLES");
    ::unsetenv(kSaved);
#else
    (void)argv;
#endif
}

} // namespace objectivity::core
