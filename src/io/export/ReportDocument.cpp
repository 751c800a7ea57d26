#include "objectivity/io/export/ReportDocument.h"

#include <QRegularExpression>

namespace objectivity::io {

void ReportDocument::table(const QStringList &header, const QList<QStringList> &rows,
                           const QList<int> &widths, bool totalRow) {
    Block b;
    b.kind = Block::Kind::Table;
    b.header = header;
    b.rows = rows;
    b.widths = widths;
    b.totalRow = totalRow;
    blocks.append(b);
}

void ReportDocument::figure(const QImage &image, double widthMm, const QString &caption,
                            const QStringList &labels) {
    Block b;
    b.cells = labels;
    b.kind = Block::Kind::Figure;
    b.image = image;
    b.widthMm = widthMm;
    b.text = caption;
    blocks.append(b);
}

bool ReportDocument::isNumericCell(const QString &text) {
    if (text == QStringLiteral("—"))
        return true;
    static const QString allowed = QStringLiteral(" \u00a0\u202f,.%/+-\u2212");
    bool digit = false;
    for (const QChar ch : text) {
        if (ch.isDigit())
            digit = true;
        else if (!allowed.contains(ch))
            return false;
    }
    return digit;
}

QString ReportDocument::typesetText(const QString &text) {
    static const QRegularExpression afterNumberSign(QStringLiteral("№ (?=\\S)"));
    static const QRegularExpression beforeUnit(QStringLiteral("(?<=\\d) (?=%|г\\.|гг\\.|кл\\.)"));
    static const QRegularExpression beforeDash(QStringLiteral("(?<=\\S) (?=—)"));
    const QString nbsp(QChar(0x00A0));
    QString out = text;
    out.replace(afterNumberSign, QStringLiteral("№") + nbsp);
    out.replace(beforeUnit, nbsp);
    out.replace(beforeDash, nbsp);
    return out;
}

ReportDocument ReportDocument::typeset() const {
    ReportDocument out = *this;
    out.title = typesetText(title);
    auto all = [](QStringList &list) {
        for (QString &s : list)
            s = typesetText(s);
    };
    for (Block &b : out.blocks) {
        b.text = typesetText(b.text);
        b.lead = typesetText(b.lead);
        all(b.cells);
        all(b.header);
        for (QStringList &row : b.rows)
            all(row);
    }
    return out;
}

QString ReportDocument::plainText() const {
    QStringList out;
    for (const Block &b : blocks) {
        if (!b.lead.isEmpty() || !b.text.isEmpty())
            out << (b.lead.isEmpty() ? b.text : b.lead + QLatin1Char(' ') + b.text);
        if (!b.cells.isEmpty())
            out << b.cells.join(QLatin1Char(' '));
        if (!b.header.isEmpty())
            out << b.header.join(QLatin1Char(' '));
        for (const QStringList &row : b.rows)
            out << row.join(QLatin1Char(' '));
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace objectivity::io
