#pragma once
#include "objectivity/core/plan/Plan.h"

#include <optional>

namespace objectivity::core {

// The numbering style of a plan as written, and renumbering in that style after sections or
// measures were added, removed or moved. Pure functions.
class PlanNumbering {
public:
    // How sections are numbered: "1.", "1", "I." (typos such as Cyrillic «У» for V are read).
    enum class SectionStyle { None, ArabicDot, ArabicBare, Roman };
    // How measures are numbered: "1.1.", "1.1", or per section "1.", "1".
    enum class MeasureStyle { HierarchicalDot, Hierarchical, FlatDot, FlatBare };

    struct Style {
        SectionStyle sections = SectionStyle::ArabicDot;
        MeasureStyle measures = MeasureStyle::HierarchicalDot;
        friend bool operator==(const Style &, const Style &) = default;
    };

    // The style of one number as written, or nothing for an empty or unreadable number.
    static std::optional<SectionStyle> sectionStyleOf(const QString &number);
    static std::optional<MeasureStyle> measureStyleOf(const QString &number);

    // The majority style of the whole plan (ties go to the dotted form); the defaults for a plan
    // with no numbers.
    static Style detect(const Plan &plan);
    // The majority style of one section's measures, or nothing when none is numbered.
    static std::optional<MeasureStyle> detectSection(const Section &section);

    // Numbers in a style; indexes are 1-based.
    static QString sectionNumber(int index, SectionStyle style);
    static QString measureNumber(int sectionIndex, int measureIndex, MeasureStyle style);

    // The plan renumbered as written: sections in the plan's majority style, the measures of each
    // section in that section's majority style (a section without numbered measures takes the
    // plan's). Every section and measure gets a number; nothing else changes.
    static Plan renumbered(const Plan &plan);
    // The plan renumbered in one given style everywhere.
    static Plan renumbered(const Plan &plan, const Style &style);
    // The same, in place.
    static void renumber(Plan &plan) { plan = renumbered(plan); }
    static void renumber(Plan &plan, const Style &style) { plan = renumbered(plan, style); }

    // Roman numerals: 1..3999 ↔ "I".."MMMCMXCIX"; Cyrillic look-alikes (І, Х, У for V, С, М) are
    // read. Returns 0 for anything else.
    static int romanValue(const QString &text);
    static QString toRoman(int value);
};

} // namespace objectivity::core
