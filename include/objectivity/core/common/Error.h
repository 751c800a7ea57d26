#pragma once
#include <QString>

namespace objectivity::core {

// What kind of failure, for callers that act on it (most errors are only shown).
enum class ErrorCode {
    General,
    // A save lost the race: the plan was changed by someone else since it was loaded (its stored
    // version moved on); nothing was written. The GUI reloads the plan.
    PlanChanged,
};

// A failure the user can read: a Russian message that names the file, row and column where known.
struct Error {
    QString message;
    QString file;    // the input file, when the error is about one
    int row = -1;    // 1-based row / line, -1 when not applicable
    int column = -1; // 1-based column, -1 when not applicable
    // The column's heading as the user's file has it («Год»), shown after the column number;
    // empty when unknown.
    QString columnName{};
    // In a workbook: the sheet and the cell as Excel names them («Лист1», «F2»). The text names
    // the sheet, and the cell instead of the row and column numbers (which stay set).
    QString sheet{};
    QString cell{};
    // The original text of the failure as the library gave it (Qt, SQLite, minizip), usually in
    // English: never part of `message`; the GUI shows it under «Подробности», the CLI on a line of
    // its own. Empty when there is nothing more to say.
    QString details{};
    ErrorCode code = ErrorCode::General;

    // "Файл «a.csv», строка 3, столбец 5: сообщение" ("Файл «a.xlsx», лист «Лист1», ячейка E3
    // «Год»: сообщение" in a workbook) — the form every layer reports in. Without the
    // details; a message longer than kMaxMessageChars is cut (a safety net, see MessageText.h).
    QString toString() const;
    static constexpr int kMaxMessageChars = 2000;
    // An error about the file at `path`, named by its file name (the folder is the user's own).
    static Error inFile(const QString &path, const QString &message,
                        const QString &details = QString());
};

} // namespace objectivity::core
