#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QDate>
#include <QString>

namespace objectivity::io {

// What an analysis document (the workbook, the «аналитическая справка») covers and who issues it:
// the filters the analysis ran with (year, procedure), the part of the region it shows
// (a municipality or one school; the region stays the reference) and the document's details.
struct AnalysisScope {
    int year = 0;  // 0 = every year
    int kind = -1; // -1 = every procedure, else static_cast<int>(core::ProcedureKind)
    QString municipality;
    QString schoolCode; // a school-level справка (the school's own review, ВСОКО)
    QDate date;         // of the document; today when null
    QString organization;
    QString number;                     // of the справка; blank line when empty
    QString signerPosition, signerName; // the signature line; blank lines when empty

    bool contains(const core::UnitReport &unit) const;
    QDate documentDate() const { return date.isValid() ? date : QDate::currentDate(); }
    // «ВПР 2024 года», «ВПР, ОГЭ и ЕГЭ 2023–2024 годов» (the years from the units shown).
    QString subjectPhrase(const QList<int> &years) const;
    // «Аналитическая справка по итогам анализа объективности результатов ВПР 2024 года».
    QString reportTitle(const QList<int> &years) const;
    // The filters in words: «год: 2024; процедура: ВПР; муниципалитет: все».
    QString filtersText() const;
};

} // namespace objectivity::io
