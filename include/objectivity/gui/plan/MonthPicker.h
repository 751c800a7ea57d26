#pragma once
#include <QDate>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace objectivity::gui {

// A month of a year: the month by its name as a label («Ноябрь», not the genitive «ноября» that
// QDateEdit's "MMMM" gives in Qt 6.4) and the year. month() is the first day of the month.
class MonthPicker : public QWidget {
    Q_OBJECT
public:
    explicit MonthPicker(QWidget *parent = nullptr);

    QDate month() const;
    void setMonth(const QDate &anyDayOfMonth);
    // The text as shown: «Ноябрь 2023».
    QString text() const;

signals:
    void monthChanged(const QDate &firstDay);

private:
    QComboBox *m_name;
    QSpinBox *m_year;
};

} // namespace objectivity::gui
