#include "objectivity/io/plan/ApprovalBlockParser.h"

#include "objectivity/io/plan/PlanTextRules.h"

#include <QRegularExpression>

using objectivity::core::OrganizationKind;

namespace objectivity::io {

namespace {
constexpr auto kCaseless =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

const QRegularExpression &markerRe() {
    static const QRegularExpression r(
        QStringLiteral(R"(^\s*(УТВЕРЖДА(?:Ю|ЕМ|ЕТСЯ)|УТВЕРЖДЕН[АОЫ]?)\b[:.]?\s*)"), kCaseless);
    return r;
}

// «СОГЛАСОВАНО», «ПРИНЯТО», «РАССМОТРЕНО»: blocks beside the approval that name someone who agreed
// or a council that adopted the plan, not the approver.
bool isAgreementMarker(const QString &t) {
    static const QRegularExpression agreed(
        QStringLiteral(R"(^\s*(СОГЛАСОВАН|ПРИНЯТ|РАССМОТРЕН)[АОЫ]?\b)"), kCaseless);
    return agreed.match(t).hasMatch();
}

bool isOrderLine(const QString &t) {
    static const QRegularExpression order(
        QStringLiteral(R"(приказ|распоряжени|постановлени|протокол|^от\s+«?\d|^№\s*\d)"),
        kCaseless);
    return order.match(t).hasMatch();
}

bool isDateOnly(const QString &t) {
    // "30.08.2023", "30.08.2023 г.", "«15» сентября 2023 г.", "«__» ________ 2023 года"
    static const QRegularExpression numeric(
        QStringLiteral(R"(^\d{1,2}\.\d{1,2}\.\d{2,4}\s*(г\.?|года)?$)"));
    static const QRegularExpression words(
        QStringLiteral(R"(^[«"]?[\d_]{0,2}[»"]?\s*[а-яё_]+\s*\d{4}\s*(г\.?|года)?$)"), kCaseless);
    return numeric.match(t).hasMatch() || words.match(t).hasMatch();
}

// Reads number and date of an order from a line such as "Приказ №149 от 01.07.2022 г.".
void readOrder(const QString &text, core::Approval &a) {
    if (a.orderNumber.isEmpty())
        a.orderNumber = ApprovalBlockParser::findOrderNumber(text);
    if (!a.orderDate.isValid())
        a.orderDate = ApprovalBlockParser::findDate(text);
}

// "Приложение к приказу МБОУ «Сальская СОШ № 2» от 01.09.2023 № 187" → "МБОУ «Сальская СОШ № 2»":
// the words after «приказу» up to «от» or «№» outside quotes.
QString issuerOf(const QString &appendix) {
    static const QRegularExpression kind(
        QStringLiteral(R"((?:приказу?|распоряжени[юя]|постановлени[юя]|решени[юя])\s+)"),
        kCaseless);
    static const QRegularExpression stop(QStringLiteral(R"(^(?:от\b|№))"), kCaseless);
    const auto m = kind.match(appendix);
    if (!m.hasMatch())
        return {};
    const QString rest = appendix.mid(m.capturedEnd());
    int depth = 0;
    bool inQuotes = false;
    qsizetype end = rest.size();
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest[i];
        if (c == QChar(u'«'))
            ++depth;
        else if (c == QChar(u'»'))
            depth = qMax(0, depth - 1);
        else if (c == QLatin1Char('"'))
            inQuotes = !inQuotes;
        else if (depth == 0 && !inQuotes && (i == 0 || rest[i - 1].isSpace()) &&
                 stop.match(QStringView(rest).mid(i)).hasMatch()) {
            end = i;
            break;
        }
    }
    return rest.left(end).trimmed();
}

// "Управления образования администрации …" (as the appendix line names the issuer) →
// "Управление образования администрации …": the organization is named in the nominative.
QString nominative(const QString &issuer) {
    static const QList<std::pair<QString, QString>> heads{
        {QStringLiteral("управления"), QStringLiteral("Управление")},
        {QStringLiteral("отдела"), QStringLiteral("Отдел")},
        {QStringLiteral("комитета"), QStringLiteral("Комитет")},
        {QStringLiteral("департамента"), QStringLiteral("Департамент")},
        {QStringLiteral("министерства"), QStringLiteral("Министерство")},
        {QStringLiteral("администрации"), QStringLiteral("Администрация")},
        {QStringLiteral("директора"), QStringLiteral("Директор")},
        {QStringLiteral("начальника"), QStringLiteral("Начальник")},
    };
    const qsizetype space = issuer.indexOf(QLatin1Char(' '));
    const QString first = issuer.left(space < 0 ? issuer.size() : space).toLower();
    for (const auto &[genitive, nom] : heads)
        if (first == genitive)
            return nom + issuer.mid(first.size());
    return issuer;
}

QString organizationFromPosition(const QString &position) {
    const QString lead = PlanTextRules::leadingPosition(position);
    const QString rest = position.mid(lead.size()).trimmed();
    const QString org = ApprovalBlockParser::findOrganization(rest);
    return org;
}
} // namespace

bool ApprovalBlockParser::isApprovalMarker(const QString &text) {
    return markerRe().match(text).hasMatch();
}

bool ApprovalBlockParser::isAppendixStart(const QString &text) {
    static const QRegularExpression r(
        QStringLiteral(R"(^\s*(Приложение(\s*№?\s*\d+)?(\s+к\s|\.?\s*$)|)"
                       R"(К\s+(приказу|распоряжению|постановлению|решению)\b))"),
        kCaseless);
    return r.match(text).hasMatch();
}

QDate ApprovalBlockParser::findDate(const QString &text) {
    static const QRegularExpression numeric(
        QStringLiteral(R"((?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d))"));
    static const QRegularExpression words(
        QStringLiteral(
            R"((?<!\d)«?(\d{1,2})»?\s*(январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s*(\d{4}))"),
        kCaseless);
    const auto n = numeric.match(text);
    const auto w = words.match(text);
    if (n.hasMatch() && (!w.hasMatch() || n.capturedStart() < w.capturedStart())) {
        int y = n.captured(3).toInt();
        if (y < 100)
            y += 2000;
        const QDate d(y, n.captured(2).toInt(), n.captured(1).toInt());
        if (d.isValid())
            return d;
    }
    if (w.hasMatch()) {
        static const QStringList stems{
            QStringLiteral("январ"),  QStringLiteral("феврал"), QStringLiteral("март"),
            QStringLiteral("апрел"),  QStringLiteral("ма"),     QStringLiteral("июн"),
            QStringLiteral("июл"),    QStringLiteral("август"), QStringLiteral("сентябр"),
            QStringLiteral("октябр"), QStringLiteral("ноябр"),  QStringLiteral("декабр")};
        const QString stem = w.captured(2).toLower();
        int month = 0;
        for (int i = 0; i < stems.size(); ++i)
            if (stem.startsWith(stems[i]) && (i != 4 || stem.size() <= 3))
                month = i + 1;
        const QDate d(w.captured(3).toInt(), month, w.captured(1).toInt());
        if (d.isValid())
            return d;
    }
    return {};
}

QString ApprovalBlockParser::findOrderNumber(const QString &text) {
    // The number may be written on a blank to fill in: «№ __1157___».
    static const QRegularExpression number(
        QStringLiteral(R"(№\s*_*\s*([0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё/\-.]*))"));
    // «Гимназия №3» is a name, not the order's number.
    static const QRegularExpression quoted(QStringLiteral(R"(«[^«»]*»|"[^"]*")"));
    QString plain = text;
    plain.replace(quoted, QStringLiteral(" "));
    const auto m = number.match(plain);
    if (!m.hasMatch())
        return {};
    QString n = m.captured(1);
    while (n.endsWith(QLatin1Char('.')) || n.endsWith(QLatin1Char('-')))
        n.chop(1);
    return n;
}

QString ApprovalBlockParser::findOrganization(const QString &text) {
    static const QRegularExpression org(QStringLiteral(
        R"([А-ЯЁ]{2,8}\s*«[^«»]*(?:«[^«»]*»[^«»]*)?»(?:\s+(?:г\.\s?[А-ЯЁ][а-яё-]+|города\s+[А-ЯЁ][а-яё-]+|[А-ЯЁ]{3,8}(?![А-ЯЁа-яё])))?)"));
    const auto m = org.match(PlanTextRules::oneLine(text));
    return m.hasMatch() ? m.captured(0).trimmed() : QString();
}

OrganizationKind ApprovalBlockParser::organizationKind(const QString &name) {
    static const QRegularExpression municipal(
        QStringLiteral(
            R"(управлени\w*\s+образовани|отдел\w*\s+образовани|комитет\w*\s+(по\s+)?образовани|)"
            R"(департамент\w*\s+образовани|управлени\w*\s+по\s+образовани|МКУ\s*«(?!.*(школ|СОШ|ООШ|гимназ|лице)))"),
        kCaseless);
    static const QRegularExpression regional(
        QStringLiteral(R"(министерств|институт\w*\s+развития\s+образования|региональн\w*\s+центр)"),
        kCaseless);
    if (regional.match(name).hasMatch())
        return OrganizationKind::RegionalBody;
    if (municipal.match(name).hasMatch())
        return OrganizationKind::MunicipalDepartment;
    return OrganizationKind::School;
}

ApprovalBlockParser::Scan ApprovalBlockParser::scan(const QList<Line> &lines,
                                                    const QSet<int> &reserved,
                                                    const QString &title) {
    Scan s;
    core::Approval &a = s.approval;
    auto usable = [&](qsizetype i) {
        return i < lines.size() && !reserved.contains(lines[i].index);
    };

    // Reads one line of an approval block into the approval.
    QStringList blockText; // every line read as part of an approval block
    // «УТВЕРЖДЕНО приказом директора / МБОУ «Ивановская ООШ» / от … № …»: the organization line
    // names who issued the order, not the approver's position.
    static const QRegularExpression byOrder(
        QStringLiteral(R"(^(приказом|распоряжением|постановлением|решением)\b)"), kCaseless);
    bool issuedByOrder = false;
    auto take = [&](const QString &t) {
        blockText << t;
        const QString plain = PlanTextRules::stripSignature(t);
        if (isOrderLine(t)) {
            issuedByOrder = issuedByOrder || byOrder.match(t).hasMatch();
            readOrder(t, a);
        } else if (issuedByOrder && a.approverName.isEmpty() && a.approverPosition.isEmpty() &&
                   findOrganization(t) == PlanTextRules::oneLine(t)) {
            if (a.issuer.isEmpty())
                a.issuer = PlanTextRules::oneLine(t);
        } else if (PlanTextRules::isPersonName(plain)) {
            if (a.approverName.isEmpty())
                a.approverName = plain;
        } else if (isDateOnly(t)) {
            if (!a.orderDate.isValid())
                a.orderDate = findDate(t);
        } else {
            QString position = t;
            const QString name = PlanTextRules::trailingName(t);
            if (!name.isEmpty() && a.approverName.isEmpty()) {
                a.approverName = name;
                position = t.left(t.lastIndexOf(name));
            }
            position = PlanTextRules::stripSignature(position);
            if (!position.isEmpty())
                a.approverPosition = a.approverPosition.isEmpty()
                                         ? position
                                         : a.approverPosition + QLatin1Char(' ') + position;
        }
    };

    // 1. «УТВЕРЖДАЮ» blocks.
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!usable(i) || !isApprovalMarker(lines[i].text))
            continue;
        s.consumed.insert(lines[i].index);
        const QString rest =
            lines[i].text.mid(markerRe().match(lines[i].text).capturedLength()).trimmed();
        if (!rest.isEmpty())
            take(rest);
        int blanks = 0;
        for (qsizetype j = i + 1; usable(j); ++j) {
            const QString &t = lines[j].text;
            if (t.isEmpty()) {
                if (++blanks > 2)
                    break;
                continue;
            }
            if (isApprovalMarker(t) || isAppendixStart(t) || isAgreementMarker(t))
                break;
            if (blanks > 0) {
                // After a gap only what the block still misses belongs to it.
                const bool name = PlanTextRules::isPersonName(PlanTextRules::stripSignature(t));
                const bool wanted =
                    (name && a.approverName.isEmpty()) ||
                    (isOrderLine(t) && a.orderNumber.isEmpty()) ||
                    (PlanTextRules::startsWithPosition(t) && a.approverPosition.isEmpty());
                if (!wanted)
                    break;
            }
            blanks = 0;
            s.consumed.insert(lines[j].index);
            take(t);
        }
    }

    // 2. Appendix lines, possibly wrapped over several lines.
    QStringList appendices;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!usable(i) || s.consumed.contains(lines[i].index) || !isAppendixStart(lines[i].text))
            continue;
        // «Приложение № 1» on a line of its own, «к приказу …» below it.
        static const QRegularExpression label(
            QStringLiteral(R"(^\s*Приложение(\s*№?\s*\d+)?\.?\s*)"), kCaseless);
        bool bareLabel = label.match(lines[i].text).capturedLength() == lines[i].text.size();
        QStringList parts{lines[i].text};
        s.consumed.insert(lines[i].index);
        for (qsizetype j = i + 1; usable(j) && !lines[j].text.isEmpty(); ++j) {
            const QString &t = lines[j].text;
            if (isApprovalMarker(t) || (isAppendixStart(t) && !bareLabel) || isAgreementMarker(t))
                break;
            bareLabel = false;
            parts << t;
            s.consumed.insert(lines[j].index);
            i = j;
        }
        const QString joined = PlanTextRules::oneLine(parts.join(QLatin1Char(' ')));
        appendices << joined;
        // The appendix's own number («Приложение № 1») is not the order's.
        QString order = joined;
        order.remove(label);
        readOrder(order, a);
        if (a.issuer.isEmpty())
            a.issuer = issuerOf(order);
    }
    a.appendixLine = appendices.join(QStringLiteral("; "));

    // Lines of an agreement block («СОГЛАСОВАНО» / председатель профкома …) name someone who
    // agreed, not the approver: the signature search below skips them.
    QSet<qsizetype> agreement;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isAgreementMarker(lines[i].text))
            continue;
        for (qsizetype j = i; j < lines.size() && (j == i || !lines[j].text.isEmpty()); ++j) {
            if (j > i && (isApprovalMarker(lines[j].text) || isAppendixStart(lines[j].text)))
                break;
            agreement.insert(j);
        }
    }

    // 3. No approval block: the signature of the order («Начальник» … «А.А. Мищерин»).
    if (a.approverName.isEmpty()) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!usable(i) || s.consumed.contains(lines[i].index) || agreement.contains(i))
                continue;
            const QString &t = lines[i].text;
            if (!PlanTextRules::startsWithPosition(t) || t.split(QLatin1Char(' ')).size() > 12)
                continue;
            const QString inline_ = PlanTextRules::trailingName(t);
            if (!inline_.isEmpty()) {
                a.approverName = inline_;
                a.approverPosition = PlanTextRules::stripSignature(t.left(t.lastIndexOf(inline_)));
                s.signature.insert(lines[i].index);
                continue; // the last signature wins
            }
            for (qsizetype j = i + 1; j < qMin(lines.size(), i + 6) && usable(j); ++j) {
                const QString plain = PlanTextRules::stripSignature(lines[j].text);
                if (plain.isEmpty())
                    continue;
                if (PlanTextRules::isPersonName(plain)) {
                    a.approverName = plain;
                    a.approverPosition = PlanTextRules::stripSignature(t);
                    s.signature << lines[i].index << lines[j].index;
                }
                break;
            }
        }
    }

    // 4. The order printed above the plan with the same number but another date.
    if (a.orderDate.isValid() && !a.orderNumber.isEmpty()) {
        bool sameNumber = false;
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (usable(i) && !s.consumed.contains(lines[i].index) &&
                findOrderNumber(lines[i].text) == a.orderNumber)
                sameNumber = true;
        for (qsizetype i = 0; sameNumber && i < lines.size(); ++i) {
            if (!usable(i) || s.consumed.contains(lines[i].index) || !isDateOnly(lines[i].text))
                continue;
            const QDate d = findDate(lines[i].text);
            if (d.isValid() && d != a.orderDate) {
                s.otherDateLine = lines[i].index;
                s.otherDate = d;
                break;
            }
        }
    }

    // 5. The organization: from the approver's position, the order's issuer, or the title.
    QString org = organizationFromPosition(a.approverPosition);
    if (org.isEmpty())
        org = findOrganization(a.issuer);
    if (org.isEmpty() && !a.issuer.isEmpty())
        org = nominative(a.issuer);
    if (org.isEmpty())
        org = findOrganization(blockText.join(QLatin1Char(' ')));
    if (org.isEmpty())
        org = findOrganization(title);
    s.organization.name = org;
    s.organization.kind = organizationKind(org);
    return s;
}

} // namespace objectivity::io
