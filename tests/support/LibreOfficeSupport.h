#pragma once
// Tests that let LibreOffice do what a user's LibreOffice does (lay a .docx/.odt out, read a .doc):
// they run where LibreOffice is installed and can convert a trivial document, and skip with the
// reason elsewhere. The probe separates «this machine has no working LibreOffice» (a skip) from
// «LibreOffice cannot read what we wrote» (a failure of the test itself).
#include "objectivity/io/formats/OfficeConverter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace objectivity::test {

// Has LibreOffice convert `files` to `format` («pdf», «odt», «docx:MS Word 2007 XML») into
// `outDir`, in one run with a profile of its own in `profileDir`; false when it did not end in
// `timeoutMs`. `output` gets what it printed.
inline bool convertWithLibreOffice(const QStringList &files, const QString &format,
                                   const QString &outDir, const QString &profileDir,
                                   int timeoutMs = 300'000, QString *output = nullptr) {
    QProcess lo;
    lo.setProcessChannelMode(QProcess::MergedChannels);
    lo.start(io::OfficeConverter::program(),
             QStringList{QStringLiteral("-env:UserInstallation=") +
                             QUrl::fromLocalFile(profileDir).toString(),
                         QStringLiteral("--headless"), QStringLiteral("--norestore"),
                         QStringLiteral("--convert-to"), format, QStringLiteral("--outdir"),
                         outDir} +
                 files);
    const bool finished = lo.waitForFinished(timeoutMs);
    if (!finished)
        lo.kill();
    if (output)
        *output = finished ? QStringLiteral("exit code %1: ").arg(lo.exitCode()) +
                                 QString::fromLocal8Bit(lo.readAll()).simplified().left(300)
                           : QStringLiteral("no end in %1 s").arg(timeoutMs / 1000);
    return finished;
}

// The pages of a PDF as `pdftotext -layout` lays them out, each a list of its non-empty lines
// (simplified); empty when pdftotext is missing or fails.
inline QList<QStringList> pdfPageLines(const QString &pdf) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/pdftotext"),
            {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    QList<QStringList> pages;
    for (const QString &page : QString::fromUtf8(p.readAllStandardOutput()).split(u'\f')) {
        QStringList lines;
        for (const QString &line : page.split(u'\n'))
            if (!line.trimmed().isEmpty())
                lines << line.simplified();
        pages << lines;
    }
    while (!pages.isEmpty() && pages.last().isEmpty()) // the text ends with a form feed
        pages.removeLast();
    return pages;
}

// The widths, in points, of the words `word` on page `page` (1-based) of a PDF, as pdftotext
// -bbox finds them; empty when pdftotext is missing or fails.
inline QList<double> pdfWordWidths(const QString &pdf, int page, const QString &word) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/pdftotext"),
            {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
             QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    static const QRegularExpression re(QStringLiteral(
        R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>)re"));
    QList<double> widths;
    const QString xml = QString::fromUtf8(p.readAllStandardOutput());
    for (auto it = re.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(3) == word)
            widths << m.captured(2).toDouble() - m.captured(1).toDouble();
    }
    return widths;
}

// The width, in points, of `text` in Liberation Sans (Arial's metric twin, which LibreOffice draws
// for Arial) at `pointSize`: a text printed unscaled is as wide (needs a QGuiApplication).
inline double liberationSansWidth(const QString &text, double pointSize, bool bold) {
    QFont font(QStringLiteral("Liberation Sans"));
    font.setPixelSize(1000);
    font.setBold(bold);
    return QFontMetricsF(font).horizontalAdvance(text) * pointSize / 1000;
}

// What LibreOffice prints of `file`: its PDF, written beside it as `*pdf`, read by
// pdfPageLines; empty when nothing was printed, `output` saying what LibreOffice said.
inline QList<QStringList> printWithLibreOffice(const QString &file, QString *pdf, QString *output) {
    const QFileInfo info(file);
    const QDir dir = info.absoluteDir();
    convertWithLibreOffice({file}, QStringLiteral("pdf"), dir.path(),
                           dir.filePath(QStringLiteral("profile")), 300'000, output);
    *pdf = dir.filePath(info.completeBaseName() + QStringLiteral(".pdf"));
    return pdfPageLines(*pdf);
}

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
    QString output;
    convertWithLibreOffice({text.fileName()}, QStringLiteral("odt"), dir.path(),
                           dir.filePath(QStringLiteral("profile")), 180'000, &output);
    if (!QFile::exists(dir.filePath(QStringLiteral("probe.odt"))))
        reason = QStringLiteral("LibreOffice (%1) is installed but did not convert a one-line "
                                "text here (%2)")
                     .arg(soffice, output);
    return reason;
}

// Empty when LibreOffice Calc saved a one-line table as .xlsx here (only Calc writes .xlsx);
// else why not. Probed once per process.
inline QString libreOfficeCalcUnavailable() {
    if (const QString why = libreOfficeUnavailable(); !why.isEmpty())
        return why;
    static const QString reason = [] {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QFile table(dir.filePath(QStringLiteral("probe.csv")));
        if (!table.open(QIODevice::WriteOnly) || table.write("probe,1\n") < 0)
            return QStringLiteral("cannot write the probe table");
        table.close();
        QString output;
        convertWithLibreOffice({table.fileName()}, QStringLiteral("xlsx"), dir.path(),
                               dir.filePath(QStringLiteral("profile")), 180'000, &output);
        if (!QFile::exists(dir.filePath(QStringLiteral("probe.xlsx"))))
            return QStringLiteral("LibreOffice Calc did not convert a one-line table here (%1); "
                                  "apt-get install libreoffice-calc-nogui to run this test")
                .arg(output);
        return QString();
    }();
    return reason;
}

// Sets $OBJECTIVITY_SOFFICE for as long as it lives (an empty value: no LibreOffice).
class SofficeOverride {
public:
    explicit SofficeOverride(const QByteArray &value)
        : m_had(qEnvironmentVariableIsSet("OBJECTIVITY_SOFFICE")),
          m_old(qgetenv("OBJECTIVITY_SOFFICE")) {
        qputenv("OBJECTIVITY_SOFFICE", value);
    }
    ~SofficeOverride() {
        if (m_had)
            qputenv("OBJECTIVITY_SOFFICE", m_old);
        else
            qunsetenv("OBJECTIVITY_SOFFICE");
    }
    SofficeOverride(const SofficeOverride &) = delete;
    SofficeOverride &operator=(const SofficeOverride &) = delete;

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace objectivity::test

// Skips the test, saying why, unless LibreOffice works here.
#define OBJ_REQUIRE_LIBREOFFICE()                                                                  \
    if (const QString why = objectivity::test::libreOfficeUnavailable(); !why.isEmpty())           \
    GTEST_SKIP() << why.toStdString()

// The same, and pdftotext (poppler-utils) to read what LibreOffice printed.
#define OBJ_REQUIRE_LIBREOFFICE_AND_PDFTOTEXT()                                                    \
    OBJ_REQUIRE_LIBREOFFICE();                                                                     \
    if (!QFile::exists(QStringLiteral("/usr/bin/pdftotext")))                                      \
    GTEST_SKIP() << "pdftotext (poppler-utils) is not installed"

// The same for LibreOffice Calc and pdftotext.
#define OBJ_REQUIRE_LIBREOFFICE_CALC_AND_PDFTOTEXT()                                               \
    if (const QString why = objectivity::test::libreOfficeCalcUnavailable(); !why.isEmpty())       \
        GTEST_SKIP() << why.toStdString();                                                         \
    if (!QFile::exists(QStringLiteral("/usr/bin/pdftotext")))                                      \
    GTEST_SKIP() << "pdftotext (poppler-utils) is not installed"
