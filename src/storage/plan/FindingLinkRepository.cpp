#include "objectivity/storage/plan/FindingLinkRepository.h"

#include "SqlSupport.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/plan/PlanChangeLog.h"
#include "objectivity/core/plan/PlanNumbering.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "plan/PlanAccess.h"
#include "plan/PlanWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace objectivity::storage {

using core::Result;
using core::Status;
using namespace Qt::StringLiterals;

namespace {

const QString kSeeded = u"measure_templates_seeded"_s;
// The value of kSeeded: the version of the default set the table was seeded with. A criterion
// added later gets its default templates once, when a database seeded before it is opened.
constexpr int kTemplatesVersion = 3;
// criteria added in each version after 1
QStringList criteriaAddedAfter(int version) {
    QStringList out;
    if (version < 2)
        out << QString::fromUtf16(core::criterion::CohortUnconfirmed);
    if (version < 3)
        out << QString::fromUtf16(core::criterion::JournalScatter);
    return out;
}

QString ownersJson(const QStringList &owners) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(owners)).toJson(QJsonDocument::Compact));
}

QStringList ownersFrom(const QString &json) {
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

// "criterion = ? AND procedure_kind = ? ..." bound in this order.
const QString kFindingWhere = u"f.criterion = ? AND f.procedure_kind = ? AND f.year = ? AND "
                              "f.grade = ? AND f.subject = ? AND f.school_code = ? AND "
                              "f.class_name = ?"_s;

void bindFinding(QSqlQuery &q, const core::FindingRef &f) {
    q.addBindValue(f.criterion);
    q.addBindValue(core::procedureKindCode(f.procedure));
    q.addBindValue(f.year);
    q.addBindValue(f.grade);
    q.addBindValue(sql::text(f.subject));
    q.addBindValue(f.schoolCode);
    q.addBindValue(sql::text(f.className));
}

Status insertTemplates(Database &db, QList<core::MeasureTemplate> &templates) {
    QSqlQuery q(db.connection());
    for (core::MeasureTemplate &t : templates) {
        q.prepare(u"INSERT INTO measure_templates (criterion, position, text, owners, deadline, "
                  "expected_result) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s);
        q.addBindValue(t.criterion);
        q.addBindValue(t.position);
        q.addBindValue(sql::text(t.text));
        q.addBindValue(ownersJson(t.owners));
        q.addBindValue(sql::text(t.deadline));
        q.addBindValue(sql::text(t.expectedResult));
        if (!sql::execReturningId(q, &t.id))
            return sql::queryError(db, q, u"не удалось сохранить шаблоны мер"_s);
    }
    return {};
}

Result<QList<core::MeasureTemplate>> readTemplates(Database &db, const QString &what) {
    QSqlQuery q(db.connection());
    if (!q.exec(u"SELECT id, criterion, position, text, owners, deadline, expected_result FROM "
                "measure_templates ORDER BY criterion, position, id"_s))
        return sql::queryError(db, q, what);
    QList<core::MeasureTemplate> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                    q.value(3).toString(), ownersFrom(q.value(4).toString()), q.value(5).toString(),
                    q.value(6).toString()});
    return out;
}

} // namespace

Result<QList<core::MeasureTemplate>> FindingLinkRepository::templates() {
    const QString what = u"не удалось прочитать шаблоны мер"_s;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT value FROM meta WHERE key = '%1'"_s.arg(kSeeded)))
        return sql::queryError(m_db, q, what);
    if (!q.next()) {
        if (m_db.isReadOnly() || !mayEditTemplates())
            return core::MeasureTemplate::defaults();
        Status s = m_db.transaction([&]() -> Status {
            QSqlQuery w(m_db.connection());
            if (!w.exec(u"SELECT 1 FROM meta WHERE key = '%1'"_s.arg(kSeeded)))
                return sql::queryError(m_db, w, what);
            if (w.next()) // another program seeded them meanwhile
                return {};
            QList<core::MeasureTemplate> defaults = core::MeasureTemplate::defaults();
            if (Status i = insertTemplates(m_db, defaults); !i)
                return i;
            if (!w.exec(u"INSERT INTO meta (key, value) VALUES ('%1', '%2')"_s.arg(kSeeded).arg(
                    kTemplatesVersion)))
                return sql::queryError(m_db, w, what);
            return {};
        });
        if (!s)
            return s.error();
    } else if (const int version = q.value(0).toInt(); version < kTemplatesVersion) {
        // seeded before some criteria existed: their default templates, once
        const QStringList added = criteriaAddedAfter(version);
        QList<core::MeasureTemplate> missing;
        for (const core::MeasureTemplate &t : core::MeasureTemplate::defaults())
            if (added.contains(t.criterion))
                missing << t;
        if (m_db.isReadOnly() || !mayEditTemplates()) {
            Result<QList<core::MeasureTemplate>> stored = readTemplates(m_db, what);
            if (stored.ok())
                stored.value() << missing;
            return stored;
        }
        Status s = m_db.transaction([&]() -> Status {
            QSqlQuery w(m_db.connection());
            if (!w.exec(u"SELECT value FROM meta WHERE key = '%1'"_s.arg(kSeeded)))
                return sql::queryError(m_db, w, what);
            if (w.next() && w.value(0).toInt() >= kTemplatesVersion)
                return {}; // another program added them meanwhile
            if (Status i = insertTemplates(m_db, missing); !i)
                return i;
            if (!w.exec(u"UPDATE meta SET value = '%1' WHERE key = '%2'"_s.arg(kTemplatesVersion)
                            .arg(kSeeded)))
                return sql::queryError(m_db, w, what);
            return {};
        });
        if (!s)
            return s.error();
    }
    return readTemplates(m_db, what);
}

Status FindingLinkRepository::mayEditTemplates() const {
    if (!m_db.isPostgres() || !m_db.actor() || m_db.serverOrganizationId() == 0)
        return {};
    const core::Role role = m_db.actor()->role;
    if (role == core::Role::Municipal || role == core::Role::Admin)
        return {};
    return sql::error(m_db, u"шаблоны мер на сервере общие для всех школ и их ведёт управление "
                            "образования (специалист или администратор); школа выбирает из них "
                            "меры для своего плана"_s);
}

Status FindingLinkRepository::saveTemplates(QList<core::MeasureTemplate> &templates) {
    if (Status allowed = mayEditTemplates(); !allowed)
        return allowed;
    QList<core::MeasureTemplate> work = templates;
    Status s = m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        if (!q.exec(u"DELETE FROM measure_templates"_s))
            return sql::queryError(m_db, q, u"не удалось сохранить шаблоны мер"_s);
        if (!q.exec(u"INSERT INTO meta (key, value) VALUES ('%1', '%2') "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s.arg(kSeeded)
                        .arg(kTemplatesVersion)))
            return sql::queryError(m_db, q, u"не удалось сохранить шаблоны мер"_s);
        return insertTemplates(m_db, work);
    });
    if (s)
        templates = std::move(work);
    return s;
}

Status FindingLinkRepository::insertLink(qint64 measureId, const core::FindingRef &finding,
                                         qint64 templateId) {
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO measure_findings (measure_id, criterion, procedure_kind, "
              "year, grade, subject, school_code, class_name, template_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    q.addBindValue(measureId);
    bindFinding(q, finding);
    q.addBindValue(sql::idValue(templateId));
    if (!q.exec())
        return sql::queryError(m_db, q, u"не удалось связать мероприятие с признаком"_s);
    return {};
}

Status FindingLinkRepository::link(qint64 measureId, const core::FindingRef &finding,
                                   qint64 templateId) {
    return m_db.transaction([&] { return insertLink(measureId, finding, templateId); });
}

Result<bool> FindingLinkRepository::planHas(qint64 planId, const core::FindingRef &finding,
                                            qint64 templateId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT 1 FROM measure_findings f JOIN measures m ON m.id = f.measure_id "
              "JOIN sections s ON s.id = m.section_id WHERE s.plan_id = ? AND "_s +
              kFindingWhere + u" AND coalesce(f.template_id, 0) = ? LIMIT 1"_s);
    q.addBindValue(planId);
    bindFinding(q, finding);
    q.addBindValue(templateId);
    if (!q.exec())
        return sql::queryError(m_db, q, u"не удалось прочитать связи мер с признаками"_s);
    return q.next();
}

Result<QList<core::MeasureProposal>>
FindingLinkRepository::addToPlan(core::Plan &plan, int sectionIndex, const QString &newSectionTitle,
                                 const QList<core::MeasureProposal> &proposals) {
    core::Plan work;
    QList<core::MeasureProposal> added;
    Status s = m_db.transaction([&]() -> Status {
        const core::Plan *stored = nullptr;
        core::Result<core::Plan> current = plan;
        if (plan.id > 0) {
            current = PlanRepository(m_db).load(plan.id);
            if (!current)
                return current.error();
            stored = &current.value();
        }
        work = *current;
        if (work.isReadOnly())
            return sql::error(
                m_db, u"план №%1 — «%2» и не изменяется; чтобы добавить меры, создайте его новую "
                      "редакцию"_s.arg(work.id)
                          .arg(core::Plan::statusDisplayName(work.status)));
        // The same rules and history as every other change of a plan.
        if (Status c = stored ? PlanAccess::check(m_db, core::PlanAction::EditText, *stored)
                              : PlanAccess::check(m_db, core::PlanAction::Create,
                                                  core::PlanStatus::Draft, work.organization.kind);
            !c)
            return c;
        added.clear();
        for (const core::MeasureProposal &p : proposals) {
            if (work.id > 0) {
                auto has = planHas(work.id, p.finding, p.templateId);
                if (!has)
                    return has.error();
                if (*has)
                    continue;
            }
            bool duplicate = false; // the same proposal twice in one call
            for (const auto &a : added)
                duplicate |= a.finding == p.finding && a.templateId == p.templateId;
            if (!duplicate)
                added << p;
        }
        if (added.isEmpty())
            return {};
        const core::PlanNumbering::Style style = core::PlanNumbering::detect(work);
        if (sectionIndex < 0) {
            sectionIndex = -1;
            for (qsizetype i = 0; i < work.sections.size(); ++i)
                if (work.sections[i].title.simplified() == newSectionTitle.simplified())
                    sectionIndex = int(i);
            if (sectionIndex < 0) {
                core::Section section;
                section.title = newSectionTitle;
                section.number = core::PlanNumbering::sectionNumber(int(work.sections.size()) + 1,
                                                                    style.sections);
                work.sections << section;
                sectionIndex = int(work.sections.size()) - 1;
            }
        }
        if (sectionIndex >= work.sections.size())
            return sql::error(m_db, u"в плане №%1 нет раздела %2 (разделов: %3)"_s.arg(work.id)
                                        .arg(sectionIndex + 1)
                                        .arg(work.sections.size()));
        core::Section &section = work.sections[sectionIndex];
        const auto measureStyle =
            core::PlanNumbering::detectSection(section).value_or(style.measures);
        for (core::MeasureProposal &p : added) {
            p.measure.id = 0;
            p.measure.number = core::PlanNumbering::measureNumber(
                sectionIndex + 1, int(section.measures.size()) + 1, measureStyle);
            section.measures << p.measure;
        }
        if (Status w = PlanWriter(m_db).write(work, stored); !w)
            return w;
        if (Status h = stored ? PlanAccess::record(m_db, work.id,
                                                   core::PlanChangeLog::between(*stored, work))
                              : PlanAccess::record(m_db, work.id, u"create"_s,
                                                   u"меры по результатам анализа"_s);
            !h)
            return h;
        const auto &written = work.sections[sectionIndex].measures;
        for (qsizetype i = 0; i < added.size(); ++i) {
            added[i].measure = written[written.size() - added.size() + i];
            if (Status l = insertLink(added[i].measure.id, added[i].finding, added[i].templateId);
                !l)
                return l;
        }
        return {};
    });
    if (!s)
        return s.error();
    if (!added.isEmpty())
        plan = std::move(work);
    return added;
}

Result<QList<core::FindingRef>> FindingLinkRepository::findingsOfMeasure(qint64 measureId) const {
    auto all = findings(u"f.measure_id = ?"_s, measureId);
    if (!all)
        return all.error();
    return all->value(measureId);
}

Result<QHash<qint64, QList<core::FindingRef>>>
FindingLinkRepository::findingsOfPlan(qint64 planId) const {
    return findings(u"s.plan_id = ?"_s, planId);
}

Result<QHash<qint64, QList<core::FindingRef>>> FindingLinkRepository::findings(const QString &where,
                                                                               qint64 id) const {
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT f.measure_id, f.criterion, f.procedure_kind, f.year, f.grade, f.subject, "
              "f.school_code, f.class_name FROM measure_findings f JOIN measures m ON "
              "m.id = f.measure_id JOIN sections s ON s.id = m.section_id WHERE "_s +
              where + u" ORDER BY f.measure_id, f.year, f.criterion"_s);
    q.addBindValue(id);
    if (!q.exec())
        return sql::queryError(m_db, q, u"не удалось прочитать связи мер с признаками"_s);
    QHash<qint64, QList<core::FindingRef>> out;
    while (q.next()) {
        core::FindingRef f;
        f.criterion = q.value(1).toString();
        core::procedureKindFromText(q.value(2).toString(), &f.procedure);
        f.year = q.value(3).toInt();
        f.grade = q.value(4).toInt();
        f.subject = q.value(5).toString();
        f.schoolCode = q.value(6).toString();
        f.className = q.value(7).toString();
        out[q.value(0).toLongLong()] << f;
    }
    return out;
}

Result<QList<LinkedMeasure>>
FindingLinkRepository::measuresOf(const core::FindingRef &finding) const {
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT s.plan_id, m.id, m.number, m.text FROM measure_findings f JOIN measures m "
              "ON m.id = f.measure_id JOIN sections s ON s.id = m.section_id WHERE "_s +
              kFindingWhere + u" ORDER BY s.plan_id, s.position, m.position"_s);
    bindFinding(q, finding);
    if (!q.exec())
        return sql::queryError(m_db, q, u"не удалось прочитать связи мер с признаками"_s);
    QList<LinkedMeasure> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

} // namespace objectivity::storage
