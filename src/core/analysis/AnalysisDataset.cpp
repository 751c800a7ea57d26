#include "objectivity/core/analysis/AnalysisDataset.h"

#include "objectivity/core/analysis/MarkVotes.h"
#include "objectivity/core/analysis/TaskLevelInference.h"
#include "objectivity/core/results/ClassName.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <type_traits>

namespace objectivity::core {

int AnalysisDataset::addProcedure(const Procedure &procedure) {
    m_procedures.append(procedure);
    m_layouts.push_back(ProcedureLayout::fromProcedure(procedure));
    m_scaleGiven.push_back(false);
    m_scaleConditional.push_back(false);
    m_scaleMaxPrimary.push_back(0);
    m_maximaFromData.push_back(false);
    m_deferred.emplace_back();
    m_unmarked.emplace_back();
    m_marksFromScale.push_back(0);
    m_marksMissing.push_back(0);
    m_journalScales.emplace_back();
    // a task without its maximum (results without the description of the work) or no maximum
    // at all: the rows wait for finish(), which takes the maxima from them
    const ProcedureLayout &l = m_layouts.back();
    m_deferred.back().active = l.maxPrimary <= 0 || std::any_of(l.taskMax.begin(), l.taskMax.end(),
                                                                [](int m) { return m <= 0; });
    m_scaleSources.push_back(ScaleSource::None);
    m_scaleNotes.emplace_back();
    m_scaleTotals.emplace_back();
    const int index = static_cast<int>(m_procedures.size()) - 1;
    m_procedureById.insert(procedure.id, index);
    return index;
}

int AnalysisDataset::addSchool(const School &school) {
    m_schools.append(school);
    const int index = static_cast<int>(m_schools.size()) - 1;
    m_schoolById.insert(school.id, index);
    return index;
}

void AnalysisDataset::setScale(int procedureIndex, const MarkScale &scale, const QString &note) {
    ProcedureLayout &l = m_layouts[static_cast<std::size_t>(procedureIndex)];
    if (!note.isEmpty())
        m_scaleNotes[static_cast<std::size_t>(procedureIndex)] = note;
    if (scale.minTestScore > 0)
        l.minTestScore = scale.minTestScore;
    m_scaleMaxPrimary[static_cast<std::size_t>(procedureIndex)] = std::max(0, scale.maxPrimary);
    if (!scale.isMarkScale() || scale.minFor4 <= 0 || scale.minFor5 <= 0)
        return;
    l.minFor[3] = scale.minFor3;
    l.minFor[4] = scale.minFor4;
    l.minFor[5] = scale.minFor5;
    m_scaleGiven[static_cast<std::size_t>(procedureIndex)] = true;
    m_scaleConditional[static_cast<std::size_t>(procedureIndex)] =
        !scale.extraCondition.trimmed().isEmpty();
}

namespace {

// FNV-1a over the code units of a string (UTF-16 or UTF-8)
template <typename Units> std::uint64_t fnv1a(const Units &units) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const auto c : units) {
        h ^= static_cast<std::uint64_t>(static_cast<std::make_unsigned_t<decltype(c)>>(c));
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace

std::uint64_t AnalysisDataset::hashCode(QStringView code) {
    return fnv1a(std::u16string_view(code.utf16(), static_cast<std::size_t>(code.size())));
}

std::uint64_t AnalysisDataset::hashCodeUtf8(QByteArrayView code) {
    if (code.isEmpty())
        return 0;
    const std::uint64_t h = fnv1a(code);
    return h == 0 ? 1 : h;
}

int AnalysisDataset::unitIndex(int procedureIndex, int schoolIndex) {
    if (procedureIndex == m_lastProcedure && schoolIndex == m_lastSchool)
        return m_lastUnit;
    const qint64 key = (static_cast<qint64>(procedureIndex) << 32) | schoolIndex;
    auto it = m_unitByKey.constFind(key);
    int index;
    if (it == m_unitByKey.constEnd()) {
        Unit u;
        u.procedure = procedureIndex;
        u.school = schoolIndex;
        u.acc.init(m_layouts[static_cast<std::size_t>(procedureIndex)], true);
        m_units.push_back(std::move(u));
        index = static_cast<int>(m_units.size()) - 1;
        m_unitByKey.insert(key, index);
    } else {
        index = it.value();
    }
    m_lastProcedure = procedureIndex;
    m_lastSchool = schoolIndex;
    m_lastUnit = index;
    return index;
}

void AnalysisDataset::addParticipant(int procedureIndex, int schoolIndex, const ParticipantRow &row,
                                     QStringView participantCode) {
    addParticipant(procedureIndex, schoolIndex, row, participantCode, QByteArrayView());
}

void AnalysisDataset::addParticipant(int procedureIndex, int schoolIndex, const ParticipantRow &row,
                                     QStringView participantCode, QByteArrayView className) {
    Deferred &deferred = m_deferred[static_cast<std::size_t>(procedureIndex)];
    if (deferred.active) {
        defer(deferred, schoolIndex, row, participantCode, className);
        return;
    }
    const ProcedureLayout &layout = m_layouts[static_cast<std::size_t>(procedureIndex)];
    const bool marked = row.mark >= 2 && row.mark <= 5;
    // a ВПР/ОГЭ work without its mark waits for the boundaries (finish() derives it)
    if (!marked && !layout.ege && !m_derivedMark) {
        defer(m_unmarked[static_cast<std::size_t>(procedureIndex)], schoolIndex, row,
              participantCode, className);
        return;
    }
    Unit &unit = m_units[static_cast<std::size_t>(unitIndex(procedureIndex, schoolIndex))];
    unit.acc.add(layout, row);
    std::uint8_t classIndex = Unit::kNoClass;
    // the classes of a parallel (ЕГЭ has none: its groups are not the school's classes)
    if (!className.isEmpty() && !layout.ege) {
        if (const std::size_t c = classIndexOf(unit, layout, className); c != kNotAClass) {
            unit.classes[c].add(layout, row);
            if (c < Unit::kNoClass)
                classIndex = static_cast<std::uint8_t>(c);
        }
    }
    // the work's task points for person-fit (a row shorter than the layout is padded with 0); a
    // work without them is left out, as from the task counts (UnitAccumulator::tasksGiven)
    const std::size_t tasks = layout.taskMax.size();
    if (tasks > 0 && UnitAccumulator::tasksGiven(row)) {
        const std::size_t have = std::min<std::size_t>(
            tasks, row.points ? static_cast<std::size_t>(std::max(0, row.pointCount)) : 0);
        unit.responses.insert(unit.responses.end(), row.points, row.points + have);
        unit.responses.resize(unit.responses.size() + (tasks - have), 0);
        unit.responseClass.push_back(classIndex);
        if (!layout.hasLevels())
            unit.responsePrimary.push_back(static_cast<std::uint16_t>(
                std::clamp<long>(std::lround(row.primary), 0, layout.maxPrimary)));
    }
    ++m_participants;
    if (row.codeHash != 0 && !layout.ege)
        unit.pupils.push_back({row.codeHash, static_cast<float>(row.primary)});
    if (m_derivedMark && marked)
        ++unit.marksFromScale;
    if (marked && !layout.ege && !m_derivedMark) {
        const long primary = std::lround(row.primary);
        if (primary >= 0 && primary < 8192)
            unit.primaryMarks.push_back(static_cast<std::uint16_t>((primary << 3) | row.mark));
    }
    if (layout.ege) {
        EgeRow e;
        e.school = schoolIndex;
        e.procedure = procedureIndex;
        e.codeHash = hashCode(participantCode);
        e.testScore = row.testScore;
        e.mark = row.mark;
        e.medal = row.medal;
        m_ege.push_back(e);
        if (row.medal != 0 && !m_medallistCodes.contains(e.codeHash))
            m_medallistCodes.insert(e.codeHash, participantCode.toString());
    }
}

std::size_t AnalysisDataset::classIndexOf(Unit &unit, const ProcedureLayout &layout,
                                          QByteArrayView className) {
    for (std::size_t c = 0; c < unit.classNames.size(); ++c)
        if (unit.classNames[c] == className)
            return c;
    for (const auto &[spelling, c] : unit.classSpellings)
        if (spelling == className)
            return c;
    // a name not met in this unit: its canonical spelling may be (rows of a database imported
    // before the importer wrote class names canonically)
    const QByteArray canonical = canonicalClassName(QString::fromUtf8(className)).toUtf8();
    if (canonical.isEmpty())
        return kNotAClass;
    std::size_t c = 0;
    while (c < unit.classNames.size() && unit.classNames[c] != canonical)
        ++c;
    if (c == unit.classNames.size()) {
        unit.classNames.push_back(canonical);
        unit.classes.emplace_back();
        unit.classes.back().initClass(layout);
    }
    if (canonical != className)
        unit.classSpellings.emplace_back(className.toByteArray(), c);
    return c;
}

void AnalysisDataset::defer(Deferred &d, int schoolIndex, const ParticipantRow &row,
                            QStringView participantCode, QByteArrayView className) {
    Deferred::Row r;
    r.school = schoolIndex;
    r.pointsAt = static_cast<std::uint32_t>(d.points.size());
    const int count = row.points ? std::clamp(row.pointCount, 0, 0xFFFF) : 0;
    r.pointCount = static_cast<std::uint16_t>(count);
    d.points.insert(d.points.end(), row.points, row.points + count);
    if (!className.isEmpty()) {
        std::size_t c = 0;
        while (c < d.classNames.size() && d.classNames[c] != className)
            ++c;
        if (c == d.classNames.size())
            d.classNames.push_back(className.toByteArray());
        r.classIndex = static_cast<std::int16_t>(std::min<std::size_t>(c, 0x7FFF));
    }
    if (!participantCode.isEmpty()) {
        r.codeIndex = static_cast<std::int32_t>(d.codes.size());
        d.codes.append(participantCode.toString());
    }
    r.primary = static_cast<float>(row.primary);
    r.testScore = static_cast<std::int16_t>(std::clamp(row.testScore, -1, 0x7FFF));
    r.mark = static_cast<std::int8_t>(std::clamp(row.mark, 0, 127));
    r.journal = static_cast<std::int8_t>(std::clamp(row.journal, 0, 127));
    r.annual = static_cast<std::int8_t>(std::clamp(row.annual, 0, 127));
    r.medal = static_cast<std::int8_t>(std::clamp(row.medal, 0, 127));
    r.codeHash = row.codeHash;
    d.rows.push_back(r);
}

void AnalysisDataset::replayDeferred() {
    for (std::size_t p = 0; p < m_deferred.size(); ++p) {
        Deferred d = std::move(m_deferred[p]);
        m_deferred[p] = Deferred();
        if (!d.active)
            continue;
        // each unknown maximum: the most points any work got on the task (at least 1); the
        // maximum primary score at least the highest score and the scale's maximum
        Procedure procedure = m_procedures[static_cast<qsizetype>(p)];
        std::vector<int> most(static_cast<std::size_t>(procedure.tasks.size()), 0);
        long top = m_scaleMaxPrimary[p];
        for (const Deferred::Row &r : d.rows) {
            top = std::max(top, std::lround(r.primary));
            const std::size_t n = std::min<std::size_t>(r.pointCount, most.size());
            for (std::size_t t = 0; t < n; ++t)
                most[t] = std::max<int>(most[t], d.points[r.pointsAt + t]);
        }
        for (qsizetype t = 0; t < procedure.tasks.size(); ++t)
            if (procedure.tasks[t].maxPoints <= 0)
                procedure.tasks[t].maxPoints = std::max(1, most[static_cast<std::size_t>(t)]);
        ProcedureLayout &l = m_layouts[p];
        ProcedureLayout fresh = ProcedureLayout::fromProcedure(procedure);
        fresh.maxPrimary = std::max(fresh.maxPrimary, static_cast<int>(std::min(top, 8191L)));
        std::copy(std::begin(l.minFor), std::end(l.minFor), std::begin(fresh.minFor));
        fresh.minTestScore = l.minTestScore;
        l = std::move(fresh);
        m_maximaFromData[p] = true;
        replay(static_cast<int>(p), d, nullptr);
    }
}

void AnalysisDataset::replay(int index, const Deferred &d, const std::array<int, 6> *marks) {
    const std::array<int, 6> b = marks ? *marks : std::array<int, 6>{};
    const bool whole = b[3] > 0 && b[4] > 0 && b[5] > 0;
    m_derivedMark = marks != nullptr;
    for (const Deferred::Row &r : d.rows) {
        ParticipantRow row;
        row.points = d.points.data() + r.pointsAt;
        row.pointCount = r.pointCount;
        row.primary = r.primary;
        row.mark = r.mark;
        row.testScore = r.testScore;
        row.journal = r.journal;
        row.annual = r.annual;
        row.medal = r.medal;
        row.codeHash = r.codeHash;
        if (marks) {
            // the scale's mark for the score, as the histograms round it; a scale that gives only
            // the pass boundary tells only «2»
            const long primary = std::lround(r.primary);
            row.mark = b[3] <= 0         ? 0
                       : primary < b[3]  ? 2
                       : !whole          ? 0
                       : primary >= b[5] ? 5
                       : primary >= b[4] ? 4
                                         : 3;
            ++(row.mark ? m_marksFromScale : m_marksMissing)[static_cast<std::size_t>(index)];
        }
        addParticipant(index, r.school, row,
                       r.codeIndex >= 0 ? QStringView(d.codes.at(r.codeIndex)) : QStringView(),
                       r.classIndex >= 0
                           ? QByteArrayView(d.classNames[static_cast<std::size_t>(r.classIndex)])
                           : QByteArrayView());
    }
    m_derivedMark = false;
}

void AnalysisDataset::addResult(const ParticipantResult &r) {
    const int p = procedureIndexById(r.procedureId);
    const int s = schoolIndexById(r.schoolId);
    if (p < 0 || s < 0)
        return;
    ParticipantRow row;
    row.points = r.taskPoints.constData();
    row.pointCount = static_cast<int>(r.taskPoints.size());
    row.primary = r.primaryScore;
    row.mark = r.mark;
    row.testScore = r.testScore;
    row.journal = r.journalMark;
    row.annual = r.annualMark;
    row.medal = static_cast<int>(r.medal);
    row.codeHash = hashCodeUtf8(r.participantCode.toUtf8());
    addParticipant(p, s, row, r.participantCode, r.className.toUtf8());
}

std::vector<const std::vector<std::uint16_t> *>
AnalysisDataset::marksOf(const std::vector<const Unit *> &units) {
    std::vector<const std::vector<std::uint16_t> *> marks;
    marks.reserve(units.size());
    for (const Unit *u : units)
        marks.push_back(&u->primaryMarks);
    return marks;
}

namespace {

QString boundaryList(const std::array<int, 6> &b) {
    return b[4] > 0 && b[5] > 0
               ? QStringLiteral("«3» с %1, «4» с %2, «5» с %3").arg(b[3]).arg(b[4]).arg(b[5])
               : QStringLiteral("«3» с %1").arg(b[3]);
}

} // namespace

bool AnalysisDataset::checkGivenScale(std::size_t p, const MarkVotes &votes) {
    // A stored scale (another year's, a wrong row, a region's own scale) that the schools' marks
    // clearly do not follow: the boundaries the marks follow are the ones a school pushes to and
    // the ones its marks are compared with. A boundary is replaced when at least kMinVotes
    // schools' votes at the disputed scores side with the data and at most a quarter with the
    // scale. Marks below a scale with an extra condition (geometry, literacy) are lawful: such a
    // scale is replaced only where the data gives a mark from fewer points.
    constexpr int kMinVotes = 3;
    ProcedureLayout &l = m_layouts[p];
    const std::array<int, 6> data = votes.boundaries();
    std::array<int, 6> used{0, 0, 0, l.minFor[3], l.minFor[4], l.minFor[5]};
    QStringList replaced;
    for (int k = 3; k <= 5; ++k) {
        const int given = l.minFor[k], other = data[static_cast<std::size_t>(k)];
        if (other <= 0 || other == given || (other > given && m_scaleConditional[p]))
            continue;
        const MarkVotes::Dispute d = votes.dispute(k, given, other);
        if (d.forOther < kMinVotes || d.forOther < 3 * d.forGiven)
            continue;
        used[static_cast<std::size_t>(k)] = other;
        replaced
            << QStringLiteral("«%1» с %2 баллов (по шкале — с %3)").arg(k).arg(other).arg(given);
    }
    if (replaced.isEmpty())
        return false;
    if (!(used[3] < used[4] && used[4] < used[5])) {
        if (!(data[3] > 0 && data[4] > 0 && data[5] > 0))
            return false; // the data cannot give a whole scale: the stored one stays
        used = data;
    }
    for (int k = 3; k <= 5; ++k)
        l.minFor[k] = used[static_cast<std::size_t>(k)];
    m_scaleNotes[p] =
        QStringLiteral("%1 — отметки в данных ей не следуют: большинство школ "
                       "ставит %2; взяты границы из данных: %3")
            .arg(m_scaleNotes[p].isEmpty() ? QStringLiteral("шкала из базы") : m_scaleNotes[p],
                 replaced.join(QStringLiteral(", ")), boundaryList(used));
    return true;
}

void AnalysisDataset::inferTaskLevels() {
    std::vector<std::vector<Unit *>> byProcedure(m_layouts.size());
    for (Unit &u : m_units)
        if (!u.responsePrimary.empty())
            byProcedure[static_cast<std::size_t>(u.procedure)].push_back(&u);
    for (std::size_t p = 0; p < m_layouts.size(); ++p) {
        ProcedureLayout &l = m_layouts[p];
        if (byProcedure[p].empty() || l.hasLevels())
            continue;
        std::vector<std::int64_t> points(l.taskMax.size(), 0);
        long long works = 0;
        for (const Unit *u : byProcedure[p]) {
            works += u->acc.taskWorks;
            for (std::size_t t = 0; t < points.size() && t < u->acc.taskPoints.size(); ++t)
                points[t] += u->acc.taskPoints[t];
        }
        if (!TaskLevelInference::apply(l, points, works))
            continue;
        const std::size_t tasks = l.taskMax.size();
        for (Unit *u : byProcedure[p]) {
            u->acc.resetHard(l);
            for (UnitAccumulator &c : u->classes)
                c.resetHard(l);
            for (std::size_t w = 0; w < u->responsePrimary.size(); ++w) {
                const std::int8_t *work = u->responses.data() + w * tasks;
                int hard = 0;
                for (std::size_t t = 0; t < tasks; ++t)
                    if (work[t] > 0 && isHardLevel(l.levels[t]))
                        hard += work[t];
                u->acc.addHardPoints(l, u->responsePrimary[w], hard);
                const std::uint8_t c = u->responseClass[w];
                if (c != Unit::kNoClass && c < u->classes.size())
                    u->classes[c].addHardPoints(l, u->responsePrimary[w], hard);
            }
        }
    }
    for (Unit &u : m_units)
        std::vector<std::uint16_t>().swap(u.responsePrimary);
}

std::array<int, 6> AnalysisDataset::journalBoundaries(std::size_t p, const Deferred &d) const {
    std::vector<std::vector<std::uint16_t>> bySchool;
    std::vector<int> slot(static_cast<std::size_t>(m_schools.size()), -1);
    for (const Deferred::Row &r : d.rows) {
        const long primary = std::lround(r.primary);
        if (r.journal < 2 || r.journal > 5 || primary < 0 || primary >= 8192 || r.school < 0 ||
            r.school >= static_cast<int>(slot.size()))
            continue;
        int &s = slot[static_cast<std::size_t>(r.school)];
        if (s < 0) {
            s = static_cast<int>(bySchool.size());
            bySchool.emplace_back();
        }
        bySchool[static_cast<std::size_t>(s)].push_back(
            static_cast<std::uint16_t>((primary << 3) | r.journal));
    }
    if (static_cast<int>(bySchool.size()) < kMinJournalSchools)
        return {};
    std::vector<const std::vector<std::uint16_t> *> schools;
    for (auto &v : bySchool) {
        std::sort(v.begin(), v.end());
        schools.push_back(&v);
    }
    // a full scale only: journals that never give «2» as the usual mark at low scores would
    // make every journal «2» a «raised» mark
    const std::array<int, 6> b = MarkVotes(schools, m_layouts[p].maxPrimary).boundaries();
    return b[3] > 0 && b[3] < b[4] && b[4] < b[5] ? b : std::array<int, 6>{};
}

void AnalysisDataset::decideBoundaries() {
    std::vector<std::vector<const Unit *>> byProcedure(m_layouts.size());
    for (Unit &u : m_units) {
        std::sort(u.primaryMarks.begin(), u.primaryMarks.end());
        byProcedure[static_cast<std::size_t>(u.procedure)].push_back(&u);
    }
    for (std::size_t p = 0; p < m_layouts.size(); ++p) {
        ProcedureLayout &l = m_layouts[p];
        if (l.ege)
            continue;
        const MarkVotes votes(marksOf(byProcedure[p]), l.maxPrimary);
        if (m_scaleGiven[p]) {
            m_scaleSources[p] =
                checkGivenScale(p, votes) ? ScaleSource::Replaced : ScaleSource::Stored;
            continue;
        }
        const std::array<int, 6> b = votes.boundaries();
        for (int k = 3; k <= 5; ++k)
            l.minFor[k] = b[static_cast<std::size_t>(k)];
        if (l.minFor[3] <= 0)
            continue;
        m_scaleSources[p] = ScaleSource::Inferred;
        m_scaleNotes[p] =
            QStringLiteral("официальной шкалы нет: границы выведены из данных — при каждом "
                           "первичном балле отметка, которую ставит большинство школ (%1)")
                .arg(boundaryList(b));
    }
}

void AnalysisDataset::finish() {
    replayDeferred();
    // the boundaries from the marked works, then the unmarked works with the scale's marks
    decideBoundaries();
    for (std::size_t p = 0; p < m_unmarked.size(); ++p) {
        const Deferred d = std::move(m_unmarked[p]);
        m_unmarked[p] = Deferred();
        if (d.rows.empty())
            continue;
        const ProcedureLayout &l = m_layouts[p];
        std::array<int, 6> b{0, 0, 0, l.minFor[3], l.minFor[4], l.minFor[5]};
        if (b[3] <= 0) {
            b = journalBoundaries(p, d);
            if (b[5] > 0)
                m_journalScales[p] = boundaryList(b);
        }
        replay(static_cast<int>(p), d, &b);
    }
    inferTaskLevels();
    for (Unit &u : m_units) {
        // pupils by code; a code that appears twice is not one pupil's: both dropped
        auto &pupils = u.pupils;
        std::sort(pupils.begin(), pupils.end(),
                  [](const Unit::Pupil &a, const Unit::Pupil &b) { return a.code < b.code; });
        std::size_t out = 0;
        for (std::size_t i = 0; i < pupils.size();) {
            std::size_t j = i + 1;
            while (j < pupils.size() && pupils[j].code == pupils[i].code)
                ++j;
            if (j == i + 1)
                pupils[out++] = pupils[i];
            i = j;
        }
        pupils.resize(out);
    }
    // each unit's marks against the scale used
    for (Unit &u : m_units) {
        const ProcedureLayout &l = m_layouts[static_cast<std::size_t>(u.procedure)];
        if (l.minFor[3] <= 0 || l.minFor[4] <= 0 || l.minFor[5] <= 0)
            continue;
        ScaleAgreement a;
        for (const std::uint16_t pm : u.primaryMarks) {
            const int score = pm >> 3, mark = pm & 7;
            const int expected = score >= l.minFor[5]   ? 5
                                 : score >= l.minFor[4] ? 4
                                 : score >= l.minFor[3] ? 3
                                                        : 2;
            ++a.checked;
            if (mark > expected)
                ++a.above;
            else if (mark < expected)
                ++a.below;
        }
        u.scale = a;
        ScaleAgreement &t = m_scaleTotals[static_cast<std::size_t>(u.procedure)];
        t.checked += a.checked;
        t.above += a.above;
        t.below += a.below;
    }
    m_lastProcedure = m_lastSchool = m_lastUnit = -1;
}

} // namespace objectivity::core
