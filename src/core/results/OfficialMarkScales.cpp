#include "objectivity/core/results/OfficialMarkScales.h"

#include <QFile>
#include <QSet>
#include <QStringList>

namespace objectivity::core {

namespace {
const QStringList kColumns = {QStringLiteral("kind"),
                              QStringLiteral("year"),
                              QStringLiteral("grade"),
                              QStringLiteral("subject"),
                              QStringLiteral("max_primary"),
                              QStringLiteral("min_for_3"),
                              QStringLiteral("min_for_4"),
                              QStringLiteral("min_for_5"),
                              QStringLiteral("extra_condition"),
                              QStringLiteral("min_test_score"),
                              QStringLiteral("source"),
                              QStringLiteral("secondary")};

Error rowError(const QString &file, int row, int column, const QString &message) {
    Error e;
    e.file = file;
    e.row = row;
    e.column = column;
    if (column >= 1 && column <= kColumns.size())
        e.columnName = kColumns.at(column - 1);
    e.message = message;
    return e;
}
} // namespace

Result<QList<MarkScale>> OfficialMarkScales::load() {
    QFile f(resourcePath());
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Не найден встроенный файл официальных шкал"), resourcePath(),
                     -1, -1};
    return parse(f.readAll(), resourcePath());
}

Result<QList<MarkScale>> OfficialMarkScales::parse(const QByteArray &text,
                                                   const QString &fileName) {
    QList<MarkScale> scales;
    QSet<QString> keys;
    bool heading = true;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int row = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char(';'));
        if (f.size() != kColumns.size())
            return rowError(
                fileName, row, -1,
                QStringLiteral("в строке %1 полей вместо %2").arg(f.size()).arg(kColumns.size()));
        if (heading) {
            for (int c = 0; c < f.size(); ++c)
                if (f.at(c).trimmed() != kColumns.at(c))
                    return rowError(fileName, row, c + 1,
                                    QStringLiteral("заголовок «%1» вместо «%2»")
                                        .arg(f.at(c).trimmed(), kColumns.at(c)));
            heading = false;
            continue;
        }
        MarkScale s;
        s.origin = MarkScale::Origin::Official;
        if (!procedureKindFromText(f.at(0).trimmed(), &s.kind))
            return rowError(fileName, row, 1,
                            QStringLiteral("неизвестная процедура «%1»").arg(f.at(0)));
        int numbers[7] = {};
        const int numberColumns[7] = {1, 2, 4, 5, 6, 7, 9};
        for (int k = 0; k < 7; ++k) {
            bool ok = false;
            numbers[k] = f.at(numberColumns[k]).trimmed().toInt(&ok);
            if (!ok || numbers[k] < 0)
                return rowError(fileName, row, numberColumns[k] + 1,
                                QStringLiteral("«%1» — не целое неотрицательное число")
                                    .arg(f.at(numberColumns[k])));
        }
        s.year = numbers[0];
        s.grade = numbers[1];
        s.subject = f.at(3).trimmed();
        s.maxPrimary = numbers[2];
        s.minFor3 = numbers[3];
        s.minFor4 = numbers[4];
        s.minFor5 = numbers[5];
        s.extraCondition = f.at(8).trimmed();
        s.minTestScore = numbers[6];
        s.source = f.at(10).trimmed();
        const QString secondary = f.at(11).trimmed();
        if (s.subject.isEmpty())
            return rowError(fileName, row, 4, QStringLiteral("не указан предмет"));
        if (s.grade < 4 || s.grade > 11 || (s.year != 0 && (s.year < 2015 || s.year > 2100)))
            return rowError(
                fileName, row, s.grade < 4 || s.grade > 11 ? 3 : 2,
                QStringLiteral("класс %1 или год %2 вне допустимого").arg(s.grade).arg(s.year));
        if (s.source.isEmpty())
            return rowError(fileName, row, 11, QStringLiteral("не указан источник"));
        if (secondary != QStringLiteral("да") && secondary != QStringLiteral("нет"))
            return rowError(fileName, row, 12,
                            QStringLiteral("«%1» вместо «да» или «нет»").arg(secondary));
        if (secondary == QStringLiteral("да"))
            s.source += QStringLiteral(" (вторичный источник)");
        // known boundaries increase and stay within the maximum
        int last = 0, lastColumn = 0;
        for (int k = 3; k <= 5; ++k) {
            const int b = k == 3 ? s.minFor3 : k == 4 ? s.minFor4 : s.minFor5;
            const int column = k + 3;
            if (b == 0)
                continue;
            if (k > 3 && s.minFor3 == 0)
                return rowError(fileName, row, column,
                                QStringLiteral("граница «%1» без границы «3»").arg(k));
            if (b <= last)
                return rowError(fileName, row, column,
                                QStringLiteral("граница «%1» (%2) не больше предыдущей (%3, "
                                               "столбец %4)")
                                    .arg(k)
                                    .arg(b)
                                    .arg(last)
                                    .arg(lastColumn));
            if (s.maxPrimary > 0 && b > s.maxPrimary)
                return rowError(fileName, row, column,
                                QStringLiteral("граница «%1» (%2) больше максимального балла %3")
                                    .arg(k)
                                    .arg(b)
                                    .arg(s.maxPrimary));
            last = b;
            lastColumn = column;
        }
        if ((s.minFor4 == 0) != (s.minFor5 == 0))
            return rowError(fileName, row, s.minFor4 == 0 ? 7 : 8,
                            QStringLiteral("известна только одна из границ «4» и «5»"));
        if (s.minFor3 == 0 && s.minTestScore == 0 && s.extraCondition.isEmpty())
            return rowError(fileName, row, 6,
                            QStringLiteral("в строке нет ни границ, ни минимального балла"));
        const QString key = QStringLiteral("%1|%2|%3|%4")
                                .arg(procedureKindCode(s.kind), QString::number(s.year),
                                     QString::number(s.grade), s.subject);
        if (keys.contains(key))
            return rowError(fileName, row, 1,
                            QStringLiteral("вторая строка для %1 %2 класс %3, %4")
                                .arg(procedureKindCode(s.kind))
                                .arg(s.year)
                                .arg(s.grade)
                                .arg(s.subject));
        keys.insert(key);
        scales << s;
    }
    if (heading)
        return Error{QStringLiteral("Файл официальных шкал пуст"), fileName, -1, -1};
    return scales;
}

} // namespace objectivity::core
