#include "results/ResultsHeadings.h"

#include <QRegularExpression>

namespace objectivity::io {

namespace {
// The first name of each field is its canonical heading (as in FlatResultsFormat::header()).
QHash<QString, QString> &canonicalHeadings() {
    static QHash<QString, QString> table;
    return table;
}

const QHash<QString, QString> &synonyms() {
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        auto add = [&t](const char16_t *field, std::initializer_list<const char16_t *> names) {
            canonicalHeadings().insert(QString::fromUtf16(field),
                                       QString::fromUtf16(*names.begin()));
            for (const char16_t *n : names)
                t.insert(ResultsHeadings::normalize(QString::fromUtf16(n)),
                         QString::fromUtf16(field));
        };
        add(u"year", {u"Год", u"Год проведения", u"Учебный год"});
        add(u"kind", {u"Процедура", u"Вид процедуры", u"Оценочная процедура", u"Тип процедуры"});
        add(u"grade", {u"Параллель", u"Класс (параллель)", u"Номер класса"});
        add(u"subject", {u"Предмет", u"Учебный предмет"});
        add(u"municipality", {u"Муниципалитет", u"Муниципальный район",
                              u"Муниципальное "
                              u"образование",
                              u"МО", u"АТЕ", u"Район"});
        add(u"school_code",
            {u"Логин ОО", u"Логин", u"ОО", u"Код ОО", u"Код школы", u"Логин школы"});
        add(u"school_name", {u"Наименование ОО", u"Наименование", u"Название ОО", u"Школа",
                             u"Образовательная организация", u"Полное наименование ОО"});
        add(u"school_kind", {u"Тип ОО", u"Вид ОО", u"Тип школы"});
        add(u"locality", {u"Местность", u"Тип местности", u"Город/село"});
        add(u"class", {u"Класс", u"Буква класса", u"Литера класса"});
        add(u"participant_code",
            {u"Код участника", u"Код", u"Код ученика", u"ID участника", u"Номер участника"});
        add(u"variant", {u"Вариант", u"Номер варианта"});
        add(u"primary_score", {u"Первичный балл", u"Сумма баллов", u"Первичный", u"Балл",
                               u"Первичный балл за работу"});
        add(u"mark", {u"Отметка", u"Отметка за работу", u"Оценка", u"Оценка за работу",
                      u"Отметка по пятибалльной шкале"});
        add(u"test_score", {u"Тестовый балл", u"Тестовый", u"Балл ЕГЭ"});
        add(u"journal_mark",
            {u"Отметка по журналу", u"Журнальная отметка", u"Оценка по журналу",
             u"Отметка в журнале", u"Отметка за предыдущий период", u"Отметка за четверть",
             u"Четвертная отметка", u"Отметка за полугодие", u"Отметка за триместр"});
        add(u"journal_period", {u"Период отметки", u"Период", u"Период журнальной отметки"});
        add(u"annual_mark", {u"Годовая отметка", u"Годовая оценка", u"Отметка за год"});
        add(u"medal", {u"Медаль"});
        return t;
    }();
    return table;
}
} // namespace

QString ResultsHeadings::normalize(const QString &heading) {
    QString t = heading.simplified().toLower();
    t.replace(QChar(0x0451), QChar(0x0435));
    while (t.endsWith(QLatin1Char(':')))
        t.chop(1);
    return t.trimmed();
}

QString ResultsHeadings::field(const QString &heading, const QHash<QString, QString> &mappings,
                               int *maxPoints) {
    const QString n = normalize(heading);
    if (n.isEmpty())
        return QString();
    if (const auto it = mappings.constFind(n); it != mappings.cend())
        return it.value();
    if (const auto it = synonyms().constFind(n); it != synonyms().cend())
        return it.value();
    // «З1», «З 12», «Задание 3», «№ 4», «1 (2б)», «9.1 (1 б.)».
    static const QRegularExpression flat(
        QStringLiteral(R"(^(?:з|задание|зад\.?|№)\s*(\d+(?:\.\d+)?)$)"));
    static const QRegularExpression fisoko(
        QStringLiteral(R"(^(\d+(?:[.,]\d+)?)\s*\(\s*(\d+)\s*б\.?\s*\)$)"));
    if (const auto m = flat.match(n); m.hasMatch())
        return QStringLiteral("task:") + m.captured(1);
    if (const auto m = fisoko.match(n); m.hasMatch()) {
        if (maxPoints)
            *maxPoints = m.captured(2).toInt();
        QString label = m.captured(1);
        label.replace(QLatin1Char(','), QLatin1Char('.'));
        return QStringLiteral("task:") + label;
    }
    return QString();
}

QString ResultsHeadings::canonicalHeading(const QString &field) {
    if (field.startsWith(QLatin1String("task:")))
        return QStringLiteral("З") + field.mid(5);
    synonyms(); // fills the canonical names
    return canonicalHeadings().value(field, QStringLiteral("неизвестный столбец"));
}

QStringList ResultsHeadings::fieldNames() {
    return {QStringLiteral("year"),
            QStringLiteral("kind"),
            QStringLiteral("grade"),
            QStringLiteral("subject"),
            QStringLiteral("municipality"),
            QStringLiteral("school_code"),
            QStringLiteral("school_name"),
            QStringLiteral("school_kind"),
            QStringLiteral("locality"),
            QStringLiteral("class"),
            QStringLiteral("participant_code"),
            QStringLiteral("variant"),
            QStringLiteral("task:N"),
            QStringLiteral("primary_score"),
            QStringLiteral("mark"),
            QStringLiteral("test_score"),
            QStringLiteral("journal_mark"),
            QStringLiteral("journal_period"),
            QStringLiteral("annual_mark"),
            QStringLiteral("medal"),
            QStringLiteral("ignore")};
}

bool ResultsHeadings::isHeader(const QStringList &fields) {
    if (fields.contains(QStringLiteral("participant_code")))
        return true;
    int known = 0;
    for (const char *f : {"year", "kind", "subject", "school_code"})
        known += fields.contains(QLatin1String(f)) ? 1 : 0;
    known += fields.contains(QStringLiteral("grade")) || fields.contains(QStringLiteral("class"))
                 ? 1
                 : 0;
    return known >= 3;
}

} // namespace objectivity::io
