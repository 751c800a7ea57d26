#pragma once
#include "objectivity/core/common/Error.h"
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Role.h"
#include "objectivity/storage/Database.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace objectivity::cli {

// What every command gets: the global options, UTF-8 output streams, the database opened on demand
// and helpers for reading its own arguments and reporting errors in one form.
class CliContext {
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

    CliContext(QTextStream &out, QTextStream &err);
    ~CliContext();
    CliContext(const CliContext &) = delete;
    CliContext &operator=(const CliContext &) = delete;

    // Removes the global options (--db FILE, --user NAME, anywhere in `args`); the rest is
    // "<group> <command> ...". On a bad global option prints the error and returns false.
    bool parseGlobalOptions(QStringList &args);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // The database file: --db FILE, else $OBJECTIVITY_DB, else the application's data folder.
    QString databasePath() const;
    // Opens the database at the first call (creating it when absent); later calls return the same.
    // A command that only reads (analyze) passes OpenFor::Reading: no integrity scan of the file.
    core::Result<storage::Database *>
    database(storage::Database::OpenFor purpose = storage::Database::OpenFor::Writing);

    // The database with the --user account signed in (password from $OBJECTIVITY_PASSWORD), for
    // commands that change plans. While the database has no accounts nobody signs in (--user is
    // ignored); once one exists, --user is required and a wrong name or password fails.
    core::Result<storage::Database *> signedInDatabase();
    // The --user account signed in when given, else just the database (managing accounts: storage
    // decides whether an administrator is needed).
    core::Result<storage::Database *> databaseAsUser();
    QString userName() const { return m_user; }

    // Prints "objectivity-cli: <error>" to stderr and returns ExitCode::Failure.
    int fail(const core::Error &error);
    int fail(const QString &message);
    // Prints a usage error and the hint to run --help, returns ExitCode::Usage.
    int usageError(const QString &message, const QString &helpCommand = QString());
    // After a command has taken its options: a usage error for the first "--…" left in args, or 0.
    // An import command's single file argument: 0 when there is exactly one, else a usage error.
    int expectOneFile(const QStringList &args, const QString &helpCommand);
    // An import refused as a whole: says that the database is unchanged, then the error.
    int failImport(const core::Error &error);
    int rejectUnknownOptions(const QStringList &args, const QString &helpCommand);
    // An account command's single name argument (no other option left): 0, else a usage error.
    int expectOneName(const QStringList &args, const QString &helpCommand);
    // Takes `--role deputy|director|admin|municipal` out of args: 0, else a usage error (missing
    // or unknown role).
    int takeRole(QStringList &args, const QString &helpCommand, core::Role *role);

    // Argument helpers for commands. takeFlag removes "--json" from args and says whether it was
    // there; takeOption removes "--name VALUE" / "--name=VALUE" and returns VALUE (nullopt when
    // absent, an empty string with *missing = true when the value is missing).
    static bool takeFlag(QStringList &args, const QString &flag);
    static std::optional<QString> takeOption(QStringList &args, const QString &option,
                                             bool *missing);
    // Parses a positive id ("12"); returns 0 when the text is not one.
    static qint64 parseId(const QString &text);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dbPath;
    QString m_user;
    std::unique_ptr<storage::Database> m_db;
};

} // namespace objectivity::cli
