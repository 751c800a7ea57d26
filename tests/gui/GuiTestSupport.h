#pragma once
// Shared by the GUI tests: a temporary database with seed 000 imported and saved.
#include "TestSupport.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <ostream>

namespace objectivity::test {

struct SeedDatabase {
    QTemporaryDir dir;
    gui::AppSession session;
    qint64 planId = 0;
    core::Plan imported; // as saved

    // Imports the seed into a fresh database; returns false (with a gtest failure) on error.
    bool load(const QString &seed) {
        auto st = session.open(dir.filePath(QStringLiteral("test.sqlite")));
        EXPECT_TRUE(st.ok()) << (st ? "" : st.error().toString().toStdString());
        if (!st)
            return false;
        auto import = io::PlanImporter::importFile(seedPath(seed));
        EXPECT_TRUE(import.ok()) << (import ? "" : import.error().toString().toStdString());
        if (!import)
            return false;
        imported = import.value().plan;
        auto saved = session.plans()->save(imported);
        EXPECT_TRUE(saved.ok());
        planId = imported.id;
        return saved.ok();
    }
};

// Types text as key presses. QTest::keyClicks handles ASCII only (it asserts on Cyrillic): other
// characters are sent as key events carrying their text, as an input method does.
inline void typeText(QWidget *widget, const QString &text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

inline QStringList measureNumbers(const core::Plan &plan) {
    QStringList numbers;
    for (const auto &s : plan.sections)
        for (const auto &m : s.measures)
            numbers << m.number;
    return numbers;
}

} // namespace objectivity::test

// Readable values in gtest failure messages.
inline void PrintTo(const QString &s, std::ostream *os) {
    *os << '"' << s.toStdString() << '"';
}
