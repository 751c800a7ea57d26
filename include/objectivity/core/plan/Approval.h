#pragma once
#include <QDate>
#include <QString>

namespace objectivity::core {

// The approval block of a plan: «УТВЕРЖДАЮ / Директор ... / ____ / Н.С. Сазонова / Приказ № 32/1 от
// 04.03.2024», or the form «Приложение к приказу ... от ... № ...».
struct Approval {
    QString approverPosition; // "Директор МАОУ «Калиновская СОШ»"
    QString approverName;     // "Н.С. Сазонова"
    QString orderNumber;      // "32/1"
    QDate orderDate;          // null when unknown
    QString appendixLine; // "Приложение к приказу МКУ «Управление образования» ... от 20.08.2023 №
                          // 534", as written
    QString issuer;       // who issued the order when it differs from the approver (a department)

    bool isEmpty() const {
        return approverPosition.isEmpty() && approverName.isEmpty() && orderNumber.isEmpty() &&
               !orderDate.isValid() && appendixLine.isEmpty();
    }
    friend bool operator==(const Approval &, const Approval &) = default;
};

} // namespace objectivity::core
