// An Excel 97–2003 (.xls) or OpenDocument (.ods) workbook in the results import dialog: LibreOffice
// converts it on a worker thread (seconds), with the busy bar and Cancel, while the window stays
// responsive; the preview follows, and the import (one file or a batch) reads the converted copy.
// Before, the conversion ran on the GUI thread: the window froze for 4 s on each new .xls.
//
// A LibreOffice stand-in ($OBJECTIVITY_SOFFICE) lets the test decide when the conversion ends: it
// waits for a file «go» to appear, then «converts» by copying a small results workbook. Were the
// conversion still on the GUI thread, setFile() would return only after it, and the dialog would
// not be converting when the test looks.
#include "ResultsTestSupport.h"
#include "objectivity/gui/results/ResultsImportDialog.h"

#include <QFile>
#include <QListWidget>
#include <QScopeGuard>
#include <QTableWidget>

using namespace objectivity;
using gui::ResultsImportDialog;

namespace {

// A workbook of two participants of ВПР 2025 Математика 5 класс, school edu000001.
const QString kWorkbook =
    QStringLiteral(OBJECTIVITY_SOURCE_DIR "/tests/fuzz/corpus/xlsx_reader/results_tiny.xlsx");

// The stand-in LibreOffice in `dir`; it converts once `go` exists (gives up after 30 s).
QString writeSlowOffice(const QString &dir, const QString &go) {
    const QString path = dir + QStringLiteral("/soffice");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(QStringLiteral("#!/bin/sh\n"
                           "prev=''; out=''\n"
                           "for a; do [ \"$prev\" = --outdir ] && out=\"$a\"; prev=\"$a\"; done\n"
                           "i=0\n"
                           "while [ ! -e '%1' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done\n"
                           "[ -e '%1' ] || exit 1\n"
                           "cp '%2' \"$out/document.xlsx\"\n")
                .arg(go, kWorkbook)
                .toUtf8());
    f.close();
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return path;
}

// An Excel 97–2003 file as far as the importer can tell (the OLE2 signature); `salt` makes each
// one a different file.
QString writeXls(const QString &path, const QByteArray &salt) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(504, '\0') + salt);
    return path;
}

bool touch(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly);
}

class ResultsImportConversion : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(QFile::exists(kWorkbook)) << kWorkbook.toStdString();
        ASSERT_TRUE(data.open());
        go = data.dir.filePath(QStringLiteral("go"));
        const QString office = writeSlowOffice(data.dir.path(), go);
        ASSERT_FALSE(office.isEmpty());
        qputenv("OBJECTIVITY_SOFFICE", office.toUtf8());
    }
    void TearDown() override { qunsetenv("OBJECTIVITY_SOFFICE"); }

    test::ResultsDatabase data;
    QString go;
};

} // namespace

TEST_F(ResultsImportConversion, AnXlsIsConvertedOffTheGuiThreadThenPreviewedAndImported) {
    const QString xls = writeXls(data.dir.filePath(QStringLiteral("результаты.xls")), "1");
    ResultsImportDialog dialog(*data.db);
    dialog.setFile(xls);
    // the dialog is back at once: LibreOffice has not been let finish yet
    ASSERT_TRUE(dialog.isConverting());
    EXPECT_FALSE(dialog.preview().has_value());
    EXPECT_EQ(dialog.previewTable()->rowCount(), 0);
    EXPECT_TRUE(
        dialog.statusText().contains(QStringLiteral("LibreOffice преобразует «результаты.xls»")))
        << dialog.statusText().toStdString();
    dialog.startImport(); // nothing to import yet: ignored
    EXPECT_FALSE(dialog.isRunning());
    dialog.resize(1100, 720);
    dialog.show();
    test::screenshot(&dialog, QStringLiteral("results-import-converting.png"));

    ASSERT_TRUE(touch(go));
    ASSERT_TRUE(test::waitFor([&] { return !dialog.isConverting(); }, 30'000));
    ASSERT_TRUE(dialog.preview().has_value());
    EXPECT_EQ(dialog.preview()->layout, QStringLiteral("flat"));
    EXPECT_EQ(dialog.preview()->rows.size(), 2);
    EXPECT_EQ(dialog.previewTable()->rowCount(), 2);
    EXPECT_TRUE(dialog.statusText().isEmpty()) << dialog.statusText().toStdString();
    test::screenshot(&dialog, QStringLiteral("results-import-converted.png"));

    // the import reads the converted copy (LibreOffice is not run again: it would wait for «go»)
    QFile::remove(go);
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(dialog.summaryText().startsWith(QStringLiteral("Загружено строк: 2, школ: 1")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 2);
}

TEST_F(ResultsImportConversion, CancelStopsLibreOfficeAndSaysSo) {
    const QString xls = writeXls(data.dir.filePath(QStringLiteral("долго.xls")), "2");
    ResultsImportDialog dialog(*data.db);
    dialog.setFile(xls);
    ASSERT_TRUE(dialog.isConverting());
    dialog.cancelImport();
    // LibreOffice is killed: not the 30 s the stand-in would wait
    ASSERT_TRUE(test::waitFor([&] { return !dialog.isConverting(); }, 10'000));
    EXPECT_FALSE(dialog.preview().has_value());
    EXPECT_EQ(dialog.statusText(), QStringLiteral("Преобразование файла прервано."));
    ASSERT_GE(dialog.warningList()->count(), 1);
    EXPECT_TRUE(dialog.warningList()->item(0)->text().contains(QStringLiteral("прервано")))
        << dialog.warningList()->item(0)->text().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM imports")), 0);

    // chosen again, it is converted anew
    ASSERT_TRUE(touch(go));
    dialog.setFile(xls);
    ASSERT_TRUE(test::waitFor([&] { return !dialog.isConverting(); }, 30'000));
    ASSERT_TRUE(dialog.preview().has_value());
    EXPECT_EQ(dialog.preview()->rows.size(), 2);
}

TEST_F(ResultsImportConversion, ABatchConvertsItsXlsWhenItsTurnComes) {
    const QString csv = data.dir.filePath(QStringLiteral("сначала.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;З1;З2;"
                "Первичный балл;Отметка\n"
                "2025;ВПР;5;Математика;edu000002;5А;800001;1;1;2;4\n"
                "2025;ВПР;5;Математика;edu000002;5А;800002;0;1;1;3\n"
                "2025;ВПР;5;Математика;edu000002;5А;800003;1;0;1;3\n");
    }
    const QString xls = writeXls(data.dir.filePath(QStringLiteral("потом.xls")), "3");
    ResultsImportDialog dialog(*data.db);
    dialog.setFiles({csv, xls});
    EXPECT_FALSE(dialog.isConverting()); // the first file is a CSV
    bool allLoaded = false;
    QObject::connect(&dialog, &ResultsImportDialog::importFinished,
                     [&](bool ok) { allLoaded = ok; });
    ASSERT_TRUE(touch(go));
    ASSERT_TRUE(test::importAndWait(dialog));
    EXPECT_TRUE(allLoaded) << dialog.summaryText().toStdString();
    EXPECT_TRUE(dialog.summaryText().startsWith(QStringLiteral("Загружено файлов: 2 из 2")))
        << dialog.summaryText().toStdString();
    EXPECT_EQ(data.count(QStringLiteral("SELECT COUNT(*) FROM participants")), 5);
    ASSERT_EQ(dialog.warningList()->count(), 2);
    EXPECT_TRUE(dialog.warningList()->item(1)->text().startsWith(
        QStringLiteral("потом.xls — загружено, строк: 2")))
        << dialog.warningList()->item(1)->text().toStdString();
}
