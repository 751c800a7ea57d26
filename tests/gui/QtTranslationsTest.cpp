// gui::QtTranslations: Qt's own buttons in Russian (qtbase_ru.qm from qt6-translations-l10n).
#include "objectivity/gui/shell/QtTranslations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QPushButton>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

TEST(QtTranslationsTest, StandardButtonsAreRussian) {
    const QString file = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_ru.qm"_s;
    if (!QFile::exists(file))
        GTEST_SKIP() << "нет " << file.toStdString()
                     << " (пакет qt6-translations-l10n не установлен)";
    ASSERT_TRUE(gui::QtTranslations::install(*QCoreApplication::instance()));
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    EXPECT_EQ(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Отмена"_s);
}

} // namespace
