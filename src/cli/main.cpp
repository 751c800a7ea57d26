// objectivity-cli: the application's functions from the command line (scripts, tests, batch work).
//
// How to add a command group (e.g. `results`):
//   1. Create src/cli/ResultsCommands.cpp (the CMake glob picks it up; no other file changes).
//   2. In it, write a function returning a CliGroup (CliGroup.h): the group name, a one-line
//   Russian
//      description and its commands, each with a name, an argument synopsis, a description and a
//      handler `int (CliContext &ctx, const QStringList &args)` (args = what follows the command
//      name).
//   3. Register it at file scope:   static const CliRegistrar registrar(makeResultsGroup);
//      (inside an anonymous namespace). `objectivity-cli --help` and `objectivity-cli results
//      --help` then list it automatically.
// In a handler: ctx.database() opens the database given by --db (on demand); ctx.out() is stdout,
// ctx.err() is stderr (both UTF-8); report errors with `return ctx.fail(error);` (Russian text,
// exit code 1) and bad arguments with `return ctx.usageError(message, groupName);` (exit code 2).
// CliContext::takeFlag / takeOption / parseId read the command's own arguments. Keep business logic
// in the libraries; a handler only parses arguments, calls them and prints.
#include "CliContext.h"
#include "CliRegistry.h"
#include "objectivity/core/common/HugePageMalloc.h"

#include <QDir>
#include <QGuiApplication>
#include <QTextStream>

#include <cerrno>
#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    // malloc on transparent huge pages: runs the program again, once, before anything else
    objectivity::core::HugePageMalloc::reexec(argv);
    // A GUI application without windows: printing a plan to PDF needs fonts (plan export).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a session (cron, ssh, CI) the platform plugin warns that XDG_RUNTIME_DIR is not set
    // on every run; give it the private folder it would fall back to, quietly.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/runtime-" +
                               QByteArray::number(static_cast<qulonglong>(::getuid()));
        if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", dir);
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Объективность"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);

    objectivity::cli::CliContext ctx(out, err);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (!ctx.parseGlobalOptions(args))
        return objectivity::cli::CliContext::Usage;
    const int code = objectivity::cli::CliRegistry::dispatch(ctx, args);
    out.flush();
    err.flush();
    return code;
}
