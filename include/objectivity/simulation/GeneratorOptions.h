#pragma once
#include <QString>
#include <QStringList>

#include <cstdint>

namespace objectivity::simulation {

// What region the data generator builds. The same options give the same data, byte for byte.
struct GeneratorOptions {
    std::uint64_t seed = 1;
    int schools = 40;
    int municipalities = 6;
    // Names of the municipalities, the first one a city (its schools are never rural). Empty: the
    // generator's own invented names («Условный городской округ», «Примерный район», …). Fewer
    // names than municipalities: the names repeat with a number («Примерный район 2»).
    QStringList municipalityNames;
    // School logins are this prefix and a three-digit number: edu053001, edu053002, …
    QString schoolCodePrefix = QStringLiteral("edu053");
    int firstYear = 2023;
    int lastYear = 2024;
    // Share of the schools (other than the strong honest ones) that manipulate one unit.
    double manipulationShare = 0.25;
    // 1 = the default strength of the planted manipulations (found by a good detector); 0 = none.
    double strength = 1.0;
    // Share of the schools whose honest teachers mark the journal strictly but fairly, and the
    // same share marking by rank inside the class (JournalStyle); the rest mark as usual.
    double journalVariantShare = 0.1;
    // Units smaller than this get no manipulation (too few participants to tell).
    int minPlantParticipants = 15;
    // The measurement model (bench/analysis_bench --setting): the spread of task difficulties
    // around their level (SD), a factor on every task's discrimination (test reliability) and a
    // factor on every school's cohort size (class sizes). Defaults: the base model.
    double taskSpread = 0.3;
    double discriminationScale = 1.0;
    double cohortScale = 1.0;
    // Chance of scoring each step by guessing (GeneratedProcedure::guessing); 0 in the base model.
    double guessing = 0.0;
    // Share of the planted help_hard_tasks and lenient_journal units (with two classes or more)
    // where only one class of the parallel is helped or marked leniently (the variant names the
    // class); the rest manipulate the whole parallel. 0 keeps the plan as before the variant.
    double oneClassShare = 0.0;
    // Share of schools that number each procedure's works anew — «1», «2», … in another order for
    // every procedure — so that a code names different pupils in two procedures; the other
    // schools give a pupil one participant code in every ВПР and ОГЭ. 0 = every school keeps codes
    // (the base model), 1 = none does. ЕГЭ keeps the pupil's code within a year either way: the
    // medal rules read a medallist's subjects by it.
    double perWorkCodeShare = 0.0;
    // Honest variation the criteria must not mistake for manipulation (0 = none, the base model):
    // a school's cohort in one subject learns better or worse than its ability (SD, for the
    // cohort's every work in that subject: the teachers it had); one year's teacher of one grade
    // and subject (SD, that unit only); a share of the schools (not the strong controls) that
    // improve or decline by changeRate SD a year (half each way); a share of schools whose
    // parallels are bimodal (two groups of pupils 1.4 SD apart, the same mean and spread).
    double cohortEffectSd = 0.0;
    double teacherEffectSd = 0.0;
    double changingShare = 0.0;
    double changeRate = 0.15;
    double bimodalShare = 0.0;
    // Honest differential item functioning: each class teacher's own profile over the tasks (what
    // the teacher drilled, the textbook). Every task of a class's ВПР or ОГЭ work is easier or
    // harder for its pupils than their ability says by N(0, taskProfileSd) ability SD, drawn per
    // school, year, grade, subject, class and task. 0 = none (the base model).
    double taskProfileSd = 0.0;
    // Each school's own spread of its pupils' abilities: the region's within-school SD times
    // exp(N(0, spreadSd)), drawn per school (a selective intake is narrow, a mixed catchment wide);
    // the school's mean stays. 0 = every school has the region's spread (the base model).
    double spreadSd = 0.0;
    // SD over the schools of how generous their honest annual marks (grades 9 and 11) are, in
    // marks; 0.15 in the base model.
    double annualLeniencySd = 0.15;
    // The shape of the pupils' abilities inside a school: 0 = normal (the base model); a ≠ 0 =
    // a standardised log-normal exp(a·z) (the same mean and SD), skewed to the right for a > 0
    // (a long tail of strong pupils), to the left for a < 0 (a long tail of weak ones).
    double abilitySkew = 0.0;
    // ВПР works are checked by the school's own teachers: SD over the schools of how generous
    // their checking of the tasks worth 2 points or more is, as an offset in ability SD on those
    // tasks (GeneratedSchool::raterLeniency). ОГЭ and ЕГЭ are checked by the region's
    // commissions. 0 = every school checks alike (the base model).
    double raterLeniencySd = 0.0;
    // Share of the schools that form the classes of a parallel by ability (a strong «А», a weak
    // «В»: profile or levelled classes) instead of mixing them; 0 = every school mixes (the base
    // model). Grades 10–11 keep their own classes.
    double streamedShare = 0.0;
    // ЕГЭ Математика (база) (a mark, no test score): every graduate who does not choose the
    // profile level sits it, so it counts as the compulsory second subject and nobody is made to
    // take Обществознание; medals follow the rule of the base level (from 2024 «5» stands for the
    // second subject when the graduate sat only Русский язык and Математика (база)). false = no
    // base level (the base model).
    bool basicMath = false;
    // ВПР variants generated for each school (ФИС ОКО builds every school's variants from the bank
    // of analogous tasks, so the variants of two schools are not the same paper): every task of a
    // school's ВПР work in a year, grade and subject is easier or harder by N(0, schoolVariantSd)
    // ability SD, the same for all its classes. 0 = every school writes the same paper (the base
    // model).
    double schoolVariantSd = 0.0;
};

} // namespace objectivity::simulation
