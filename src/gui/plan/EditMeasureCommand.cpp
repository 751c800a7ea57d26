#include "plan/EditMeasureCommand.h"

namespace objectivity::gui {

namespace {
QString fieldName(MeasureField f) {
    switch (f) {
    case MeasureField::Text:
        return QStringLiteral("изменение текста мероприятия");
    case MeasureField::Deadline:
        return QStringLiteral("изменение срока");
    case MeasureField::Owners:
        return QStringLiteral("изменение ответственных");
    case MeasureField::ExpectedResult:
        return QStringLiteral("изменение ожидаемого результата");
    case MeasureField::Status:
        return QStringLiteral("изменение отметки о выполнении");
    case MeasureField::CompletionDate:
        return QStringLiteral("изменение даты выполнения");
    case MeasureField::Note:
        return QStringLiteral("изменение примечания");
    case MeasureField::WindowMarks:
        return QStringLiteral("отметка выполнения по сроку");
    }
    return {};
}

QVariant storedValue(const core::Measure &m, MeasureField f) {
    if (f == MeasureField::Deadline)
        return QVariant::fromValue(m.deadline);
    return PlanTreeModel::fieldValue(m, f);
}
} // namespace

EditMeasureCommand::EditMeasureCommand(PlanTreeModel *model, int section, int row,
                                       MeasureField field, const QVariant &value)
    : m_model(model), m_section(section), m_row(row), m_field(field), m_new(value) {
    const core::Measure *m = model->measureAt(model->measureIndex(section, row));
    if (m)
        m_old = storedValue(*m, field);
    setText(fieldName(field));
}

void EditMeasureCommand::redo() {
    m_model->setMeasureField(m_section, m_row, m_field, m_new);
}

void EditMeasureCommand::undo() {
    m_model->setMeasureField(m_section, m_row, m_field, m_old);
}

int EditMeasureCommand::id() const {
    return isTyping(m_field) ? int(EditMeasureCommandId) : -1;
}

bool EditMeasureCommand::isTyping(MeasureField f) {
    return f == MeasureField::Text || f == MeasureField::Deadline ||
           f == MeasureField::ExpectedResult || f == MeasureField::Note ||
           f == MeasureField::Owners;
}

bool EditMeasureCommand::mergeWith(const QUndoCommand *other) {
    const auto *o = dynamic_cast<const EditMeasureCommand *>(other);
    if (!o || o->m_section != m_section || o->m_row != m_row || o->m_field != m_field)
        return false;
    m_new = o->m_new;
    return true;
}

} // namespace objectivity::gui
