#pragma once
// Helpers of the export tests: seed plans, external tools (pdftotext, pdfinfo, /usr/bin/python3
// with openpyxl) run through QProcess, and word-sequence matching tolerant of line breaks,
// hyphenation and a repeated table header between the lines of a measure.
#include "TestSupport.h"

#include "objectivity/io/plan/PlanImporter.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace objectivity::test {

inline core::Plan approvedSeedPlan(const QString &prefix) {
    const QString path = seedPath(prefix);
    if (path.isEmpty())
        return {};
    auto imported = io::PlanImporter::importFile(path);
    if (!imported.ok())
        return {};
    core::Plan plan = imported->plan;
    plan.status = core::PlanStatus::Approved;
    return plan;
}

// stdout of a program, or a null string when it could not run or failed.
inline QString runTool(const QString &program, const QStringList &args) {
    if (!QFileInfo::exists(program))
        return {};
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Words of a text: lower case, punctuation kept inside words, soft hyphenation at line ends joined.
inline QStringList words(QString text) {
    text.replace(QChar(0x00AD), QString());
    // \\w must match Cyrillic letters too.
    static const QRegularExpression lineEndHyphen(QStringLiteral("(\\w)-\\s*\\n\\s*(\\w)"),
                                                  QRegularExpression::UseUnicodePropertiesOption);
    text.replace(lineEndHyphen, QStringLiteral("\\1\\2"));
    // A line may also break after a slash («проверки/⏎перепроверки»): joined back, slash kept.
    static const QRegularExpression lineEndSlash(QStringLiteral("(\\w)/\\s*\\n\\s*(\\w)"),
                                                 QRegularExpression::UseUnicodePropertiesOption);
    text.replace(lineEndSlash, QStringLiteral("\\1/\\2"));
    text = text.toLower();
    text.replace(QChar(0x0451), QChar(0x0435)); // ё -> е
    // Hyphens are dropped on both sides: a compound word broken after its hyphen
    // («учителей-⏎предметников») and a word hyphenated at a line end compare equal.
    text.remove(u'-');
    return text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// Whether `needle` occurs in `haystack` in order, starting at some occurrence of its first word and
// allowing at most `gap` foreign words between consecutive words (a page break with the repeated
// header and page number inside a cell).
inline bool containsWordSequence(const QStringList &haystack, const QStringList &needle,
                                 int gap = 40) {
    if (needle.isEmpty())
        return true;
    for (int start = 0; start < haystack.size(); ++start) {
        if (haystack[start] != needle[0])
            continue;
        int pos = start, found = 1;
        for (; found < needle.size(); ++found) {
            int next = -1;
            for (int k = pos + 1; k < haystack.size() && k <= pos + 1 + gap; ++k)
                if (haystack[k] == needle[found]) {
                    next = k;
                    break;
                }
            if (next < 0)
                break;
            pos = next;
        }
        if (found == needle.size())
            return true;
    }
    return false;
}

// A workbook read back by openpyxl (tests/scripts/read_plan_xlsx.py): an independent reader.
inline QJsonObject readXlsx(const QString &path) {
    const QString out =
        runTool(QStringLiteral("/usr/bin/python3"),
                {sourceFile(QStringLiteral("tests/scripts/read_plan_xlsx.py")), path});
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

inline bool havePython() {
    return runTool(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral("-c"), QStringLiteral("import openpyxl; print('ok')")})
        .startsWith(QStringLiteral("ok"));
}

// The plan read back from `file`: the same sections and measures — texts, deadlines and owners
// (one paragraph each) in their places.
inline void expectPlanReadsBack(const core::Plan &plan, const QString &file) {
    auto imported = io::PlanImporter::importFile(file);
    ASSERT_TRUE(imported.ok()) << imported.error().toString().toStdString();
    const core::Plan &back = imported->plan;
    ASSERT_EQ(back.sections.size(), plan.sections.size());
    for (int s = 0; s < plan.sections.size(); ++s) {
        const auto &a = plan.sections[s].measures;
        const auto &b = back.sections[s].measures;
        ASSERT_EQ(b.size(), a.size()) << "section " << s;
        for (int m = 0; m < a.size(); ++m) {
            EXPECT_EQ(b[m].text.simplified(), a[m].text.simplified());
            EXPECT_EQ(b[m].deadline.text.simplified(), a[m].deadline.text.simplified());
            EXPECT_EQ(b[m].owners, a[m].owners) << a[m].text.toStdString();
        }
    }
}

} // namespace objectivity::test
