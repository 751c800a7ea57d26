#pragma once
#include "objectivity/core/common/Result.h"

class QWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// Fills the demonstration database being built (gui::DemoDatabase, never a user's database) with
// the demo region of ВПР/ОГЭ/ЕГЭ results (io::DemoData) on a worker thread while a progress dialog
// with «Отмена» is shown. Cancelling leaves the results tables empty and returns an error, and
// DemoDatabase then discards the file.
class DemoResultsLoader {
public:
    static core::Status run(const storage::Database &db, QWidget *parent);
};

} // namespace objectivity::gui
