// gui::ErrorMessage: the one box that shows a core::Error — Russian text, the original under
// «Подробности…», and the box's own button in Russian.
#include "objectivity/gui/shell/ErrorMessage.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

TEST(ErrorMessageTest, DetailsGoUnderARussianButtonNotIntoTheText) {
    core::Error e;
    e.file = u"r.sqlite"_s;
    e.message = u"не удалось сохранить изменения: на диске не хватает места"_s;
    e.details = u"database or disk is full Unable to commit transaction"_s;
    auto box = gui::ErrorMessage::create(nullptr, u"Импорт"_s, e, u"Файл не загружен."_s);
    EXPECT_EQ(box->text(), u"Файл не загружен.\n\nФайл «r.sqlite»: не удалось сохранить "
                           u"изменения: на диске не хватает места"_s);
    EXPECT_EQ(box->detailedText(), e.details);
    box->show(); // the details button gets its label when the box is shown
    QStringList labels;
    for (QAbstractButton *b : box->buttons())
        labels << b->text();
    EXPECT_TRUE(labels.contains(u"Подробности…"_s)) << labels.join(u" | "_s).toStdString();
    for (const QString &l : labels)
        EXPECT_FALSE(l.contains(u"Details"_s)) << l.toStdString();
    box->hide();
}

TEST(ErrorMessageTest, NoDetailsNoButton) {
    core::Error e;
    e.message = u"план не найден"_s;
    auto box = gui::ErrorMessage::create(nullptr, u"Открытие плана"_s, e);
    EXPECT_EQ(box->text(), u"план не найден"_s);
    EXPECT_TRUE(box->detailedText().isEmpty());
}

} // namespace
