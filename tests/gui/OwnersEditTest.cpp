// The owners line completes the entry being typed from the staff directory: any part of a name,
// case and «ё» ignored, shown and inserted as written, after the owners already there.
#include "objectivity/gui/plan/OwnersEdit.h"
#include "GuiTestSupport.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>

using namespace objectivity;

namespace {
QStringList offered(const QCompleter *completer) {
    QStringList names;
    for (int r = 0; r < completer->completionModel()->rowCount(); ++r)
        names << completer->completionModel()->index(r, 0).data(Qt::DisplayRole).toString();
    return names;
}
} // namespace

TEST(OwnersEdit, CompletesAnyPartOfANameWithoutCaseOrYoAndInsertsItAsWritten) {
    gui::OwnersEdit edit;
    edit.setNames({QStringLiteral("Ёлкина А.А."), QStringLiteral("Заместитель директора по УВР"),
                   QStringLiteral("Руководители ШМО"), QStringLiteral("Педагог-психолог")});
    edit.show();
    edit.setFocus();
    QApplication::processEvents();

    test::typeText(&edit, QStringLiteral("Руководители ШМО, елк"));
    EXPECT_EQ(offered(edit.completer()), QStringList{QStringLiteral("Ёлкина А.А.")});
    // choosing it replaces only the entry being typed
    ASSERT_EQ(edit.completer()->completionCount(), 1);
    emit edit.completer()->activated(edit.completer()->completionModel()->index(0, 0));
    EXPECT_EQ(edit.text(), QStringLiteral("Руководители ШМО, Ёлкина А.А."));
    EXPECT_EQ(edit.owners(),
              QStringList({QStringLiteral("Руководители ШМО"), QStringLiteral("Ёлкина А.А.")}));

    // a part from the middle, in capitals
    edit.clear();
    test::typeText(&edit, QStringLiteral("УВР"));
    EXPECT_EQ(offered(edit.completer()),
              QStringList{QStringLiteral("Заместитель директора по УВР")});
    // «ё» typed where the directory has «е»
    edit.setNames({QStringLiteral("Семенова О.П.")});
    edit.clear();
    test::typeText(&edit, QStringLiteral("Семён"));
    EXPECT_EQ(offered(edit.completer()), QStringList{QStringLiteral("Семенова О.П.")});
}
