#include "objectivity/simulation/SimulatedRegion.h"

#include "objectivity/simulation/ProcedureDesigner.h"
#include "objectivity/simulation/Rng.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace objectivity::simulation {

namespace {

enum Stream : std::uint64_t {
    SchoolStream = 11,
    CohortStream,
    StudentStream,
    SubjectStream,
    PlantStream,
    JournalStyleStream,
    VariationStream
};

// Invented: no municipality of Russia has these names (the generator used to take the districts
// of a real region, so made-up schools stood under real place names).
const char16_t *const kMunicipalities[] = {u"Условный городской округ",
                                           u"Примерный район",
                                           u"Образцовый район",
                                           u"Учебный район",
                                           u"Модельный район",
                                           u"Пробный район",
                                           u"Типовой район",
                                           u"Эталонный район",
                                           u"Опытный район",
                                           u"Показательный район",
                                           u"Контрольный район",
                                           u"Макетный район",
                                           u"Сводный район",
                                           u"Пилотный район",
                                           u"Вымышленный район",
                                           u"Синтетический район",
                                           u"Гипотетический район",
                                           u"Воображаемый район",
                                           u"Тестовый район",
                                           u"Черновой район",
                                           u"Шаблонный район",
                                           u"Расчётный район"};

const char16_t *const kVillages[] = {
    u"с. Никольское",   u"д. Заречье",    u"с. Ивановское",    u"п. Раздолье",
    u"с. Покровское",   u"д. Подберезье", u"с. Успенское",     u"п. Сосновка",
    u"с. Троицкое",     u"д. Берёзовка",  u"с. Воскресенское", u"п. Лесной",
    u"с. Михайловское", u"д. Горки",      u"с. Высокое",       u"п. Первомайский"};

QString legalForm(Rng &rng, bool rural) {
    const double u = rng.uniform();
    if (rural)
        return u < 0.5   ? QStringLiteral("МКОУ")
               : u < 0.8 ? QStringLiteral("МБОУ")
                         : QStringLiteral("МАОУ");
    return u < 0.5    ? QStringLiteral("МБОУ")
           : u < 0.85 ? QStringLiteral("МАОУ")
                      : QStringLiteral("МКОУ");
}

core::SchoolKind drawKind(Rng &rng, bool rural) {
    const double u = rng.uniform();
    if (rural)
        return u < 0.55  ? core::SchoolKind::Sosh
               : u < 0.9 ? core::SchoolKind::Oosh
                         : core::SchoolKind::Nosh;
    if (u < 0.58)
        return core::SchoolKind::Sosh;
    if (u < 0.71)
        return core::SchoolKind::Gymnasium;
    if (u < 0.80)
        return core::SchoolKind::Lyceum;
    if (u < 0.90)
        return core::SchoolKind::AdvancedStudy;
    return u < 0.95 ? core::SchoolKind::Oosh : core::SchoolKind::Nosh;
}

int baseCohortSize(core::SchoolKind kind, bool rural, Rng &rng) {
    if (rural) {
        switch (kind) {
        case core::SchoolKind::Oosh:
            return rng.uniformInt(5, 12);
        case core::SchoolKind::Nosh:
            return rng.uniformInt(4, 10);
        default:
            return rng.uniformInt(9, 26);
        }
    }
    switch (kind) {
    case core::SchoolKind::Gymnasium:
    case core::SchoolKind::Lyceum:
        return rng.uniformInt(45, 100);
    case core::SchoolKind::AdvancedStudy:
        return rng.uniformInt(45, 95);
    case core::SchoolKind::Oosh:
        return rng.uniformInt(18, 40);
    case core::SchoolKind::Nosh:
        return rng.uniformInt(15, 40);
    default:
        return rng.uniformInt(35, 100);
    }
}

// A standard normal z made log-normal with shape a (GeneratorOptions::abilitySkew) and
// standardised back to mean 0 and SD 1: exp(a·z) has mean e^(a²/2) and variance
// e^(a²)·(e^(a²) − 1); a < 0 mirrors the shape (a long left tail). a = 0 returns z.
double skewed(double z, double a) {
    if (a == 0)
        return z;
    const double s = std::abs(a);
    const double mean = std::exp(s * s / 2);
    const double sd = std::sqrt(std::exp(s * s) * (std::exp(s * s) - 1));
    const double x = (std::exp(s * z) - mean) / sd;
    return a > 0 ? x : -x;
}

const QString kRussian = QStringLiteral("Русский язык");
const QString kMath = QStringLiteral("Математика");

} // namespace

SimulatedRegion::SimulatedRegion(const GeneratorOptions &options) : m_options(options) {
    m_options.schools = std::max(1, m_options.schools);
    m_options.municipalities = std::clamp(m_options.municipalities, 1, m_options.schools);
    if (m_options.lastYear < m_options.firstYear)
        m_options.lastYear = m_options.firstYear;
    for (int y = m_options.firstYear; y <= m_options.lastYear; ++y)
        m_procedures.insert(y, ProcedureDesigner::proceduresForYear(y, m_options.taskSpread,
                                                                    m_options.discriminationScale,
                                                                    m_options.basicMath));
    for (QList<GeneratedProcedure> &list : m_procedures)
        for (GeneratedProcedure &g : list)
            g.guessing = m_options.guessing;
    buildMunicipalities();
    buildSchools();
    plant();
}

const QList<GeneratedProcedure> &SimulatedRegion::procedures(int year) const {
    static const QList<GeneratedProcedure> none;
    const auto it = m_procedures.constFind(year);
    return it == m_procedures.cend() ? none : *it;
}

void SimulatedRegion::buildMunicipalities() {
    QStringList names = m_options.municipalityNames;
    if (names.isEmpty())
        for (const char16_t *name : kMunicipalities)
            names << QString::fromUtf16(name);
    const int known = int(names.size());
    for (int i = 0; i < m_options.municipalities; ++i) {
        QString name = names.at(i % known);
        if (i >= known)
            name += QStringLiteral(" %1").arg(i / known + 1);
        m_municipalities << name;
    }
}

void SimulatedRegion::buildSchools() {
    // Numbers in names are counted per municipality and kind: «СОШ № 5», «Гимназия № 2».
    QMap<QString, int> counters;
    const int villages = int(std::size(kVillages));
    for (int i = 0; i < m_options.schools; ++i) {
        Rng rng(Rng::derive({m_options.seed, SchoolStream, std::uint64_t(i)}));
        GeneratedSchool g;
        g.index = i;
        const int m = m_municipalities.size();
        const int muni = (m == 1 || rng.uniform() < 0.35) ? 0 : 1 + rng.uniformInt(0, m - 2);
        const bool rural = muni != 0 && rng.uniform() < 0.65;
        core::School &s = g.school;
        s.id = i + 1;
        s.code =
            m_options.schoolCodePrefix + QStringLiteral("%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        s.municipality = m_municipalities.at(muni);
        s.rural = rural;
        s.kind = drawKind(rng, rural);
        const QString form = legalForm(rng, rural);
        const QString key = s.municipality + QLatin1Char('|') + schoolKindCode(s.kind);
        const int number = ++counters[key];
        switch (s.kind) {
        case core::SchoolKind::Gymnasium:
            s.name = QStringLiteral("%1 «Гимназия № %2»").arg(form).arg(number);
            break;
        case core::SchoolKind::Lyceum:
            s.name = QStringLiteral("%1 «Лицей № %2»").arg(form).arg(number);
            break;
        case core::SchoolKind::AdvancedStudy:
            s.name = QStringLiteral("%1 «СОШ № %2 с углублённым изучением отдельных предметов»")
                         .arg(form)
                         .arg(number + 10);
            s.advancedSubjects = {rng.uniform() < 0.5 ? kMath : QStringLiteral("Английский язык")};
            break;
        default: {
            const QString abbr = schoolKindCode(s.kind);
            if (rural)
                s.name = QStringLiteral("%1 «%2 %3»")
                             .arg(form, abbr,
                                  QString::fromUtf16(kVillages[rng.uniformInt(0, villages - 1)]));
            else
                s.name = QStringLiteral("%1 «%2 № %3»").arg(form, abbr).arg(number);
        }
        }
        g.lastGrade = s.kind == core::SchoolKind::Nosh   ? 4
                      : s.kind == core::SchoolKind::Oosh ? 9
                                                         : 11;
        g.cohortSize = std::max(
            3, int(std::lround(baseCohortSize(s.kind, rural, rng) * m_options.cohortScale)));
        double effect = rng.normal(0, 0.3);
        if (s.kind == core::SchoolKind::Gymnasium || s.kind == core::SchoolKind::Lyceum)
            effect += 0.4;
        if (s.kind == core::SchoolKind::AdvancedStudy)
            effect += 0.3;
        if (rural)
            effect -= 0.25;
        if (s.kind == core::SchoolKind::Oosh)
            effect -= 0.15;
        g.strong = (s.kind == core::SchoolKind::Gymnasium || s.kind == core::SchoolKind::Lyceum) &&
                   rng.uniform() < 0.5;
        if (g.strong)
            effect = std::max(effect, 0.4) + 0.9;
        g.annualLeniency = rng.normal(0, m_options.annualLeniencySd);
        const double p = rng.uniform();
        g.journalPeriod = p < 0.7    ? core::JournalPeriod::Quarter
                          : p < 0.85 ? core::JournalPeriod::HalfYear
                                     : core::JournalPeriod::Year;
        // strong ordinary schools: an urban СОШ with a strong intake, honest, with its own ГИА
        if (!rural && s.kind == core::SchoolKind::Sosh && rng.uniform() < 0.15) {
            g.strong = true;
            effect = std::max(effect, 0.3) + 0.7;
        }
        g.effect = effect;
        // honest variation, from a stream of its own (the other parameters stay as they were)
        Rng variation(Rng::derive({m_options.seed, VariationStream, std::uint64_t(i)}));
        const double change = variation.uniform();
        if (!g.strong && change < m_options.changingShare)
            g.trend =
                change < m_options.changingShare / 2 ? m_options.changeRate : -m_options.changeRate;
        g.bimodal = variation.uniform() < m_options.bimodalShare;
        if (m_options.spreadSd > 0) {
            Rng spread(Rng::derive({m_options.seed, VariationStream, std::uint64_t(i), 3}));
            g.spread = std::exp(spread.normal(0, m_options.spreadSd));
        }
        if (m_options.raterLeniencySd > 0) {
            Rng rater(Rng::derive({m_options.seed, VariationStream, std::uint64_t(i), 4}));
            g.raterLeniency = rater.normal(0, m_options.raterLeniencySd);
        }
        if (m_options.streamedShare > 0) {
            Rng streamed(Rng::derive({m_options.seed, VariationStream, std::uint64_t(i), 5}));
            g.streamed = streamed.uniform() < m_options.streamedShare;
        }
        // a stream of its own: the other parameters stay as they were without the variants
        Rng style(Rng::derive({m_options.seed, JournalStyleStream, std::uint64_t(i)}));
        const double u = style.uniform();
        g.journalStyle = u < m_options.journalVariantShare       ? JournalStyle::StrictFair
                         : u < 2 * m_options.journalVariantShare ? JournalStyle::RankInClass
                                                                 : JournalStyle::Usual;
        m_schools << g;
    }
}

QList<GeneratedStudent> SimulatedRegion::students(const GeneratedSchool &school, int year,
                                                  int grade) const {
    QList<GeneratedStudent> result;
    if (!school.hasGrade(grade))
        return result;
    const int cohort = year - grade;
    Rng rng(Rng::derive(
        {m_options.seed, CohortStream, std::uint64_t(school.index), std::uint64_t(cohort)}));
    const int n = std::max(3, int(std::lround(school.cohortSize * (0.8 + 0.4 * rng.uniform()))));
    const bool senior = grade >= 10;
    const int classes = std::max(1, int(std::ceil(n / 28.0)));
    for (int i = 0; i < n; ++i) {
        Rng s(Rng::derive({m_options.seed, StudentStream, std::uint64_t(school.index),
                           std::uint64_t(cohort), std::uint64_t(i)}));
        GeneratedStudent st;
        st.index = i;
        // a bimodal parallel: two groups 1.4 SD apart, the same mean and spread (0.7² + 0.5² ≈
        // 0.85²)
        const double own =
            school.spread * (school.bimodal ? (s.uniform() < 0.5 ? -0.7 : 0.7) + s.normal(0, 0.5)
                                            : 0.85 * skewed(s.normal(0, 1), m_options.abilitySkew));
        st.ability = school.effect + own;
        // About half of a cohort stays for grades 10–11, the stronger students more often.
        const double stay =
            1.0 / (1.0 + std::exp(-(1.2 * own + (school.school.rural ? -0.4 : 0.1))));
        if (senior && s.uniform() >= stay)
            continue;
        st.classIndex = senior ? result.size() % std::max(1, classes / 2) : i % classes;
        st.code = QString::number((school.index + 1) * 100000LL + (cohort % 100) * 1000 + i);
        result << st;
    }
    // classes formed by ability: the strongest n/classes pupils in «А», the next in «Б», …
    if (school.streamed && !senior && classes > 1) {
        QList<int> order(result.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return result.at(a).ability > result.at(b).ability; });
        for (int rank = 0; rank < order.size(); ++rank)
            result[order.at(rank)].classIndex = int(qint64(rank) * classes / order.size());
    }
    return result;
}

double SimulatedRegion::subjectAbility(const GeneratedSchool &school, int cohort,
                                       const GeneratedStudent &student,
                                       const QString &subject) const {
    Rng rng(
        Rng::derive({m_options.seed, SubjectStream, std::uint64_t(school.index),
                     std::uint64_t(cohort), std::uint64_t(student.index), Rng::hashText(subject)}));
    double cohortEffect = 0;
    if (m_options.cohortEffectSd > 0) {
        Rng c(Rng::derive({m_options.seed, VariationStream, std::uint64_t(school.index),
                           std::uint64_t(cohort), Rng::hashText(subject), 1}));
        cohortEffect = c.normal(0, m_options.cohortEffectSd);
    }
    return student.ability + rng.normal(0, 0.45) + cohortEffect;
}

double SimulatedRegion::teachingEffect(const GeneratedSchool &school, int year, int grade,
                                       const QString &subject) const {
    double effect = school.trend * (year - m_options.firstYear);
    if (m_options.teacherEffectSd > 0) {
        Rng t(Rng::derive({m_options.seed, VariationStream, std::uint64_t(school.index),
                           std::uint64_t(year), std::uint64_t(grade), Rng::hashText(subject), 2}));
        effect += t.normal(0, m_options.teacherEffectSd);
    }
    return effect;
}

QList<double> SimulatedRegion::taskProfile(const GeneratedSchool &school, int year, int grade,
                                           const QString &subject, int classIndex,
                                           int tasks) const {
    QList<double> offsets;
    if (m_options.taskProfileSd <= 0)
        return offsets;
    Rng t(Rng::derive({m_options.seed, VariationStream, std::uint64_t(school.index),
                       std::uint64_t(year), std::uint64_t(grade), Rng::hashText(subject),
                       std::uint64_t(classIndex), 3}));
    offsets.reserve(tasks);
    for (int i = 0; i < tasks; ++i)
        offsets << t.normal(0, m_options.taskProfileSd);
    return offsets;
}

QList<double> SimulatedRegion::variantOffsets(const GeneratedSchool &school, int year, int grade,
                                              const QString &subject, int tasks) const {
    QList<double> offsets;
    if (m_options.schoolVariantSd <= 0)
        return offsets;
    Rng v(Rng::derive({m_options.seed, VariationStream, std::uint64_t(school.index),
                       std::uint64_t(year), std::uint64_t(grade), Rng::hashText(subject), 7}));
    offsets.reserve(tasks);
    for (int i = 0; i < tasks; ++i)
        offsets << v.normal(0, m_options.schoolVariantSd);
    return offsets;
}

QList<double> SimulatedRegion::taskOffsets(const GeneratedSchool &school,
                                           const GeneratedProcedure &g, int classIndex) const {
    const core::Procedure &p = g.procedure;
    QList<double> offsets =
        taskProfile(school, p.year, p.grade, p.subject, classIndex, int(p.tasks.size()));
    if (p.kind != core::ProcedureKind::VPR)
        return offsets;
    // a ВПР: the school's own variant and its checking of the tasks worth 2 points or more
    const QList<double> variant =
        variantOffsets(school, p.year, p.grade, p.subject, int(p.tasks.size()));
    if (variant.isEmpty() && school.raterLeniency == 0)
        return offsets;
    offsets.resize(p.tasks.size(), 0.0);
    for (int t = 0; t < p.tasks.size(); ++t) {
        if (!variant.isEmpty())
            offsets[t] += variant[t];
        if (p.tasks.at(t).maxPoints >= 2)
            offsets[t] += school.raterLeniency;
    }
    return offsets;
}

QList<Manipulation> SimulatedRegion::manipulationsIn(const GeneratedSchool &school,
                                                     const core::Procedure &p) const {
    QList<Manipulation> found;
    for (const PlantedManipulation &m : m_planted) {
        if (m.schoolCode == school.school.code && m.year == p.year && m.kind == p.kind &&
            m.grade == p.grade && m.subject == p.subject)
            found << m.manipulation;
    }
    return found;
}

bool SimulatedRegion::medalsUnsupported(const GeneratedSchool &school, int year) const {
    for (const PlantedManipulation &m : m_planted) {
        if (m.schoolCode == school.school.code && m.year == year &&
            m.manipulation == Manipulation::MedalsUnsupported)
            return true;
    }
    return false;
}

const PlantedManipulation *SimulatedRegion::plantedIn(const GeneratedSchool &school,
                                                      const core::Procedure &p,
                                                      Manipulation m) const {
    for (const PlantedManipulation &pm : m_planted) {
        if (pm.manipulation == m && pm.schoolCode == school.school.code && pm.year == p.year &&
            pm.kind == p.kind && pm.grade == p.grade && pm.subject == p.subject)
            return &pm;
    }
    return nullptr;
}

void SimulatedRegion::plant() {
    const int years = m_options.lastYear - m_options.firstYear + 1;
    // Controls: every ВПР unit of a strong school, in every year.
    for (const GeneratedSchool &school : m_schools) {
        if (!school.strong)
            continue;
        for (int y = m_options.firstYear; y <= m_options.lastYear; ++y) {
            for (const GeneratedProcedure &p : procedures(y)) {
                if (p.procedure.kind != core::ProcedureKind::VPR ||
                    !school.hasGrade(p.procedure.grade))
                    continue;
                m_planted << PlantedManipulation{y,
                                                 core::ProcedureKind::VPR,
                                                 p.procedure.grade,
                                                 p.procedure.subject,
                                                 school.school.code,
                                                 Manipulation::StrongSchoolHonest};
            }
        }
    }
    if (m_options.strength <= 0 || m_options.manipulationShare <= 0)
        return;
    const QList<Manipulation> kinds = {
        Manipulation::HelpHardTasks,     Manipulation::BoundaryPush,
        Manipulation::LenientJournal,    Manipulation::Grade4NotConfirmed,
        Manipulation::MedalsUnsupported, Manipulation::InflatedToGood};
    // Each manipulating school gets the kind planted least so far that it can host (ties in the
    // order above), so every kind appears once five schools manipulate, whatever their grades.
    QList<int> counts(kinds.size(), 0);
    for (const GeneratedSchool &school : m_schools) {
        if (school.strong)
            continue;
        Rng rng(Rng::derive({m_options.seed, PlantStream, std::uint64_t(school.index)}));
        if (rng.uniform() >= m_options.manipulationShare)
            continue;
        QList<int> order(kinds.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return counts.at(a) < counts.at(b); });
        for (const int k : order) {
            const Manipulation m = kinds.at(k);
            if (m == Manipulation::Grade4NotConfirmed && years < 2)
                continue;
            if (plantOne(school, m, rng)) {
                ++counts[k];
                break;
            }
        }
    }
}

bool SimulatedRegion::plantOne(const GeneratedSchool &school, Manipulation m, Rng &rng) {
    struct Unit {
        int year;
        core::ProcedureKind kind;
        int grade;
        QString subject;
    };
    QList<Unit> candidates;
    const int minSize = m_options.minPlantParticipants;
    for (int y = m_options.firstYear; y <= m_options.lastYear; ++y) {
        if (m == Manipulation::MedalsUnsupported) {
            if (students(school, y, 11).size() >= std::max(10, minSize * 2 / 3))
                candidates << Unit{y, core::ProcedureKind::EGE, 11, QString()};
            continue;
        }
        if (m == Manipulation::InflatedToGood) {
            // a weak ordinary school with ОГЭ in the year: ВПР 5–8 inflated, ОГЭ honest
            const bool ordinary = school.school.kind == core::SchoolKind::Sosh ||
                                  school.school.kind == core::SchoolKind::Oosh;
            if (!ordinary || school.effect >= 0 || !school.hasGrade(9) ||
                students(school, y, 9).size() < minSize)
                continue;
            for (int grade = 5; grade <= 8; ++grade)
                if (students(school, y, grade).size() >= minSize)
                    candidates << Unit{y, core::ProcedureKind::VPR, grade, kRussian}
                               << Unit{y, core::ProcedureKind::VPR, grade, kMath};
            continue;
        }
        if (m == Manipulation::Grade4NotConfirmed) {
            if (y < m_options.lastYear && school.hasGrade(5) &&
                students(school, y, 4).size() >= minSize &&
                students(school, y + 1, 5).size() >= minSize) {
                candidates << Unit{y, core::ProcedureKind::VPR, 4, kRussian};
                candidates << Unit{y, core::ProcedureKind::VPR, 4, kMath};
            }
            continue;
        }
        for (int grade = 4; grade <= 9; ++grade) {
            const bool oge = grade == 9;
            if (oge && m != Manipulation::BoundaryPush)
                continue;
            if (students(school, y, grade).size() < minSize)
                continue;
            const core::ProcedureKind kind =
                oge ? core::ProcedureKind::OGE : core::ProcedureKind::VPR;
            candidates << Unit{y, kind, grade, kRussian} << Unit{y, kind, grade, kMath};
        }
    }
    if (candidates.isEmpty())
        return false;
    const Unit u = candidates.at(rng.uniformInt(0, int(candidates.size()) - 1));
    PlantedManipulation planted{u.year, u.kind, u.grade, u.subject, school.school.code, m};
    if (m == Manipulation::BoundaryPush) {
        // every boundary, or one: «3» (the most common real practice), «4», «5»
        const double v = rng.uniform();
        planted.boundary = v < 0.25 ? 0 : v < 0.6 ? 3 : v < 0.8 ? 4 : 5;
        planted.distance = rng.uniformInt(1, 3);
    } else if (m == Manipulation::MedalsUnsupported) {
        const double v = rng.uniform();
        planted.count = v < 1.0 / 3 ? 1 : v < 2.0 / 3 ? 2 : 0;
    } else if ((m == Manipulation::HelpHardTasks || m == Manipulation::LenientJournal) &&
               m_options.oneClassShare > 0) {
        // one class of the parallel (its own stream: the plan without the variant is unchanged)
        int classes = 0;
        for (const GeneratedStudent &st : students(school, u.year, u.grade))
            classes = std::max(classes, st.classIndex + 1);
        Rng variant(Rng::derive({m_options.seed, PlantStream, std::uint64_t(school.index), 77}));
        if (classes >= 2 && variant.uniform() < m_options.oneClassShare)
            planted.classIndex = variant.uniformInt(0, classes - 1);
    }
    m_planted << planted;
    return true;
}

} // namespace objectivity::simulation
