#pragma once
// A plan as the importer produces it, for storage, io and gui tests (links only core).
#include "objectivity/core/plan/Plan.h"

namespace objectivity::test {

inline core::Measure makeMeasure(const QString &number, const QString &text,
                                 const QStringList &owners) {
    core::Measure m;
    m.number = number;
    m.text = text;
    m.owners = owners;
    m.expectedResult = QStringLiteral("Результат мероприятия ") + number;
    return m;
}

// Three sections, seven measures, owners, every kind of deadline with windows, approval, warnings.
inline core::Plan
importedLikePlan(const QString &orgName = QStringLiteral("МАОУ «Калиновская СОШ»")) {
    core::Plan plan;
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности результатов ВПР");
    plan.organization.name = orgName;
    plan.organization.municipality = QStringLiteral("Сысертский ГО");
    plan.period = {2023, 2025};
    plan.status = core::PlanStatus::Approved;
    plan.approval.approverPosition = QStringLiteral("Директор МАОУ «Калиновская СОШ»");
    plan.approval.approverName = QStringLiteral("Н.С. Сазонова");
    plan.approval.orderNumber = QStringLiteral("32/1");
    plan.approval.orderDate = QDate(2024, 3, 4);
    plan.approval.appendixLine = QStringLiteral("Приложение к приказу от 04.03.2024 № 32/1");
    plan.columns = core::PlanColumn::defaultColumns();
    plan.columns.append({core::ColumnRole::Note, QStringLiteral("Отметка о выполнении")});
    plan.warnings = {QStringLiteral("Строка 14: срок «по мере необходимости» не распознан"),
                     QStringLiteral("Строка 30: ответственный не указан")};
    plan.note = QStringLiteral("Согласовано на педсовете");
    plan.sourceFile = QStringLiteral("/home/user/План ВПР.docx");

    core::Section s1{0, QStringLiteral("1."), QStringLiteral("Организационные мероприятия"), {}};
    core::Measure m11 =
        makeMeasure(QStringLiteral("1.1."), QStringLiteral("Назначить ответственного за ВПР"),
                    {QStringLiteral("Н.С. Сазонова")});
    m11.deadline = {QStringLiteral("до 09.02.2024"),
                    core::DeadlineKind::ByDate,
                    false,
                    QDate(2024, 2, 9),
                    QDate(2024, 2, 9),
                    {{QDate(2024, 2, 9), QDate(2024, 2, 9)}}};
    core::Measure m12 = makeMeasure(
        QStringLiteral("1.2."), QStringLiteral("Педсовет по итогам ВПР"),
        {QStringLiteral("Заместитель директора по УВР"), QStringLiteral("Руководители ШМО")});
    m12.deadline = {
        QStringLiteral("Август-сентябрь ежегодно"),
        core::DeadlineKind::MonthRange,
        true,
        QDate(2024, 8, 1),
        QDate(2024, 9, 30),
        {{QDate(2024, 8, 1), QDate(2024, 9, 30)}, {QDate(2023, 9, 1), QDate(2023, 9, 30)}}};
    m12.status = core::MeasureStatus::Done;
    m12.completionDate = QDate(2024, 9, 20);
    m12.note = QStringLiteral("Протокол педсовета №1 от 20.09.2024");
    s1.measures = {m11, m12};

    core::Section s2{0, QStringLiteral("II."), QStringLiteral("Работа с педагогами"), {}};
    core::Measure m21 =
        makeMeasure(QStringLiteral("2.1"), QStringLiteral("Семинар «Объективность оценивания»"),
                    {QStringLiteral("Н.С. Сазонова"), QStringLiteral("Иванова М.П.")});
    m21.deadline = {
        QStringLiteral("Июнь, август 2023"),
        core::DeadlineKind::MonthList,
        false,
        QDate(2023, 6, 1),
        QDate(2023, 8, 31),
        {{QDate(2023, 6, 1), QDate(2023, 6, 30)}, {QDate(2023, 8, 1), QDate(2023, 8, 31)}}};
    core::Measure m22 =
        makeMeasure(QStringLiteral("2.2"), QStringLiteral("Взаимопосещение уроков"), {});
    m22.deadline = {QStringLiteral("В течение года"),
                    core::DeadlineKind::WholePeriod,
                    false,
                    QDate(2023, 9, 1),
                    QDate(2025, 8, 31),
                    {{QDate(2023, 9, 1), QDate(2025, 8, 31)}}};
    m22.status = core::MeasureStatus::InProgress;
    core::Measure m23 = makeMeasure(QStringLiteral("2.3"), QStringLiteral("Мониторинг по графику"),
                                    {QStringLiteral("Классные руководители")});
    m23.deadline = {
        QStringLiteral("Согласно плану-графику ВПР"), core::DeadlineKind::Event, false, {}, {}, {}};
    s2.measures = {m21, m22, m23};

    core::Section s3{0, QStringLiteral("3."), QStringLiteral("Анализ результатов"), {}};
    core::Measure m31 =
        makeMeasure(QStringLiteral("3.1."), QStringLiteral("Анализ результатов ВПР"),
                    {QStringLiteral("Руководители ШМО")});
    m31.deadline = {QStringLiteral("Март 2024 г."),
                    core::DeadlineKind::Month,
                    false,
                    QDate(2024, 3, 1),
                    QDate(2024, 3, 31),
                    {{QDate(2024, 3, 1), QDate(2024, 3, 31)}}};
    m31.status = core::MeasureStatus::NotDone;
    core::Measure m32 =
        makeMeasure(QStringLiteral("3.2."), QStringLiteral("Что-то по мере необходимости"),
                    {QStringLiteral("Иванова М.П.")});
    m32.deadline.text = QStringLiteral("по мере необходимости");
    m32.status = core::MeasureStatus::Postponed;
    s3.measures = {m31, m32};

    plan.sections = {s1, s2, s3};
    return plan;
}

// The same plan as a draft (not yet sent for approval).
inline core::Plan draftPlan(const QString &orgName = QStringLiteral("МАОУ «Калиновская СОШ»")) {
    core::Plan plan = importedLikePlan(orgName);
    plan.status = core::PlanStatus::Draft;
    return plan;
}

} // namespace objectivity::test

// Asserts that a Status / Result is ok, printing its Russian error otherwise.
#define OBJ_ASSERT_OK(expr)                                                                        \
    do {                                                                                           \
        const auto &objStatus_ = (expr);                                                           \
        ASSERT_TRUE(objStatus_.ok()) << objStatus_.error().toString().toStdString();               \
    } while (0)
