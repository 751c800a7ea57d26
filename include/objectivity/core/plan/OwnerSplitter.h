#pragma once
#include <QStringList>

namespace objectivity::core {

// Splits a "responsible persons" cell into entries: "Шашок А.В., Вафина И.А." gives two people;
// a role such as "Администрация ОО" stays one entry; "Администрация ОО Руководители ШМО"
// (two roles run together by PDF extraction) gives two. A comma followed by words that describe
// the entry before it stays inside it: «органы местного самоуправления, осуществляющие управление
// в сфере образования» is one entry.
class OwnerSplitter {
public:
    static QStringList split(const QString &cell);
};

} // namespace objectivity::core
