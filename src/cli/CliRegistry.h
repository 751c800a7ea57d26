#pragma once
#include "CliGroup.h"

#include <QList>

namespace objectivity::cli {

// The command groups of objectivity-cli. Each group registers itself from its own file with a
// static CliRegistrar (see main.cpp), so adding a group never touches another file.
class CliRegistry {
public:
    static void add(CliGroup group);
    // Groups sorted by name.
    static QList<CliGroup> groups();
    static const CliGroup *find(const QString &name);

    // Runs `<group> <command> args...` (the global options already removed); prints help and
    // usage errors. Returns the process exit code.
    static int dispatch(CliContext &ctx, const QStringList &args);

    static void printHelp(CliContext &ctx);
    static void printGroupHelp(CliContext &ctx, const CliGroup &group);
};

// `static const CliRegistrar registrar(makePlanGroup);` in a group's .cpp file registers it.
struct CliRegistrar {
    explicit CliRegistrar(CliGroup (*make)()) { CliRegistry::add(make()); }
};

} // namespace objectivity::cli
