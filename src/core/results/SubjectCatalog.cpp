#include "objectivity/core/results/SubjectCatalog.h"

#include <QHash>

namespace objectivity::core {

namespace {

struct Entry {
    const char16_t *canonical;
    std::initializer_list<const char16_t *> synonyms;
};

// Canonical names first, then their synonyms (compared after normalize()).
const std::initializer_list<Entry> &entries() {
    static const std::initializer_list<Entry> list = {
        {u"Русский язык", {u"Русский", u"Рус. яз.", u"Русский яз.", u"РУ", u"РЯ"}},
        {u"Математика", {u"Матем.", u"МА", u"Алгебра и геометрия"}},
        {u"Математика (база)",
         {u"Математика базовая", u"Математика базовый уровень", u"Математика базового уровня",
          u"Математика (Б)", u"Базовая математика", u"МАБ", u"Математика Б"}},
        {u"Математика (профиль)",
         {u"Математика профильная", u"Математика профильный уровень",
          u"Математика профильного уровня", u"Математика (П)", u"Профильная математика", u"МАП",
          u"Математика П"}},
        {u"Окружающий мир", {u"Окр. мир", u"ОМ", u"Окружающий"}},
        {u"История", {u"История России", u"ИС"}},
        {u"Обществознание", {u"Общество", u"ОБ"}},
        {u"География", {u"ГГ", u"ГЕО"}},
        {u"Биология", {u"БИ", u"БИО"}},
        {u"Физика", {u"ФИ"}},
        {u"Химия", {u"ХИ"}},
        {u"Информатика", {u"Информатика и ИКТ", u"ИНФ", u"ИКТ"}},
        {u"Литература", {u"ЛИ", u"ЛИТ"}},
        // A plain «Иностранный язык» is English in the vast majority of files.
        {u"Иностранный язык (английский)",
         {u"Английский язык", u"Английский", u"Англ. яз.", u"Иностранный язык",
          u"Иностранный язык английский язык", u"АЯ"}},
        {u"Иностранный язык (немецкий)",
         {u"Немецкий язык", u"Немецкий", u"Иностранный язык немецкий язык", u"НЯ"}},
        {u"Иностранный язык (французский)",
         {u"Французский язык", u"Французский", u"Иностранный язык французский язык", u"ФЯ"}},
        {u"Иностранный язык (испанский)",
         {u"Испанский язык", u"Испанский", u"Иностранный язык испанский язык"}},
        {u"Иностранный язык (китайский)",
         {u"Китайский язык", u"Китайский", u"Иностранный язык китайский язык"}},
    };
    return list;
}

// Lower case, ё → е, every run of non-letters and non-digits → one space.
QString normalize(QStringView text) {
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            c = c.toLower();
            out += c == QChar(0x0451) ? QChar(0x0435) : c;
        } else {
            space = true;
        }
    }
    return out;
}

const QHash<QString, QString> &lookup() {
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        for (const Entry &e : entries()) {
            const QString canonical = QString::fromUtf16(e.canonical);
            t.insert(normalize(canonical), canonical);
            for (const char16_t *s : e.synonyms)
                t.insert(normalize(QString::fromUtf16(s)), canonical);
        }
        return t;
    }();
    return table;
}

} // namespace

QString SubjectCatalog::canonical(const QString &name) {
    return lookup().value(normalize(name));
}

bool SubjectCatalog::isBasicMath(const QString &name) {
    return canonical(name) == QStringLiteral("Математика (база)");
}

QStringList SubjectCatalog::canonicalNames() {
    QStringList names;
    for (const Entry &e : entries())
        names << QString::fromUtf16(e.canonical);
    return names;
}

} // namespace objectivity::core
