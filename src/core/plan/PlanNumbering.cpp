#include "objectivity/core/plan/PlanNumbering.h"

#include <QRegularExpression>

#include <array>
#include <map>

namespace objectivity::core {

namespace {

// Roman digits and their Cyrillic look-alikes as they appear in typed documents.
int romanDigit(QChar c) {
    switch (c.toUpper().unicode()) {
    case u'I':
    case u'І': // Cyrillic/Ukrainian I
    case u'Ӏ': // palochka
        return 1;
    case u'V':
    case u'У': // «У.» for V in seed 001
        return 5;
    case u'X':
    case u'Х':
        return 10;
    case u'L':
        return 50;
    case u'C':
    case u'С':
        return 100;
    case u'D':
        return 500;
    case u'M':
    case u'М':
        return 1000;
    default:
        return 0;
    }
}

// The numbering votes of a run of numbers: the style written most often, ties to the earlier
// entry of `order` (the dotted forms come first).
template <typename Style, std::size_t N>
std::optional<Style> majority(const std::map<Style, int> &votes,
                              const std::array<Style, N> &order) {
    std::optional<Style> best;
    int bestCount = 0;
    for (Style s : order) {
        const auto it = votes.find(s);
        const int count = it == votes.end() ? 0 : it->second;
        if (count > bestCount) {
            best = s;
            bestCount = count;
        }
    }
    return best;
}

constexpr std::array<PlanNumbering::MeasureStyle, 4> kMeasureOrder{
    PlanNumbering::MeasureStyle::HierarchicalDot, PlanNumbering::MeasureStyle::FlatDot,
    PlanNumbering::MeasureStyle::Hierarchical, PlanNumbering::MeasureStyle::FlatBare};
constexpr std::array<PlanNumbering::SectionStyle, 3> kSectionOrder{
    PlanNumbering::SectionStyle::ArabicDot, PlanNumbering::SectionStyle::Roman,
    PlanNumbering::SectionStyle::ArabicBare};

} // namespace

int PlanNumbering::romanValue(const QString &text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return 0;
    int total = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const int v = romanDigit(t[i]);
        if (v == 0)
            return 0;
        const int next = i + 1 < t.size() ? romanDigit(t[i + 1]) : 0;
        total += next > v ? -v : v;
    }
    // Accept only canonical numerals ("IIII" or "VX" are not numbers).
    return total > 0 && total < 4000 && toRoman(total).size() == t.size() ? total : 0;
}

QString PlanNumbering::toRoman(int value) {
    if (value <= 0 || value >= 4000)
        return {};
    static const std::array<std::pair<int, const char *>, 13> parts{{{1000, "M"},
                                                                     {900, "CM"},
                                                                     {500, "D"},
                                                                     {400, "CD"},
                                                                     {100, "C"},
                                                                     {90, "XC"},
                                                                     {50, "L"},
                                                                     {40, "XL"},
                                                                     {10, "X"},
                                                                     {9, "IX"},
                                                                     {5, "V"},
                                                                     {4, "IV"},
                                                                     {1, "I"}}};
    QString out;
    for (const auto &[v, s] : parts)
        while (value >= v) {
            out += QLatin1String(s);
            value -= v;
        }
    return out;
}

std::optional<PlanNumbering::SectionStyle> PlanNumbering::sectionStyleOf(const QString &number) {
    static const QRegularExpression arabic(QStringLiteral(R"(^(\d+)(\.?)$)"));
    const QString t = number.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    const auto m = arabic.match(t);
    if (m.hasMatch())
        return m.captured(2).isEmpty() ? SectionStyle::ArabicBare : SectionStyle::ArabicDot;
    const QString roman = t.endsWith(u'.') ? t.chopped(1) : t;
    if (romanValue(roman) > 0)
        return SectionStyle::Roman;
    return std::nullopt;
}

std::optional<PlanNumbering::MeasureStyle> PlanNumbering::measureStyleOf(const QString &number) {
    static const QRegularExpression rx(QStringLiteral(R"(^\d+(\.\d+)?(\.?)$)"));
    const auto m = rx.match(number.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const bool hierarchical = m.hasCaptured(1);
    const bool dot = !m.captured(2).isEmpty();
    if (hierarchical)
        return dot ? MeasureStyle::HierarchicalDot : MeasureStyle::Hierarchical;
    return dot ? MeasureStyle::FlatDot : MeasureStyle::FlatBare;
}

std::optional<PlanNumbering::MeasureStyle> PlanNumbering::detectSection(const Section &section) {
    std::map<MeasureStyle, int> votes;
    for (const auto &m : section.measures)
        if (const auto s = measureStyleOf(m.number))
            ++votes[*s];
    return majority(votes, kMeasureOrder);
}

PlanNumbering::Style PlanNumbering::detect(const Plan &plan) {
    std::map<SectionStyle, int> sectionVotes;
    std::map<MeasureStyle, int> measureVotes;
    bool anySection = false;
    for (const auto &section : plan.sections) {
        if (const auto s = sectionStyleOf(section.number)) {
            ++sectionVotes[*s];
            anySection = true;
        }
        for (const auto &m : section.measures)
            if (const auto s = measureStyleOf(m.number))
                ++measureVotes[*s];
    }
    Style style;
    if (anySection)
        style.sections = *majority(sectionVotes, kSectionOrder);
    else if (!plan.sections.isEmpty())
        style.sections = SectionStyle::None; // sections written without numbers stay so
    style.measures = majority(measureVotes, kMeasureOrder).value_or(MeasureStyle::HierarchicalDot);
    return style;
}

QString PlanNumbering::sectionNumber(int index, SectionStyle style) {
    switch (style) {
    case SectionStyle::None:
        return {};
    case SectionStyle::ArabicDot:
        return QString::number(index) + u'.';
    case SectionStyle::ArabicBare:
        return QString::number(index);
    case SectionStyle::Roman:
        return toRoman(index) + u'.';
    }
    return {};
}

QString PlanNumbering::measureNumber(int sectionIndex, int measureIndex, MeasureStyle style) {
    switch (style) {
    case MeasureStyle::HierarchicalDot:
        return QStringLiteral("%1.%2.").arg(sectionIndex).arg(measureIndex);
    case MeasureStyle::Hierarchical:
        return QStringLiteral("%1.%2").arg(sectionIndex).arg(measureIndex);
    case MeasureStyle::FlatDot:
        return QString::number(measureIndex) + u'.';
    case MeasureStyle::FlatBare:
        return QString::number(measureIndex);
    }
    return {};
}

Plan PlanNumbering::renumbered(const Plan &plan) {
    const Style planStyle = detect(plan);
    Plan out = plan;
    for (qsizetype i = 0; i < out.sections.size(); ++i) {
        Section &section = out.sections[i];
        const int sectionIndex = int(i) + 1;
        section.number = sectionNumber(sectionIndex, planStyle.sections);
        const MeasureStyle style = detectSection(plan.sections[i]).value_or(planStyle.measures);
        for (qsizetype j = 0; j < section.measures.size(); ++j)
            section.measures[j].number = measureNumber(sectionIndex, int(j) + 1, style);
    }
    return out;
}

Plan PlanNumbering::renumbered(const Plan &plan, const Style &style) {
    Plan out = plan;
    for (qsizetype i = 0; i < out.sections.size(); ++i) {
        Section &section = out.sections[i];
        section.number = sectionNumber(int(i) + 1, style.sections);
        for (qsizetype j = 0; j < section.measures.size(); ++j)
            section.measures[j].number = measureNumber(int(i) + 1, int(j) + 1, style.measures);
    }
    return out;
}

} // namespace objectivity::core
