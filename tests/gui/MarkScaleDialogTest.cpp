// The mark scales dialog: the seeded scales listed, edits kept until «Сохранить», Russian
// validation that leaves the database unchanged, add / edit / remove written in one go.
#include "objectivity/gui/results/MarkScaleDialog.h"
#include "ResultsTestSupport.h"
#include "objectivity/gui/results/MarkScaleModel.h"

#include <QAbstractItemModelTester>
#include <QTableView>

using namespace objectivity;
using gui::MarkScaleModel;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

int rowOf(const MarkScaleModel *m, core::ProcedureKind kind, int year, int grade,
          const QString &subject) {
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto &s = m->scale(r);
        if (s.kind == kind && s.year == year && s.grade == grade && s.subject == subject)
            return r;
    }
    return -1;
}
} // namespace

TEST(MarkScaleModel, ValidateNamesTheProblemInRussian) {
    core::MarkScale s;
    s.kind = core::ProcedureKind::VPR;
    s.year = 2025;
    s.grade = 5;
    s.subject = QStringLiteral("Математика");
    s.maxPrimary = 20;
    s.minFor3 = 5;
    s.minFor4 = 10;
    s.minFor5 = 15;
    EXPECT_TRUE(MarkScaleModel::validate(s).isEmpty());
    auto bad = s;
    bad.minFor4 = 4;
    EXPECT_EQ(MarkScaleModel::validate(bad),
              QStringLiteral("граница «4» (4) должна быть больше границы «3» (5)"));
    bad = s;
    bad.minFor5 = 21;
    EXPECT_EQ(MarkScaleModel::validate(bad),
              QStringLiteral("граница «5» (21) больше максимального балла (20)"));
    bad = s;
    bad.subject = QStringLiteral("Астрология");
    EXPECT_EQ(MarkScaleModel::validate(bad), QStringLiteral("неизвестный предмет «Астрология»"));
    bad = s;
    bad.grade = 12;
    EXPECT_FALSE(MarkScaleModel::validate(bad).isEmpty());
    bad = s;
    bad.minTestScore = 36;
    EXPECT_EQ(MarkScaleModel::validate(bad),
              QStringLiteral("минимальный тестовый балл бывает только у ЕГЭ"));
}

TEST(MarkScaleDialog, EditsAreSavedOnlyWhenValid) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    const qint64 seeded = data.count(QStringLiteral("SELECT COUNT(*) FROM mark_scales"));
    ASSERT_GT(seeded, 10);

    gui::MarkScaleDialog dialog(*data.db);
    MarkScaleModel *model = dialog.model();
    QAbstractItemModelTester tester(model, kFatal);
    EXPECT_EQ(model->rowCount(), seeded);
    EXPECT_FALSE(model->isModified());

    // Edit the seeded ВПР grade 8 mathematics scale (year 0) through the model, as the table does.
    const int maths = rowOf(model, core::ProcedureKind::VPR, 0, 8, QStringLiteral("Математика"));
    ASSERT_GE(maths, 0);
    ASSERT_TRUE(model->setData(model->index(maths, MarkScaleModel::Min4), 7));
    EXPECT_TRUE(model->isModified());
    // 7 is below the «3» boundary (8): refused with a Russian message, nothing written.
    EXPECT_FALSE(dialog.save());
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("граница «4» (7) должна быть больше "
                                                           "границы «3» (8)")))
        << dialog.errorText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT min_for_4 FROM mark_scales WHERE kind = 'ВПР' "
                                        "AND year = 0 AND grade = 8 AND subject = 'Математика'")),
              15);

    ASSERT_TRUE(model->setData(model->index(maths, MarkScaleModel::Min4), 14));
    // A new scale, a copy of the next year; the subject given by a synonym.
    const int added = model->addScale(model->scale(maths));
    ASSERT_TRUE(model->setData(model->index(added, MarkScaleModel::Year), 2025));
    ASSERT_TRUE(
        model->setData(model->index(added, MarkScaleModel::Subject), QStringLiteral("математика")));
    EXPECT_EQ(model->scale(added).subject, QStringLiteral("Математика"));
    // A repeat of an existing key is refused.
    const int repeat = model->addScale(model->scale(maths));
    EXPECT_FALSE(dialog.save());
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("такая шкала уже есть")));
    model->removeScale(repeat);
    const int history = rowOf(model, core::ProcedureKind::VPR, 0, 8, QStringLiteral("История"));
    ASSERT_GE(history, 0);
    model->removeScale(history);

    ASSERT_TRUE(dialog.save()) << dialog.errorText().toStdString();
    EXPECT_FALSE(model->isModified());
    EXPECT_EQ(data.count(QStringLiteral("SELECT min_for_4 FROM mark_scales WHERE kind = 'ВПР' "
                                        "AND year = 0 AND grade = 8 AND subject = 'Математика'")),
              14);
    EXPECT_EQ(data.count(QStringLiteral("SELECT min_for_4 FROM mark_scales WHERE kind = 'ВПР' "
                                        "AND year = 2025 AND grade = 8 AND subject = "
                                        "'Математика'")),
              14);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM mark_scales WHERE subject = "
                                        "'История' AND kind = 'ВПР' AND grade = 8")),
              0);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM mark_scales")), seeded);
    EXPECT_EQ(model->rowCount(), seeded);

    dialog.setKindFilter(QStringLiteral("ЕГЭ"));
    EXPECT_EQ(dialog.view()->model()->rowCount(),
              data.count(QStringLiteral("SELECT COUNT(*) FROM mark_scales WHERE kind = 'ЕГЭ'")));
}

// The dialog shows where each scale comes from: the source and «официальная» for the shipped
// rows; a row the user edits becomes «изменена пользователем», in the table and in the database.
TEST(MarkScaleDialog, ShowsSourceAndOriginAndAnEditedRowBecomesTheUsers) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    gui::MarkScaleDialog dialog(*data.db);
    MarkScaleModel *model = dialog.model();
    QAbstractItemModelTester tester(model, kFatal);
    EXPECT_EQ(model->headerData(MarkScaleModel::Origin, Qt::Horizontal).toString(),
              QStringLiteral("Происхождение"));
    const int history = rowOf(model, core::ProcedureKind::OGE, 2024, 9, QStringLiteral("История"));
    ASSERT_GE(history, 0);
    EXPECT_TRUE(model->index(history, MarkScaleModel::Source)
                    .data()
                    .toString()
                    .contains(QStringLiteral("04-48")));
    EXPECT_EQ(model->index(history, MarkScaleModel::Origin).data().toString(),
              QStringLiteral("официальная"));
    EXPECT_FALSE(model->flags(model->index(history, MarkScaleModel::Origin)) & Qt::ItemIsEditable);
    ASSERT_TRUE(model->setData(model->index(history, MarkScaleModel::Min3), 12));
    EXPECT_EQ(model->index(history, MarkScaleModel::Origin).data().toString(),
              QStringLiteral("изменена пользователем"));
    ASSERT_TRUE(dialog.save()) << dialog.errorText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral(
                  "SELECT COUNT(*) FROM mark_scale_user_rows u JOIN mark_scales s ON s.id = "
                  "u.scale_id WHERE s.kind = 'ОГЭ' AND s.year = 2024 AND s.subject = 'История' "
                  "AND s.min_for_3 = 12")),
              1);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM mark_scale_user_rows")), 1);
}

// A picture of the dialog for the user guide (docs/images/mark-scales.png) when asked.
TEST(MarkScaleDialog, SavedForDocsWhenAsked) {
    const QString out = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "OBJECTIVITY_SCREENSHOT_DIR not set";
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    gui::MarkScaleDialog dialog(*data.db);
    dialog.setKindFilter(QStringLiteral("ОГЭ"));
    dialog.resize(1500, 520);
    dialog.show();
    EXPECT_TRUE(dialog.grab().save(out + QStringLiteral("/mark-scales.png")));
}
