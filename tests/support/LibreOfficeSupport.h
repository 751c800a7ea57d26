#pragma once
// Tests that let LibreOffice do what a user's LibreOffice does (lay a .docx/.odt out, read a .doc):
// they run where LibreOffice is installed and can convert a trivial document, and skip with the
// reason elsewhere. The probe separates «this machine has no working LibreOffice» (a skip) from
// «LibreOffice cannot read what we wrote» (a failure of the test itself).
#include "objectivity/io/plan/OfficeConverter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace objectivity::test {

// Empty when LibreOffice converted a one-line text to .odt here; else why not. Probed once per
// process (and again when $OBJECTIVITY_SOFFICE changes).
inline QString libreOfficeUnavailable() {
    static QString probedProgram;
    static QString reason;
    static bool probed = false;
    const QString soffice = io::OfficeConverter::program();
    if (soffice.isEmpty())
        return QStringLiteral("LibreOffice (soffice) is not installed; apt-get install "
                              "libreoffice-writer-nogui to run this test");
    if (probed && probedProgram == soffice)
        return reason;
    probed = true;
    probedProgram = soffice;
    reason.clear();
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QFile text(dir.filePath(QStringLiteral("probe.txt")));
    if (!text.open(QIODevice::WriteOnly) || text.write("probe\n") < 0) {
        reason = QStringLiteral("cannot write the probe document");
        return reason;
    }
    text.close();
    QProcess lo;
    lo.setProcessChannelMode(QProcess::MergedChannels);
    lo.start(soffice, {QStringLiteral("-env:UserInstallation=") +
                           QUrl::fromLocalFile(dir.filePath(QStringLiteral("profile"))).toString(),
                       QStringLiteral("--headless"), QStringLiteral("--norestore"),
                       QStringLiteral("--convert-to"), QStringLiteral("odt"),
                       QStringLiteral("--outdir"), dir.path(), text.fileName()});
    const bool finished = lo.waitForFinished(180'000);
    if (!finished)
        lo.kill();
    if (!QFile::exists(dir.filePath(QStringLiteral("probe.odt"))))
        reason = QStringLiteral("LibreOffice (%1) is installed but did not convert a one-line "
                                "text here (%2): %3")
                     .arg(soffice,
                          finished ? QStringLiteral("exit code %1").arg(lo.exitCode())
                                   : QStringLiteral("no end in 3 minutes"),
                          QString::fromLocal8Bit(lo.readAll()).simplified().left(300));
    return reason;
}

} // namespace objectivity::test

// Skips the test, saying why, unless LibreOffice works here.
#define OBJ_REQUIRE_LIBREOFFICE()                                                                  \
    if (const QString why = objectivity::test::libreOfficeUnavailable(); !why.isEmpty())           \
    GTEST_SKIP() << why.toStdString()
