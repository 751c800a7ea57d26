#include "results/ResultsHeadings.h"

#include <QRegularExpression>

#include <algorithm>

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
                              u"МО", u"АТЕ", u"Район", u"Муниципальный округ", u"Городской округ"});
        add(u"school_code",
            {u"Логин ОО", u"Логин", u"ОО", u"Код ОО", u"Код школы", u"Логин школы"});
        add(u"school_name", {u"Наименование ОО", u"Наименование", u"Название ОО", u"Школа",
                             u"Образовательная организация", u"Полное наименование ОО",
                             u"Наименование образовательной организации", u"Наименование школы",
                             u"Название школы"});
        add(u"school_kind", {u"Тип ОО", u"Вид ОО", u"Тип школы"});
        add(u"locality", {u"Местность", u"Тип местности", u"Город/село"});
        add(u"class", {u"Класс", u"Буква класса", u"Литера класса"});
        add(u"participant_code", {u"Код участника", u"Код", u"Код ученика", u"ID участника",
                                  u"Номер участника", u"Шифр", u"Шифр участника", u"Код работы"});
        add(u"variant", {u"Вариант", u"Номер варианта"});
        add(u"primary_score", {u"Первичный балл", u"Сумма баллов", u"Первичный", u"Балл",
                               u"Первичный балл за работу", u"Сумма первичных баллов"});
        add(u"mark", {u"Отметка", u"Отметка за работу", u"Оценка", u"Оценка за работу",
                      u"Отметка по пятибалльной шкале", u"Отметка ВПР", u"Отметка за ВПР",
                      u"Оценка ВПР", u"Оценка за ВПР"});
        add(u"test_score", {u"Тестовый балл", u"Тестовый", u"Балл ЕГЭ"});
        add(u"journal_mark",
            {u"Отметка по журналу", u"Журнальная отметка", u"Оценка по журналу",
             u"Отметка в журнале", u"Отметка за предыдущий период", u"Отметка за четверть",
             u"Четвертная отметка", u"Отметка за полугодие", u"Отметка за триместр"});
        add(u"journal_period", {u"Период отметки", u"Период", u"Период журнальной отметки"});
        add(u"annual_mark", {u"Годовая отметка", u"Годовая оценка", u"Отметка за год", u"Годовая",
                             u"Отметка за учебный год", u"Итоговая отметка за год"});
        add(u"medal", {u"Медаль"});
        return t;
    }();
    return table;
}

// A task's label as ФИС ОКО and the schools write it: «1», «9.1», «1К1» (criterion 1 of task 1 in
// the ВПР in Russian), «К2», «ГК1», «ФК1» (criteria of a written answer).
const QString kLabel =
    QStringLiteral(R"((\d{1,2}(?:[.,]\d{1,2})?(?:\s*[кk]\s*\d{1,2})?|[игф]?[кk]\s*\d{1,2}))");

// The label in its canonical form: «9,1» → «9.1», «1 к 1» and «1k1» (Latin) → «1К1».
QString canonicalLabel(QString label) {
    label.remove(QLatin1Char(' '));
    label.replace(QLatin1Char(','), QLatin1Char('.'));
    label.replace(QLatin1Char('k'), QChar(0x043A));
    return label.toUpper();
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
    int max = 0;
    if (QString label = taskLabel(n, &max); !label.isEmpty()) {
        if (maxPoints && max > 0)
            *maxPoints = max;
        return QStringLiteral("task:") + label;
    }
    if (periodInHeading(heading) != core::JournalPeriod::Unknown)
        return QStringLiteral("journal_mark");
    if (n.startsWith(QStringLiteral("медал"))) // «Медаль «За особые успехи в учении»»
        return QStringLiteral("medal");
    return QString();
}

QString ResultsHeadings::taskLabel(const QString &normalized, int *maxPoints) {
    // «З1», «З 12», «Задание 3», «Задание № 3», «Балл за задание 3», «№ 4», «1», «1К1»; with the
    // maximum as ФИС ОКО writes it, «1 (2б)», «9.1 (1 б.)», or «Задание 2 (макс. 3)».
    static const QRegularExpression task(
        QStringLiteral(R"(^(?:(?:баллы?|результат)\s+за\s+)?(?:(?:з|задание|задания|зад\.?|)"
                       R"(задача|№|номер задания)\s*№?\s*)?)") +
        kLabel +
        QStringLiteral(R"((?:\s*\(\s*(?:макс\.?|max\.?|из)?\s*(\d+)\s*)"
                       R"((?:б\.?|балл(?:а|ов)?\.?)?\s*\))?$)"));
    const auto m = task.match(normalized);
    if (!m.hasMatch())
        return QString();
    if (maxPoints)
        *maxPoints = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
    return canonicalLabel(m.captured(1));
}

bool ResultsHeadings::isTaskField(const QString &field) {
    static const QRegularExpression task(QStringLiteral("^task:") + kLabel + QStringLiteral("$"),
                                         QRegularExpression::CaseInsensitiveOption);
    return task.match(field).hasMatch();
}

core::JournalPeriod ResultsHeadings::periodInHeading(const QString &heading) {
    // «Отметка за 3 четверть», «Оценка за I полугодие», «Отметка по журналу за 2-ю четверть»,
    // «3 четверть», «II триместр»: a journal mark that names its period. A bare «Четверть» is the
    // period's own column and is not matched.
    static const QRegularExpression withPeriod(QStringLiteral(
        R"(^(?:(?:(?:отметка|оценка)(?:\s+по\s+журналу)?\s+за\s+(?:\S+\s+)?)|)"
        R"((?:\d|[ivx]{1,3}|[1-4]-?(?:я|е|й|ю|ое|ая)|перв\S*|втор\S*|трет\S*|четв[её]рт\S*)\s+))"
        R"((четверть|полугодие|триместр)$)"));
    const auto m = withPeriod.match(normalize(heading));
    if (!m.hasMatch())
        return core::JournalPeriod::Unknown;
    return m.captured(1) == QStringLiteral("полугодие") ? core::JournalPeriod::HalfYear
                                                        : core::JournalPeriod::Quarter;
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

bool ResultsHeadings::isSecondHeaderRow(const QStringList &cells,
                                        const QHash<QString, QString> &mappings) {
    return std::any_of(cells.cbegin(), cells.cend(), [&](const QString &c) {
        return field(c, mappings) == QLatin1String("participant_code");
    });
}

} // namespace objectivity::io
