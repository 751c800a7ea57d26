#include "objectivity/gui/plan/PlanView.h"

#include "objectivity/gui/common/FillingColumn.h"
#include "objectivity/gui/common/WrappingItemDelegate.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanFilterProxy.h"
#include "objectivity/gui/plan/PlanTreeModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace objectivity::gui {

using core::ColumnRole;

PlanView::PlanView(PlanEditor *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_proxy(new PlanFilterProxy(this)),
      m_title(new QLabel(this)), m_info(new QLabel(this)), m_banner(new QLabel(this)),
      m_filter(new QLineEdit(this)), m_toolBar(new QToolBar(this)), m_tree(new QTreeView(this)) {
    m_proxy->setSourceModel(editor->model());

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setWordWrap(true);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0c070; padding: 4px; }"));
    m_banner->hide();

    // short enough for the field beside the toolbar (the longer one was cut); the tooltip says
    // where it looks
    m_filter->setPlaceholderText(QStringLiteral("Поиск по плану (Ctrl+F)"));
    m_filter->setToolTip(QStringLiteral("Мероприятия, в тексте, ответственных, сроке, ожидаемом "
                                        "результате или примечании которых есть все набранные "
                                        "слова; регистр и «ё» не важны"));
    m_filter->setClearButtonEnabled(true);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize({16, 16});

    m_tree->setModel(m_proxy);
    m_tree->setAlternatingRowColors(true);
    // the whole measure wraps in its row (it was cut with «…» unless another cell had two lines)
    new WrappingItemDelegate(m_tree);
    // the measures' column takes the room the others leave (a plan with «Ожидаемый результат»
    // had that column off the right edge)
    m_fill = new FillingColumn(m_tree, m_tree->header(), 250);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setIndentation(12);
    m_tree->header()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter) |
                                          Qt::Alignment(int(Qt::TextWordWrap)));

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_toolBar);
    filterRow->addStretch();
    filterRow->addWidget(m_filter, 1);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->addWidget(m_title);
    m_layout->addWidget(m_info);
    m_layout->addWidget(m_banner);
    m_layout->addLayout(filterRow);
    m_layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        m_tree->expandAll();
        updateSpans();
    });
    auto structural = [this] {
        // Lay the rows out now, not at the next event loop pass: until then the tree's row list
        // keeps proxy indexes from before the change, and an edit that follows at once (an
        // undo shortcut) would make the view read them (a crash in QSortFilterProxyModel).
        m_tree->doItemsLayout();
        // After the model settles: spans and expansion of new rows.
        QTimer::singleShot(0, this, [this] {
            m_tree->expandAll();
            updateSpans();
        });
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        updateSpans();
        resetColumnWidths();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, structural);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, structural);
    connect(m_proxy, &QAbstractItemModel::rowsMoved, this, structural);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, structural);
    connect(
        m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { emit currentChanged(m_proxy->mapToSource(current)); });
    connect(editor, &PlanEditor::planLoaded, this, &PlanView::refreshHeader);
    connect(editor, &PlanEditor::aboutToReload, this, &PlanView::rememberCurrent);
    connect(editor, &PlanEditor::reloaded, this, &PlanView::restoreCurrent);
    connect(editor, &PlanEditor::headerChanged, this, &PlanView::refreshHeader);
    connect(editor->model(), &PlanTreeModel::planChanged, this, &PlanView::refreshHeader);
    refreshHeader();
}

void PlanView::addToolBarActions(const QList<QAction *> &actions) {
    m_toolBar->addActions(actions);
}

void PlanView::addBanner(QWidget *banner) {
    m_layout->insertWidget(m_layout->indexOf(m_banner) + 1, banner);
}

QModelIndex PlanView::currentSourceIndex() const {
    return m_proxy->mapToSource(m_tree->currentIndex());
}

void PlanView::selectSourceIndex(const QModelIndex &sourceIndex) {
    const QModelIndex i = m_proxy->mapFromSource(sourceIndex.siblingAtColumn(0));
    if (!i.isValid())
        return;
    m_tree->expand(i.parent());
    m_tree->setCurrentIndex(i);
    m_tree->scrollTo(i);
}

void PlanView::rememberCurrent() {
    const PlanTreeModel *model = m_editor->model();
    const QModelIndex current = currentSourceIndex();
    m_currentSection = current.isValid() ? model->sectionRow(current) : -1;
    m_currentMeasure = current.isValid() ? model->measureRow(current) : -1;
    const core::Measure *measure = current.isValid() ? model->measureAt(current) : nullptr;
    m_currentMeasureId = measure ? measure->id : 0;
    const auto &sections = m_editor->plan().sections;
    m_currentSectionId = m_currentSection >= 0 && m_currentSection < sections.size()
                             ? sections[m_currentSection].id
                             : 0;
}

void PlanView::restoreCurrent() {
    const PlanTreeModel *model = m_editor->model();
    const auto &sections = m_editor->plan().sections;
    for (int s = 0; s < sections.size(); ++s) {
        for (int m = 0; m < sections[s].measures.size(); ++m)
            if (m_currentMeasureId > 0 && sections[s].measures[m].id == m_currentMeasureId) {
                selectSourceIndex(model->measureIndex(s, m));
                return;
            }
        if (m_currentMeasureId == 0 && m_currentSectionId > 0 &&
            sections[s].id == m_currentSectionId) {
            selectSourceIndex(model->sectionIndex(s));
            return;
        }
    }
    // Removed meanwhile: the same place, or the nearest one left.
    if (m_currentSection < 0 || sections.isEmpty())
        return;
    const int s = std::min<int>(m_currentSection, int(sections.size()) - 1);
    const int count = int(sections[s].measures.size());
    if (m_currentMeasure >= 0 && count > 0)
        selectSourceIndex(model->measureIndex(s, std::min(m_currentMeasure, count - 1)));
    else
        selectSourceIndex(model->sectionIndex(s));
}

void PlanView::selectFirstMeasure() {
    const PlanTreeModel *model = m_editor->model();
    for (int s = 0; s < model->rowCount(); ++s)
        if (model->rowCount(model->sectionIndex(s)) > 0) {
            selectSourceIndex(model->measureIndex(s, 0));
            return;
        }
    if (model->rowCount() > 0)
        selectSourceIndex(model->sectionIndex(0));
}

void PlanView::focusFilter() {
    m_filter->setFocus();
    m_filter->selectAll();
}

void PlanView::updateSpans() {
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        m_tree->setFirstColumnSpanned(r, {}, true);
}

void PlanView::resetColumnWidths() {
    const auto &columns = m_editor->plan().columns;
    for (int c = 0; c < columns.size(); ++c) {
        int width = 160;
        switch (columns[c].role) {
        case ColumnRole::Number:
            width = 70;
            break;
        case ColumnRole::Measure:
            width = 430;
            break;
        case ColumnRole::Deadline:
            width = 150;
            break;
        case ColumnRole::Owners:
            width = 190;
            break;
        case ColumnRole::ExpectedResult:
            width = 260;
            break;
        case ColumnRole::Status:
            width = 120;
            break;
        case ColumnRole::CompletionDate:
            width = 100;
            break;
        case ColumnRole::Note:
            width = 200;
            break;
        }
        m_tree->setColumnWidth(c, width);
    }
    int measure = -1;
    for (int c = 0; c < columns.size(); ++c)
        if (columns[c].role == ColumnRole::Measure)
            measure = c;
    m_fill->setColumn(measure);
}

void PlanView::refreshHeader() {
    if (!m_editor->hasPlan()) {
        m_title->setText(QStringLiteral("План не выбран"));
        m_info->setText(QStringLiteral(
            "Выберите план в списке слева или создайте новый: Файл → Новый план (Ctrl+N), "
            "импортируйте документ (Ctrl+I) или перетащите файл в окно."));
        m_banner->hide();
        return;
    }
    const core::Plan &plan = m_editor->plan();
    m_title->setText(plan.title.isEmpty() ? QStringLiteral("План мероприятий") : plan.title);
    int done = 0;
    for (const auto &s : plan.sections)
        for (const auto &m : s.measures)
            done += m.status == core::MeasureStatus::Done ? 1 : 0;
    QStringList parts;
    if (!plan.organization.name.isEmpty())
        parts << plan.organization.name;
    if (plan.period.isValid())
        parts << plan.period.toDisplayString() + QStringLiteral(" уч. г.");
    parts << QStringLiteral("статус: ") + core::Plan::statusDisplayName(plan.status);
    if (plan.revision > 1)
        parts << QStringLiteral("редакция %1").arg(plan.revision);
    parts << QStringLiteral("выполнено %1 из %2").arg(done).arg(plan.measureCount());
    m_info->setText(parts.join(QStringLiteral(" · ")));
    if (plan.status == core::PlanStatus::PendingApproval) {
        m_banner->setText(QStringLiteral("На утверждении: текст закрыт, пока директор не утвердит "
                                         "план или не вернёт его на доработку. Отметки о "
                                         "выполнении ставить можно."));
        m_banner->show();
    } else if (plan.isReadOnly()) {
        const auto &a = plan.approval;
        QString text = plan.status == core::PlanStatus::Superseded
                           ? QStringLiteral("Заменён новой редакцией; был утверждён")
                           : QStringLiteral("Утверждён");
        if (!a.approverName.isEmpty())
            text += QStringLiteral(": ") + a.approverPosition + QLatin1Char(' ') + a.approverName;
        if (!a.orderNumber.isEmpty())
            text += QStringLiteral(", приказ № ") + a.orderNumber;
        if (a.orderDate.isValid())
            text += QStringLiteral(" от ") + a.orderDate.toString(u"dd.MM.yyyy");
        text += QStringLiteral(". Текст закрыт для изменений; отметки о выполнении ставить можно. "
                               "Для изменений: План → Создать новую редакцию.");
        m_banner->setText(text);
        m_banner->show();
    } else {
        m_banner->hide();
    }
}

} // namespace objectivity::gui
