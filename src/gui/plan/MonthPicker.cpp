#include "objectivity/gui/plan/MonthPicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>

namespace objectivity::gui {

MonthPicker::MonthPicker(QWidget *parent)
    : QWidget(parent), m_name(new QComboBox(this)), m_year(new QSpinBox(this)) {
    const QLocale russian(QLocale::Russian);
    for (int m = 1; m <= 12; ++m) {
        QString name = russian.standaloneMonthName(m, QLocale::LongFormat);
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_name->addItem(name, m);
    }
    m_name->setAccessibleName(QStringLiteral("Месяц"));
    m_year->setRange(2000, 2100);
    m_year->setAccessibleName(QStringLiteral("Год"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_name);
    layout->addWidget(m_year);
    setFocusProxy(m_name);
    setMonth(QDate::currentDate());
    connect(m_name, &QComboBox::currentIndexChanged, this, [this] { emit monthChanged(month()); });
    connect(m_year, &QSpinBox::valueChanged, this, [this] { emit monthChanged(month()); });
}

QDate MonthPicker::month() const {
    return QDate(m_year->value(), m_name->currentIndex() + 1, 1);
}

void MonthPicker::setMonth(const QDate &anyDayOfMonth) {
    if (!anyDayOfMonth.isValid())
        return;
    const QDate first(anyDayOfMonth.year(), anyDayOfMonth.month(), 1);
    if (first == month())
        return;
    {
        const QSignalBlocker blockName(m_name), blockYear(m_year);
        m_name->setCurrentIndex(anyDayOfMonth.month() - 1);
        m_year->setValue(anyDayOfMonth.year());
    }
    emit monthChanged(month());
}

QString MonthPicker::text() const {
    return m_name->currentText() + QLatin1Char(' ') + QString::number(m_year->value());
}

} // namespace objectivity::gui
