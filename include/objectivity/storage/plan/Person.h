#pragma once
#include <QString>

namespace objectivity::storage {

// An entry of the staff directory («Справочник ответственных»): a person («Н.С. Сазонова») or a
// role («Заместитель директора по УВР», «Классные руководители»).
struct Person {
    qint64 id = 0;
    QString name;     // unique; measures' owners link to it by this exact text
    QString position; // «учитель математики», may be empty
    bool isRole = false;
    int ownerCount = 0; // how many measure owner rows name it (filled by StaffRepository::list)

    friend bool operator==(const Person &, const Person &) = default;
};

} // namespace objectivity::storage
