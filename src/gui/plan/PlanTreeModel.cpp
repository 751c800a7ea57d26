#include "objectivity/gui/plan/PlanTreeModel.h"

#include "objectivity/core/plan/DeadlineCheck.h"
#include "objectivity/core/plan/PlanNumbering.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>

#include <utility>

namespace objectivity::gui {

using core::ColumnRole;
using core::Measure;
using core::MeasureStatus;
using core::Section;

namespace {
const QString kMime = QStringLiteral("application/x-objectivity-plan-item");
constexpr quintptr kSectionId = 0;
} // namespace

PlanTreeModel::PlanTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void PlanTreeModel::setPlan(const core::Plan &plan) {
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

bool PlanTreeModel::isSection(const QModelIndex &index) const {
    return index.isValid() && index.internalId() == kSectionId;
}

int PlanTreeModel::sectionRow(const QModelIndex &index) const {
    if (!index.isValid())
        return -1;
    return index.internalId() == kSectionId ? index.row() : int(index.internalId() - 1);
}

int PlanTreeModel::measureRow(const QModelIndex &index) const {
    return index.isValid() && index.internalId() != kSectionId ? index.row() : -1;
}

QModelIndex PlanTreeModel::sectionIndex(int section, int column) const {
    return index(section, column);
}

QModelIndex PlanTreeModel::measureIndex(int section, int measure, int column) const {
    return index(measure, column, sectionIndex(section));
}

const Measure *PlanTreeModel::measureAt(const QModelIndex &index) const {
    const int s = sectionRow(index), m = measureRow(index);
    if (s < 0 || m < 0 || s >= m_plan.sections.size() || m >= m_plan.sections[s].measures.size())
        return nullptr;
    return &m_plan.sections[s].measures[m];
}

int PlanTreeModel::columnOf(ColumnRole role) const {
    for (int i = 0; i < m_plan.columns.size(); ++i)
        if (m_plan.columns[i].role == role)
            return i;
    return -1;
}

QVariant PlanTreeModel::fieldValue(const Measure &m, MeasureField field) {
    switch (field) {
    case MeasureField::Text:
        return m.text;
    case MeasureField::Deadline:
        return m.deadline.text;
    case MeasureField::Owners:
        return m.owners;
    case MeasureField::ExpectedResult:
        return m.expectedResult;
    case MeasureField::Status:
        return int(m.status);
    case MeasureField::CompletionDate:
        return m.completionDate;
    case MeasureField::Note:
        return m.note;
    case MeasureField::WindowMarks:
        return QVariant::fromValue(m.windowMarks);
    }
    return {};
}

MeasureField PlanTreeModel::fieldForRole(ColumnRole role, bool *ok) {
    *ok = true;
    switch (role) {
    case ColumnRole::Measure:
        return MeasureField::Text;
    case ColumnRole::Deadline:
        return MeasureField::Deadline;
    case ColumnRole::Owners:
        return MeasureField::Owners;
    case ColumnRole::ExpectedResult:
        return MeasureField::ExpectedResult;
    case ColumnRole::Status:
        return MeasureField::Status;
    case ColumnRole::CompletionDate:
        return MeasureField::CompletionDate;
    case ColumnRole::Note:
        return MeasureField::Note;
    case ColumnRole::Number:
        break;
    }
    *ok = false;
    return MeasureField::Text;
}

bool PlanTreeModel::isExecutionField(MeasureField f) {
    return f == MeasureField::Status || f == MeasureField::CompletionDate ||
           f == MeasureField::Note || f == MeasureField::WindowMarks;
}

// --- mutators ---------------------------------------------------------------------------------

void PlanTreeModel::insertSection(int row, const Section &section) {
    beginInsertRows({}, row, row);
    m_plan.sections.insert(row, section);
    endInsertRows();
    renumberAndRefresh();
    emit planChanged(false, row, -1);
}

Section PlanTreeModel::removeSection(int row) {
    beginRemoveRows({}, row, row);
    Section s = m_plan.sections.takeAt(row);
    endRemoveRows();
    renumberAndRefresh();
    emit planChanged(false, row, -1);
    return s;
}

void PlanTreeModel::moveSection(int from, int to) {
    if (from == to)
        return;
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_plan.sections.move(from, to);
    endMoveRows();
    renumberAndRefresh();
    emit planChanged(false, to, -1);
}

void PlanTreeModel::setSectionTitle(int row, const QString &title) {
    m_plan.sections[row].title = title;
    const QModelIndex i = sectionIndex(row);
    emit dataChanged(i, i.siblingAtColumn(columnCount() - 1));
    emit planChanged(false, row, -1);
}

void PlanTreeModel::insertMeasure(int section, int row, const Measure &measure) {
    beginInsertRows(sectionIndex(section), row, row);
    m_plan.sections[section].measures.insert(row, measure);
    endInsertRows();
    renumberAndRefresh();
    emit planChanged(false, section, row);
}

Measure PlanTreeModel::removeMeasure(int section, int row) {
    beginRemoveRows(sectionIndex(section), row, row);
    Measure m = m_plan.sections[section].measures.takeAt(row);
    endRemoveRows();
    renumberAndRefresh();
    emit planChanged(false, section, -1);
    return m;
}

void PlanTreeModel::moveMeasure(int fromSection, int fromRow, int toSection, int toRow) {
    if (fromSection == toSection && fromRow == toRow)
        return;
    const int destinationChild = (fromSection == toSection && toRow > fromRow) ? toRow + 1 : toRow;
    beginMoveRows(sectionIndex(fromSection), fromRow, fromRow, sectionIndex(toSection),
                  destinationChild);
    Measure m = m_plan.sections[fromSection].measures.takeAt(fromRow);
    m_plan.sections[toSection].measures.insert(toRow, m);
    endMoveRows();
    renumberAndRefresh();
    emit planChanged(false, toSection, toRow);
}

void PlanTreeModel::setMeasureField(int section, int row, MeasureField field,
                                    const QVariant &value) {
    Measure &m = m_plan.sections[section].measures[row];
    switch (field) {
    case MeasureField::Text:
        m.text = value.toString();
        break;
    case MeasureField::Deadline:
        m.deadline = value.value<core::Deadline>();
        break;
    case MeasureField::Owners:
        m.owners = value.toStringList();
        break;
    case MeasureField::ExpectedResult:
        m.expectedResult = value.toString();
        break;
    case MeasureField::Status:
        m.status = MeasureStatus(value.toInt());
        break;
    case MeasureField::CompletionDate:
        m.completionDate = value.toDate();
        break;
    case MeasureField::Note:
        m.note = value.toString();
        break;
    case MeasureField::WindowMarks:
        m.windowMarks = value.value<QList<core::WindowMark>>();
        break;
    }
    const QModelIndex first = measureIndex(section, row);
    emit dataChanged(first, first.siblingAtColumn(columnCount() - 1));
    // The section row shows progress.
    const QModelIndex sec = sectionIndex(section);
    emit dataChanged(sec, sec);
    emit planChanged(isExecutionField(field), section, row);
}

void PlanTreeModel::setColumns(const QList<core::PlanColumn> &columns) {
    beginResetModel();
    m_plan.columns = columns;
    endResetModel();
    emit planChanged(false, -1, -1);
}

void PlanTreeModel::setPlanHeader(const core::Plan &header) {
    m_plan.status = header.status;
    m_plan.approval = header.approval;
    m_plan.title = header.title;
    m_plan.organization = header.organization;
    m_plan.period = header.period;
    m_plan.revision = header.revision;
    m_plan.parentPlanId = header.parentPlanId;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit planChanged(false, -1, -1);
}

PlanTreeModel::Numbering PlanTreeModel::numbering() const {
    Numbering numbers;
    for (const auto &s : m_plan.sections) {
        QStringList list{s.number};
        for (const auto &m : s.measures)
            list << m.number;
        numbers << list;
    }
    return numbers;
}

void PlanTreeModel::renumberAndRefresh() {
    const std::optional<Numbering> kept = std::exchange(m_keptNumbering, std::nullopt);
    bool fits = kept && kept->size() == m_plan.sections.size();
    for (int s = 0; fits && s < m_plan.sections.size(); ++s)
        fits = kept->at(s).size() == m_plan.sections[s].measures.size() + 1;
    if (fits) {
        for (int s = 0; s < m_plan.sections.size(); ++s) {
            m_plan.sections[s].number = kept->at(s).at(0);
            for (int m = 0; m < m_plan.sections[s].measures.size(); ++m)
                m_plan.sections[s].measures[m].number = kept->at(s).at(m + 1);
        }
    } else {
        core::PlanNumbering::renumber(m_plan); // in the plan's own style
    }
    const int num = columnOf(ColumnRole::Number);
    for (int s = 0; s < m_plan.sections.size(); ++s) {
        const QModelIndex si = sectionIndex(s);
        emit dataChanged(si, si);
        const int n = int(m_plan.sections[s].measures.size());
        if (n > 0 && num >= 0)
            emit dataChanged(measureIndex(s, 0, num), measureIndex(s, n - 1, num));
    }
}

// --- QAbstractItemModel -----------------------------------------------------------------------

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= columnCount(parent) || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kSectionId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PlanTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == kSectionId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kSectionId);
}

int PlanTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_plan.sections.size());
    if (parent.column() != 0 || parent.internalId() != kSectionId)
        return 0;
    return int(m_plan.sections.value(parent.row()).measures.size());
}

int PlanTreeModel::columnCount(const QModelIndex &) const {
    return int(m_plan.columns.size());
}

QString PlanTreeModel::sectionLabel(const Section &s) const {
    int done = 0;
    for (const auto &m : s.measures)
        done += m.status == MeasureStatus::Done ? 1 : 0;
    QString label = s.number.isEmpty() ? s.title : s.number + QLatin1Char(' ') + s.title;
    if (!s.measures.isEmpty())
        label += QStringLiteral("   (выполнено %1 из %2)").arg(done).arg(s.measures.size());
    return label;
}

QVariant PlanTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const ColumnRole colRole = m_plan.columns.value(index.column()).role;
    if (role == ColumnRoleRole)
        return int(colRole);
    if (isSection(index)) {
        const Section &s = m_plan.sections.at(index.row());
        switch (role) {
        case IsSectionRole:
            return true;
        case Qt::DisplayRole:
            return index.column() == 0 ? sectionLabel(s) : QVariant();
        case Qt::EditRole:
            return index.column() == 0 ? s.title : QVariant();
        case SearchTextRole:
            return QString(s.number + QLatin1Char(0x20) + s.title);
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case Qt::BackgroundRole:
            return QBrush(QColor(0xe8, 0xee, 0xf6));
        default:
            return {};
        }
    }
    const Measure *m = measureAt(index);
    if (!m)
        return {};
    switch (role) {
    case IsSectionRole:
        return false;
    case SearchTextRole:
        return QStringList{m->number,
                           m->text,
                           m->deadline.text,
                           m->deadline.describe(),
                           m->owners.join(QStringLiteral(", ")),
                           m->expectedResult,
                           m->note}
            .join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        if (colRole == ColumnRole::Deadline) {
            QString tip = m->deadline.describe();
            const QStringList problems = core::DeadlineCheck::problems(*m, m_plan);
            if (!problems.isEmpty())
                tip += QStringLiteral("\n⚠ ") + problems.join(QStringLiteral("\n⚠ "));
            return tip;
        }
        if (colRole == ColumnRole::Status && m->isMarkedPerWindow())
            return m->windowStatusesText().replace(QStringLiteral("; "), QStringLiteral("\n"));
        return {};
    case Qt::DecorationRole:
        // the row marker of a deadline before the approval or outside the period
        if (colRole == ColumnRole::Deadline && !core::DeadlineCheck::problems(*m, m_plan).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::BackgroundRole:
        if (colRole == ColumnRole::Deadline && !core::DeadlineCheck::problems(*m, m_plan).isEmpty())
            return QBrush(QColor(0xff, 0xf0, 0xc8));
        if (colRole == ColumnRole::Status && m->status == MeasureStatus::Done)
            return QBrush(QColor(0xdf, 0xf2, 0xdf));
        if (colRole == ColumnRole::Status && m->status == MeasureStatus::NotDone)
            return QBrush(QColor(0xf8, 0xdc, 0xdc));
        return {};
    case Qt::DisplayRole:
    case Qt::EditRole:
        break;
    default:
        return {};
    }
    switch (colRole) {
    case ColumnRole::Number:
        return m->number;
    case ColumnRole::Measure:
        return m->text;
    case ColumnRole::Deadline:
        return m->deadline.text;
    case ColumnRole::Owners:
        return role == Qt::EditRole ? QVariant(m->owners.join(QStringLiteral(", ")))
                                    : QVariant(m->owners.join(QStringLiteral(",\n")));
    case ColumnRole::ExpectedResult:
        return m->expectedResult;
    case ColumnRole::Status:
        if (role == Qt::EditRole)
            return int(m->status);
        if (m->isMarkedPerWindow()) { // «выполнено 1 из 4 сроков»
            int done = 0;
            for (const core::DateRange &w : m->deadline.windows)
                done += m->windowStatus(w) == MeasureStatus::Done ? 1 : 0;
            return QStringLiteral("выполнено %1 из %2 сроков")
                .arg(done)
                .arg(m->deadline.windows.size());
        }
        return Measure::statusDisplayName(m->status);
    case ColumnRole::CompletionDate:
        return role == Qt::EditRole ? QVariant(m->completionDate)
                                    : QVariant(m->completionDate.toString(u"dd.MM.yyyy"));
    case ColumnRole::Note:
        return m->note;
    }
    return {};
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= m_plan.columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_plan.columns[section].heading;
    if (role == ColumnRoleRole)
        return int(m_plan.columns[section].role);
    return {};
}

Qt::ItemFlags PlanTreeModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return m_plan.isReadOnly() ? Qt::NoItemFlags : Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const ColumnRole role = m_plan.columns.value(index.column()).role;
    bool ok = false;
    const MeasureField field = fieldForRole(role, &ok);
    if (isSection(index)) {
        if (!m_plan.isReadOnly()) {
            f |= Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
            if (index.column() == 0)
                f |= Qt::ItemIsEditable;
        }
        return f;
    }
    if (ok && (!m_plan.isReadOnly() || isExecutionField(field)))
        f |= Qt::ItemIsEditable;
    if (!m_plan.isReadOnly())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

bool PlanTreeModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    if (isSection(index)) {
        if (m_plan.isReadOnly()) {
            emit editRefused(QStringLiteral("План утверждён: изменить его текст нельзя. "
                                            "Создайте новую редакцию (План → Создать новую "
                                            "редакцию)."));
            return false;
        }
        return index.column() == 0 && m_titleHandler &&
               m_titleHandler(index.row(), value.toString());
    }
    bool ok = false;
    const MeasureField field = fieldForRole(m_plan.columns.value(index.column()).role, &ok);
    if (!ok)
        return false;
    if (m_plan.isReadOnly() && !isExecutionField(field)) {
        emit editRefused(QStringLiteral("План утверждён: изменить текст мероприятия нельзя, "
                                        "можно только отмечать выполнение. Создайте новую "
                                        "редакцию (План → Создать новую редакцию)."));
        return false;
    }
    if (!m_editHandler)
        return false;
    return m_editHandler(sectionRow(index), index.row(), field, value);
}

QStringList PlanTreeModel::mimeTypes() const {
    return {kMime};
}

QMimeData *PlanTreeModel::mimeData(const QModelIndexList &indexes) const {
    if (indexes.isEmpty())
        return nullptr;
    const QModelIndex &i = indexes.first();
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << sectionRow(i) << measureRow(i);
    auto *mime = new QMimeData;
    mime->setData(kMime, bytes);
    return mime;
}

bool PlanTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                    const QModelIndex &) const {
    return !m_plan.isReadOnly() && action == Qt::MoveAction && data && data->hasFormat(kMime);
}

bool PlanTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                 const QModelIndex &parent) {
    if (!canDropMimeData(data, action, row, 0, parent) || !m_moveHandler)
        return false;
    QDataStream in(data->data(kMime));
    int fromSection = -1, fromMeasure = -1;
    in >> fromSection >> fromMeasure;
    if (fromSection < 0 || fromSection >= m_plan.sections.size())
        return false;
    int toSection = -1, toRow = -1;
    if (fromMeasure < 0) {
        // A section moves among sections: dropped on a section or between top-level rows.
        if (!parent.isValid())
            toSection = row < 0 ? int(m_plan.sections.size()) : row;
        else
            toSection = sectionRow(parent);
        toRow = -1;
    } else if (!parent.isValid()) {
        // A measure dropped between sections goes to the end of the section above.
        if (row <= 0)
            return false;
        toSection = row - 1;
        toRow = int(m_plan.sections[toSection].measures.size());
    } else if (isSection(parent)) {
        toSection = parent.row();
        toRow = row < 0 ? int(m_plan.sections[toSection].measures.size()) : row;
    } else {
        // Dropped onto a measure: take its place.
        toSection = sectionRow(parent);
        toRow = parent.row();
    }
    // The handler performs the move (as an undo command). Returning false keeps the view from
    // removing the source rows itself after a successful move.
    m_moveHandler(fromSection, fromMeasure, toSection, toRow);
    return false;
}

} // namespace objectivity::gui
