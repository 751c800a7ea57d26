#include "objectivity/storage/results/ParticipantCopy.h"

namespace objectivity::storage {

QStringList ParticipantCopy::columns() {
    return {QStringLiteral("procedure_id"),
            QStringLiteral("school_id"),
            QStringLiteral("import_id"),
            QStringLiteral("class_name"),
            QStringLiteral("participant_code"),
            QStringLiteral("variant"),
            QStringLiteral("task_points"),
            QStringLiteral("primary_score"),
            QStringLiteral("mark"),
            QStringLiteral("test_score"),
            QStringLiteral("journal_mark"),
            QStringLiteral("journal_period"),
            QStringLiteral("annual_mark"),
            QStringLiteral("medal")};
}

core::Result<std::unique_ptr<ParticipantCopy>>
ParticipantCopy::begin(pg_conn *conn, const QString &table, PgCopyWriter::Format format) {
    auto writer = PgCopyWriter::begin(conn, table, columns(), format);
    if (!writer)
        return writer.error();
    return std::unique_ptr<ParticipantCopy>(new ParticipantCopy(std::move(writer.value())));
}

core::Status ParticipantCopy::add(const core::ParticipantResult &p, qint64 importId) {
    PgCopyWriter &w = *m_writer;
    w.addInt(p.procedureId);
    w.addInt(p.schoolId);
    w.addInt(importId);
    w.addText(p.className);
    w.addText(p.participantCode);
    w.addInt(p.variant);
    w.addBytes(QByteArrayView(reinterpret_cast<const char *>(p.taskPoints.constData()),
                              p.taskPoints.size()));
    w.addDouble(p.primaryScore);
    auto intOrNull = [&w](int value, bool present) {
        if (present)
            w.addInt(value);
        else
            w.addNull();
    };
    intOrNull(p.mark, p.mark > 0);
    intOrNull(p.testScore, p.testScore >= 0);
    intOrNull(p.journalMark, p.journalMark > 0);
    w.addInt(int(p.journalPeriod));
    intOrNull(p.annualMark, p.annualMark > 0);
    w.addInt(int(p.medal));
    return w.endRow();
}

} // namespace objectivity::storage
