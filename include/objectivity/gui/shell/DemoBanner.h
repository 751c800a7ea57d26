#pragma once
#include <QLabel>

namespace objectivity::gui {

// The thin strip «Демонстрационные данные: школы и результаты вымышлены» over the windows of the
// demonstration database (main window, results browser, analysis).
class DemoBanner : public QLabel {
    Q_OBJECT
public:
    explicit DemoBanner(QWidget *parent = nullptr);

    static QString text();
    // Puts a banner on top of `window` when its layout is a box layout; returns it (or nullptr).
    static DemoBanner *install(QWidget *window);
};

} // namespace objectivity::gui
