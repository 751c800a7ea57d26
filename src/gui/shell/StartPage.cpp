#include "objectivity/gui/shell/StartPage.h"

#include <QAction>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace objectivity::gui {

StartPage::StartPage(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout) {
    setObjectName(QStringLiteral("startPage"));
    auto *title = new QLabel(QStringLiteral("В этой базе пока нет ни одного плана"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *lead = new QLabel(QStringLiteral("С чего начать? Всё это есть и в меню «Файл» и "
                                           "«Результаты»."),
                            this);
    lead->setAlignment(Qt::AlignCenter);
    lead->setWordWrap(true);
    m_grid->setHorizontalSpacing(24);
    m_grid->setVerticalSpacing(18);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addSpacing(6);
    column->addWidget(lead);
    column->addSpacing(24);
    column->addLayout(m_grid);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(3);
}

QPushButton *StartPage::addEntry(const QString &name, const QString &text, const QString &hint,
                                 QAction *action) {
    auto *button = new QPushButton(text, this);
    button->setObjectName(name);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    button->setFont(font);
    button->setMinimumSize(340, 64);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    auto *explanation = new QLabel(hint, this);
    explanation->setWordWrap(true);
    explanation->setMaximumWidth(340);
    explanation->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    explanation->setForegroundRole(QPalette::PlaceholderText);
    auto *cell = new QVBoxLayout;
    cell->setSpacing(6);
    cell->addWidget(button);
    cell->addWidget(explanation);
    const int row = m_entries / 2, col = m_entries % 2;
    m_grid->addLayout(cell, row, col, Qt::AlignTop);
    ++m_entries;
    return button;
}

} // namespace objectivity::gui
