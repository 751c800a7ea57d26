#pragma once
#include <QString>

namespace objectivity::core {

// A failure the user can read: a Russian message that names the file, row and column where known.
struct Error {
    QString message;
    QString file;    // the input file, when the error is about one
    int row = -1;    // 1-based row / line, -1 when not applicable
    int column = -1; // 1-based column, -1 when not applicable

    // "Файл «a.csv», строка 3, столбец 5: сообщение" — the form every layer reports in.
    QString toString() const;
    // An error about the file at `path`, named by its file name (the folder is the user's own).
    static Error inFile(const QString &path, const QString &message);
};

} // namespace objectivity::core
