// The importer never crashes: mutated seeds, truncated HTML, broken .docx parts all end in a plan
// or in a Russian error naming the file.
#include "DocxFixtureWriter.h"
#include "TestSupport.h"

#include "objectivity/io/plan/PlanImporter.h"

#include <QFile>
#include <QRandomGenerator>

using namespace objectivity;
using io::PlanImporter;
using test::writeDocx;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void expectPlanOrError(const core::Result<io::PlanImport> &r, const QString &name,
                       const std::string &what) {
    if (r.ok()) {
        EXPECT_GT(r->plan.measureCount(), 0) << what;
    } else {
        EXPECT_EQ(r.error().file, name) << what;
        EXPECT_FALSE(r.error().message.isEmpty()) << what;
    }
}

QByteArray mutate(QByteArray data, QRandomGenerator &rng) {
    const int ops = 1 + int(rng.bounded(4));
    for (int k = 0; k < ops && !data.isEmpty(); ++k) {
        const qsizetype at = rng.bounded(int(data.size()));
        switch (rng.bounded(6)) {
        case 0: // cut a range
            data.remove(at, rng.bounded(400));
            break;
        case 1: // truncate
            data.truncate(at);
            break;
        case 2: { // duplicate a range elsewhere
            const QByteArray piece = data.mid(at, rng.bounded(300));
            data.insert(rng.bounded(int(data.size())), piece);
            break;
        }
        case 3: // tabs become spaces on a stretch
            for (qsizetype i = at; i < qMin(data.size(), at + 500); ++i)
                if (data[i] == '\t')
                    data[i] = ' ';
            break;
        case 4: // random bytes
            for (int i = 0; i < 8 && at + i < data.size(); ++i)
                data[at + i] = char(rng.bounded(256));
            break;
        default: // extra tabs and newlines
            data.insert(at, rng.bounded(2) ? QByteArray("\t\t") : QByteArray("\n\n"));
        }
    }
    return data;
}

} // namespace

TEST(PlanImportRobustness, MutatedSeedsNeverCrash) {
    const QString seed = test::seedPath(QStringLiteral("001"));
    OBJ_REQUIRE_SHARED(seed, "seed 001");
    QRandomGenerator rng(20240304);
    int imported = 0;
    for (const QString &prefix :
         {QStringLiteral("000"), QStringLiteral("001"), QStringLiteral("002")}) {
        const QByteArray original = readAll(test::seedPath(prefix));
        for (int i = 0; i < 150; ++i) {
            const QByteArray data = mutate(original, rng);
            const auto r =
                PlanImporter::importData(data, PlanImporter::Format::Auto, QStringLiteral("m.txt"));
            expectPlanOrError(r, QStringLiteral("m.txt"),
                              prefix.toStdString() + " #" + std::to_string(i));
            imported += r.ok() ? 1 : 0;
        }
    }
    EXPECT_GT(imported, 300); // most small damage still gives a plan
}

TEST(PlanImportRobustness, TruncatedHtmlNeverCrashes) {
    const QByteArray html =
        readAll(test::sourceFile(QStringLiteral("tests/data/plans/kalinovka_word_clipboard.html")));
    ASSERT_FALSE(html.isEmpty());
    QRandomGenerator rng(7);
    for (int i = 0; i < 120; ++i) {
        const QByteArray data =
            i % 2 ? html.left(rng.bounded(int(html.size()))) : mutate(html, rng);
        const auto r =
            PlanImporter::importData(data, PlanImporter::Format::Html, QStringLiteral("p.html"));
        expectPlanOrError(r, QStringLiteral("p.html"), "html #" + std::to_string(i));
    }
}

TEST(PlanImportRobustness, BrokenDocxPartsGiveErrors) {
    const QByteArray docx =
        readAll(test::sourceFile(QStringLiteral("tests/data/plans/kalinovka.docx")));
    ASSERT_FALSE(docx.isEmpty());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // document.xml cut in the middle: an XML error, reported with the file name.
    const QString cut = dir.filePath(QStringLiteral("обрыв.docx"));
    ASSERT_TRUE(writeDocx(
        cut, "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
             "wordprocessingml/2006/main\"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>№"));
    const auto r = PlanImporter::importFile(cut);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, QStringLiteral("обрыв.docx"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("повреждено")))
        << r.error().toString().toStdString();
    // A .docx without a table.
    const QString letter = dir.filePath(QStringLiteral("письмо.docx"));
    ASSERT_TRUE(writeDocx(
        letter, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
                "main\"><w:body><w:p><w:r><w:t>Уважаемые коллеги!</w:t></w:r></w:p></w:body>"
                "</w:document>"));
    const auto noTable = PlanImporter::importFile(letter);
    ASSERT_FALSE(noTable.ok());
    EXPECT_TRUE(noTable.error().message.contains(QStringLiteral("не найдена таблица мероприятий")));
    // Random damage to the zip bytes.
    QRandomGenerator rng(11);
    for (int i = 0; i < 60; ++i) {
        QByteArray data = docx;
        for (int k = 0; k < 6; ++k)
            data[4 + rng.bounded(int(data.size()) - 4)] = char(rng.bounded(256));
        const auto d =
            PlanImporter::importData(data, PlanImporter::Format::Docx, QStringLiteral("z.docx"));
        expectPlanOrError(d, QStringLiteral("z.docx"), "docx #" + std::to_string(i));
    }
}
