#include "objectivity/core/results/TeacherMark.h"

#include <QString>

#include <gtest/gtest.h>

using objectivity::core::TeacherMark;
using objectivity::core::teacherMarkFromText;
using Form = TeacherMark::Form;

namespace {

void expectMark(const char16_t *text, int mark, Form form) {
    const TeacherMark m = teacherMarkFromText(QStringView(text));
    EXPECT_EQ(m.mark, mark) << QStringView(text).toString().toStdString();
    EXPECT_EQ(int(m.form), int(form)) << QStringView(text).toString().toStdString();
}

} // namespace

TEST(TeacherMark, DigitsAndTheNamesOfTheMarksArePlain) {
    expectMark(u"5", 5, Form::Plain);
    expectMark(u" 3 ", 3, Form::Plain);
    expectMark(u"4,0", 4, Form::Plain);
    expectMark(u"2.0", 2, Form::Plain);
    expectMark(u"Отлично", 5, Form::Plain);
    expectMark(u"хор.", 4, Form::Plain);
    expectMark(u"удовл.", 3, Form::Plain);
    expectMark(u"удовлетворительно", 3, Form::Plain);
    expectMark(u"неуд", 2, Form::Plain); // not read as «уд»
    expectMark(u"Неудовлетворительно", 2, Form::Plain);
    expectMark(u"7", 7, Form::Plain); // the range is the importer's check
}

TEST(TeacherMark, PlusAndMinusAreDroppedAndSaidSo) {
    expectMark(u"4+", 4, Form::Signed);
    expectMark(u"5-", 5, Form::Signed);
    expectMark(u"3 −", 3, Form::Signed); // U+2212 and a space
    expectMark(u"4–", 4, Form::Signed);
    expectMark(u"+4", 4, Form::Plain); // a number with its sign, as a spreadsheet may write it
    expectMark(u"-4", 0, Form::Unreadable);
    expectMark(u"44+", 0, Form::Unreadable);
}

TEST(TeacherMark, PeriodsWithoutAMarkAreNoMark) {
    for (const char16_t *t : {u"", u"н/а", u"Н/А", u"на", u"н", u"-", u"—", u"осв.", u"освобождён",
                              u"Освобождена", u"зач", u"зачёт", u"зачтено", u"незачёт",
                              u"не зачтено", u"не аттестован", u"неаттестована"})
        expectMark(t, 0, Form::NoMark);
}

TEST(TeacherMark, AveragesAndOtherTextAreNotMarks) {
    expectMark(u"4,6", 0, Form::Average);
    expectMark(u"3.75", 0, Form::Average);
    expectMark(u"5/4", 0, Form::Unreadable);
    expectMark(u"пять", 0, Form::Unreadable);
    expectMark(u"уважительная", 0, Form::Unreadable);
    expectMark(u"удалён", 0, Form::Unreadable);
    expectMark(u"хорошист", 0, Form::Unreadable);
}
