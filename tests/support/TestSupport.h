#pragma once
// Helpers shared by the tests: where ../shared lives, and skipping cleanly when it is absent.
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace objectivity::test {

inline QString sharedDir() {
    const QByteArray env = qgetenv("OBJECTIVITY_SHARED_DIR");
    return env.isEmpty() ? QString::fromUtf8(OBJECTIVITY_SHARED_DIR) : QString::fromUtf8(env);
}

// Path of a file under ../shared, or an empty string when it is not there.
inline QString sharedFile(const QString &relative) {
    const QString path = QDir(sharedDir()).filePath(relative);
    return QFileInfo::exists(path) ? path : QString();
}

// The seed whose file name starts with the given prefix ("000", "001", ...).
inline QString seedPath(const QString &prefix) {
    const QDir dir(QDir(sharedDir()).filePath(QStringLiteral("seeds")));
    const QStringList found = dir.entryList({prefix + QStringLiteral("_*.txt")}, QDir::Files);
    return found.isEmpty() ? QString() : dir.filePath(found.first());
}

inline QString sourceFile(const QString &relative) {
    return QDir(QString::fromUtf8(OBJECTIVITY_SOURCE_DIR)).filePath(relative);
}

} // namespace objectivity::test

// Skips the current test with a clear message when a file from ../shared is missing.
#define OBJ_REQUIRE_SHARED(path, what)                                                             \
    do {                                                                                           \
        if ((path).isEmpty())                                                                      \
            GTEST_SKIP() << "../shared is absent (" << (what)                                      \
                         << " not found); set OBJECTIVITY_SHARED_DIR to run this test";            \
    } while (0)
