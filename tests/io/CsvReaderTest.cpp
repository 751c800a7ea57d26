#include "objectivity/io/formats/CsvReader.h"
#include "TestSupport.h"

#include <QFile>

using objectivity::io::CsvReader;

namespace {

QList<QStringList> readAll(const QByteArray &data, std::optional<objectivity::core::Error> *error,
                           CsvReader **keep = nullptr) {
    static std::unique_ptr<CsvReader> reader;
    reader = CsvReader::fromData(data, QStringLiteral("test.csv"), error);
    QList<QStringList> rows;
    if (!reader)
        return rows;
    QStringList fields;
    while (reader->readRecord(fields))
        rows << fields;
    *error = reader->error();
    if (keep)
        *keep = reader.get();
    return rows;
}

QByteArray toCp1251(const QString &text) {
    QByteArray out;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            out += char(u);
        else if (u >= 0x0410 && u <= 0x044F)
            out += char(0xC0 + (u - 0x0410));
        else if (u == 0x0401)
            out += char(0xA8);
        else if (u == 0x0451)
            out += char(0xB8);
        else
            out += '?';
    }
    return out;
}

} // namespace

TEST(CsvReader, Utf8WithBomAndSemicolon) {
    std::optional<objectivity::core::Error> error;
    CsvReader *r = nullptr;
    const auto rows =
        readAll("\xEF\xBB\xBF" + QStringLiteral("Класс;Отметка\n5А;4\n").toUtf8(), &error, &r);
    ASSERT_FALSE(error);
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0], (QStringList{QStringLiteral("Класс"), QStringLiteral("Отметка")}));
    EXPECT_EQ(rows[1], (QStringList{QStringLiteral("5А"), QStringLiteral("4")}));
    EXPECT_TRUE(r->hadBom());
    EXPECT_EQ(r->delimiter(), QLatin1Char(';'));
}

TEST(CsvReader, Cp1251IsDetected) {
    std::optional<objectivity::core::Error> error;
    CsvReader *r = nullptr;
    const auto rows = readAll(toCp1251(QStringLiteral("Наименование;Муниципалитет\n"
                                                      "Ёлкинская средняя школа;город\n")),
                              &error, &r);
    ASSERT_FALSE(error) << error->toString().toStdString();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(r->encoding(), CsvReader::Encoding::Cp1251);
    EXPECT_EQ(rows[1][0], QStringLiteral("Ёлкинская средняя школа"));
    EXPECT_EQ(rows[1][1], QStringLiteral("город"));
}

TEST(CsvReader, CommaAndTabDelimitersAreDetected) {
    std::optional<objectivity::core::Error> error;
    CsvReader *r = nullptr;
    auto rows = readAll("a,b,c\n1,\"2,5\",3\n", &error, &r);
    ASSERT_FALSE(error);
    EXPECT_EQ(r->delimiter(), QLatin1Char(','));
    EXPECT_EQ(rows[1],
              (QStringList{QStringLiteral("1"), QStringLiteral("2,5"), QStringLiteral("3")}));
    rows = readAll("a\tb\n1,5\t2\n", &error, &r);
    ASSERT_FALSE(error);
    EXPECT_EQ(r->delimiter(), QLatin1Char('\t'));
    EXPECT_EQ(rows[1], (QStringList{QStringLiteral("1,5"), QStringLiteral("2")}));
}

TEST(CsvReader, QuotedFieldsWithDoubledQuotesAndNewlines) {
    std::optional<objectivity::core::Error> error;
    CsvReader *r = nullptr;
    const auto rows =
        readAll(QStringLiteral("Имя;Примечание;Балл\r\n"
                               "\"МБОУ \"\"Лицей №1\"\"\";\"строка 1\nстрока 2\";7\r\n"
                               "\n"
                               "x;y;8\r\n")
                    .toUtf8(),
                &error, &r);
    ASSERT_FALSE(error);
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[1][0], QStringLiteral("МБОУ \"Лицей №1\""));
    EXPECT_EQ(rows[1][1], QStringLiteral("строка 1\nстрока 2"));
    EXPECT_EQ(rows[1][2], QStringLiteral("7"));
    EXPECT_EQ(rows[2][2], QStringLiteral("8"));
    EXPECT_EQ(r->lineNumber(), 5); // the record after the embedded newline and a blank line
}

TEST(CsvReader, StrayQuoteIsReportedWithRowAndColumn) {
    std::optional<objectivity::core::Error> error;
    readAll("a;b;c\n1;\"2\"x;3\n", &error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->row, 2);
    EXPECT_EQ(error->column, 2);
    EXPECT_TRUE(error->message.contains(QStringLiteral("кавычк")));
    readAll("a;b\n1;\"never closed\n2;3\n", &error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->row, 2);
    EXPECT_TRUE(error->toString().contains(QStringLiteral("test.csv")));
}

TEST(CsvReader, WrongEncodingIsRefused) {
    std::optional<objectivity::core::Error> error;
    // KOI8-R «Привет;мир» read as neither UTF-8 nor plausible Windows-1251.
    const QByteArray koi8("\xf0\xd2\xc9\xd7\xc5\xd4;\xcd\xc9\xd2\n\xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9"
                          "\xd2 \xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9\xd2\n");
    readAll(koi8, &error);
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->message.contains(QStringLiteral("кодировк")));
    readAll(QByteArray("PK\x03\x04\0\0binary", 12), &error);
    ASSERT_TRUE(error);
}

TEST(CsvReader, StreamsAcrossChunkBoundaries) {
    // 3 MB: records and quoted fields cross the reader's 1 MB chunks; Cyrillic too.
    QByteArray data = "n;text\n";
    const QByteArray line = QStringLiteral(";\"Иванов \"\"И\"\"\nстрока\"\n").toUtf8();
    int n = 0;
    while (data.size() < 3 * 1024 * 1024)
        data += QByteArray::number(n++) + line;
    std::optional<objectivity::core::Error> error;
    const auto rows = readAll(data, &error);
    ASSERT_FALSE(error);
    ASSERT_EQ(rows.size(), n + 1);
    for (int i = 1; i <= n; ++i) {
        ASSERT_EQ(rows[i].size(), 2);
        ASSERT_EQ(rows[i][0].toInt(), i - 1);
        ASSERT_EQ(rows[i][1], QStringLiteral("Иванов \"И\"\nстрока"));
    }
}

TEST(CsvReader, MoscowOpenDataFile) {
    const QString path = objectivity::test::sharedFile(
        QStringLiteral("data/real/moscow_ege_by_school_2015_2016.csv"));
    OBJ_REQUIRE_SHARED(path, "moscow_ege_by_school_2015_2016.csv");
    std::unique_ptr<CsvReader> reader;
    ASSERT_FALSE(CsvReader::open(path, &reader));
    QStringList fields;
    ASSERT_TRUE(reader->readRecord(fields));
    ASSERT_EQ(fields.size(), 13);
    EXPECT_TRUE(reader->trailingDelimiter());
    EXPECT_EQ(fields.at(6), QStringLiteral("EDU_NAME"));
    QList<QStringList> rows;
    while (reader->readRecord(fields)) {
        ASSERT_EQ(fields.size(), 13) << "line " << reader->lineNumber();
        rows << fields;
    }
    ASSERT_FALSE(reader->error());
    ASSERT_EQ(rows.size(), 626);
    EXPECT_TRUE(rows[0][6].startsWith(QStringLiteral(
        "Государственное автономное образовательное учреждение высшего образования")));
    EXPECT_TRUE(rows[0][6].endsWith(QStringLiteral("(средняя общеобразовательная школа № 179)")));
    bool ok = false;
    EXPECT_EQ(rows[0][8].toInt(&ok), 109);
    EXPECT_TRUE(ok);
    int total = 0;
    for (const QStringList &row : rows) {
        const int passed = row[8].toInt(&ok);
        ASSERT_TRUE(ok) << row[8].toStdString();
        total += passed;
    }
    EXPECT_GT(total, 626);
}
