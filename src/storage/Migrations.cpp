#include "Migrations.h"

#include <QDir>
#include <QRegularExpression>

namespace objectivity::storage {

std::map<int, QString> Migrations::files(bool postgres) {
    std::map<int, QString> files;
    static const QRegularExpression name(QStringLiteral(R"(^(\d{3})_.*\.sql$)"));
    const QDir dir(postgres ? QStringLiteral(":/sql/postgresql") : QStringLiteral(":/sql"));
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(entry);
        if (m.hasMatch())
            files[m.captured(1).toInt()] = dir.filePath(entry);
    }
    return files;
}

core::Status Migrations::checkBothDialects() {
    const auto sqlite = files(false);
    const auto postgres = files(true);
    auto missing = [](const std::map<int, QString> &from, const std::map<int, QString> &in,
                      const QString &where) -> core::Status {
        for (const auto &entry : from)
            if (!in.count(entry.first)) {
                core::Error e;
                e.message = QStringLiteral("программа собрана без сценария обновления схемы %1 "
                                           "для %2; переустановите программу")
                                .arg(entry.first, 3, 10, QLatin1Char('0'))
                                .arg(where);
                return e;
            }
        return {};
    };
    if (core::Status s = missing(sqlite, postgres, QStringLiteral("PostgreSQL")); !s)
        return s;
    return missing(postgres, sqlite, QStringLiteral("SQLite"));
}

std::optional<std::pair<QString, QString>> Migrations::addedColumn(const QString &statement) {
    static const QRegularExpression add(
        QStringLiteral(R"re(^\s*ALTER\s+TABLE\s+"?(\w+)"?\s+ADD\s+(?:COLUMN\s+)?"?(\w+)"?\s)re"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = add.match(statement);
    if (!m.hasMatch())
        return std::nullopt;
    return std::make_pair(m.captured(1), m.captured(2));
}

QStringList Migrations::statements(const QString &script, bool postgres) {
    QStringList statements;
    QString current;
    bool inTrigger = false;
    bool inDollarQuote = false;
    for (const QString &rawLine : script.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (!inDollarQuote && (line.startsWith(QLatin1String("--")) || line.isEmpty()))
            continue;
        if (!postgres && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        if (postgres && line.count(QLatin1String("$$")) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        current += rawLine + QLatin1Char('\n');
        if (inDollarQuote)
            continue;
        const bool ends = line.endsWith(QLatin1Char(';'));
        if (inTrigger) {
            if (line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0) {
                statements << current.trimmed();
                current.clear();
                inTrigger = false;
            }
        } else if (ends) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace objectivity::storage
