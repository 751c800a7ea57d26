#pragma once
#include <QDate>
#include <QString>

namespace objectivity::gui {

class MainWindow;

// `objectivity --screenshot OUT.png`: renders the window (or one part of it) after loading and
// writes a PNG, for the documentation. Views: "main" (the plan, first measure selected),
// "detail" (the detail panel), "due" (the «Сроки» view), "import-preview" (the preview dialog of
// importing `importFile`), "start" (the start page of a database without plans), "results" (the
// results browser), "analysis" (the analysis run on everything, its «Обзор» tab) and
// "analysis-unit" (the card of the first flagged unit with its charts).
struct ScreenshotOptions {
    QString output;
    QString view = QStringLiteral("main");
    qint64 planId = 0;
    QString importFile;
    QDate today;  // for "due": the day the lists are computed on
    QDate month;  // for "due": the month shown
    QString mode; // for "due": month | overdue | upcoming
    int width = 1400;
    int height = 860;
};

class ScreenshotRunner {
public:
    // Returns the process exit code; prints the error in Russian on failure.
    static int run(MainWindow &window, const ScreenshotOptions &options);
};

} // namespace objectivity::gui
