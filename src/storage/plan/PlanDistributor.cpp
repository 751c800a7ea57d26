#include "objectivity/storage/plan/PlanDistributor.h"

#include "SqlSupport.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/plan/DeadlineCheck.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/MunicipalityMatcher.h"
#include "objectivity/core/plan/PlanChangeLog.h"
#include "objectivity/core/plan/SchoolAddressees.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "plan/PlanAccess.h"
#include "plan/PlanWriter.h"
#include "plan/SchoolRegistry.h"

#include <QHash>
#include <QSet>

namespace objectivity::storage {

using core::Result;
using core::Status;

namespace {

core::Error plainError(const QString &message) {
    core::Error e;
    e.message = message;
    return e;
}

// A municipal or regional plan, loaded; an error for a school's plan.
Result<core::Plan> municipalPlan(Database &db, qint64 planId) {
    auto plan = PlanRepository(db).load(planId);
    if (!plan)
        return plan.error();
    if (plan->organization.kind == core::OrganizationKind::School)
        return plainError(
            QStringLiteral("План №%1 — план школы («%2»): в планы школ рассылается план "
                           "муниципального или регионального органа управления образованием.")
                .arg(planId)
                .arg(plan->organization.name.isEmpty() ? QStringLiteral("организация не указана")
                                                       : plan->organization.name));
    return plan;
}

// The section number after the plan's last one when they are numbers («8.» → «9.»), else empty.
QString nextSectionNumber(const core::Plan &plan) {
    int last = 0;
    for (const core::Section &s : plan.sections) {
        bool ok = false;
        const int n = QString(s.number).remove(QLatin1Char('.')).trimmed().toInt(&ok);
        if (ok)
            last = std::max(last, n);
    }
    return QString::number(last + 1) + QLatin1Char('.');
}

// «г. Бийск», «г. Рубцовск» и ещё 3
QString municipalityList(const QStringList &names) {
    constexpr int kShown = 4;
    QStringList shown;
    for (const QString &n : names.mid(0, kShown))
        shown << QStringLiteral("«%1»").arg(n);
    QString text = shown.join(QStringLiteral(", "));
    if (names.size() > kShown)
        text += QStringLiteral(" и ещё %1").arg(names.size() - kShown);
    return text;
}

} // namespace

QString PlanDistributor::sectionTitle() {
    return QStringLiteral("Мероприятия по плану управления образования");
}

Result<DistributionScope> PlanDistributor::scope(qint64 planId) const {
    auto plan = municipalPlan(m_db, planId);
    if (!plan)
        return plan.error();
    DistributionScope scope;
    if (plan->organization.kind == core::OrganizationKind::RegionalBody)
        return scope;
    if (!plan->organization.municipality.isEmpty()) {
        scope.municipality = plan->organization.municipality;
        return scope;
    }
    auto every = SchoolRegistry(m_db).all(QString());
    if (!every)
        return every.error();
    QStringList known;
    for (const DistributionSchool &school : *every)
        if (!school.municipality.isEmpty() && !known.contains(school.municipality))
            known << school.municipality;
    if (known.size() <= 1)
        return scope;
    scope.municipality = core::MunicipalityMatcher::match(
        plan->organization.name + QLatin1Char(' ') + plan->title, known);
    scope.guessed = !scope.municipality.isEmpty();
    if (!scope.guessed) {
        known.sort(Qt::CaseInsensitive);
        scope.undetermined = known;
    }
    return scope;
}

Result<QList<DistributionSchool>> PlanDistributor::schools(qint64 planId) const {
    auto chosen = scope(planId);
    if (!chosen)
        return chosen.error();
    if (!chosen->undetermined.isEmpty()) {
        auto plan = PlanRepository(m_db).load(planId);
        return plainError(
            QStringLiteral("В базе школы нескольких муниципалитетов (%1), а у плана №%2 («%3») "
                           "муниципалитет не указан и по названию не определяется: укажите "
                           "школы, в чьи планы рассылать.")
                .arg(municipalityList(chosen->undetermined))
                .arg(planId)
                .arg(plan ? plan->organization.name : QString()));
    }
    return SchoolRegistry(m_db).all(chosen->municipality);
}

Result<QList<DistributionSchool>> PlanDistributor::allSchools() const {
    return SchoolRegistry(m_db).all(QString());
}

Result<QList<DistributionSchool>> PlanDistributor::schools(qint64 planId,
                                                           const QStringList &keys) const {
    if (auto plan = municipalPlan(m_db, planId); !plan)
        return plan.error();
    return SchoolRegistry(m_db).find(keys);
}

Result<QHash<qint64, bool>> PlanDistributor::overrides(qint64 planId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT a.measure_id, a.to_schools FROM measure_addressing a JOIN "
                             "measures m ON m.id = a.measure_id JOIN sections s ON s.id = "
                             "m.section_id WHERE s.plan_id = ?"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать адресатов плана"));
    QHash<qint64, bool> result;
    while (q.next())
        result.insert(q.value(0).toLongLong(), q.value(1).toInt() != 0);
    return result;
}

Result<QList<core::Measure>> PlanDistributor::addressedMeasures(qint64 planId) const {
    auto plan = municipalPlan(m_db, planId);
    if (!plan)
        return plan.error();
    auto chosen = overrides(planId);
    if (!chosen)
        return chosen.error();
    QList<core::Measure> measures;
    for (const core::Section &s : plan->sections)
        for (const core::Measure &m : s.measures)
            if (chosen->value(m.id, core::SchoolAddressees::addressedToSchools(m)))
                measures.append(m);
    return measures;
}

Status PlanDistributor::setAddressing(qint64 planId, const QString &measureNumber,
                                      std::optional<bool> toSchools) {
    return m_db.transaction([&]() -> Status {
        auto plan = municipalPlan(m_db, planId);
        if (!plan)
            return plan.error();
        if (Status c = PlanAccess::check(m_db, core::PlanAction::Distribute, *plan); !c)
            return c;
        const core::Measure *found = nullptr;
        for (const core::Section &s : plan->sections)
            for (const core::Measure &m : s.measures)
                if (!found && m.number.trimmed() == measureNumber.trimmed())
                    found = &m;
        if (!found)
            return plainError(QStringLiteral("В плане №%1 нет мероприятия %2.")
                                  .arg(planId)
                                  .arg(core::quoteForMessage(measureNumber)));
        QSqlQuery q(m_db.connection());
        if (toSchools) {
            q.prepare(QStringLiteral("INSERT INTO measure_addressing (measure_id, to_schools) "
                                     "VALUES (?, ?) ON CONFLICT (measure_id) DO UPDATE SET "
                                     "to_schools = excluded.to_schools"));
            q.addBindValue(found->id);
            q.addBindValue(*toSchools ? 1 : 0);
        } else {
            q.prepare(QStringLiteral("DELETE FROM measure_addressing WHERE measure_id = ?"));
            q.addBindValue(found->id);
        }
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("не удалось сохранить адресатов"));
        return {};
    });
}

Result<QList<DistributionOutcome>>
PlanDistributor::distribute(qint64 planId, const QList<DistributionSchool> &schools) {
    QList<DistributionOutcome> outcomes;
    const Status s = m_db.transaction([&]() -> Status {
        auto plan = municipalPlan(m_db, planId);
        if (!plan)
            return plan.error();
        if (Status c = PlanAccess::check(m_db, core::PlanAction::Distribute, *plan); !c)
            return c;
        auto addressed = addressedMeasures(planId);
        if (!addressed)
            return addressed.error();
        if (addressed->isEmpty())
            return plainError(QStringLiteral("В плане №%1 нет мероприятий, адресованных школам "
                                             "(ответственные «руководители ОУ», «ОО», "
                                             "«общеобразовательные организации»…): рассылать "
                                             "нечего.")
                                  .arg(planId));
        if (schools.isEmpty())
            return plainError(QStringLiteral("Нет школ для рассылки: в базе нет организаций вида "
                                             "«школа» и загруженных результатов школ."));
        for (const DistributionSchool &school : schools) {
            auto outcome = distributeTo(*plan, *addressed, school);
            if (!outcome)
                return outcome.error();
            outcomes.append(*outcome);
        }
        return {};
    });
    if (!s)
        return s.error();
    return outcomes;
}

Result<DistributionOutcome> PlanDistributor::distributeTo(const core::Plan &municipal,
                                                          const QList<core::Measure> &addressed,
                                                          const DistributionSchool &target) {
    DistributionOutcome outcome;
    outcome.school = target;
    const QString comment =
        QStringLiteral("рассылка плана управления образования №%1").arg(municipal.id);
    if (auto id = SchoolRegistry(m_db).ensureOrganization(outcome.school); !id)
        return id.error();

    // The school's current plan: its latest plan that is not superseded.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM plans WHERE organization_id = ? AND status <> "
                             "'archived' ORDER BY revision DESC, id DESC LIMIT 1"));
    q.addBindValue(outcome.school.organizationId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось найти план школы"));
    qint64 schoolPlanId = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (schoolPlanId == 0) {
        core::Plan fresh;
        fresh.title =
            QStringLiteral("План мероприятий по обеспечению объективности оценочных "
                           "процедур на %1 (мероприятия управления образования)")
                .arg(municipal.period.isValid()
                         ? municipal.period.toDisplayString() +
                               (municipal.period.yearCount() > 1 ? QStringLiteral(" учебные годы")
                                                                 : QStringLiteral(" учебный год"))
                         : QStringLiteral("учебный год"));
        fresh.organization.id = outcome.school.organizationId;
        fresh.organization.name = outcome.school.name;
        fresh.organization.municipality = outcome.school.municipality;
        fresh.organization.kind = core::OrganizationKind::School;
        fresh.period = municipal.period;
        if (Status w = PlanWriter(m_db).write(fresh, nullptr); !w)
            return w.error();
        if (Status r = PlanAccess::record(m_db, fresh.id, QStringLiteral("create"), comment,
                                          QStringLiteral("plan_status"), QString(),
                                          core::Plan::statusDisplayName(fresh.status));
            !r)
            return r.error();
        schoolPlanId = fresh.id;
        outcome.planCreated = true;
    }
    auto stored = PlanRepository(m_db).load(schoolPlanId);
    if (!stored)
        return stored.error();
    core::Plan work = *stored;
    outcome.planId = work.id;
    outcome.planTitle = work.title;

    // Linked copies in this plan: municipal measure id → school measure id.
    QHash<qint64, qint64> linked;
    q.prepare(QStringLiteral("SELECT l.municipal_measure_id, l.school_measure_id FROM plan_links "
                             "l JOIN measures m ON m.id = l.school_measure_id JOIN sections s ON "
                             "s.id = m.section_id WHERE s.plan_id = ?"));
    q.addBindValue(work.id);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать связи плана школы"));
    // A copy linked to a measure of another revision of the municipal plan is free to be linked
    // again (by text) to the measure of this one.
    QSet<qint64> current;
    for (const core::Section &s : municipal.sections)
        for (const core::Measure &m : s.measures)
            current.insert(m.id);
    QSet<qint64> linkedCopies;
    while (q.next()) {
        if (!current.contains(q.value(0).toLongLong()))
            continue;
        linked.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        linkedCopies.insert(q.value(1).toLongLong());
    }
    q.finish();

    // The department's section, created at the end when missing.
    qsizetype sectionIndex = -1;
    for (qsizetype i = 0; i < work.sections.size(); ++i)
        if (work.sections[i].title.simplified() == sectionTitle())
            sectionIndex = i;
    struct PendingLink {
        qint64 municipalId = 0;
        qint64 copyId = 0;    // a copy already in the plan (relinked)
        qsizetype index = -1; // or a new copy: its index in the department's section
    };
    QList<PendingLink> toLink;
    for (const core::Measure &m : addressed) {
        const QStringList owners = core::SchoolAddressees::schoolOwners(m);
        core::Measure *copy = nullptr;
        if (const qint64 copyId = linked.value(m.id)) {
            for (core::Section &s : work.sections)
                for (core::Measure &c : s.measures)
                    if (c.id == copyId)
                        copy = &c;
        } else if (sectionIndex >= 0) {
            // A copy carried into a new revision of the school's plan lost its link, or is linked
            // to another revision of the municipal plan: the same text, not linked here.
            for (core::Measure &c : work.sections[sectionIndex].measures)
                if (!copy && c.id > 0 && !linkedCopies.contains(c.id) &&
                    c.text.simplified() == m.text.simplified()) {
                    copy = &c;
                    linkedCopies.insert(c.id);
                    toLink.append({m.id, c.id, -1});
                }
        }
        if (copy) {
            bool changed = false;
            if (copy->text != m.text) {
                copy->text = m.text;
                changed = true;
            }
            if (copy->deadline.text != m.deadline.text) {
                copy->deadline = core::DeadlineParser::parse(m.deadline.text, work.period);
                changed = true;
            }
            if (copy->owners != owners) {
                copy->owners = owners;
                changed = true;
            }
            if (copy->expectedResult != m.expectedResult) {
                copy->expectedResult = m.expectedResult;
                changed = true;
            }
            if (changed)
                outcome.updated << m.number;
            else
                ++outcome.unchanged;
            continue;
        }
        if (sectionIndex < 0) {
            core::Section section;
            section.number = nextSectionNumber(work);
            section.title = sectionTitle();
            work.sections.append(section);
            sectionIndex = work.sections.size() - 1;
        }
        core::Section &section = work.sections[sectionIndex];
        core::Measure c;
        c.number = QStringLiteral("%1%2.")
                       .arg(section.number.endsWith(QLatin1Char('.')) || section.number.isEmpty()
                                ? section.number
                                : section.number + QLatin1Char('.'))
                       .arg(section.measures.size() + 1);
        c.text = m.text;
        c.deadline = core::DeadlineParser::parse(m.deadline.text, work.period);
        c.owners = owners;
        c.expectedResult = m.expectedResult;
        toLink.append({m.id, 0, section.measures.size()});
        section.measures.append(c);
        outcome.added << m.number;
    }
    if (outcome.added.isEmpty() && outcome.updated.isEmpty() && toLink.isEmpty())
        return outcome;

    if (Status w = PlanWriter(m_db).write(work, &stored.value()); !w)
        return w.error();
    QList<core::PlanChange> changes = core::PlanChangeLog::between(*stored, work);
    for (core::PlanChange &c : changes)
        c.comment = comment;
    if (Status r = PlanAccess::record(m_db, work.id, changes); !r)
        return r.error();

    const QString now = sql::dateTimeText(sql::nowToSecond());
    q.prepare(QStringLiteral("INSERT INTO plan_links (school_measure_id, municipal_measure_id, "
                             "organization_id, linked_at) VALUES (?, ?, ?, ?) ON CONFLICT "
                             "(school_measure_id) DO UPDATE SET municipal_measure_id = "
                             "excluded.municipal_measure_id, organization_id = "
                             "excluded.organization_id"));
    for (const PendingLink &link : toLink) {
        q.addBindValue(link.index < 0 ? link.copyId
                                      : work.sections[sectionIndex].measures[link.index].id);
        q.addBindValue(link.municipalId);
        q.addBindValue(outcome.school.organizationId);
        q.addBindValue(now);
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("не удалось связать мероприятия"));
    }
    return outcome;
}

Result<QList<core::RollupCopy>> PlanDistributor::copies(qint64 planId) const {
    auto plan = municipalPlan(m_db, planId);
    if (!plan)
        return plan.error();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT l.municipal_measure_id, l.school_measure_id, o.id, o.name, "
        "COALESCE(c.code, ''), p.id "
        "FROM plan_links l JOIN measures mm ON mm.id = l.municipal_measure_id "
        "JOIN sections ms ON ms.id = mm.section_id JOIN measures m ON m.id = l.school_measure_id "
        "JOIN sections s ON s.id = m.section_id JOIN plans p ON p.id = s.plan_id "
        "JOIN organizations o ON o.id = l.organization_id "
        "LEFT JOIN organization_codes c ON c.organization_id = o.id "
        "WHERE ms.plan_id = ? AND p.status <> 'archived' ORDER BY p.revision, p.id"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать связи плана"));
    struct Row {
        qint64 municipalId, copyId, schoolId;
        QString name, code;
        qint64 planId;
    };
    // Per school and municipal measure the copy in the school's latest plan (rows come in plan
    // order, a later one replaces an earlier).
    QHash<std::pair<qint64, qint64>, Row> latest;
    QList<std::pair<qint64, qint64>> order;
    while (q.next()) {
        Row r{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
              q.value(3).toString(),   q.value(4).toString(),   q.value(5).toLongLong()};
        const std::pair<qint64, qint64> key{r.schoolId, r.municipalId};
        if (!latest.contains(key))
            order.append(key);
        latest.insert(key, r);
    }
    q.finish();
    QHash<qint64, core::Plan> plans;
    QList<core::RollupCopy> result;
    for (const auto &key : order) {
        const Row &r = latest.value(key);
        if (!plans.contains(r.planId)) {
            auto loaded = PlanRepository(m_db).load(r.planId);
            if (!loaded)
                return loaded.error();
            plans.insert(r.planId, *loaded);
        }
        const core::Plan &schoolPlan = plans[r.planId];
        for (const core::Section &s : schoolPlan.sections)
            for (const core::Measure &m : s.measures)
                if (m.id == r.copyId) {
                    core::RollupCopy c;
                    c.municipalMeasureId = r.municipalId;
                    c.schoolId = r.schoolId;
                    c.schoolName = r.name;
                    c.schoolCode = r.code;
                    c.planId = r.planId;
                    c.planTitle = schoolPlan.title;
                    c.measure = m;
                    c.overdueFloor = core::DeadlineCheck::overdueFloor(schoolPlan);
                    result.append(c);
                }
    }
    return result;
}

} // namespace objectivity::storage
