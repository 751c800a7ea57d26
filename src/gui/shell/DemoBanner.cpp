#include "objectivity/gui/shell/DemoBanner.h"

#include <QBoxLayout>

namespace objectivity::gui {

DemoBanner::DemoBanner(QWidget *parent) : QLabel(text(), parent) {
    setObjectName(QStringLiteral("demoBanner"));
    setAlignment(Qt::AlignCenter);
    setContentsMargins(8, 3, 8, 3);
    // A pale amber strip with dark text, readable in light and dark themes alike.
    setStyleSheet(QStringLiteral("QLabel#demoBanner { background: #fff3c4; color: #5a4300; "
                                 "border-bottom: 1px solid #e0c060; }"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QString DemoBanner::text() {
    return QStringLiteral("Демонстрационные данные: школы и результаты вымышлены");
}

DemoBanner *DemoBanner::install(QWidget *window) {
    auto *box = qobject_cast<QBoxLayout *>(window->layout());
    if (!box)
        return nullptr;
    auto *banner = new DemoBanner(window);
    box->insertWidget(0, banner);
    return banner;
}

} // namespace objectivity::gui
