#include "objectivity/storage/results/MedallistScoresQuery.h"

#include "SqlSupport.h"
#include "objectivity/core/results/SubjectCatalog.h"
#include "objectivity/storage/results/MarkScaleRepository.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace objectivity::storage {

const core::MedalRules::Score *MedallistScores::bestOther() const {
    const core::MedalRules::Score *best = nullptr;
    for (const auto &s : others)
        if (!best || s.testScore > best->testScore)
            best = &s;
    return best;
}

core::Result<QList<MedallistScores>> MedallistScoresQuery::read(const QString &schoolCode,
                                                                int year) const {
    const QString what = QStringLiteral("баллы ЕГЭ медалистов");
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "WITH me AS (SELECT id FROM schools WHERE code = ?), "
        "ege AS (SELECT id, grade, subject FROM procedures WHERE kind = ? AND year = ?), "
        "rows AS (SELECT pa.participant_code AS code, pa.medal AS medal, pa.test_score AS score, "
        "ege.grade AS grade, ege.subject AS subject, pa.mark AS mark FROM participants pa JOIN "
        "ege ON ege.id = pa.procedure_id WHERE pa.school_id = (SELECT id FROM me)) "
        "SELECT code, medal, score, grade, subject, mark FROM rows "
        "WHERE code IN (SELECT code FROM rows WHERE medal <> 0) ORDER BY code, subject"));
    q.addBindValue(schoolCode);
    q.addBindValue(core::procedureKindCode(core::ProcedureKind::EGE));
    q.addBindValue(year);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    QList<MedallistScores> list;
    QHash<QString, int> minimum; // subject -> minimum test score of the scale
    QHash<QString, int> medals;  // code -> the highest medal code of its rows (as the criterion)
    while (q.next()) {
        const QString code = q.value(0).toString();
        if (list.isEmpty() || list.last().code != code)
            list.append({code, core::Medal::None, -1, {}});
        MedallistScores &m = list.last();
        medals[code] = std::max(medals.value(code), q.value(1).toInt());
        const QString subject = q.value(4).toString();
        if (core::SubjectCatalog::isBasicMath(subject)) {
            m.basicMath = std::max(m.basicMath, q.value(5).toInt()); // a mark, no test score
            continue;
        }
        if (q.value(2).isNull())
            continue;
        const int score = q.value(2).toInt();
        if (subject == QStringLiteral("Русский язык")) {
            m.russian = std::max(m.russian, score);
            continue;
        }
        if (!minimum.contains(subject)) {
            auto scale = MarkScaleRepository(m_db).find(core::ProcedureKind::EGE, year,
                                                        q.value(3).toInt(), subject);
            if (!scale)
                return scale.error();
            minimum.insert(subject, scale.value() ? scale.value()->minTestScore : 0);
        }
        m.others.append({score, minimum.value(subject), subject});
    }
    // before 2024 there was one medal: whatever the file calls it, its rule applies
    for (MedallistScores &m : list)
        m.medal = medals.value(m.code) == 1 || !core::MedalRules::hasSilver(year)
                      ? core::Medal::Gold
                      : core::Medal::Silver;
    return list;
}

} // namespace objectivity::storage
