#include "objectivity/gui/results/ResultsBrowserModel.h"

#include "objectivity/storage/results/ResultsRepository.h"

#include <QSet>

#include <algorithm>

namespace objectivity::gui {

namespace {
QString medalText(core::Medal medal) {
    switch (medal) {
    case core::Medal::Gold:
        return QStringLiteral("золото");
    case core::Medal::Silver:
        return QStringLiteral("серебро");
    case core::Medal::None:
        break;
    }
    return QString();
}

QString pointsText(const QList<std::int8_t> &points) {
    QStringList parts;
    parts.reserve(points.size());
    for (std::int8_t p : points)
        parts << (p == core::ParticipantResult::kNotAttempted ? QStringLiteral("X")
                                                              : QString::number(p));
    return parts.join(QLatin1Char(' '));
}
} // namespace

ResultsBrowserModel::ResultsBrowserModel(storage::Database &db, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_query(db) {}

ResultsBrowserModel::~ResultsBrowserModel() = default;

core::Status ResultsBrowserModel::reload() {
    storage::ResultsRepository repo(m_db);
    auto schools = repo.schools();
    if (!schools)
        return schools.error();
    auto procedures = repo.procedures();
    if (!procedures)
        return procedures.error();
    auto units = m_query.units();
    if (!units)
        return units.error();

    beginResetModel();
    m_schools.clear();
    for (const core::School &s : schools.value())
        m_schools.insert(s.id, s);
    m_procedures.clear();
    for (const core::Procedure &p : procedures.value())
        m_procedures.insert(p.id, p);
    m_allUnits = units.value();
    // Display order: municipality, school, year, procedure, grade, subject.
    auto key = [this](const storage::ParticipantQuery::Unit &u) {
        const core::School &s = m_schools[u.schoolId];
        const core::Procedure &p = m_procedures[u.procedureId];
        return std::make_tuple(s.municipality, s.code, p.year, static_cast<int>(p.kind), p.grade,
                               p.subject);
    };
    std::stable_sort(m_allUnits.begin(), m_allUnits.end(),
                     [&](const auto &a, const auto &b) { return key(a) < key(b); });
    m_allRows = 0;
    for (const auto &u : std::as_const(m_allUnits))
        m_allRows += u.count;
    m_pagesRead = 0;
    m_failed = false;
    applyFilter();
    endResetModel();
    return {};
}

void ResultsBrowserModel::setFilter(const Filter &filter) {
    beginResetModel();
    m_filter = filter;
    applyFilter();
    endResetModel();
}

bool ResultsBrowserModel::matches(const storage::ParticipantQuery::Unit &unit) const {
    const auto s = m_schools.constFind(unit.schoolId);
    const auto p = m_procedures.constFind(unit.procedureId);
    if (s == m_schools.cend() || p == m_procedures.cend())
        return false;
    const Filter &f = m_filter;
    return (f.year == 0 || p->year == f.year) &&
           (f.kind < 0 || static_cast<int>(p->kind) == f.kind) &&
           (f.grade == 0 || p->grade == f.grade) &&
           (f.subject.isEmpty() || p->subject == f.subject) &&
           (f.municipality.isEmpty() || s->municipality == f.municipality) &&
           (f.schoolCode.isEmpty() || s->code == f.schoolCode);
}

void ResultsBrowserModel::applyFilter() {
    m_units.clear();
    m_unitStarts.clear();
    m_pages.clear();
    m_total = 0;
    QSet<qint64> schools, procedures;
    for (const auto &u : std::as_const(m_allUnits)) {
        if (!matches(u))
            continue;
        m_units.append({u.schoolId, u.procedureId, u.count});
        m_unitStarts.append(m_total);
        m_total += u.count;
        schools.insert(u.schoolId);
        procedures.insert(u.procedureId);
    }
    m_schoolCount = int(schools.size());
    m_procedureCount = int(procedures.size());
}

const QList<core::ParticipantResult> *ResultsBrowserModel::page(int pageIndex) const {
    if (const auto it = m_pages.constFind(pageIndex); it != m_pages.cend())
        return &it.value();
    if (m_pages.size() >= kMaxPages)
        m_pages.clear();
    QList<core::ParticipantResult> rows;
    const qint64 first = qint64(pageIndex) * kPageRows;
    const qint64 last = std::min(m_total, first + kPageRows);
    // The unit holding `first`: the last start not after it.
    auto it = std::upper_bound(m_unitStarts.cbegin(), m_unitStarts.cend(), first);
    qsizetype u = std::distance(m_unitStarts.cbegin(), it) - 1;
    qint64 row = first;
    while (row < last && u >= 0 && u < m_units.size()) {
        const UnitRef &unit = m_units.at(u);
        const int offset = int(row - m_unitStarts.at(u));
        const int want = int(std::min<qint64>(last - row, unit.count - offset));
        auto part = m_query.rows(unit.schoolId, unit.procedureId, offset, want);
        if (!part) {
            if (!m_failed) {
                m_failed = true;
                emit const_cast<ResultsBrowserModel *>(this)->readFailed(part.error().toString());
            }
            break;
        }
        // Rows deleted since reload(): pad so the page keeps its shape.
        while (part->size() < want)
            part->append(core::ParticipantResult{});
        rows += part.value();
        row += want;
        ++u;
    }
    ++m_pagesRead;
    return &m_pages.insert(pageIndex, rows).value();
}

int ResultsBrowserModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(std::min<qint64>(m_total, INT_MAX));
}

int ResultsBrowserModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsBrowserModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Variant && index.column() != Tasks
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QList<core::ParticipantResult> *rows = page(index.row() / kPageRows);
    const int r = index.row() % kPageRows;
    if (r >= rows->size())
        return {};
    return cell(rows->at(r), index.column());
}

QVariant ResultsBrowserModel::cell(const core::ParticipantResult &row, int column) const {
    static const core::School noSchool;
    static const core::Procedure noProcedure;
    const auto si = m_schools.constFind(row.schoolId);
    const auto pi = m_procedures.constFind(row.procedureId);
    const core::School &s = si != m_schools.cend() ? *si : noSchool;
    const core::Procedure &p = pi != m_procedures.cend() ? *pi : noProcedure;
    auto optional = [](int v, int none) { return v == none ? QVariant() : QVariant(v); };
    switch (column) {
    case Year:
        return p.year ? QVariant(p.year) : QVariant();
    case Kind:
        return p.year ? core::procedureKindCode(p.kind) : QString();
    case Grade:
        return p.year ? QVariant(p.grade) : QVariant();
    case Subject:
        return p.subject;
    case Municipality:
        return s.municipality;
    case SchoolCode:
        return s.code;
    case SchoolName:
        return s.name;
    case ClassName:
        return row.className;
    case Code:
        return row.participantCode;
    case Variant:
        return optional(row.variant, 0);
    case Tasks:
        return pointsText(row.taskPoints);
    case Primary:
        return row.participantCode.isEmpty() ? QVariant() : QVariant(row.primaryScore);
    case Mark:
        return optional(row.mark, 0);
    case TestScore:
        return optional(row.testScore, -1);
    case Journal:
        return optional(row.journalMark, 0);
    case Annual:
        return optional(row.annualMark, 0);
    case Medal:
        return medalText(row.medal);
    default:
        return {};
    }
}

QVariant ResultsBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    static const QStringList titles = {QStringLiteral("Год"),
                                       QStringLiteral("Процедура"),
                                       QStringLiteral("Параллель"),
                                       QStringLiteral("Предмет"),
                                       QStringLiteral("Муниципалитет"),
                                       QStringLiteral("Логин ОО"),
                                       QStringLiteral("Наименование ОО"),
                                       QStringLiteral("Класс"),
                                       QStringLiteral("Код участника"),
                                       QStringLiteral("Вариант"),
                                       QStringLiteral("Баллы за задания"),
                                       QStringLiteral("Первичный балл"),
                                       QStringLiteral("Отметка"),
                                       QStringLiteral("Тестовый балл"),
                                       QStringLiteral("По журналу"),
                                       QStringLiteral("Годовая"),
                                       QStringLiteral("Медаль")};
    return titles.value(section);
}

QList<int> ResultsBrowserModel::years() const {
    QSet<int> set;
    for (const auto &u : m_allUnits)
        set.insert(m_procedures.value(u.procedureId).year);
    QList<int> list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end(), std::greater<int>());
    return list;
}

QList<int> ResultsBrowserModel::grades() const {
    QSet<int> set;
    for (const auto &u : m_allUnits)
        set.insert(m_procedures.value(u.procedureId).grade);
    QList<int> list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

QStringList ResultsBrowserModel::subjects() const {
    QSet<QString> set;
    for (const auto &u : m_allUnits)
        set.insert(m_procedures.value(u.procedureId).subject);
    QStringList list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    return list;
}

QStringList ResultsBrowserModel::municipalities() const {
    QSet<QString> set;
    for (const auto &u : m_allUnits)
        set.insert(m_schools.value(u.schoolId).municipality);
    set.remove(QString());
    QStringList list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    return list;
}

QList<core::School> ResultsBrowserModel::schools() const {
    QSet<qint64> ids;
    for (const auto &u : m_allUnits)
        ids.insert(u.schoolId);
    QList<core::School> list;
    for (qint64 id : ids)
        list << m_schools.value(id);
    std::sort(list.begin(), list.end(),
              [](const core::School &a, const core::School &b) { return a.code < b.code; });
    return list;
}

} // namespace objectivity::gui
