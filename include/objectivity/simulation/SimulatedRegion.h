#pragma once
#include "objectivity/simulation/GeneratedProcedure.h"
#include "objectivity/simulation/GeneratedSchool.h"
#include "objectivity/simulation/GeneratedStudent.h"
#include "objectivity/simulation/GeneratorOptions.h"
#include "objectivity/simulation/PlantedManipulation.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace objectivity::simulation {

// The generated region before any result is drawn: municipalities, schools with their hidden
// parameters, the procedures of each year and the planted manipulations (the ground truth).
// Students are not stored: a cohort is recomputed from the seed whenever it is needed, so the
// whole region never sits in memory.
class SimulatedRegion {
public:
    explicit SimulatedRegion(const GeneratorOptions &options);

    const GeneratorOptions &options() const { return m_options; }
    const QStringList &municipalities() const { return m_municipalities; }
    const QList<GeneratedSchool> &schools() const { return m_schools; }
    const QList<GeneratedProcedure> &procedures(int year) const;
    const QList<PlantedManipulation> &planted() const { return m_planted; }

    // The students of a school in a grade in a year (grade 10–11: those who stayed).
    QList<GeneratedStudent> students(const GeneratedSchool &school, int year, int grade) const;
    // The student's ability in one subject: general ability plus a subject-specific part; the same
    // for the student in every grade (cohort = year − grade).
    double subjectAbility(const GeneratedSchool &school, int cohort,
                          const GeneratedStudent &student, const QString &subject) const;
    // What one year's teaching adds to every pupil of a unit (honest): the teacher of that grade
    // and subject in that year and the school's trend since the first year.
    double teachingEffect(const GeneratedSchool &school, int year, int grade,
                          const QString &subject) const;
    // The class teacher's task profile (GeneratorOptions::taskProfileSd): an offset in ability
    // SD for each of the work's tasks; empty when the option is 0.
    QList<double> taskProfile(const GeneratedSchool &school, int year, int grade,
                              const QString &subject, int classIndex, int tasks) const;
    // The school's own ВПР variant (GeneratorOptions::schoolVariantSd): an offset in ability SD
    // for each task, the same for every class of the school; empty when the option is 0.
    QList<double> variantOffsets(const GeneratedSchool &school, int year, int grade,
                                 const QString &subject, int tasks) const;
    // The offsets in ability SD the unit's tasks get from how they are written, checked and
    // taught: the class teacher's task profile and, in a ВПР, the school's own variant and its
    // checking of the tasks worth 2 points or more (GeneratorOptions::raterLeniencySd). Empty when
    // all are 0.
    QList<double> taskOffsets(const GeneratedSchool &school, const GeneratedProcedure &g,
                              int classIndex) const;
    // Manipulations planted in a unit (empty for an honest unit).
    QList<Manipulation> manipulationsIn(const GeneratedSchool &school,
                                        const core::Procedure &procedure) const;
    bool medalsUnsupported(const GeneratedSchool &school, int year) const;
    // The planted manipulation `m` of a unit (ЕГЭ medals: grade 11, empty subject), or null.
    const PlantedManipulation *plantedIn(const GeneratedSchool &school, const core::Procedure &p,
                                         Manipulation m) const;

private:
    void buildMunicipalities();
    void buildSchools();
    void plant();
    bool plantOne(const GeneratedSchool &school, Manipulation m, Rng &rng);

    GeneratorOptions m_options;
    QStringList m_municipalities;
    QList<GeneratedSchool> m_schools;
    QMap<int, QList<GeneratedProcedure>> m_procedures;
    QList<PlantedManipulation> m_planted;
};

} // namespace objectivity::simulation
