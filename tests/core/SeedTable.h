#pragma once
// Reads the measure rows of a seed (tab-separated text of a plan) for the core tests.
#include <QFile>
#include <QRegularExpression>
#include <QStringList>

namespace objectivity::test {

// The cells of every measure row (first cell a number such as "1.1.", "3.14", "2") with at least
// four cells, in file order.
inline QList<QStringList> seedMeasureRows(const QString &path) {
    QList<QStringList> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    static const QRegularExpression number(QStringLiteral(R"(^\d+(\.\d+)*\.?$)"));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QStringList cells = line.split(u'\t');
        if (cells.size() >= 4 && number.match(cells[0].trimmed()).hasMatch())
            rows.append(cells);
    }
    return rows;
}

} // namespace objectivity::test
