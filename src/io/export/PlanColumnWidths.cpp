#include "objectivity/io/export/PlanColumnWidths.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace objectivity::io {

namespace {

// Lines of a cell at inner width w: its words filled into lines as word wrap does; a word wider
// than the line breaks inside it and counts `breakCost` more lines (for the widths: allowed, but
// costly).
double linesAt(const PlanColumnWidths::Cell &cell, double w, double breakCost = 2) {
    double lines = 0, x = -1; // x < 0: no line open
    for (float word : cell.words) {
        if (word < 0) { // the end of a paragraph
            x = -1;
            continue;
        }
        if (x >= 0 && x + cell.space + word <= w) {
            x += cell.space + word;
            continue;
        }
        lines += 1;
        x = word;
        if (word > w) {
            const double extra = std::floor(word / w);
            lines += extra + breakCost;
            x = word - extra * w;
        }
    }
    return std::max(lines, 1.0);
}

// The most of the width the columns' minimums may take together.
constexpr double kMinimumsShare = 0.75;

double power8(double x) {
    const double x2 = x * x, x4 = x2 * x2;
    return x4 * x4;
}

double root8(double x) {
    return std::sqrt(std::sqrt(std::sqrt(std::max(x, 0.0))));
}

} // namespace

QList<double> PlanColumnWidths::compute(const Row &header, const std::vector<Row> &rows,
                                        int columnCount, double total, double padding,
                                        double minimum, const std::vector<bool> &keepWords) {
    QList<double> widths;
    if (columnCount <= 0)
        return widths;
    const double innerTotal = total - 2 * padding * columnCount;
    const double innerMinimum = std::max(1.0, minimum - 2 * padding);
    // Per column: the widest paragraph and the longest word of the heading and of the cells.
    std::vector<double> widest(columnCount, 0), word(columnCount, 0), headerWord(columnCount, 0);
    for (const Row &row : rows)
        for (int c = 0; c < columnCount && c < int(row.size()); ++c) {
            word[c] = std::max(word[c], double(row[c].longestWord));
            for (float p : row[c].paragraphs)
                widest[c] = std::max(widest[c], double(p));
        }
    const std::vector<double> cellWidest = widest;
    for (int c = 0; c < columnCount && c < int(header.size()); ++c) {
        headerWord[c] = header[c].longestWord;
        double headerWidest = 0;
        for (float p : header[c].paragraphs)
            headerWidest = std::max(headerWidest, double(p));
        widest[c] = std::max(widest[c], headerWidest);
        // A short heading of a column of short values stays on one line: «№ п/п», not «№ п/» «п».
        if (c < int(keepWords.size()) && keepWords[size_t(c)] &&
            headerWidest <= 2.2 * headerWord[c])
            headerWord[c] = headerWidest;
    }
    // Each column at least as wide as the longest word of its heading, and of its cells as far as
    // 70 % of the width allows (all columns alike); a word wider than 1.5 × an equal share breaks.
    const double cap = innerTotal / columnCount * 1.5;
    const auto fit = [&](double x) { return std::min(x * 1.02 + padding / 4, cap); };
    std::vector<double> w(columnCount);
    double base = 0, extra = 0;
    for (int c = 0; c < columnCount; ++c) {
        // A column of short values (dates, statuses) keeps its words whole in any case.
        const bool shortValues = cellWidest[c] * 1.02 + padding / 4 <= cap ||
                                 (c < int(keepWords.size()) && keepWords[size_t(c)]);
        w[c] = std::max(innerMinimum,
                        fit(shortValues ? std::max(headerWord[c], word[c]) : headerWord[c]));
        base += w[c];
        extra += std::max(0.0, fit(word[c]) - w[c]);
    }
    const double share = extra > 0 ? std::clamp((0.7 * innerTotal - base) / extra, 0.0, 1.0) : 0;
    for (int c = 0; c < columnCount; ++c)
        w[c] += share * std::max(0.0, fit(word[c]) - w[c]);
    double used = std::accumulate(w.begin(), w.end(), 0.0);
    if (used > kMinimumsShare * innerTotal) {
        // Too many columns for the page (a report in portrait): the minimums shrink alike (long
        // words break) and leave a quarter of the width to the columns that need it most.
        for (double &x : w)
            x = std::max(innerMinimum, x * kMinimumsShare * innerTotal / used);
        used = std::accumulate(w.begin(), w.end(), 0.0);
        if (used > innerTotal) {
            for (double &x : w)
                x *= innerTotal / used;
            used = innerTotal;
        }
    }

    // Per row and column the current estimated lines; widen step by step where it helps most.
    // A row's height is a soft maximum of its cells (the 8-norm): the tallest cell counts most,
    // yet narrowing the gap between two tall cells counts too, so that two columns that are tall
    // together are widened together instead of neither.
    const int rowCount = int(rows.size());
    std::vector<double> lines(size_t(rowCount) * columnCount, 1.0);
    std::vector<double> sums(rowCount, 0.0);
    const auto at = [&](int r, int c) -> double & { return lines[size_t(r) * columnCount + c]; };
    for (int r = 0; r < rowCount; ++r)
        for (int c = 0; c < columnCount; ++c) {
            if (c < int(rows[r].size()))
                at(r, c) = linesAt(rows[r][c], w[c]);
            sums[r] += power8(at(r, c));
        }
    // Lines come in whole numbers: a step may change no row, so each column is tried with 1, 2, 4,
    // 8 and 16 steps, and the best gain per step wins.
    const double step = std::max((innerTotal - used) / 60, innerTotal / 2000);
    while (innerTotal - used > 1e-9) {
        int best = -1;
        double bestRatio = 1e-9, bestGrant = 0;
        for (int c = 0; c < columnCount; ++c) {
            if (w[c] >= widest[c])
                continue;
            for (int k = 1; k <= 16; k *= 2) {
                const double grant = std::min(k * step, innerTotal - used);
                double gain = 0;
                for (int r = 0; r < rowCount; ++r) {
                    if (c >= int(rows[r].size()))
                        continue;
                    const double now = at(r, c), then = linesAt(rows[r][c], w[c] + grant);
                    if (then < now)
                        gain += root8(sums[r]) - root8(sums[r] - power8(now) + power8(then));
                }
                if (gain / grant > bestRatio) {
                    bestRatio = gain / grant;
                    best = c;
                    bestGrant = grant;
                }
                if (grant >= innerTotal - used)
                    break;
            }
        }
        if (best < 0)
            break;
        w[best] += bestGrant;
        used += bestGrant;
        for (int r = 0; r < rowCount; ++r)
            if (best < int(rows[r].size())) {
                const double then = linesAt(rows[r][best], w[best]);
                sums[r] += power8(then) - power8(at(r, best));
                at(r, best) = then;
            }
    }
    // What no column needs: to the columns that still wrap, else to all, by their width.
    if (innerTotal - used > 1e-9) {
        double wrapping = 0;
        for (int c = 0; c < columnCount; ++c)
            wrapping += w[c] < widest[c] ? w[c] : 0;
        const double rest = innerTotal - used;
        const double base = wrapping > 0 ? wrapping : used;
        for (int c = 0; c < columnCount; ++c)
            if (wrapping <= 0 || w[c] < widest[c])
                w[c] += rest * w[c] / base;
    }
    for (double x : w)
        widths.append(x + 2 * padding);
    return widths;
}

PlanColumnWidths::Cell PlanColumnWidths::measureText(const QString &text, const Measure &measure,
                                                     float space) {
    static const QRegularExpression blank(QStringLiteral("\\s+"));
    PlanColumnWidths::Cell cell;
    cell.space = space;
    for (const QString &paragraph : text.split(u'\n')) {
        float width = 0;
        bool first = true;
        for (const QString &word : paragraph.split(blank, Qt::SkipEmptyParts)) {
            const float w = std::max(1.0f, measure(word));
            cell.words.append(w);
            cell.longestWord = std::max(cell.longestWord, w);
            width += (first ? 0 : space) + w;
            first = false;
        }
        cell.words.append(-1);
        cell.paragraphs.append(width);
    }
    return cell;
}

int PlanColumnWidths::wrappedLines(const Cell &cell, double width) {
    return int(linesAt(cell, width, 0));
}

namespace {

QList<double> toPercents(const QList<double> &widths, double total) {
    QList<double> percents;
    for (double w : widths)
        percents.append(total > 0 ? w * 100 / total : 0);
    return percents;
}

} // namespace

QList<double> PlanColumnWidths::fromText(const QStringList &headings,
                                         const QList<QStringList> &cells, double total,
                                         double padding, double minimum, const Measure &measure,
                                         const Measure &measureBold, float space,
                                         const std::vector<bool> &bold,
                                         const std::vector<bool> &keepWords) {
    const int columnCount = int(headings.size());
    const auto measureOf = [&](int c) -> const Measure & {
        return c < int(bold.size()) && bold[size_t(c)] ? measureBold : measure;
    };
    Row header;
    for (int c = 0; c < columnCount; ++c)
        header.push_back(measureText(headings[c], measureBold, space));
    std::vector<Row> rows;
    rows.reserve(size_t(cells.size()));
    for (const QStringList &texts : cells) {
        Row row;
        for (int c = 0; c < columnCount; ++c)
            row.push_back(measureText(texts.value(c), measureOf(c), space));
        rows.push_back(std::move(row));
    }
    return compute(header, rows, columnCount, total, padding, minimum, keepWords);
}

double PlanColumnWidths::averageCharMm(double pointSize) {
    // Liberation Serif: about 0.5 em per character of Russian text with its spaces.
    return pointSize * 25.4 / 72.0 * 0.5;
}

QList<double> PlanColumnWidths::compute(const QStringList &headings,
                                        const QList<QStringList> &cells, double lineChars) {
    if (headings.isEmpty())
        return {};
    const Measure chars = [](const QString &word) { return float(word.size()); };
    return toPercents(fromText(headings, cells, lineChars, 0.25, 1.5, chars, chars, 1), lineChars);
}

QList<double> PlanColumnWidths::forTable(const core::Plan &plan, const PlanExportTable &table,
                                         double textWidthMm, double pointSize) {
    const QList<core::PlanColumn> &columns = table.columns();
    QStringList headings;
    std::vector<bool> bold, keepWords;
    for (int i = 0; i < columns.size(); ++i) {
        const core::PlanColumn &c = columns[i];
        headings.append(c.heading.simplified());
        bold.push_back(c.role == core::ColumnRole::Status);
        // numbers and statuses: no word broken, as in the printed plan (PlanPrintLayout)
        keepWords.push_back(table.isCentered(i) && c.role != core::ColumnRole::Deadline);
    }
    QList<QStringList> cells;
    for (const core::Section &section : plan.sections)
        for (const core::Measure &m : section.measures) {
            QStringList row;
            for (int c = 0; c < columns.size(); ++c)
                row.append(table.cellText(m, c));
            cells.append(row);
        }
    // Each cell loses its left and right padding (1.1 mm each, borders included).
    constexpr double kPaddingMm = 1.1;
    constexpr double kMinimumMm = 8;
    std::optional<FontMeasures> font = documentFontMeasures(pointSize);
    if (!font) { // no fonts: average characters
        const double charMm = averageCharMm(pointSize);
        const Measure chars = [charMm](const QString &w) { return float(w.size() * charMm); };
        font = FontMeasures{chars, chars, float(charMm)};
    }
    return toPercents(fromText(headings, cells, textWidthMm, kPaddingMm, kMinimumMm, font->plain,
                               font->bold, font->space, bold, keepWords),
                      textWidthMm);
}

std::optional<PlanColumnWidths::FontMeasures>
PlanColumnWidths::documentFontMeasures(double pointSize) {
    return fontMeasures(PlanDocumentBuilder::documentFont(pointSize).family(), pointSize);
}

std::optional<PlanColumnWidths::FontMeasures> PlanColumnWidths::fontMeasures(const QString &family,
                                                                             double pointSize) {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return std::nullopt;
    // The font is sized in pixels, 100 per point, so that the screen's resolution does not count.
    QFont font(family);
    font.setPixelSize(int(pointSize * 100));
    font.setHintingPreference(QFont::PreferNoHinting);
    const QFontMetricsF plain(font);
    font.setBold(true);
    const QFontMetricsF boldMetrics(font);
    const auto mm = [](qreal pixels) { return float(pixels / 100 * 25.4 / 72.0); };
    // Words repeat: each is measured once.
    const auto cached = [mm](const QFontMetricsF &metrics) -> Measure {
        auto cache = std::make_shared<QHash<QString, float>>();
        return [metrics, cache, mm](const QString &w) {
            auto it = cache->constFind(w);
            if (it == cache->constEnd())
                it = cache->insert(w, mm(metrics.horizontalAdvance(w)));
            return *it;
        };
    };
    return FontMeasures{cached(plain), cached(boldMetrics), mm(plain.horizontalAdvance(u' '))};
}

} // namespace objectivity::io
