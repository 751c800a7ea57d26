#include "objectivity/gui/results/MarkScaleDialog.h"

#include "objectivity/core/results/DataPermissions.h"
#include "objectivity/gui/results/MarkScaleModel.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/MarkScaleRepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <iterator>

namespace objectivity::gui {

MarkScaleDialog::MarkScaleDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(new MarkScaleModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView(this)),
      m_kind(new QComboBox(this)), m_error(new QLabel(this)),
      m_save(new QPushButton(QStringLiteral("&Сохранить"), this)),
      m_revert(new QPushButton(QStringLiteral("&Отменить изменения"), this)) {
    setWindowTitle(QStringLiteral("Шкалы отметок"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(MarkScaleModel::Kind);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {80, 60, 55, 220, 85, 60, 60, 60, 110, 220, 320, 170};
    static_assert(std::size(widths) == MarkScaleModel::ColumnCount);
    for (int c = 0; c < MarkScaleModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);
    // the origin before the (long) source, so that it is seen without scrolling
    m_view->horizontalHeader()->moveSection(MarkScaleModel::Origin, MarkScaleModel::Source);

    m_kind->addItem(QStringLiteral("все процедуры"), QString());
    for (const QString &k : {QStringLiteral("ВПР"), QStringLiteral("ОГЭ"), QStringLiteral("ЕГЭ")})
        m_kind->addItem(k, k);
    auto *add = new QPushButton(QStringLiteral("&Добавить"), this);
    auto *remove = new QPushButton(QStringLiteral("&Удалить"), this);
    auto *top = new QHBoxLayout;
    auto *kindLabel = new QLabel(QStringLiteral("&Процедура:"), this);
    kindLabel->setBuddy(m_kind);
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addStretch();
    top->addWidget(add);
    top->addWidget(remove);

    auto *hint = new QLabel(
        QStringLiteral("Шкала переводит первичный балл в отметку: «3» от, «4» от, «5» от — "
                       "наименьший первичный балл для отметки; 0 — граница неизвестна. Год 0 — "
                       "шкала для любого года. Для ЕГЭ укажите минимальный тестовый балл. "
                       "«Официальная» — шкала из поставки программы (источник — документ или его "
                       "пересказ); исправленная или добавленная вами строка — «изменена "
                       "пользователем», обновления программы её не трогают. Анализ берёт шкалу "
                       "своего года, иначе ближайшего года с тем же максимальным баллом; где "
                       "шкалы нет, границы выводятся из отметок школ."),
        this);
    hint->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b03020;"));
    m_error->hide();

    auto *close = new QPushButton(QStringLiteral("&Закрыть"), this);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(m_save);
    bottom->addWidget(m_revert);
    bottom->addWidget(close);
    m_save->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { setKindFilter(m_kind->currentData().toString()); });
    connect(add, &QPushButton::clicked, this, &MarkScaleDialog::addScale);
    connect(remove, &QPushButton::clicked, this, &MarkScaleDialog::removeCurrent);
    connect(m_save, &QPushButton::clicked, this, &MarkScaleDialog::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (auto st = reload(); !st)
            showError(st.error().toString(), -1);
    });
    connect(close, &QPushButton::clicked, this, &MarkScaleDialog::reject);

    // Who may not change the scales (core::DataPermissions) reads them: no editing, and says why.
    const std::optional<core::Role> role =
        m_db.actor() ? std::optional<core::Role>(m_db.actor()->role) : std::nullopt;
    if (core::Status allowed = core::DataPermissions::check(role, core::DataAction::EditMarkScales);
        !allowed) {
        m_readOnly = true;
        m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (QPushButton *b : {add, remove, m_save, m_revert})
            b->hide();
        auto *note = new QLabel(allowed.error().message, this);
        note->setObjectName(QStringLiteral("readOnlyNote"));
        note->setWordWrap(true);
        layout->insertWidget(layout->indexOf(m_view), note);
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MarkScaleDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MarkScaleDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MarkScaleDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MarkScaleDialog::updateButtons);

    if (auto st = reload(); !st)
        showError(st.error().toString(), -1);
    resize(1250, 640);
}

core::Status MarkScaleDialog::reload() {
    auto list = storage::MarkScaleRepository(m_db).list();
    if (!list)
        return list.error();
    m_model->setScales(list.value());
    m_error->hide();
    return {};
}

QString MarkScaleDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void MarkScaleDialog::showError(const QString &text, int row) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (row >= 0) {
        const QModelIndex i = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!i.isValid()) { // hidden by the filter: show all
            m_kind->setCurrentIndex(0);
        }
        m_view->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
        m_view->scrollTo(m_proxy->mapFromSource(m_model->index(row, 0)));
    }
}

void MarkScaleDialog::updateButtons() {
    const bool modified = m_model->isModified();
    m_save->setEnabled(modified && !m_readOnly);
    m_revert->setEnabled(modified && !m_readOnly);
    setWindowTitle(QStringLiteral("Шкалы отметок") + (modified ? QStringLiteral(" *") : QString()));
}

void MarkScaleDialog::setKindFilter(const QString &kind) {
    const int i = m_kind->findData(kind);
    if (i >= 0 && i != m_kind->currentIndex())
        m_kind->setCurrentIndex(i);
    m_proxy->setFilterFixedString(kind);
}

void MarkScaleDialog::addScale() {
    core::MarkScale s;
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (current.isValid()) { // a copy of the current one: usually next year's scale
        s = m_model->scale(current.row());
        if (s.year)
            ++s.year;
        s.source.clear();
    } else {
        core::procedureKindFromText(m_kind->currentData().toString(), &s.kind);
        s.grade = 4;
        s.subject = QStringLiteral("Математика");
    }
    const int row = m_model->addScale(s);
    const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, MarkScaleModel::Year));
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown);
}

void MarkScaleDialog::removeCurrent() {
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (current.isValid())
        m_model->removeScale(current.row());
}

bool MarkScaleDialog::save() {
    int row = -1;
    const QString problem = m_model->validateAll(&row);
    if (!problem.isEmpty()) {
        showError(QStringLiteral("Не сохранено. ") + problem, row);
        return false;
    }
    storage::MarkScaleRepository repo(m_db);
    const auto st = m_db.transaction([&]() -> core::Status {
        for (qint64 id : m_model->removedIds())
            if (auto s = repo.remove(id); !s)
                return s;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (!m_model->isChanged(r))
                continue;
            const core::MarkScale &s = m_model->scale(r);
            if (s.id > 0) {
                if (auto u = repo.update(s); !u)
                    return u;
            } else if (auto a = repo.add(s); !a) {
                return a.error();
            }
        }
        return {};
    });
    if (!st) {
        showError(QStringLiteral("Не сохранено: ") + st.error().toString(), -1);
        return false;
    }
    if (auto r = reload(); !r) {
        showError(r.error().toString(), -1);
        return false;
    }
    return true;
}

void MarkScaleDialog::reject() {
    if (m_model->isModified()) {
        const auto answer = QMessageBox::question(
            this, QStringLiteral("Шкалы отметок"),
            QStringLiteral("Изменения в шкалах не сохранены. Сохранить их?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
            return;
    }
    QDialog::reject();
}

} // namespace objectivity::gui
