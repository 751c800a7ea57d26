#pragma once
#include "objectivity/core/common/Result.h"

#include <QString>

class QWidget;

namespace objectivity::gui {

// The demonstration database: a file of its own (never the user's database) with the school
// template plan, the staff roles and a generated region of ВПР/ОГЭ/ЕГЭ results with invented
// municipalities and schools (io::DemoData), marked demo inside the file (storage::DatabaseMeta).
class DemoDatabase {
public:
    // <data folder>/objectivity-demo.sqlite, beside AppSession::defaultDatabasePath().
    static QString defaultPath();

    // Creates the file at `path` unless it exists. It is built under a temporary name and renamed
    // when complete, so a cancelled or failed creation leaves no file. The progress dialog of the
    // results is shown over `parent` (may be null).
    static core::Status ensure(const QString &path, QWidget *parent);
    static core::Status create(const QString &path, QWidget *parent);

    // The organization of the demo plan.
    static QString organizationName();
};

} // namespace objectivity::gui
