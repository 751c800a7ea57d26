#pragma once
#include <QStringList>

namespace objectivity::core {

// Splits a "responsible persons" cell into entries: "Шашок А.В., Вафина И.А." gives two people;
// a role such as "Администрация ОО" stays one entry; "Администрация ОО Руководители ШМО"
// (two roles run together by PDF extraction) gives two.
class OwnerSplitter {
public:
    static QStringList split(const QString &cell);
};

} // namespace objectivity::core
