#pragma once
#include <QStringView>

namespace objectivity::core {

// A mark a teacher gives (the journal's mark for a period, the annual mark), read from the text a
// school's electronic journal exports. The five-point scale has no «+» or «−» and a period can end
// without a mark («н/а», «осв.», «зачёт»); the importer keeps the row, counts such values and says
// what it did with them instead of rejecting the file.
struct TeacherMark {
    enum class Form {
        Plain,  // «5», «5,0», «отлично», «хор.», «удовл.», «неуд.»
        Signed, // «4+», «5-», «4−»: the sign is dropped (mark 4, 5, 4)
        NoMark, // «н/а», «не аттестован», «осв.», «освобождён», «зачёт», «незачёт», «н», «-»
        Average,    // «4,6»: an average of marks, not a mark for the period
        Unreadable, // anything else
    };
    int mark = 0; // 1..5 as written (not range-checked), 0 for NoMark, Average and Unreadable
    Form form = Form::Unreadable;
};

// Empty text is {0, NoMark}.
TeacherMark teacherMarkFromText(QStringView text);

} // namespace objectivity::core
