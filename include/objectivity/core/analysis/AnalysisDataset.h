#pragma once
#include "objectivity/core/analysis/ScaleSource.h"
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/results/FlaggedSchool.h"
#include "objectivity/core/results/MarkScale.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/Procedure.h"
#include "objectivity/core/results/ProcedureLayout.h"
#include "objectivity/core/results/School.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <array>
#include <vector>

namespace objectivity::core {

class MarkVotes;

// Everything the analysis reads, accumulated in one pass over the participants: per unit (a school
// in a procedure) additive counts, plus the ЕГЭ rows needed for the medal rules. Built in memory
// (tests, the generator) or by storage::AnalysisDataReader from the database.
class AnalysisDataset {
public:
    // How a unit's marks agree with the scale used (official or inferred): works checked (mark
    // and scale mark known), works whose mark is above / below the scale's mark for their score.
    struct ScaleAgreement {
        int checked = 0;
        int above = 0;
        int below = 0;
    };
    struct Unit {
        int procedure = 0; // index into procedures()
        int school = 0;    // index into schools()
        UnitAccumulator acc;
        // the classes of the parallel («5А», «5Б») with their own counts, where the rows name the
        // class (not ЕГЭ); empty otherwise
        std::vector<QByteArray> classNames; // UTF-8, as core::canonicalClassName writes them
        std::vector<UnitAccumulator> classes;
        // other spellings of those classes met in the rows («5а», «5 А» for «5А»): a database
        // written before the importer made class names canonical keeps them as typed
        std::vector<std::pair<QByteArray, std::size_t>> classSpellings;
        // (rounded primary << 3) | mark of every work with a mark «2»–«5» (ВПР, ОГЭ), sorted by
        // finish(): the marks the school gave, for the inferred scale and mark_scale_mismatch
        std::vector<std::uint16_t> primaryMarks;
        ScaleAgreement scale; // filled by finish()
        // every work's task points (row-major, layout.taskMax.size() per work; -1 = not
        // attempted) and its class (index into classNames, kNoClass = not known), for person-fit
        std::vector<std::int8_t> responses;
        std::vector<std::uint8_t> responseClass;
        // every work's rounded primary score, kept only where the procedure gives no task levels:
        // the П/В counts are made by finish() once the region shows which tasks are hard
        std::vector<std::uint16_t> responsePrimary;
        static constexpr std::uint8_t kNoClass = 255;
        // the participant code (hash) and primary score of every work with a code (not ЕГЭ),
        // sorted by code by finish(); a code seen twice in the unit is dropped (it does not
        // identify one pupil) — the same pupils in another procedure (PupilLink)
        struct Pupil {
            std::uint64_t code = 0;
            float primary = 0;
        };
        std::vector<Pupil> pupils;
        // works without a mark in the data whose mark finish() took from the scale used
        int marksFromScale = 0;
    };
    // One ЕГЭ result, kept for the medal rules (the code only for medallists' rows).
    struct EgeRow {
        int school = 0;
        int procedure = 0;
        std::uint64_t codeHash = 0;
        int testScore = -1;
        int mark = 0; // 2..5: Математика (база), which has a mark and no test score
        int medal = 0;
    };

    int addProcedure(const Procedure &procedure); // returns its index
    int addSchool(const School &school);
    // A scale whose boundaries (minFor3..5) replace those read off the data; `note` says which
    // scale it is (MarkScaleChooser), for the reports.
    void setScale(int procedureIndex, const MarkScale &scale, const QString &note = QString());
    void addOfficialFlag(const FlaggedSchool &flag) { m_official.append(flag); }

    void addParticipant(int procedureIndex, int schoolIndex, const ParticipantRow &row,
                        QStringView participantCode);
    // The same with the participant's class (UTF-8, «5Б»; empty = not known).
    void addParticipant(int procedureIndex, int schoolIndex, const ParticipantRow &row,
                        QStringView participantCode, QByteArrayView className);
    // Convenience for in-memory data: procedures and schools are matched by their ids.
    void addResult(const ParticipantResult &result);
    // Reads the hard tasks off the region's results where the procedure gives no task levels
    // (TaskLevelInference) and counts the П/В points under them; derives the mark boundaries
    // that no scale gave from the data — at each primary score the
    // mark most schools give (one vote per school) —, replaces a stored scale's boundary that the
    // schools' marks clearly do not follow by the data's (the note says so), gives the ВПР/ОГЭ
    // works without a mark the mark of those boundaries for their score (where there are none,
    // of the boundaries the region's journal marks follow), and counts each unit's agreement with
    // the scale used.
    void finish();
    // True when the procedure's task maxima (or its maximum primary score) were not given and
    // were taken from the data after finish(): the most points any work got on each task, the
    // maximum primary score at least the highest score in the data and the scale's maximum.
    bool maximaFromData(int procedureIndex) const {
        return m_maximaFromData[static_cast<std::size_t>(procedureIndex)];
    }
    // Works of the procedure without a mark in the data (ВПР, ОГЭ), after finish(): those whose
    // mark was taken from the scale used (given or inferred; the primary score's mark), and those
    // left without one (no scale for it).
    int marksFromScale(int procedureIndex) const {
        return m_marksFromScale[static_cast<std::size_t>(procedureIndex)];
    }
    // True when those marks come from the boundaries the region's journal marks follow (no scale,
    // no marks in the data): journalScale(p) «3» с …, «4» с …, «5» с ….
    bool marksFromJournals(int procedureIndex) const {
        return !m_journalScales[static_cast<std::size_t>(procedureIndex)].isEmpty();
    }
    QString journalScale(int procedureIndex) const {
        return m_journalScales[static_cast<std::size_t>(procedureIndex)];
    }
    int marksMissing(int procedureIndex) const {
        return m_marksMissing[static_cast<std::size_t>(procedureIndex)];
    }
    // Which scale the procedure's boundaries come from (Russian, for the reports).
    QString scaleNote(int procedureIndex) const {
        return m_scaleNotes[static_cast<std::size_t>(procedureIndex)];
    }
    // True when the boundaries come from a stored scale, false when inferred from the data.
    bool scaleGiven(int procedureIndex) const {
        return m_scaleGiven[static_cast<std::size_t>(procedureIndex)];
    }
    // Where the boundaries come from (after finish()).
    ScaleSource scaleSource(int procedureIndex) const {
        return m_scaleSources[static_cast<std::size_t>(procedureIndex)];
    }
    // Sum over all units of the procedure.
    const ScaleAgreement &scaleTotal(int procedureIndex) const {
        return m_scaleTotals[static_cast<std::size_t>(procedureIndex)];
    }

    const QList<Procedure> &procedures() const { return m_procedures; }
    const QList<School> &schools() const { return m_schools; }
    const ProcedureLayout &layout(int procedureIndex) const {
        return m_layouts[static_cast<std::size_t>(procedureIndex)];
    }
    const std::vector<Unit> &units() const { return m_units; }
    const std::vector<EgeRow> &egeRows() const { return m_ege; }
    QString medallistCode(std::uint64_t hash) const { return m_medallistCodes.value(hash); }
    const QList<FlaggedSchool> &officialFlags() const { return m_official; }
    int procedureIndexById(qint64 id) const { return m_procedureById.value(id, -1); }
    int schoolIndexById(qint64 id) const { return m_schoolById.value(id, -1); }
    qint64 participantCount() const { return m_participants; }

    static std::uint64_t hashCode(QStringView code);
    // The code's hash from its UTF-8 bytes, never 0 (0 = no code): ParticipantRow::codeHash.
    static std::uint64_t hashCodeUtf8(QByteArrayView code);

private:
    // The rows of a procedure whose maxima are not known, kept as read until finish() knows
    // them (the accumulation's histograms and clamps need the maximum primary score).
    struct Deferred {
        struct Row {
            int school = 0;
            std::uint32_t pointsAt = 0; // into points
            std::uint16_t pointCount = 0;
            std::int16_t classIndex = -1; // into classNames, -1 = not known
            std::int32_t codeIndex = -1;  // into codes (ЕГЭ), -1 = none
            float primary = 0;
            std::int16_t testScore = -1;
            std::int8_t mark = 0, journal = 0, annual = 0, medal = 0;
            std::uint64_t codeHash = 0;
        };
        bool active = false;
        std::vector<Row> rows;
        std::vector<std::int8_t> points;
        std::vector<QByteArray> classNames;
        QList<QString> codes;
    };
    void defer(Deferred &d, int schoolIndex, const ParticipantRow &row, QStringView participantCode,
               QByteArrayView className);
    void replayDeferred();
    // the rows of `d` through addParticipant; deriveMarks: each row's mark from the boundaries
    // marks: the boundaries minFor[3..5] each row's mark is derived from (nullptr: the rows keep
    // theirs)
    void replay(int procedureIndex, const Deferred &d, const std::array<int, 6> *marks);
    // Where no boundaries are known (no scale, no marks): the boundaries the region's journal
    // marks follow at each primary score (one vote per school, at least kMinJournalSchools
    // schools), all zero when they cannot tell.
    std::array<int, 6> journalBoundaries(std::size_t procedureIndex, const Deferred &d) const;
    // the boundaries of every ВПР/ОГЭ procedure: the stored scale (checked against the marks)
    // or the data's
    void decideBoundaries();
    int unitIndex(int procedureIndex, int schoolIndex);
    // The class of `unit` named `className` in any spelling (added when new); kNotAClass when
    // the name has no class in it («класс»).
    static constexpr std::size_t kNotAClass = static_cast<std::size_t>(-1);
    static std::size_t classIndexOf(Unit &unit, const ProcedureLayout &layout,
                                    QByteArrayView className);
    static std::vector<const std::vector<std::uint16_t> *>
    marksOf(const std::vector<const Unit *> &units);
    void inferTaskLevels();
    // true when a boundary was replaced by the data's
    bool checkGivenScale(std::size_t procedureIndex, const MarkVotes &votes);

    QList<Procedure> m_procedures;
    QList<School> m_schools;
    std::vector<ProcedureLayout> m_layouts;
    std::vector<bool> m_scaleGiven;
    std::vector<bool> m_scaleConditional; // the stored scale has an extra condition
    std::vector<int> m_scaleMaxPrimary;   // the stored scale's maximum primary score (0 = none)
    std::vector<bool> m_maximaFromData;
    std::vector<Deferred> m_deferred;
    // ВПР/ОГЭ rows without a mark, kept until finish() knows the boundaries (MarkVotes needs the
    // marked rows only); their marks are the scale's
    std::vector<Deferred> m_unmarked;
    bool m_derivedMark = false; // replaying m_unmarked: the mark is not the school's
    std::vector<int> m_marksFromScale, m_marksMissing;
    std::vector<QString> m_journalScales; // the journals' boundaries used for the marks
    static constexpr int kMinJournalSchools = 5;
    std::vector<ScaleSource> m_scaleSources;
    std::vector<QString> m_scaleNotes;
    std::vector<ScaleAgreement> m_scaleTotals;
    std::vector<Unit> m_units;
    QHash<qint64, int> m_unitByKey; // procedure * 2^32 + school
    int m_lastProcedure = -1, m_lastSchool = -1, m_lastUnit = -1;
    std::vector<EgeRow> m_ege;
    QHash<std::uint64_t, QString> m_medallistCodes;
    QList<FlaggedSchool> m_official;
    QHash<qint64, int> m_procedureById, m_schoolById;
    qint64 m_participants = 0;
};

} // namespace objectivity::core
