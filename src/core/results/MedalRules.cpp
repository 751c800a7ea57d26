#include "objectivity/core/results/MedalRules.h"

#include "objectivity/core/common/NumberText.h"

namespace objectivity::core {

namespace {

QString points(int n) {
    return NumberText::counted(n, u"балл", u"балла", u"баллов");
}

QString lowerFirst(const QString &s) {
    return s.isEmpty() ? s : s.left(1).toLower() + s.mid(1);
}

MedalRules::Check broken(const QString &reason, bool missing = false) {
    return {false, missing, reason};
}

} // namespace

MedalRules::Check MedalRules::check(int year, Medal medal, int russianScore,
                                    const QList<Score> &others, int basicMathMark) {
    if (medal == Medal::None)
        return {};
    if (year >= 2024) {
        const int need = russianThreshold(year, medal);
        const QString which = QStringLiteral("%1 медали %2 г.")
                                  .arg(medal == Medal::Gold ? QStringLiteral("золотой")
                                                            : QStringLiteral("серебряной"))
                                  .arg(year);
        if (russianScore < 0)
            return broken(QStringLiteral("нет результата ЕГЭ по русскому языку (для %1 нужно не "
                                         "меньше %2)")
                              .arg(which, points(need)),
                          true);
        if (russianScore < need)
            return broken(QStringLiteral("русский язык %1 при пороге %2 для %3")
                              .arg(points(russianScore), QString::number(need), which));
        const Score *best = nullptr;
        for (const Score &s : others)
            if (!best || s.testScore > best->testScore)
                best = &s;
        if (best && best->testScore >= need)
            return {};
        // «5» in Математика (база) stands for the second subject only when the graduate sat no
        // ЕГЭ but Русский язык and Математика (база)
        if (!best && basicMathMark == 5)
            return {};
        if (!best && basicMathMark >= 2)
            return broken(QStringLiteral("математика базового уровня — отметка «%1», а при сдаче "
                                         "только русского языка и базовой математики для %2 "
                                         "нужна «5»")
                              .arg(QString::number(basicMathMark), which));
        if (!best)
            return broken(QStringLiteral("нет результатов ЕГЭ по другим предметам (для %1 нужен "
                                         "ещё один предмет не меньше чем на %2 или «5» по "
                                         "математике базового уровня)")
                              .arg(which, points(need)),
                          true);
        return broken(
            QStringLiteral("лучший из других предметов — %1, %2, при пороге %3 для %4%5")
                .arg(lowerFirst(best->subject), points(best->testScore), QString::number(need),
                     which,
                     basicMathMark == 5
                         ? QStringLiteral(" («5» по базовой математике засчитывается, только "
                                          "если кроме русского языка и базовой математики ЕГЭ "
                                          "не сдавались)")
                         : QString()));
    }
    const QString which = QStringLiteral("медали %1 г.").arg(year);
    if (russianScore < 0)
        return broken(
            QStringLiteral("нет результата ЕГЭ по русскому языку (для %1 нужно не меньше 70 "
                           "баллов)")
                .arg(which),
            true);
    if (russianScore < russianThreshold(year, medal))
        return broken(
            QStringLiteral("русский язык %1 при пороге %2 для %3")
                .arg(points(russianScore), QString::number(russianThreshold(year, medal)), which));
    for (const Score &s : others)
        if (s.testScore < s.minimum)
            return broken(QStringLiteral("%1 — %2, ниже минимального балла %3 (для %4 нужен "
                                         "минимум по каждому предмету)")
                              .arg(lowerFirst(s.subject), points(s.testScore),
                                   QString::number(s.minimum), which));
    if (basicMathMark == 2) // below the minimum «3»
        return broken(QStringLiteral("математика базового уровня — отметка «%1», ниже "
                                     "минимальной «3» (для %2 нужен минимум по каждому предмету)")
                          .arg(QString::number(basicMathMark), which));
    return {};
}

} // namespace objectivity::core
