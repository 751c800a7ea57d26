#pragma once
#include <QString>

namespace objectivity::core {

// Type of a general education school. Gymnasiums, lyceums and schools with advanced study of a
// subject are expected to have higher results (ФИОКО's 2018 criterion leaves them out).
enum class SchoolKind { Unknown, Sosh, Oosh, Nosh, Gymnasium, Lyceum, AdvancedStudy };

QString
schoolKindCode(SchoolKind kind); // "СОШ", "ООШ", "НОШ", "гимназия", "лицей", "СОШ с УИОП", ""
SchoolKind schoolKindFromText(const QString &text); // also reads it out of a school's full name

} // namespace objectivity::core
