// The results import dialog: preview of a flat CSV with an unknown heading, mapping it, the import
// on a worker thread changing the database, a repeated file skipped or replaced, a ФИС ОКО file
// needing the school login, Cancel leaving the database as it was, and several files imported one
// after another.
#include "objectivity/gui/results/ResultsImportDialog.h"
#include "ResultsTestSupport.h"

#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableWidget>

using namespace objectivity;
using gui::ResultsImportDialog;
using OnRepeat = io::ResultsImporter::OnRepeat;

namespace {

// A flat CSV (CP1251-free UTF-8, «;») of `schools` × `perSchool` participants of ВПР 2024
// Математика 5 класс; the journal mark sits under a heading the importer does not know.
// Schools firstSchool … firstSchool + schools − 1: files with different firstSchool do not overlap.
QString writeFlatCsv(const QString &path, int schools, int perSchool, int firstSchool = 0) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    QByteArray text = "Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;Наименование ОО;"
                      "Класс;Код участника;Вариант;З1;З2;З3;З4;Первичный балл;Отметка;"
                      "Отметка учителя\n";
    for (int s = firstSchool; s < firstSchool + schools; ++s)
        for (int i = 0; i < perSchool; ++i) {
            const int p1 = i % 3, p2 = (i / 3) % 2, p3 = i % 2, p4 = (i + s) % 3;
            const int primary = p1 + p2 + p3 + p4;
            const int mark = primary >= 6 ? 5 : primary >= 4 ? 4 : primary >= 2 ? 3 : 2;
            text += QStringLiteral("2024;ВПР;5;Математика;Район %1;edu%2;МБОУ «СОШ № %3»;5%4;"
                                   "%5;%6;%7;%8;%9;%10;%11;%12;%13\n")
                        .arg(s % 2 + 1)
                        .arg(900100 + s)
                        .arg(s + 1)
                        .arg(i % 2 ? QStringLiteral("А") : QStringLiteral("Б"))
                        .arg(10000 + s * 1000 + i)
                        .arg(i % 2 + 1)
                        .arg(p1)
                        .arg(p2)
                        .arg(p3)
                        .arg(p4)
                        .arg(primary)
                        .arg(mark)
                        .arg(std::min(5, mark + (i % 4 == 0 ? 1 : 0)))
                        .toUtf8();
        }
    f.write(text);
    return path;
}

int columnOf(const io::ResultsImporter::Preview &d, const QString &heading) {
    return int(d.headings.indexOf(heading));
}

} // namespace

TEST(ResultsImportDialog, PreviewMapsUnknownHeadingImportsAndRemembers) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    const QString csv = writeFlatCsv(data.dir.filePath(QStringLiteral("vpr.csv")), 3, 20);
    ASSERT_FALSE(csv.isEmpty());

    ResultsImportDialog dialog(*data.db);
    dialog.resize(1150, 720);
    dialog.show();
    dialog.setFile(csv);
    ASSERT_TRUE(dialog.preview().has_value());
    const auto &d = *dialog.preview();
    EXPECT_EQ(d.layout, QStringLiteral("flat"));
    EXPECT_EQ(d.headerRow, 1);
    EXPECT_EQ(d.rows.size(), 20); // the first 20 of 60
    const int unknown = columnOf(d, QStringLiteral("Отметка учителя"));
    ASSERT_GE(unknown, 0);
    EXPECT_TRUE(d.fields.at(unknown).isEmpty());
    EXPECT_EQ(d.fields.at(columnOf(d, QStringLiteral("Код участника"))),
              QStringLiteral("participant_code"));
    // The table shows what each heading was understood as; the unknown heading is offered.
    EXPECT_EQ(dialog.previewTable()->columnCount(), d.headings.size());
    EXPECT_TRUE(dialog.previewTable()->horizontalHeaderItem(unknown)->text().contains(
        QStringLiteral("не распознан")));
    ASSERT_EQ(dialog.mappingTable()->rowCount(), 1);
    EXPECT_EQ(dialog.mappingTable()->item(0, 0)->text(), QStringLiteral("Отметка учителя"));
    bool warned = false;
    for (int i = 0; i < dialog.warningList()->count(); ++i)
        warned = warned || dialog.warningList()->item(i)->text().contains(
                               QStringLiteral("«Отметка учителя» не распознан"));
    EXPECT_TRUE(warned);
    test::screenshot(&dialog, QStringLiteral("results-import.png"));

    dialog.setMapping(QStringLiteral("Отметка учителя"), QStringLiteral("journal_mark"));
    EXPECT_EQ(dialog.preview()->fields.at(unknown), QStringLiteral("journal_mark"));
    EXPECT_TRUE(dialog.previewTable()->horizontalHeaderItem(unknown)->text().contains(
        QStringLiteral("Отметка по журналу")));

    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 0);
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().startsWith(QStringLiteral("Загружено строк: 60, школ: 3")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 60);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants WHERE journal_mark "
                                        "IS NOT NULL")),
              60);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM schools")), 3);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM heading_mappings WHERE heading = "
                                        "'отметка учителя' AND field = 'journal_mark'")),
              1);

    // The same file again: skipped, then replaced — never doubled.
    dialog.setRepeatChoice(OnRepeat::Skip);
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("пропущен")));
    dialog.setRepeatChoice(OnRepeat::Replace);
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("заменена")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 60);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM imports")), 1);

    // A new dialog knows the heading from the database: nothing left to map.
    ResultsImportDialog again(*data.db);
    again.setFile(csv);
    EXPECT_EQ(again.mappingTable()->rowCount(), 0);
    EXPECT_EQ(again.preview()->fields.at(unknown), QStringLiteral("journal_mark"));
}

TEST(ResultsImportDialog, FisokoFileAsksForTheSchoolLogin) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    const QString path = data.dir.filePath(QStringLiteral("fisoko.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QByteArray text = "ВПР 2024 Математика 5 класс\nКол-во участников: 12\n;;;Б;Б;П;;;\n"
                      "Код участника;Класс;Вариант;1 (1б);2 (2б);3 (2б);Первичный балл;Отметка;"
                      "Отметка по журналу\n";
    for (int i = 0; i < 12; ++i) {
        const int a = i % 2, b = i % 3, c = (i / 2) % 3;
        const int primary = a + b + c;
        text += QStringLiteral("%1;5А;1;%2;%3;%4;%5;%6;4\n")
                    .arg(70000 + i)
                    .arg(a)
                    .arg(b)
                    .arg(c)
                    .arg(primary)
                    .arg(primary >= 4 ? 4 : 3)
                    .toUtf8();
    }
    f.write(text);
    f.close();

    ResultsImportDialog dialog(*data.db);
    dialog.setFile(path);
    ASSERT_TRUE(dialog.preview().has_value());
    EXPECT_EQ(dialog.preview()->layout, QStringLiteral("fisoko"));
    EXPECT_EQ(dialog.preview()->headerRow, 4);
    EXPECT_EQ(dialog.preview()->rows.size(), 12);
    EXPECT_EQ(dialog.preview()->fields.at(3), QStringLiteral("task:1"));
    EXPECT_TRUE(dialog.mappingTable()->rowCount() == 0);
    // What the file says above its table is shown before the import; the missing login is asked
    // for.
    EXPECT_EQ(dialog.preview()->procedure, QStringLiteral("ВПР 2024, Математика, 5 класс"));
    EXPECT_TRUE(dialog.preview()->schoolCode.isEmpty());
    auto warnings = [&dialog] {
        QStringList all;
        for (int i = 0; i < dialog.warningList()->count(); ++i)
            all << dialog.warningList()->item(i)->text();
        return all.join(u'\n');
    };
    EXPECT_TRUE(warnings().contains(QStringLiteral("В файле не указан логин школы")))
        << warnings().toStdString();

    // Without the login the importer refuses the file and the database stays empty.
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().startsWith(QStringLiteral("Файл не загружен")));
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("логин")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 0);

    dialog.setSchoolCode(QStringLiteral("edu053001"));
    EXPECT_FALSE(warnings().contains(QStringLiteral("логин"))) << warnings().toStdString();
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants p JOIN schools s ON "
                                        "s.id = p.school_id WHERE s.code = 'edu053001'")),
              12);

    // A file that names its school: the title line says which; a login typed over it is named as
    // the one the results go to; a file without its title says it will not load.
    text.replace("ВПР 2024 Математика 5 класс\n",
                 "ВПР 2024 Математика 5 класс\nЛогин ОО: edu053002\n");
    const QString named = data.dir.filePath(QStringLiteral("named.csv"));
    QFile g(named);
    ASSERT_TRUE(g.open(QIODevice::WriteOnly));
    g.write(text);
    g.close();
    dialog.setSchoolCode(QString());
    dialog.setFile(named);
    ASSERT_TRUE(dialog.preview().has_value());
    EXPECT_EQ(dialog.preview()->schoolCode, QStringLiteral("edu053002"));
    EXPECT_TRUE(dialog.titleText().contains(
        QStringLiteral("(ВПР 2024, Математика, 5 класс; школа edu053002)")))
        << dialog.titleText().toStdString();
    EXPECT_FALSE(warnings().contains(QStringLiteral("логин"))) << warnings().toStdString();
    dialog.setSchoolCode(QStringLiteral("EDU053003"));
    EXPECT_TRUE(warnings().contains(QStringLiteral("Результаты будут записаны школе edu053003 "
                                                   "(поле «Логин школы»), а не школе edu053002")))
        << warnings().toStdString();
    text.replace("ВПР 2024 Математика 5 класс\n", "Результаты\n");
    const QString untitled = data.dir.filePath(QStringLiteral("untitled.csv"));
    QFile u(untitled);
    ASSERT_TRUE(u.open(QIODevice::WriteOnly));
    u.write(text);
    u.close();
    dialog.setFile(untitled);
    EXPECT_TRUE(warnings().contains(QStringLiteral("Файл не загрузится: не найден заголовок вида "
                                                   "«ВПР 2024 Математика 5 класс» над таблицей")))
        << warnings().toStdString();
}

TEST(ResultsImportDialog, CancelLeavesTheDatabaseUnchanged) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    const QString first = writeFlatCsv(data.dir.filePath(QStringLiteral("small.csv")), 2, 10);
    // Large enough that the import is still running when Cancel is pressed; other schools than
    // small.csv, so that nothing but the cancel can stop it.
    const QString big = writeFlatCsv(data.dir.filePath(QStringLiteral("big.csv")), 400, 500, 10);
    ResultsImportDialog dialog(*data.db);
    dialog.setFile(first);
    dialog.setMapping(QStringLiteral("Отметка учителя"), QStringLiteral("journal_mark"));
    ASSERT_TRUE(test::importAndWait(dialog));
    const qint64 before = data.count(QStringLiteral("SELECT COUNT(*) FROM participants"));
    ASSERT_EQ(before, 20);

    dialog.setFile(big);
    bool done = false;
    QObject::connect(&dialog, &ResultsImportDialog::importFinished, [&done](bool) { done = true; });
    dialog.startImport();
    ASSERT_TRUE(dialog.isRunning());
    EXPECT_EQ(dialog.progressBar()->maximum(), 0); // busy while running
    test::waitFor([] { return false; }, 150);      // let it get going
    dialog.cancelImport();
    ASSERT_TRUE(test::waitFor([&] { return done; }));
    EXPECT_TRUE(dialog.summaryText().contains(QStringLiteral("прервана")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), before);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM imports")), 1);

    // in a batch, Cancel rolls back the file being read and stops the rest
    const QString after = writeFlatCsv(data.dir.filePath(QStringLiteral("after.csv")), 2, 10, 500);
    done = false;
    dialog.setFiles({big, after});
    dialog.startImport();
    test::waitFor([] { return false; }, 150);
    dialog.cancelImport();
    ASSERT_TRUE(test::waitFor([&] { return done; }));
    EXPECT_EQ(dialog.summaryText(),
              QStringLiteral("Загружено файлов: 0 из 2; загрузка прервана, не загружены последние "
                             "файлы: 2."));
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), before);
    EXPECT_FALSE(dialog.batch().active());
}

TEST(ResultsImportDialog, SeveralFilesLoadOneAfterAnotherAndOneThatFailsDoesNotStopTheRest) {
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    const QString a = writeFlatCsv(data.dir.filePath(QStringLiteral("a.csv")), 2, 6, 0);
    const QString bad = writeFlatCsv(data.dir.filePath(QStringLiteral("bad.csv")), 2, 6, 2);
    const QString c = writeFlatCsv(data.dir.filePath(QStringLiteral("c.csv")), 2, 6, 4);
    {
        // a word where the second row's score of task 2 stands
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        QList<QByteArray> cells = lines[2].split(';');
        cells[11] = QStringLiteral("два").toUtf8();
        lines[2] = cells.join(';');
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
    }

    ResultsImportDialog dialog(*data.db);
    dialog.setFiles({a, bad, c});
    ASSERT_TRUE(dialog.batch().active());
    EXPECT_EQ(dialog.file(), a); // the first is previewed
    // the login typed for one ФИС ОКО file would give every file to one school: not offered
    QLineEdit *login = nullptr;
    for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
        if (e->placeholderText().startsWith(QStringLiteral("например, edu")))
            login = e;
    ASSERT_NE(login, nullptr);
    EXPECT_FALSE(login->isEnabled());
    // the heading mapped on the first file is kept for the others
    dialog.setMapping(QStringLiteral("Отметка учителя"), QStringLiteral("journal_mark"));

    QSignalSpy imported(&dialog, &ResultsImportDialog::imported);
    bool allLoaded = true;
    QObject::connect(&dialog, &ResultsImportDialog::importFinished,
                     [&](bool ok) { allLoaded = ok; });
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_FALSE(allLoaded);
    EXPECT_EQ(imported.count(), 2);
    EXPECT_TRUE(dialog.summaryText().startsWith(
        QStringLiteral("Загружено файлов: 2 из 3; не загружено: 1")))
        << dialog.summaryText().toStdString();
    // a and c whole, with their journal marks; nothing of bad.csv
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 24);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants WHERE journal_mark "
                                        "IS NOT NULL")),
              24);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM schools WHERE code IN "
                                        "('edu900102', 'edu900103')")),
              0);
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM imports")), 2);
    // a line per file, the failure with its place in the file
    ASSERT_EQ(dialog.warningList()->count(), 3);
    EXPECT_TRUE(dialog.warningList()->item(0)->text().startsWith(
        QStringLiteral("a.csv — загружено, строк: 12, замечаний: ")))
        << dialog.warningList()->item(0)->text().toStdString();
    const QString failure = dialog.warningList()->item(1)->text();
    EXPECT_TRUE(failure.startsWith(QStringLiteral("bad.csv — не загружен: ")))
        << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("строка 3"))) << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("«два»"))) << failure.toStdString();
    EXPECT_TRUE(dialog.warningList()->item(2)->text().startsWith(
        QStringLiteral("c.csv — загружено, строк: 12")));
    // the batch is over: one file again, the login offered as for one file
    EXPECT_FALSE(dialog.batch().active());
    dialog.resize(1100, 720);
    dialog.show();
    test::screenshot(&dialog, QStringLiteral("results-import-batch.png"));

    // the same three again, «Пропустить» answered in advance: the two loaded ones are passed
    // over, the bad one fails again, nothing doubles
    dialog.setRepeatChoice(OnRepeat::Skip);
    dialog.setFiles({a, bad, c});
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().startsWith(QStringLiteral(
        "Загружено файлов: 0 из 3; пропущено (были загружены раньше): 2; не загружено: 1")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 24);

    // a first file that is no results table at all does not hold the batch back
    QFile notes(data.dir.filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("Список школ для проверки\n");
    notes.close();
    const QString d = writeFlatCsv(data.dir.filePath(QStringLiteral("d.csv")), 1, 6, 8);
    dialog.setFiles({notes.fileName(), d});
    ASSERT_FALSE(dialog.preview().has_value());
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().startsWith(
        QStringLiteral("Загружено файлов: 1 из 2; не загружено: 1")))
        << dialog.summaryText().toStdString();
    EXPECT_TRUE(dialog.warningList()->item(0)->text().startsWith(
        QStringLiteral("notes.txt — не загружен: ")));
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 30);
}
