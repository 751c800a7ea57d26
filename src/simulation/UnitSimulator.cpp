#include "objectivity/simulation/UnitSimulator.h"

#include "objectivity/simulation/Rng.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace objectivity::simulation {

namespace {

enum Stream : std::uint64_t { ResponseStream = 21, JournalStream, ManipulationStream, CodeStream };

const QString kLetters = QStringLiteral("АБВГДЕЖИКЛМН");

int clampMark(double latent, int lo = 2) {
    return std::clamp(int(std::lround(latent)), lo, 5);
}

int sumPoints(const QList<std::int8_t> &points) {
    int sum = 0;
    for (const std::int8_t p : points)
        sum += std::max<int>(0, p);
    return sum;
}

// Hard П/В tasks solved far better than the students' level explains; Б tasks untouched.
void helpHardTasks(const core::Procedure &p, core::ParticipantResult &r, Rng &rng,
                   double strength) {
    const double share = std::min(0.95, 0.65 * strength);
    for (int t = 0; t < p.tasks.size(); ++t) {
        if (p.tasks.at(t).level == core::TaskLevel::Basic)
            continue;
        if (rng.uniform() < share)
            r.taskPoints[t] = std::int8_t(p.tasks.at(t).maxPoints);
    }
}

// Scores 1–`distance` points below the boundary of `mark` (every boundary when 0) raised to it.
void boundaryPush(const GeneratedProcedure &g, core::ParticipantResult &r, Rng &rng,
                  double strength, int mark, int distance) {
    const int primary = sumPoints(r.taskPoints);
    int target = 0;
    const QList<int> boundaries = g.scale.boundaries();
    for (int i = 0; i < boundaries.size(); ++i) {
        const int b = boundaries.at(i);
        if (mark != 0 && mark != i + 3)
            continue;
        if (b > 0 && primary < b && primary >= b - distance)
            target = b;
    }
    if (target == 0 || rng.uniform() >= std::min(1.0, 0.9 * strength))
        return;
    int missing = target - primary;
    for (int t = 0; t < r.taskPoints.size() && missing > 0; ++t) {
        const int max = g.procedure.tasks.at(t).maxPoints;
        const int have = std::max<int>(0, r.taskPoints.at(t));
        const int add = std::min(max - have, missing);
        if (add > 0) {
            r.taskPoints[t] = std::int8_t(have + add);
            missing -= add;
        }
    }
}

} // namespace

int UnitSimulator::drawTasks(const GeneratedProcedure &g, double ability, Rng &rng,
                             QList<std::int8_t> *points, const QList<double> *taskOffsets) {
    points->clear();
    int primary = 0;
    for (int t = 0; t < g.procedure.tasks.size(); ++t) {
        const int max = g.procedure.tasks.at(t).maxPoints;
        const double theta =
            taskOffsets && t < taskOffsets->size() ? ability + taskOffsets->at(t) : ability;
        // Weak students leave hard tasks blank more often.
        const double skip = 0.01 + 0.08 * (1.0 - g.expectedPoints(t, theta) / max);
        const bool blank = rng.uniform() < skip;
        const int drawn = g.samplePoints(t, theta, rng);
        if (blank) {
            points->append(core::ParticipantResult::kNotAttempted);
        } else {
            points->append(std::int8_t(drawn));
            primary += drawn;
        }
    }
    return primary;
}

QList<core::ParticipantResult>
UnitSimulator::simulate(const GeneratedSchool &school, const GeneratedProcedure &g,
                        const QList<GeneratedStudent> &students) const {
    const core::Procedure &p = g.procedure;
    const GeneratorOptions &opt = m_plan.options();
    const QList<Manipulation> planted = m_plan.manipulationsIn(school, p);
    const double strength = opt.strength;
    const bool inflated = planted.contains(Manipulation::Grade4NotConfirmed);
    // a weak school's ВПР lifted to «good»: its students answer as a school 0.5 SD above the
    // region would
    const double lift = planted.contains(Manipulation::InflatedToGood)
                            ? std::max(0.0, 0.5 - school.effect) * strength
                            : 0.0;
    const PlantedManipulation *push = m_plan.plantedIn(school, p, Manipulation::BoundaryPush);
    // help and lenient marks: in every class, or in one (PlantedManipulation::classIndex)
    const PlantedManipulation *help = m_plan.plantedIn(school, p, Manipulation::HelpHardTasks);
    const PlantedManipulation *lenient = m_plan.plantedIn(school, p, Manipulation::LenientJournal);
    auto reaches = [](const PlantedManipulation *pm, const GeneratedStudent &st) {
        return pm && (pm->classIndex < 0 || pm->classIndex == st.classIndex);
    };
    const int cohort = p.year - p.grade;
    const std::uint64_t subjectHash = Rng::hashText(p.subject);
    const bool vpr = p.kind == core::ProcedureKind::VPR;

    const double teaching = m_plan.teachingEffect(school, p.year, p.grade, p.subject);
    // grading relative to the class: the teacher's view of each student's level, ranked in class
    QList<double> seen;
    if (vpr && school.journalStyle == JournalStyle::RankInClass)
        for (const GeneratedStudent &st : students) {
            Rng view(Rng::derive({opt.seed, JournalStream, std::uint64_t(p.year),
                                  std::uint64_t(school.index), subjectHash, std::uint64_t(st.index),
                                  7}));
            seen << m_plan.subjectAbility(school, cohort, st, p.subject) + teaching +
                        view.normal(0, 0.3);
        }
    auto rankMark = [&](int i) {
        int below = 0, inClass = 0;
        for (int j = 0; j < students.size(); ++j) {
            if (students.at(j).classIndex != students.at(i).classIndex)
                continue;
            ++inClass;
            below += seen.at(j) < seen.at(i) ? 1 : 0;
        }
        // the region's usual shares: «2» 8 %, «3» 35 %, «4» 40 %, «5» 17 %
        const double q = (below + 0.5) / inClass;
        return q < 0.08 ? 2 : q < 0.43 ? 3 : q < 0.83 ? 4 : 5;
    };

    // a school that numbers the works anew: this procedure's in a rotated order, «1» … «n»
    const bool perWork =
        opt.perWorkCodeShare > 0 && !students.isEmpty() &&
        Rng(Rng::derive({opt.seed, CodeStream, std::uint64_t(school.index)})).uniform() <
            opt.perWorkCodeShare;
    const std::uint64_t rotation =
        perWork ? Rng(Rng::derive({opt.seed, CodeStream, std::uint64_t(p.year),
                                   std::uint64_t(school.index), std::uint64_t(p.kind),
                                   std::uint64_t(p.grade), subjectHash}))
                      .uniformInt(0, int(students.size()) - 1)
                : 0;
    QHash<int, QList<double>> profiles; // the class teachers' task profiles, by class
    QList<core::ParticipantResult> rows;
    rows.reserve(students.size());
    for (int si = 0; si < students.size(); ++si) {
        const GeneratedStudent &st = students.at(si);
        const std::uint64_t base[] = {opt.seed,
                                      std::uint64_t(p.year),
                                      std::uint64_t(school.index),
                                      std::uint64_t(p.kind),
                                      std::uint64_t(p.grade),
                                      subjectHash,
                                      std::uint64_t(st.index)};
        Rng rng(Rng::derive(
            {base[0], ResponseStream, base[1], base[2], base[3], base[4], base[5], base[6]}));
        Rng journal(Rng::derive(
            {base[0], JournalStream, base[1], base[2], base[3], base[4], base[5], base[6]}));
        Rng manip(Rng::derive(
            {base[0], ManipulationStream, base[1], base[2], base[3], base[4], base[5], base[6]}));
        const double theta = m_plan.subjectAbility(school, cohort, st, p.subject) + teaching;

        core::ParticipantResult r;
        r.schoolId = school.school.id;
        r.procedureId = p.id;
        r.className = QString::number(p.grade) + kLetters.at(st.classIndex % kLetters.size());
        r.participantCode =
            !perWork ? st.code
                     : QString::number(
                           (std::uint64_t(si) + rotation) % std::uint64_t(students.size()) + 1);
        r.variant = rng.uniformInt(1, 2);
        if (!profiles.contains(st.classIndex))
            profiles.insert(st.classIndex, m_plan.taskOffsets(school, g, st.classIndex));
        const QList<double> &profile = profiles[st.classIndex];
        drawTasks(g, (inflated ? theta + 1.2 * strength : theta) + lift, rng, &r.taskPoints,
                  profile.isEmpty() ? nullptr : &profile);

        if (reaches(help, st))
            helpHardTasks(p, r, manip, strength);
        if (push)
            boundaryPush(g, r, manip, strength, push->boundary,
                         push->distance > 0 ? push->distance : 2);
        r.primaryScore = sumPoints(r.taskPoints);
        r.mark = g.scale.markFor(int(r.primaryScore));

        // The teacher knows the student's real level: the mark the honest result would suggest,
        // shifted by the class teacher's leniency and noise.
        const double expected = g.continuousMark(g.expectedPrimary(theta));
        if (vpr) {
            Rng teacher(
                Rng::derive({opt.seed, JournalStream, std::uint64_t(school.index),
                             std::uint64_t(cohort), std::uint64_t(st.classIndex), subjectHash}));
            const double leniency = teacher.normal(0, 0.2);
            r.journalMark = clampMark(expected + leniency + journal.normal(0, 0.5));
            if (school.journalStyle == JournalStyle::StrictFair)
                r.journalMark = clampMark(expected - 0.6 + leniency + journal.normal(0, 0.4));
            else if (school.journalStyle == JournalStyle::RankInClass)
                r.journalMark = rankMark(si);
            r.journalPeriod = school.journalPeriod;
            if (reaches(lenient, st) && manip.uniform() < std::min(1.0, 0.8 * strength))
                r.journalMark = std::min(5, std::max(r.journalMark, r.mark) + 1);
        } else {
            r.annualMark =
                clampMark(expected + 0.25 + school.annualLeniency + journal.normal(0, 0.45));
        }
        rows << r;
    }
    return rows;
}

} // namespace objectivity::simulation
