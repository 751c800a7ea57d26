#include "objectivity/simulation/EgeSimulator.h"

#include "objectivity/core/results/MedalRules.h"
#include "objectivity/simulation/Rng.h"
#include "objectivity/simulation/UnitSimulator.h"

#include <algorithm>
#include <cmath>

namespace objectivity::simulation {

namespace {

enum Stream : std::uint64_t { ChoiceStream = 31, ExamStream, MedalStream };

const QString kRussian = QStringLiteral("Русский язык");
const QString kProfileMath = QStringLiteral("Математика (профиль)");
const QString kBasicMath = QStringLiteral("Математика (база)");
const QString kLetters = QStringLiteral("АБВГДЕЖИКЛМН");

double logistic(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// Share of a grade that chooses an elective, by subject and ability.
double choiceProbability(const QString &subject, double ability) {
    if (subject == kRussian)
        return 1.0;
    if (subject.startsWith(QLatin1String("Математика")))
        return 0.25 + 0.5 * logistic(ability);
    if (subject == QLatin1String("Обществознание"))
        return 0.45;
    if (subject == QLatin1String("Физика"))
        return 0.08 + 0.3 * logistic(ability - 0.5);
    return 0.22; // Биология
}

int indexOf(const QList<const GeneratedProcedure *> &procedures, const QString &subject) {
    for (int i = 0; i < procedures.size(); ++i)
        if (procedures.at(i)->procedure.subject == subject)
            return i;
    return -1;
}

struct Exam {
    int procedure = 0;
    core::ParticipantResult row;
};

} // namespace

QList<QList<core::ParticipantResult>>
EgeSimulator::simulate(const GeneratedSchool &school,
                       const QList<const GeneratedProcedure *> &procedures,
                       const QList<GeneratedStudent> &students) const {
    QList<QList<core::ParticipantResult>> result(procedures.size());
    if (procedures.isEmpty())
        return result;
    const GeneratorOptions &opt = m_plan.options();
    const int year = procedures.first()->procedure.year;
    const int cohort = year - 11;
    const bool unsupported = m_plan.medalsUnsupported(school, year);
    int plantedCount = 0; // 0: 12 % of the grade, at least 2
    for (const PlantedManipulation &m : m_plan.planted())
        if (m.manipulation == Manipulation::MedalsUnsupported &&
            m.schoolCode == school.school.code && m.year == year)
            plantedCount = m.count;

    struct Candidate {
        QList<Exam> exams;
        double ability = 0;
        bool goldAnnual = false;
        bool silverAnnual = false;
        core::Medal medal = core::Medal::None;
    };
    QList<Candidate> all;
    for (const GeneratedStudent &st : students) {
        const std::uint64_t id[] = {opt.seed, std::uint64_t(year), std::uint64_t(school.index),
                                    std::uint64_t(st.index)};
        Rng choice(Rng::derive({id[0], ChoiceStream, id[1], id[2], id[3]}));
        Rng marks(Rng::derive({id[0], MedalStream, id[1], id[2], id[3]}));
        Candidate c;
        c.ability = st.ability;
        bool elective = false;
        QList<bool> takes;
        for (const GeneratedProcedure *g : procedures) {
            const bool t = choice.uniform() < choiceProbability(g->procedure.subject, st.ability);
            takes << t;
            elective = elective || (t && g->procedure.subject != kRussian);
        }
        // with the base level, maths is compulsory: whoever does not choose the profile sits
        // the base level (the draw above is made all the same, so the other choices stay)
        const int basic = indexOf(procedures, kBasicMath);
        if (basic >= 0) {
            const int profile = indexOf(procedures, kProfileMath);
            takes[basic] = profile < 0 || !takes.at(profile);
            elective = true;
        }
        if (!elective) { // everybody takes at least one subject besides Russian
            for (int i = 0; i < procedures.size(); ++i) {
                if (procedures.at(i)->procedure.subject == QLatin1String("Обществознание"))
                    takes[i] = true;
            }
        }
        int fives = 0, fours = 0, lower = 0;
        for (int i = 0; i < procedures.size(); ++i) {
            if (!takes.at(i))
                continue;
            const GeneratedProcedure &g = *procedures.at(i);
            Rng rng(Rng::derive(
                {id[0], ExamStream, id[1], id[2], id[3], Rng::hashText(g.procedure.subject)}));
            const double theta =
                m_plan.subjectAbility(school, cohort, st, g.procedure.subject) +
                m_plan.teachingEffect(school, g.procedure.year, 11, g.procedure.subject);
            Exam e;
            e.procedure = i;
            core::ParticipantResult &r = e.row;
            r.schoolId = school.school.id;
            r.procedureId = g.procedure.id;
            r.className = QStringLiteral("11") + kLetters.at(st.classIndex % kLetters.size());
            r.participantCode = st.code;
            r.variant = 300 + rng.uniformInt(1, 30);
            r.primaryScore = UnitSimulator::drawTasks(g, theta, rng, &r.taskPoints);
            if (g.scale.testScores.isEmpty()) { // Математика (база): a mark, no test score
                r.testScore = -1;
                r.mark = g.scale.markFor(int(r.primaryScore));
            } else {
                r.testScore = g.testScoreFor(int(r.primaryScore));
            }
            const double annual = 3.9 + 0.8 * theta + school.annualLeniency + marks.normal(0, 0.35);
            r.annualMark = std::clamp(int(std::lround(annual)), 3, 5);
            fives += r.annualMark == 5;
            fours += r.annualMark == 4;
            lower += r.annualMark < 4;
            c.exams << e;
        }
        // The subjects without an exam: the general level decides.
        const double general = st.ability + marks.normal(0, 0.3);
        c.goldAnnual = fours == 0 && lower == 0 && general >= 1.4;
        c.silverAnnual = !c.goldAnnual && lower == 0 && fours <= 1 && general >= 1.0 && fives > 0;
        all << c;
    }

    auto supports = [&](const Candidate &c, core::Medal medal) {
        int russian = 0, basicMath = 0;
        QList<core::MedalRules::Score> others;
        for (const Exam &e : c.exams) {
            const GeneratedProcedure &g = *procedures.at(e.procedure);
            if (g.procedure.subject == kRussian)
                russian = e.row.testScore;
            else if (g.procedure.subject == kBasicMath)
                basicMath = e.row.mark;
            else
                others << core::MedalRules::Score{e.row.testScore, g.scale.minTestScore,
                                                  g.procedure.subject};
        }
        return core::MedalRules::egeSupports(year, medal, russian, others, basicMath);
    };

    for (Candidate &c : all) {
        if ((c.goldAnnual) && supports(c, core::Medal::Gold))
            c.medal = core::Medal::Gold;
        else if (core::MedalRules::hasSilver(year) && (c.goldAnnual || c.silverAnnual) &&
                 supports(c, core::Medal::Silver))
            c.medal = core::Medal::Silver;
    }

    if (unsupported) {
        // The strongest students without a medal get one their ЕГЭ scores do not support.
        QList<int> order;
        for (int i = 0; i < all.size(); ++i) {
            if (all.at(i).medal == core::Medal::None && !supports(all.at(i), core::Medal::Gold))
                order << i;
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return all.at(a).ability > all.at(b).ability; });
        const int count = plantedCount > 0
                              ? plantedCount
                              : std::max(2, int(std::lround(0.12 * opt.strength * all.size())));
        for (int k = 0; k < std::min<int>(count, order.size()); ++k) {
            Candidate &c = all[order.at(k)];
            c.medal = (core::MedalRules::hasSilver(year) && k % 2 == 1 &&
                       !supports(c, core::Medal::Silver))
                          ? core::Medal::Silver
                          : core::Medal::Gold;
            for (Exam &e : c.exams)
                e.row.annualMark = 5;
        }
    }

    for (const Candidate &c : all) {
        for (Exam e : c.exams) {
            e.row.medal = c.medal;
            result[e.procedure] << e.row;
        }
    }
    return result;
}

} // namespace objectivity::simulation
