// io::PlanColumnWidths: widths from the content — the column that saves the most lines gets the
// room, no column is narrower than its longest word, and the widths fill the line.
#include "objectivity/io/export/PlanColumnWidths.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace objectivity;
using io::PlanColumnWidths;

namespace {

QString repeat(const QString &words, int times) {
    QStringList out;
    for (int i = 0; i < times; ++i)
        out << words;
    return out.join(u' ');
}

double sum(const QList<double> &values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

} // namespace

TEST(PlanColumnWidths, WideExpectedResultGetsMoreRoomThanShortDeadlines) {
    const QStringList headings{QStringLiteral("№"), QStringLiteral("Мероприятия"),
                               QStringLiteral("Сроки"), QStringLiteral("Ответственные"),
                               QStringLiteral("Ожидаемый результат")};
    QList<QStringList> rows;
    for (int i = 0; i < 20; ++i)
        rows.append({QString::number(i + 1) + QStringLiteral("."),
                     repeat(QStringLiteral("Проведение анализа результатов"), 3),
                     QStringLiteral("сентябрь"), QStringLiteral("Заместитель директора"),
                     repeat(QStringLiteral("Аналитическая справка, определение дефицитов"), 6)});
    const QList<double> w = PlanColumnWidths::compute(headings, rows, 130);
    ASSERT_EQ(w.size(), 5);
    EXPECT_NEAR(sum(w), 100, 1e-6);
    EXPECT_GT(w[4], w[1]); // the longest texts get the most room
    EXPECT_GT(w[1], w[2]);
    EXPECT_LT(w[0], 5);
    // «Ответственные» (13 letters) and «Аналитическая» fit unbroken: 130 characters per line.
    EXPECT_GE(w[3] * 130 / 100, 13);
    EXPECT_GE(w[2] * 130 / 100, 8); // «сентябрь»

    // The same plan with short results: the measure column takes the room instead.
    for (QStringList &row : rows)
        row[4] = QStringLiteral("Справка");
    const QList<double> narrow = PlanColumnWidths::compute(headings, rows, 130);
    EXPECT_GT(narrow[1], narrow[4]);
    EXPECT_GT(narrow[1], w[1]);
}

TEST(PlanColumnWidths, TooManyLongWordsShareTheLineAndEmptyColumnsStayNarrow) {
    const QStringList headings{QStringLiteral("А"), QStringLiteral("Б"), QStringLiteral("В")};
    const QString longWord = QString(40, u'ж');
    const QList<double> w =
        PlanColumnWidths::compute(headings, {{longWord, longWord, QString()}}, 30);
    ASSERT_EQ(w.size(), 3);
    EXPECT_NEAR(sum(w), 100, 1e-6);
    EXPECT_GT(w[0], w[2]);
    EXPECT_TRUE(PlanColumnWidths::compute({}, {}, 100).isEmpty());
}

TEST(PlanColumnWidths, ForAPlanTableMeasuredInTheFont) {
    core::Plan plan;
    core::Section s;
    s.title = QStringLiteral("Раздел");
    core::Measure m;
    m.number = QStringLiteral("1.1");
    m.text = QStringLiteral("Мероприятие");
    m.deadline.text = QStringLiteral("май");
    m.owners = {QStringLiteral("Иванова"), QStringLiteral("Петров")};
    m.expectedResult = repeat(QStringLiteral("очень длинный ожидаемый результат"), 10);
    s.measures.append(m);
    plan.sections.append(s);
    const io::PlanExportTable table(plan, {});
    const QList<double> w = PlanColumnWidths::forTable(plan, table, 267, 12);
    ASSERT_EQ(w.size(), table.columns().size());
    EXPECT_NEAR(sum(w), 100, 1e-6);
    EXPECT_EQ(std::max_element(w.begin(), w.end()) - w.begin(), 4);
}
