#include "objectivity/io/export/AnalysisReportConclusions.h"

#include "objectivity/core/common/NumberText.h"

namespace objectivity::io {

using core::NumberText;
using Kind = ReportDocument::Block::Kind;

void AnalysisReportConclusions::append(ReportDocument &doc, const Counts &c) {
    doc.add(Kind::Heading, QStringLiteral("5. Выводы и рекомендации"));
    const int results = c.results, current = c.current;
    if (c.school) {
        doc.add(Kind::Paragraph,
                results > 0
                    ? QStringLiteral("В школе выявлены признаки необъективности "
                                     "результатов (%1).")
                          .arg(NumberText::counted(results, u"признак", u"признака", u"признаков"))
                    : QStringLiteral("Признаков необъективности результатов в школе "
                                     "не выявлено."));
    } else {
        doc.add(Kind::Paragraph,
                results > 0 ? QStringLiteral("Признаки необъективности результатов выявлены у %1 "
                                             "из %2 (%3 %).")
                                  .arg(NumberText::counted(results, u"школы", u"школ", u"школ"))
                                  .arg(c.schools)
                                  .arg(NumberText::fixed(c.resultsShare, 1))
                            : QStringLiteral("Признаков необъективности результатов не выявлено."));
    }
    if (results > 0) {
        for (const QString &measure :
             {QStringLiteral("перепроверить работы участников по предметам и классам с "
                             "признаками (муниципальная или региональная предметная "
                             "комиссия);"),
              QStringLiteral("проверить организацию проведения и проверки работ: протоколы, "
                             "рассадку, хранение материалов, состав экспертов;"),
              QStringLiteral("направить независимых наблюдателей на следующие оценочные "
                             "процедуры и обеспечить проверку работ вне школы;"),
              QStringLiteral("включить меры в план мероприятий по обеспечению объективности "
                             "и проверить результат при следующей процедуре.")})
            doc.add(Kind::Bullet, measure);
    }
    doc.add(Kind::Paragraph,
            current > 0
                ? (c.school ? QStringLiteral("Выявлены признаки необъективности текущего "
                                             "оценивания (%1): отметки по журналу или годовые "
                                             "отметки расходятся с независимой оценкой "
                                             "сильнее, чем в других школах.")
                                  .arg(NumberText::counted(current, u"признак", u"признака",
                                                           u"признаков"))
                            : QStringLiteral("Признаки необъективности текущего оценивания "
                                             "выявлены у %1; это не ставит под сомнение их "
                                             "результаты ВПР и ГИА.")
                                  .arg(NumberText::counted(current, u"школы", u"школ", u"школ")))
                : QStringLiteral("Признаков необъективности текущего оценивания не "
                                 "выявлено."));
    if (current > 0) {
        for (const QString &measure :
             {QStringLiteral("проанализировать систему текущего оценивания: соответствие "
                             "отметок учителей критериям и результатам независимой оценки;"),
              QStringLiteral("провести методическую работу с учителями-предметниками по "
                             "критериям оценивания (методические объединения, "
                             "взаимопосещение уроков);"),
              QStringLiteral("включить сопоставление отметок по журналу с результатами "
                             "ВПР и годовых отметок с результатами ГИА во внутришкольный "
                             "контроль (ВСОКО).")})
            doc.add(Kind::Bullet, measure);
    }
    doc.add(Kind::Paragraph,
            QStringLiteral("Признак — повод для проверки, а не вывод о нарушении. Выводы о "
                           "необъективности делаются после изучения работ, протоколов и "
                           "условий проведения."));
}

} // namespace objectivity::io
