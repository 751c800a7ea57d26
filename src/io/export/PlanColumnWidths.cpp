#include "objectivity/io/export/PlanColumnWidths.h"

#include "objectivity/io/export/PlanExportTable.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <vector>

namespace objectivity::io {

namespace {

// A cell as the widths of the words of each paragraph, in the units of the measure.
using CellWords = QList<QList<int>>;
// The width of a word in some unit (characters, tenths of a millimetre).
using Measure = std::function<int(const QString &word)>;

CellWords splitWords(const QString &text, const Measure &measure) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    CellWords cell;
    for (const QString &paragraph : text.split(u'\n')) {
        QList<int> widths;
        for (const QString &word : paragraph.split(space, Qt::SkipEmptyParts))
            widths.append(std::max(1, measure(word)));
        cell.append(widths);
    }
    return cell;
}

// Lines of a cell wrapped greedily at `width` (a word wider than the line breaks).
int wrappedLines(const CellWords &cell, int width, int space) {
    int lines = 0;
    for (const QList<int> &paragraph : cell) {
        int used = 0;
        int count = 1;
        for (int length : paragraph) {
            if (used > 0 && used + space + length > width) {
                ++count;
                used = 0;
            }
            if (used == 0 && length > width) {
                count += (length - 1) / width;
                used = length % width == 0 ? width : length % width;
            } else {
                used += (used > 0 ? space : 0) + length;
            }
        }
        lines += count;
    }
    return lines;
}

// The widths for a line of `total` units: every column at least its longest word (capped at
// `wordCap`), then step by step the width goes where it saves the most lines per unit, looking a
// few steps ahead (a column often needs several steps before a word moves up a line).
QList<double> distribute(const QList<QList<CellWords>> &rows, int columns, int total, int space,
                         int wordCap) {
    QList<int> width(columns, space * 2);
    for (const auto &row : rows)
        for (int c = 0; c < columns; ++c)
            for (const QList<int> &paragraph : row[c])
                for (int length : paragraph)
                    width[c] = std::max(width[c], std::min(length + space, wordCap));
    total = std::max(total, columns * space * 2);
    int used = 0;
    for (int w : std::as_const(width))
        used += w;
    if (used > total) {
        for (int &w : width)
            w = std::max(space * 2, int(qint64(w) * total / used));
        used = 0;
        for (int w : std::as_const(width))
            used += w;
    }

    const int rowCount = int(rows.size());
    // Lines of every row in a column at a width, computed once per (column, width). A node-based
    // map: references stay valid while more entries are added.
    std::unordered_map<qint64, std::vector<int>> wrapped;
    const auto linesAt = [&](int column, int columnWidth) -> const std::vector<int> & {
        const qint64 key = qint64(column) << 32 | quint32(columnWidth);
        auto it = wrapped.find(key);
        if (it == wrapped.end()) {
            std::vector<int> l(static_cast<size_t>(rowCount));
            for (int r = 0; r < rowCount; ++r)
                l[size_t(r)] = wrappedLines(rows[r][column], columnWidth, space);
            it = wrapped.emplace(key, std::move(l)).first;
        }
        return it->second;
    };
    // Per row: the tallest and second tallest columns, and all lines, at the current widths.
    QList<int> top(rowCount), topColumn(rowCount), second(rowCount), all(rowCount);
    const auto summarize = [&] {
        for (int r = 0; r < rowCount; ++r) {
            top[r] = second[r] = all[r] = 0;
            topColumn[r] = -1;
            for (int c = 0; c < columns; ++c) {
                const int l = linesAt(c, width[c])[size_t(r)];
                all[r] += l;
                if (l > top[r]) {
                    second[r] = top[r];
                    top[r] = l;
                    topColumn[r] = c;
                } else if (l > second[r]) {
                    second[r] = l;
                }
            }
        }
    };
    // The table's height in lines with one column at another width, plus a small share of all
    // lines to prefer, among equal heights, fewer lines in the columns that set no row's height.
    const auto cost = [&](int column, int columnWidth) {
        const std::vector<int> &now = linesAt(column, width[column]);
        const std::vector<int> &then = linesAt(column, columnWidth);
        double sum = 0;
        for (int r = 0; r < rowCount; ++r) {
            const int others = topColumn[r] == column ? second[r] : top[r];
            const int l = then[size_t(r)];
            sum += std::max(others, l) + 0.001 * (all[r] - now[size_t(r)] + l);
        }
        return sum;
    };

    constexpr int kSteps = 150, kLookAhead = 12;
    const int step = std::max(1, (total - used) / kSteps);
    while (used + step <= total) {
        summarize();
        const double now = cost(0, width[0]);
        int best = -1, bestSteps = 1;
        double bestGain = 0;
        for (int c = 0; c < columns; ++c)
            for (int k = 1; k <= kLookAhead && used + k * step <= total; ++k) {
                const double gain = (now - cost(c, width[c] + k * step)) / k;
                if (gain > bestGain + 1e-9) {
                    bestGain = gain;
                    best = c;
                    bestSteps = k;
                }
            }
        if (best < 0)
            break;
        width[best] += bestSteps * step;
        used += bestSteps * step;
    }
    // What no column needs goes to all of them in proportion to their widths.
    QList<double> percents;
    for (int w : std::as_const(width))
        percents.append(w * 100.0 / used);
    return percents;
}

// `boldColumns`: columns whose cells may be bold (an overdue status), measured so.
QList<double> computeWith(const QStringList &headings, const QList<QStringList> &cells,
                          int lineWidth, const Measure &measure, const Measure &measureBold,
                          int space, int wordCap, const QList<bool> &boldColumns = {}) {
    const int columns = int(headings.size());
    if (columns == 0)
        return {};
    QList<QList<CellWords>> rows;
    QList<CellWords> header;
    for (const QString &h : headings)
        header.append(splitWords(h, measureBold));
    rows.append(header);
    // A long plan is judged on evenly spaced rows: the widths come out the same, in bounded time.
    constexpr int kMaxRows = 400;
    const qsizetype every = std::max<qsizetype>(1, (cells.size() + kMaxRows - 1) / kMaxRows);
    for (qsizetype i = 0; i < cells.size(); i += every) {
        const QStringList &row = cells[i];
        QList<CellWords> words;
        for (int c = 0; c < columns; ++c)
            words.append(splitWords(c < row.size() ? row[c] : QString(),
                                    boldColumns.value(c) ? measureBold : measure));
        rows.append(words);
    }
    return distribute(rows, columns, lineWidth, space, wordCap);
}

} // namespace

double PlanColumnWidths::averageCharMm(double pointSize) {
    // Liberation Serif: about 0.5 em per character of Russian text with its spaces.
    return pointSize * 25.4 / 72.0 * 0.5;
}

QList<double> PlanColumnWidths::compute(const QStringList &headings,
                                        const QList<QStringList> &cells, double lineChars) {
    const Measure chars = [](const QString &word) { return int(word.size()); };
    return computeWith(headings, cells, int(lineChars), chars, chars, 1, 22);
}

QList<double> PlanColumnWidths::forTable(const core::Plan &plan, const PlanExportTable &table,
                                         double textWidthMm, double pointSize) {
    const QList<core::PlanColumn> &columns = table.columns();
    QStringList headings;
    QList<bool> boldColumns;
    for (const core::PlanColumn &c : columns) {
        headings.append(c.heading.simplified());
        boldColumns.append(c.role == core::ColumnRole::Status);
    }
    QList<QStringList> cells;
    for (const core::Section &section : plan.sections)
        for (const core::Measure &m : section.measures) {
            QStringList row;
            for (int c = 0; c < columns.size(); ++c)
                row.append(table.cellText(m, c));
            cells.append(row);
        }
    // Each cell loses its left and right padding (2 mm) and a little for the borders: the text
    // gets the rest, and each column is its text's width plus that.
    constexpr double kPaddingMm = 2.2;
    const double contentMm = std::max(1.0, textWidthMm - columns.size() * kPaddingMm);
    const auto withPadding = [&](const QList<double> &content) {
        QList<double> percents;
        for (double p : content)
            percents.append((p / 100 * contentMm + kPaddingMm) * 100 / textWidthMm);
        return percents;
    };
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return withPadding(compute(headings, cells, contentMm / averageCharMm(pointSize)));
    // With fonts at hand: the words measured in Liberation Serif, in tenths of a millimetre. The
    // font is sized in pixels, 100 per point, so that the screen's resolution does not count.
    QFont font = PlanDocumentBuilder::documentFont(pointSize);
    font.setPixelSize(int(pointSize * 100));
    font.setHintingPreference(QFont::PreferNoHinting);
    const QFontMetricsF plain(font);
    font.setBold(true);
    const QFontMetricsF bold(font);
    const auto tenths = [](qreal pixels) { return int(std::ceil(pixels / 100 * 254.0 / 72.0)); };
    // Words repeat: each is measured once.
    QHash<QString, int> plainCache, boldCache;
    const auto cached = [&](QHash<QString, int> &cache, const QFontMetricsF &metrics,
                            const QString &w) {
        auto it = cache.constFind(w);
        if (it == cache.constEnd())
            it = cache.insert(w, tenths(metrics.horizontalAdvance(w)));
        return *it;
    };
    const Measure measure = [&](const QString &w) { return cached(plainCache, plain, w); };
    const Measure measureBold = [&](const QString &w) { return cached(boldCache, bold, w); };
    return withPadding(computeWith(headings, cells, int(contentMm * 10), measure, measureBold,
                                   tenths(plain.horizontalAdvance(u' ')), 450, boldColumns));
}

} // namespace objectivity::io
