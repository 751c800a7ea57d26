#pragma once
#include <QList>
#include <QString>

namespace objectivity::simulation {

// The kinds of non-objective results the data generator plants (and the analysis should find).
// StrongSchoolHonest is the control: legitimately strong schools that must not be flagged.
enum class Manipulation {
    HelpHardTasks,  // ВПР: hard П/В tasks done much better than expected, basic Б tasks not
    BoundaryPush,   // scores 1–2 points below a mark boundary moved up to it
    LenientJournal, // journal marks much higher than the honest ВПР result
    Grade4NotConfirmed, // grade 4 inflated in year Y, the same cohort's grade 5 in Y+1 honest
    MedalsUnsupported,  // medals for students whose ЕГЭ scores do not meet the medal rules
    InflatedToGood, // ВПР 5–8 of a weak ordinary school inflated to «good»; its ОГЭ honest
    StrongSchoolHonest, // control: a strong гимназия/лицей with honest, confirmed results
};

// "help_hard_tasks", "boundary_push", ... — the codes of ground_truth.csv.
QString manipulationCode(Manipulation m);
bool manipulationFromCode(const QString &code, Manipulation *m);
QList<Manipulation> allManipulations();

} // namespace objectivity::simulation
