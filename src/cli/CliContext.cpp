#include "CliContext.h"

#include "objectivity/core/common/MessageText.h"

#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseWait.h"

#include <QDir>
#include <QStandardPaths>

namespace objectivity::cli {

CliContext::CliContext(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

CliContext::~CliContext() {
    storage::DatabaseWait::setObserver({});
}

bool CliContext::parseGlobalOptions(QStringList &args) {
    // --user NAME (the account that changes plans) may stand anywhere too.
    for (;;) {
        bool missing = false;
        const auto value = takeOption(args, QStringLiteral("--user"), &missing);
        if (!value && !missing)
            break;
        if (missing || value->trimmed().isEmpty()) {
            usageError(QStringLiteral("после --user нужно указать имя учётной записи"));
            return false;
        }
        m_user = value->trimmed();
    }
    // --db may stand anywhere on the line; the last one wins.
    for (;;) {
        bool missing = false;
        const auto value = takeOption(args, QStringLiteral("--db"), &missing);
        if (!value && !missing)
            return true;
        if (missing || value->isEmpty()) {
            usageError(QStringLiteral("после --db нужно указать файл базы данных или адрес "
                                      "postgresql://…"));
            return false;
        }
        m_dbPath = *value;
    }
}

QString CliContext::databasePath() const {
    if (!m_dbPath.isEmpty())
        return m_dbPath;
    const QString env = qEnvironmentVariable("OBJECTIVITY_DB");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("objectivity.sqlite"));
}

core::Result<storage::Database *> CliContext::database(storage::Database::OpenFor purpose) {
    if (m_db)
        return m_db.get();
    // A write that waits for another program says so once, on stderr (the CLI writes on this
    // thread only).
    storage::DatabaseWait::setObserver([this](bool waiting) {
        if (waiting)
            m_err << QStringLiteral("Ожидание базы данных: её использует другая программа…")
                  << Qt::endl;
    });
    auto opened = storage::Database::open(databasePath(), purpose);
    if (!opened)
        return opened.error();
    m_db = std::move(opened.value());
    return m_db.get();
}

core::Result<storage::Database *> CliContext::signedInDatabase() {
    auto db = database();
    if (!db || (*db)->actor())
        return db;
    auto accounts = storage::AccountRepository(**db).count();
    if (!accounts)
        return accounts.error();
    if (*accounts == 0)
        return db;
    core::Error e;
    if (m_user.isEmpty()) {
        e.message =
            QStringLiteral("В базе есть учётные записи: укажите свою — --user ИМЯ, пароль в "
                           "переменной окружения OBJECTIVITY_PASSWORD.");
        return e;
    }
    const QString password = qEnvironmentVariable("OBJECTIVITY_PASSWORD");
    if (password.isEmpty()) {
        e.message = QStringLiteral("Не задан пароль учётной записи «%1»: укажите его в переменной "
                                   "окружения OBJECTIVITY_PASSWORD.")
                        .arg(m_user);
        return e;
    }
    auto account = storage::AccountRepository(**db).authenticate(m_user, password);
    if (!account)
        return account.error();
    (*db)->setActor(account.value());
    return db;
}

core::Result<storage::Database *> CliContext::databaseAsUser() {
    if (!m_user.isEmpty())
        return signedInDatabase();
    return database();
}

int CliContext::fail(const core::Error &error) {
    fail(error.toString());
    // The library's original text (Qt, SQLite), for whoever looks into the failure: on a line of
    // its own after a Russian label, never inside the message.
    if (!error.details.isEmpty())
        m_err << QStringLiteral("Подробности: ") << core::shortenForMessage(error.details, 1000)
              << Qt::endl;
    return Failure;
}

int CliContext::fail(const QString &message) {
    m_err << QStringLiteral("objectivity-cli: ошибка: ") << message << Qt::endl;
    return Failure;
}

int CliContext::usageError(const QString &message, const QString &helpCommand) {
    m_err << QStringLiteral("objectivity-cli: ") << message << QLatin1Char('\n')
          << QStringLiteral("Справка: objectivity-cli ")
          << (helpCommand.isEmpty() ? QString() : helpCommand + QLatin1Char(' '))
          << QStringLiteral("--help") << Qt::endl;
    return Usage;
}

int CliContext::expectOneFile(const QStringList &args, const QString &helpCommand) {
    if (args.size() == 1)
        return 0;
    return usageError(args.isEmpty() ? QStringLiteral("не указан файл")
                                     : QStringLiteral("лишний аргумент «%1»").arg(args.at(1)),
                      helpCommand);
}

int CliContext::failImport(const core::Error &error) {
    m_err << QStringLiteral("Файл отклонён, база данных не изменена.\n");
    return fail(error);
}

int CliContext::rejectUnknownOptions(const QStringList &args, const QString &helpCommand) {
    for (const QString &a : args)
        if (a.startsWith(QLatin1String("--")))
            return usageError(QStringLiteral("неизвестный параметр «%1»").arg(a), helpCommand);
    return 0;
}

int CliContext::expectOneName(const QStringList &args, const QString &helpCommand) {
    if (int code = rejectUnknownOptions(args, helpCommand))
        return code;
    if (args.size() != 1)
        return usageError(args.isEmpty() ? QStringLiteral("не указано имя учётной записи")
                                         : QStringLiteral("лишний аргумент «%1»").arg(args.at(1)),
                          helpCommand);
    return 0;
}

int CliContext::takeRole(QStringList &args, const QString &helpCommand, core::Role *role) {
    bool missing = false;
    const auto roleText = takeOption(args, QStringLiteral("--role"), &missing);
    if (missing || !roleText)
        return usageError(QStringLiteral("укажите роль: --role deputy|director|admin|municipal"),
                          helpCommand);
    const auto parsed = core::Roles::fromCode(roleText->trimmed());
    if (!parsed)
        return usageError(QStringLiteral("неизвестная роль «%1»: deputy (заместитель директора), "
                                         "director (директор), admin (администратор), municipal "
                                         "(специалист муниципалитета)")
                              .arg(*roleText),
                          helpCommand);
    *role = *parsed;
    return 0;
}

bool CliContext::takeFlag(QStringList &args, const QString &flag) {
    return args.removeAll(flag) > 0;
}

std::optional<QString> CliContext::takeOption(QStringList &args, const QString &option,
                                              bool *missing) {
    if (missing)
        *missing = false;
    const QString prefix = option + QLatin1Char('=');
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == option) {
            args.removeAt(i);
            if (i >= args.size()) {
                if (missing)
                    *missing = true;
                return std::nullopt;
            }
            return args.takeAt(i);
        }
        if (args.at(i).startsWith(prefix)) {
            const QString value = args.takeAt(i).mid(prefix.size());
            return value;
        }
    }
    return std::nullopt;
}

qint64 CliContext::parseId(const QString &text) {
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace objectivity::cli
