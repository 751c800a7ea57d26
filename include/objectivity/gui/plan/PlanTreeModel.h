#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QAbstractItemModel>

#include <functional>
#include <optional>

namespace objectivity::gui {

// What a measure field edit touches; execution fields stay editable on an approved plan.
// WindowMarks: the execution of every window of a recurring measure (QList<core::WindowMark>).
enum class MeasureField {
    Text,
    Deadline,
    Owners,
    ExpectedResult,
    Status,
    CompletionDate,
    Note,
    WindowMarks
};

// The plan as a tree laid out like the printed document: sections are top-level rows, measures
// their children; the columns are the plan's own columns in its order, with its headings.
// The model never changes the plan on its own: setData and drops are handed to the editor (which
// pushes undo commands); the commands call the mutators below. Every mutator renumbers the plan
// in its own style and emits planChanged so the editor can save.
class PlanTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Roles { IsSectionRole = Qt::UserRole + 1, SearchTextRole, ColumnRoleRole };
    // An edit of one cell: field, new value (QString, QStringList, int status, QDate).
    using EditHandler = std::function<bool(int section, int measure, MeasureField, QVariant)>;
    using SectionTitleHandler = std::function<bool(int section, QString)>;
    // A drop: move the item at (fromSection, fromMeasure) before (toSection, toRow); measure -1
    // means the section itself.
    using MoveHandler =
        std::function<bool(int fromSection, int fromMeasure, int toSection, int toRow)>;

    explicit PlanTreeModel(QObject *parent = nullptr);

    void setPlan(const core::Plan &plan);
    const core::Plan &plan() const { return m_plan; }
    core::Plan &planForSaving() { return m_plan; } // the repository writes new ids back
    void setEditHandler(EditHandler h) { m_editHandler = std::move(h); }
    void setSectionTitleHandler(SectionTitleHandler h) { m_titleHandler = std::move(h); }
    void setMoveHandler(MoveHandler h) { m_moveHandler = std::move(h); }

    // Navigation between indexes and plan positions.
    bool isSection(const QModelIndex &index) const;
    int sectionRow(const QModelIndex &index) const; // the section of a section or measure index
    int measureRow(const QModelIndex &index) const; // -1 for a section
    QModelIndex sectionIndex(int section, int column = 0) const;
    QModelIndex measureIndex(int section, int measure, int column = 0) const;
    const core::Measure *measureAt(const QModelIndex &index) const;
    int columnOf(core::ColumnRole role) const; // -1 when the plan has no such column
    static QVariant fieldValue(const core::Measure &m, MeasureField field);
    // Status, completion date, note, window marks: editable on an approved plan too.
    static bool isExecutionField(MeasureField f);
    static MeasureField fieldForRole(core::ColumnRole role, bool *ok);

    // Mutators used by the undo commands.
    void insertSection(int row, const core::Section &section);
    core::Section removeSection(int row);
    void moveSection(int from, int to); // `to` is the final row
    void setSectionTitle(int row, const QString &title);
    void insertMeasure(int section, int row, const core::Measure &measure);
    core::Measure removeMeasure(int section, int row);
    // Moves a measure; `toRow` is its final row in the target section.
    void moveMeasure(int fromSection, int fromRow, int toSection, int toRow);
    void setMeasureField(int section, int row, MeasureField field, const QVariant &value);
    void setColumns(const QList<core::PlanColumn> &columns);
    // The numbers as written: per section, its own number first, then its measures' numbers.
    using Numbering = QList<QStringList>;
    Numbering numbering() const;
    // The next structural mutator writes these numbers instead of renumbering, so that an undo
    // puts the document back exactly (numbers written by hand, like «3.14» without a dot,
    // included). Ignored when the plan's shape no longer matches.
    void keepNumberingOnce(const Numbering &numbering) { m_keptNumbering = numbering; }
    // Status, approval and revision of the plan itself (not undoable).
    void setPlanHeader(const core::Plan &header);

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // After every mutation: `executionOnly` when only status/date/note of one measure changed.
    void planChanged(bool executionOnly, int section, int measure);
    // An edit was refused (approved plan); the text says why, in Russian.
    void editRefused(const QString &message);

private:
    QString sectionLabel(const core::Section &s) const;
    void renumberAndRefresh();

    core::Plan m_plan;
    EditHandler m_editHandler;
    SectionTitleHandler m_titleHandler;
    MoveHandler m_moveHandler;
    std::optional<Numbering> m_keptNumbering;
};

} // namespace objectivity::gui
