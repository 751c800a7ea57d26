// AnalysisReport::writeJson streams the report one unit at a time; its text must be exactly what
// QJsonDocument writes for the whole report (`analyze --json` users and scripts parse it).
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

CriterionFinding finding(const char16_t *code, bool flagged, double p) {
    CriterionFinding f;
    f.code = staticCode(code);
    f.pValue = p;
    f.qValue = p * 3;
    f.statistic = 2.5;
    f.effectSize = 0.31;
    f.threshold = 0.2;
    f.effect = flagged;
    f.flagged = flagged;
    f.explanation =
        flagged ? QStringLiteral("«5» у 12 из 20 работ;\nв регионе \"обычно\" 18 %") : QString();
    f.explainOutcome(0.05);
    return f;
}

UnitReport unit(const QString &school, bool flagged) {
    UnitReport u;
    u.year = 2024;
    u.grade = 5;
    u.subject = QStringLiteral("Русский язык");
    u.schoolCode = school;
    u.schoolName = QStringLiteral("МБОУ «СОШ № 1» г. Тест\\Проба");
    u.municipality = QStringLiteral("Городской округ");
    u.n = 25;
    u.metrics.n = 25;
    u.metrics.meanPercent = 61.25;
    u.position = 0.4567;
    u.findings.append(finding(criterion::BoundaryBunching, flagged, 0.001));
    u.findings.append(finding(criterion::JournalLenient, false, std::nan("")));
    u.findings.last().skip(reason::TooFew, QStringLiteral("не проверялось: мало участников"));
    u.hardTasks = {QStringLiteral("7"), QStringLiteral("9.1")};
    return u;
}

QString streamed(const AnalysisReport &report, bool onlyFlagged) {
    QString text;
    QTextStream out(&text);
    report.writeJson(out, onlyFlagged);
    out.flush();
    return text;
}

QString whole(const AnalysisReport &report, bool onlyFlagged) {
    return QString::fromUtf8(
        QJsonDocument(report.toJson(onlyFlagged)).toJson(QJsonDocument::Indented));
}

AnalysisReport sample() {
    AnalysisReport report;
    report.units = {unit(QStringLiteral("s1"), true), unit(QStringLiteral("s2"), false),
                    unit(QStringLiteral("s3"), true)};
    SchoolSummary s;
    s.schoolCode = QStringLiteral("s1");
    s.markers = 1;
    s.markersByYear.insert(2024, 1);
    report.schools = {s};
    return report;
}

} // namespace

TEST(AnalysisReportJson, StreamedTextEqualsTheWholeDocument) {
    const AnalysisReport report = sample();
    for (bool onlyFlagged : {false, true}) {
        const QString text = streamed(report, onlyFlagged);
        EXPECT_EQ(text, whole(report, onlyFlagged)) << "onlyFlagged " << onlyFlagged;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
        EXPECT_EQ(doc.object().value(QStringLiteral("units")).toArray().size(),
                  onlyFlagged ? 2 : 3);
    }
}

TEST(AnalysisReportJson, NoUnitsAndACancelledRunAreWrittenAsQtWritesThem) {
    AnalysisReport empty;
    EXPECT_EQ(streamed(empty, false), whole(empty, false));
    AnalysisReport none = sample();
    none.cancelled = true;
    none.units = {unit(QStringLiteral("s2"), false)};
    EXPECT_EQ(streamed(none, true), whole(none, true)); // no unit is flagged: an empty array
    EXPECT_EQ(streamed(none, false), whole(none, false));
}

// The units' text is made in batches of 1,024 on every core: 2,500 units (two
// full batches and a part, every third unit unflagged) keep their order and their text.
TEST(AnalysisReportJson, ManyUnitsKeepTheirOrderAcrossBatchesAndThreads) {
    AnalysisReport report = sample();
    report.units.clear();
    for (int i = 0; i < 2500; ++i) {
        report.units.append(unit(QStringLiteral("s%1").arg(i), i % 3 != 1));
        report.units.last().n = i;
    }
    for (bool onlyFlagged : {false, true}) {
        const QString text = streamed(report, onlyFlagged);
        EXPECT_EQ(text, whole(report, onlyFlagged)) << "onlyFlagged " << onlyFlagged;
        const QJsonArray units = QJsonDocument::fromJson(text.toUtf8())
                                     .object()
                                     .value(QStringLiteral("units"))
                                     .toArray();
        ASSERT_EQ(units.size(), onlyFlagged ? 1667 : 2500);
        EXPECT_EQ(units.last().toObject().value(QStringLiteral("school_code")).toString(),
                  QStringLiteral("s2499"));
    }
}
