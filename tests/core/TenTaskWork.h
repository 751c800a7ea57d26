#pragma once
// A made-up work of ten tasks (six basic of 2 points, four advanced of 3: 24 points) for the
// engine tests that build a region by hand, and one participant's row of it.
#include "objectivity/core/analysis/AnalysisDataset.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace objectivity::test {

inline core::Procedure tenTaskProcedure(qint64 id, core::ProcedureKind kind, int year, int grade) {
    core::Procedure p;
    p.id = id;
    p.kind = kind;
    p.year = year;
    p.grade = grade;
    p.subject = QStringLiteral("Математика");
    for (int t = 0; t < 10; ++t)
        p.tasks.append({QString::number(t + 1), t < 6 ? 2 : 3,
                        t < 6 ? core::TaskLevel::Basic : core::TaskLevel::Advanced});
    return p;
}

// An ordinary school «sNN» (id s + 1) of a region built by hand; returns its index.
inline int addTestSchool(core::AnalysisDataset &data, int s) {
    core::School school;
    school.id = s + 1;
    school.code = QStringLiteral("s%1").arg(s, 2, 10, QLatin1Char('0'));
    school.kind = core::SchoolKind::Sosh;
    return data.addSchool(school);
}

// The row of a ten-task work with these points: the primary score their sum, the mark of the
// simple scale («3» from 8, «4» from 14, «5» from 19).
inline core::ParticipantRow tenTaskRow(const std::vector<std::int8_t> &points) {
    core::ParticipantRow row;
    row.points = points.data();
    row.pointCount = static_cast<int>(points.size());
    int primary = 0;
    for (const std::int8_t p : points)
        primary += std::max<int>(0, p);
    row.primary = primary;
    row.mark = primary >= 19 ? 5 : primary >= 14 ? 4 : primary >= 8 ? 3 : 2;
    return row;
}

// A pupil's simulated work: each step of a task is passed with probability logistic(ability +
// offset[t] − difficulty), difficulty −0.8 for the basic tasks and 0.6 for the advanced ones
// (offset: the teacher's honest profile per task).
inline std::vector<std::int8_t> simulatedTenTaskPoints(std::mt19937 &gen, double ability,
                                                       const double (&offset)[10]) {
    std::uniform_real_distribution<double> uniform;
    std::vector<std::int8_t> points;
    for (int t = 0; t < 10; ++t) {
        const double difficulty = t < 6 ? -0.8 : 0.6;
        const double p = 1 / (1 + std::exp(-(ability + offset[t] - difficulty)));
        int got = 0;
        for (int step = 0; step < (t < 6 ? 2 : 3); ++step)
            got += uniform(gen) < p ? 1 : 0;
        points.push_back(static_cast<std::int8_t>(got));
    }
    return points;
}

// The points of a ten-task work of `primary` points (0–24), the tasks filled in order.
inline std::vector<std::int8_t> tenTaskPoints(int primary) {
    std::vector<std::int8_t> points;
    int left = primary;
    for (int t = 0; t < 10; ++t) {
        const int take = std::min(left, t < 6 ? 2 : 3);
        points.push_back(static_cast<std::int8_t>(take));
        left -= take;
    }
    return points;
}

// A participant with `primary` points (0–24; the tasks filled in order) and the mark of a simple
// scale, identified by codeHash (0: no code).
inline void addTenTaskWork(core::AnalysisDataset &data, int procedure, int school, int primary,
                           quint64 codeHash = 0) {
    const std::vector<std::int8_t> points = tenTaskPoints(primary);
    core::ParticipantRow row = tenTaskRow(points);
    row.codeHash = codeHash;
    data.addParticipant(procedure, school, row, QStringView());
}

} // namespace objectivity::test
