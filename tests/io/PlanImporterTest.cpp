// Import of the real plan documents (../shared/seeds) and of bad inputs.
#include "TestSupport.h"

#include "objectivity/io/formats/TextDecoder.h"
#include "objectivity/io/plan/PlanImporter.h"

#include <QFile>
#include <QTemporaryDir>

using namespace objectivity;
using core::ColumnRole;
using io::PlanImporter;

namespace {

const core::Measure *findMeasure(const core::Plan &plan, int section, const QString &number) {
    if (section >= plan.sections.size())
        return nullptr;
    for (const auto &m : plan.sections[section].measures)
        if (m.number == number)
            return &m;
    return nullptr;
}

QList<ColumnRole> roles(const core::Plan &plan) {
    QList<ColumnRole> r;
    for (const auto &c : plan.columns)
        r << c.role;
    return r;
}

QStringList headings(const core::Plan &plan) {
    QStringList h;
    for (const auto &c : plan.columns)
        h << c.heading;
    return h;
}

bool anyContains(const QStringList &list, const QString &needle) {
    for (const auto &s : list)
        if (s.contains(needle))
            return true;
    return false;
}

io::PlanImport importSeed(const QString &prefix) {
    auto r = PlanImporter::importFile(test::seedPath(prefix));
    EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().toString().toStdString());
    return r.ok() ? r.value() : io::PlanImport{};
}

QString writeTemp(QTemporaryDir &dir, const QString &name, const QByteArray &data) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(data);
    return path;
}

} // namespace

TEST(PlanImporterSeeds, Seed000StructureApprovalAndColumns) {
    const QString path = test::seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(path, "seed 000");
    const auto imp = importSeed(QStringLiteral("000"));
    const core::Plan &plan = imp.plan;
    ASSERT_EQ(plan.sections.size(), 5);
    EXPECT_EQ(plan.measureCount(), 37);
    EXPECT_TRUE(plan.title.startsWith(
        QStringLiteral("План мероприятий, направленный на обеспечение объективности")));
    EXPECT_TRUE(plan.title.endsWith(QStringLiteral("округа на 2022- 2024 годы")))
        << plan.title.toStdString();
    EXPECT_FALSE(plan.title.contains(QStringLiteral("**")));
    EXPECT_EQ(plan.period, (core::AcademicPeriod{2022, 2024}));

    EXPECT_EQ(plan.approval.approverName, QStringLiteral("В.Д. Мазепа"));
    EXPECT_EQ(plan.approval.approverPosition, QStringLiteral("Директор МКОУ «СОШ №20» ИГОСК"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("149"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2022, 7, 1));
    EXPECT_EQ(plan.organization.name, QStringLiteral("МКОУ «СОШ №20» ИГОСК"));
    EXPECT_EQ(plan.organization.kind, core::OrganizationKind::School);

    // Owners come BEFORE deadlines in this document.
    EXPECT_EQ(roles(plan), (QList<ColumnRole>{ColumnRole::Number, ColumnRole::Measure,
                                              ColumnRole::Owners, ColumnRole::Deadline}));
    EXPECT_EQ(headings(plan), (QStringList{QStringLiteral("№ п/п"), QStringLiteral("Мероприятия"),
                                           QStringLiteral("Ответственные исполнители"),
                                           QStringLiteral("Сроки реализации")}));

    // Section 1 stands above the header row; section 2 has its number and title on separate lines.
    EXPECT_EQ(plan.sections[0].number, QStringLiteral("1."));
    EXPECT_EQ(plan.sections[0].title, QStringLiteral("Аналитическая работа"));
    EXPECT_EQ(plan.sections[0].measures.size(), 7);
    EXPECT_EQ(plan.sections[1].number, QStringLiteral("2."));
    EXPECT_EQ(plan.sections[1].title,
              QStringLiteral("Выявление причин и условий, способствующих необъективному проведению "
                             "оценочных процедур"));
    EXPECT_EQ(plan.sections[1].measures.size(), 4);
    EXPECT_EQ(plan.sections[2].measures.size(),
              15); // the «№ д/п» header repeated inside is skipped
    EXPECT_EQ(plan.sections[3].measures.size(), 5);
    EXPECT_EQ(plan.sections[4].measures.size(), 6);
    EXPECT_TRUE(
        plan.sections[2].title.startsWith(QStringLiteral("Меры по повышению компетентности")));
    EXPECT_NE(findMeasure(plan, 2, QStringLiteral("3.14")), nullptr);

    // Row 1.7: two columns ran together ("Администрация Руководители ШМО" | "ОО до 01 июля").
    const auto *m17 = findMeasure(plan, 0, QStringLiteral("1.7."));
    ASSERT_NE(m17, nullptr);
    EXPECT_EQ(m17->owners, (QStringList{QStringLiteral("Администрация ОО"),
                                        QStringLiteral("Руководители ШМО")}));
    EXPECT_EQ(m17->deadline.text, QStringLiteral("до 01 июля"));
    EXPECT_TRUE(anyContains(imp.warnings, QStringLiteral("Строка 23:")));

    const auto *m14 = findMeasure(plan, 0, QStringLiteral("1.4."));
    ASSERT_NE(m14, nullptr);
    EXPECT_EQ(m14->owners, (QStringList{QStringLiteral("Администрация ОО"),
                                        QStringLiteral("Руководители ШМО")}));
    EXPECT_EQ(m14->deadline.text, QStringLiteral("Август, ноябрь"));
    const auto *m11 = findMeasure(plan, 0, QStringLiteral("1.1."));
    ASSERT_NE(m11, nullptr);
    EXPECT_EQ(m11->owners, QStringList{QStringLiteral("Администрация ОО")});
    EXPECT_EQ(m11->deadline.text, QStringLiteral("В течение года"));
    EXPECT_EQ(m11->deadline.kind, core::DeadlineKind::WholePeriod);
    EXPECT_TRUE(plan.note.isEmpty()) << plan.note.toStdString();
}

TEST(PlanImporterSeeds, Seed001PreambleRomanSectionsAndContinuations) {
    const QString path = test::seedPath(QStringLiteral("001"));
    OBJ_REQUIRE_SHARED(path, "seed 001");
    const auto imp = importSeed(QStringLiteral("001"));
    const core::Plan &plan = imp.plan;
    ASSERT_EQ(plan.sections.size(), 8);
    EXPECT_EQ(plan.measureCount(), 37);
    QStringList numbers;
    for (const auto &s : plan.sections)
        numbers << s.number;
    EXPECT_EQ(numbers,
              (QStringList{QStringLiteral("I."), QStringLiteral("II."), QStringLiteral("III."),
                           QStringLiteral("IV."), QStringLiteral("У."), QStringLiteral("VI."),
                           QStringLiteral("VII."), QStringLiteral("VIII.")}));
    EXPECT_EQ(plan.sections[4].title,
              QStringLiteral("Меры по повышению квалификации педагогических работников"));
    EXPECT_TRUE(anyContains(imp.warnings, QStringLiteral("«У.»")));
    EXPECT_EQ(plan.sections[2].title, QStringLiteral("Контроль организации и проведения ВПР"));
    const QList<int> counts{3, 6, 11, 2, 4, 3, 4, 4};
    for (int i = 0; i < counts.size(); ++i)
        EXPECT_EQ(plan.sections[i].measures.size(), counts[i]) << "section " << i;

    EXPECT_EQ(roles(plan),
              (QList<ColumnRole>{ColumnRole::Number, ColumnRole::Measure, ColumnRole::Deadline,
                                 ColumnRole::Owners, ColumnRole::ExpectedResult}));
    EXPECT_EQ(headings(plan),
              (QStringList{QStringLiteral("№"), QStringLiteral("Мероприятия"),
                           QStringLiteral("Дата проведения"), QStringLiteral("Ответственные"),
                           QStringLiteral("Ожидаемый результат")}));

    EXPECT_TRUE(plan.title.startsWith(
        QStringLiteral("План мероприятий (Дорожная карта) по повышению объективности")));
    EXPECT_TRUE(plan.title.endsWith(QStringLiteral("г. Рубцовска на 2023-2024 учебный год")));
    EXPECT_EQ(plan.period, (core::AcademicPeriod{2023, 2024}));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("534"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2023, 8, 20));
    EXPECT_EQ(
        plan.approval.appendixLine,
        QStringLiteral("К приказу МКУ «Управление образования» г. Рубцовска от 20.08.2023 № 534"));
    EXPECT_EQ(plan.approval.approverName, QStringLiteral("А.А. Мищерин"));
    EXPECT_EQ(plan.approval.approverPosition, QStringLiteral("Начальник"));
    EXPECT_EQ(plan.organization.name, QStringLiteral("МКУ «Управление образования» г. Рубцовска"));
    EXPECT_EQ(plan.organization.kind, core::OrganizationKind::MunicipalDepartment);

    // The order that precedes the plan is kept in the note, with one warning naming its lines.
    EXPECT_TRUE(plan.note.contains(QStringLiteral("Об утверждении плана мероприятий,")));
    EXPECT_TRUE(plan.note.contains(QStringLiteral("п р и к а з ы в а ю:")));
    EXPECT_TRUE(plan.note.contains(QStringLiteral("Михайлюк Елена Ивановна, 963-52")));
    EXPECT_TRUE(anyContains(imp.warnings, QStringLiteral("Строки 3–38: текст перед планом")));

    // 2.3 continues in the next row: both its text and its expected result.
    const auto *m23 = findMeasure(plan, 1, QStringLiteral("2.3."));
    ASSERT_NE(m23, nullptr);
    EXPECT_TRUE(m23->text.startsWith(QStringLiteral("Актуализация плана мероприятий")));
    EXPECT_TRUE(
        m23->text.endsWith(QStringLiteral("плана по повышению объективности проведения оценочных "
                                          "процедур и профилактике школьной неуспешности")));
    EXPECT_TRUE(m23->expectedResult.endsWith(
        QStringLiteral("профилактике школьной неуспешности обучающихся")));
    EXPECT_EQ(m23->deadline.text, QStringLiteral("Август -сентябрь 2023"));

    // 3.1 continues after a "------" separator; its owners and expected result ran together.
    const auto *m31 = findMeasure(plan, 2, QStringLiteral("3.1."));
    ASSERT_NE(m31, nullptr);
    EXPECT_TRUE(
        m31->text.endsWith(QStringLiteral("ВПР 2023 по повышению объективности результатов ВПР, "
                                          "профилаттике школьной неуспешности, использование "
                                          "результатов ГИА, ВПР с целью повышения качества "
                                          "образования")))
        << m31->text.toStdString();
    EXPECT_EQ(m31->owners, (QStringList{QStringLiteral("Шашок А.В."), QStringLiteral("Вафина И.А."),
                                        QStringLiteral("Михайлок Е.И.")}));
    EXPECT_EQ(
        m31->expectedResult,
        QStringLiteral(
            "План работы по повышению качества подготовки обучающихся к оценочным процедурам"));

    const auto *m26 = findMeasure(plan, 1, QStringLiteral("2.6."));
    ASSERT_NE(m26, nullptr);
    EXPECT_EQ(m26->owners, QStringList{QStringLiteral("Руководители ОУ")});
    EXPECT_TRUE(
        m26->expectedResult.startsWith(QStringLiteral("Организация и проведение ГИА, ВПР")));

    const auto *m11 = findMeasure(plan, 0, QStringLiteral("1.1."));
    ASSERT_NE(m11, nullptr);
    EXPECT_EQ(m11->owners, QStringList{QStringLiteral("Шашок А.В.")});
    EXPECT_EQ(m11->deadline.text, QStringLiteral("Июнь, август 2023"));
    EXPECT_EQ(m11->deadline.kind, core::DeadlineKind::MonthList);
    EXPECT_TRUE(m11->expectedResult.startsWith(QStringLiteral("Аналитическая справка.")));
}

TEST(PlanImporterSeeds, Seed002ApprovalAppendixAndRestartedNumbers) {
    const QString path = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(path, "seed 002");
    const auto imp = importSeed(QStringLiteral("002"));
    const core::Plan &plan = imp.plan;
    ASSERT_EQ(plan.sections.size(), 5);
    EXPECT_EQ(plan.measureCount(), 26);
    const QList<int> counts{4, 7, 6, 7, 2};
    for (int i = 0; i < counts.size(); ++i)
        EXPECT_EQ(plan.sections[i].measures.size(), counts[i]) << "section " << i;
    EXPECT_EQ(plan.approval.approverName, QStringLiteral("Н.С. Сазонова"));
    EXPECT_EQ(plan.approval.approverPosition, QStringLiteral("Директор МАОУ «Калиновская СОШ»"));
    EXPECT_EQ(plan.approval.orderNumber, QStringLiteral("32/1"));
    EXPECT_EQ(plan.approval.orderDate, QDate(2024, 3, 4));
    EXPECT_EQ(plan.approval.appendixLine,
              QStringLiteral("Приложение к Приказ №32/1 от 04 марта 2024г"));
    EXPECT_EQ(plan.organization.name, QStringLiteral("МАОУ «Калиновская СОШ»"));
    EXPECT_EQ(plan.period, (core::AcademicPeriod{2023, 2024}));
    EXPECT_TRUE(
        plan.title.startsWith(QStringLiteral("План мероприятий, направленных на обеспечение")));
    EXPECT_TRUE(plan.note.isEmpty()) << plan.note.toStdString();

    EXPECT_EQ(headings(plan),
              (QStringList{QStringLiteral("№ п/п"), QStringLiteral("Мероприятия"),
                           QStringLiteral("Дата проведения"), QStringLiteral("Ответственные"),
                           QStringLiteral("Ожидаемый результат")}));
    EXPECT_EQ(plan.sections[0].number, QStringLiteral("1."));
    EXPECT_EQ(plan.sections[0].title,
              QStringLiteral("Мероприятия по формированию нормативно-правового обеспечения ВПР"));
    QStringList first;
    for (const auto &m : plan.sections[0].measures)
        first << m.number;
    EXPECT_EQ(first, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                  QStringLiteral("4")}));
    const auto *m = findMeasure(plan, 3, QStringLiteral("1"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->owners, (QStringList{QStringLiteral("Зам. директора"),
                                      QStringLiteral("классные руководители")}));
    EXPECT_EQ(m->deadline.text, QStringLiteral("Январь-февраль 2024 г."));
    EXPECT_EQ(m->deadline.kind, core::DeadlineKind::MonthRange);
    EXPECT_EQ(m->deadline.from, QDate(2024, 1, 1));
    EXPECT_EQ(m->deadline.to, QDate(2024, 2, 29));
}

TEST(PlanImporterInput, EncodingsGiveTheSamePlan) {
    const QString path = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(path, "seed 002");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray utf8 = f.readAll();
    const QString text = QString::fromUtf8(utf8);
    // Windows-1251: invert the decoder's table.
    QHash<QChar, char> cp1251;
    for (int b = 0; b < 256; ++b) {
        const QString c =
            io::TextDecoder::decode(QByteArray(1, char(b)), io::TextDecoder::Encoding::Windows1251);
        cp1251.insert(c.front(), char(b));
    }
    QByteArray ansi;
    for (QChar c : text) {
        ASSERT_TRUE(cp1251.contains(c)) << "no CP1251 byte for U+" << std::hex << int(c.unicode());
        ansi.append(cp1251.value(c));
    }
    EXPECT_EQ(io::TextDecoder::detect(ansi), io::TextDecoder::Encoding::Windows1251);
    const QByteArray bom = QByteArray("\xEF\xBB\xBF") + utf8;
    for (const QByteArray &data : {ansi, bom}) {
        const auto r =
            PlanImporter::importData(data, PlanImporter::Format::Auto, QStringLiteral("plan.txt"));
        ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
        EXPECT_EQ(r->plan.sections.size(), 5);
        EXPECT_EQ(r->plan.measureCount(), 26);
        EXPECT_EQ(r->plan.approval.approverName, QStringLiteral("Н.С. Сазонова"));
    }
}

TEST(PlanImporterInput, BadInputsGiveClearRussianErrors) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QByteArray random;
    quint32 x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1664525u + 1013904223u;
        random.append(char(x >> 24));
    }
    const QByteArray png =
        QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20) + random.left(200);
    struct Case {
        QString name;
        QByteArray data;
        QString expected;
    };
    const QList<Case> cases{
        {QStringLiteral("пустой.txt"), QByteArray(), QStringLiteral("пуст")},
        {QStringLiteral("пробелы.txt"), QByteArray("\n\n   \n\t\n"), QStringLiteral("пуст")},
        {QStringLiteral("random.bin"), random, QStringLiteral("двоичные данные")},
        {QStringLiteral("image.png"), png, QStringLiteral("двоичные данные")},
        {QStringLiteral("fake.docx"), QByteArray("это не документ Word"), QStringLiteral(".docx")},
        {QStringLiteral("letter.txt"),
         QStringLiteral(
             "Уважаемые коллеги!\nНапоминаем о сроках сдачи отчётов.\n1. Отчёт до 01.09.\n")
             .toUtf8(),
         QStringLiteral("не найдена таблица мероприятий")},
        {QStringLiteral("old.doc"), QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + random,
         QStringLiteral(".doc")},
    };
    for (const Case &c : cases) {
        const QString p = writeTemp(dir, c.name, c.data);
        const auto r = PlanImporter::importFile(p);
        ASSERT_FALSE(r.ok()) << c.name.toStdString();
        EXPECT_EQ(r.error().file, c.name);
        EXPECT_TRUE(r.error().message.contains(c.expected))
            << c.name.toStdString() << ": " << r.error().toString().toStdString();
        EXPECT_TRUE(r.error().toString().startsWith(QStringLiteral("Файл «") + c.name +
                                                    QStringLiteral("»")));
    }
    const auto missing = PlanImporter::importFile(dir.filePath(QStringLiteral("нет.txt")));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("не найден")));
}

TEST(PlanImporterSeeds, Seed001WarnsAboutTheOrderDateMismatch) {
    const QString path = test::seedPath(QStringLiteral("001"));
    OBJ_REQUIRE_SHARED(path, "seed 001");
    const auto imp = importSeed(QStringLiteral("001"));
    // The order heading says 30.08.2023, its appendix line 20.08.2023: the appendix wins, with a
    // warning.
    EXPECT_EQ(imp.plan.approval.orderDate, QDate(2023, 8, 20));
    EXPECT_TRUE(anyContains(imp.warnings,
                            QStringLiteral("Строка 7: в тексте приказа указана дата 30.08.2023")));
}
