#include "objectivity/core/analysis/AnalysisDataset.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace objectivity::core {

int AnalysisDataset::addProcedure(const Procedure &procedure) {
    m_procedures.append(procedure);
    m_layouts.push_back(ProcedureLayout::fromProcedure(procedure));
    m_scaleGiven.push_back(false);
    std::array<int, 6> none;
    none.fill(std::numeric_limits<int>::max());
    m_minSeen.push_back(none);
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

void AnalysisDataset::setScale(int procedureIndex, const MarkScale &scale) {
    ProcedureLayout &l = m_layouts[static_cast<std::size_t>(procedureIndex)];
    if (scale.minTestScore > 0)
        l.minTestScore = scale.minTestScore;
    if (!scale.isMarkScale() || scale.minFor4 <= 0 || scale.minFor5 <= 0)
        return;
    l.minFor[3] = scale.minFor3;
    l.minFor[4] = scale.minFor4;
    l.minFor[5] = scale.minFor5;
    m_scaleGiven[static_cast<std::size_t>(procedureIndex)] = true;
}

std::uint64_t AnalysisDataset::hashCode(QStringView code) {
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (QChar c : code) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
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
    const ProcedureLayout &layout = m_layouts[static_cast<std::size_t>(procedureIndex)];
    Unit &unit = m_units[static_cast<std::size_t>(unitIndex(procedureIndex, schoolIndex))];
    unit.acc.add(layout, row);
    std::uint8_t classIndex = Unit::kNoClass;
    // classes only where a class criterion can use them (task levels: ВПР)
    if (!className.isEmpty() && layout.hasLevels() && !layout.ege) {
        std::size_t c = 0;
        while (c < unit.classNames.size() && unit.classNames[c] != className)
            ++c;
        if (c == unit.classNames.size()) {
            unit.classNames.push_back(className.toByteArray());
            unit.classes.emplace_back();
            unit.classes.back().initClass(layout);
        }
        unit.classes[c].add(layout, row);
        if (c < Unit::kNoClass)
            classIndex = static_cast<std::uint8_t>(c);
    }
    // the work's task points for person-fit (a row shorter than the layout is padded with 0)
    const std::size_t tasks = layout.taskMax.size();
    if (tasks > 0) {
        const std::size_t have = std::min<std::size_t>(
            tasks, row.points ? static_cast<std::size_t>(std::max(0, row.pointCount)) : 0);
        unit.responses.insert(unit.responses.end(), row.points, row.points + have);
        unit.responses.resize(unit.responses.size() + (tasks - have), 0);
        unit.responseClass.push_back(classIndex);
    }
    ++m_participants;
    if (row.mark >= 2 && row.mark <= 5) {
        int &seen =
            m_minSeen[static_cast<std::size_t>(procedureIndex)][static_cast<std::size_t>(row.mark)];
        seen = std::min(seen, static_cast<int>(std::lround(row.primary)));
    }
    if (layout.ege) {
        EgeRow e;
        e.school = schoolIndex;
        e.procedure = procedureIndex;
        e.codeHash = hashCode(participantCode);
        e.testScore = row.testScore;
        e.medal = row.medal;
        m_ege.push_back(e);
        if (row.medal != 0 && !m_medallistCodes.contains(e.codeHash))
            m_medallistCodes.insert(e.codeHash, participantCode.toString());
    }
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
    addParticipant(p, s, row, r.participantCode, r.className.toUtf8());
}

void AnalysisDataset::finish() {
    for (std::size_t p = 0; p < m_layouts.size(); ++p) {
        if (m_scaleGiven[p])
            continue;
        ProcedureLayout &l = m_layouts[p];
        for (int k = 3; k <= 5; ++k) {
            const int seen = m_minSeen[p][static_cast<std::size_t>(k)];
            l.minFor[k] = seen == std::numeric_limits<int>::max() ? 0 : seen;
        }
    }
    m_lastProcedure = m_lastSchool = m_lastUnit = -1;
}

} // namespace objectivity::core
