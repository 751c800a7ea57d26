#include "objectivity/gui/analysis/AnalysisSettingsDialog.h"

#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/results/DataPermissions.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace objectivity::gui {

namespace {
enum Col { Description, Value, Default, Key, ColCount };

// A count shows as «10», percentage points as «12,0» — «10,000» reads as ten thousand — and
// shares or standard deviations with the digits of their default, at least two («0,05», «1,645»).
int decimalsFor(const core::AnalysisSetting &d) {
    if (d.whole)
        return 0;
    if (d.defaultValue >= 5)
        return 1;
    int digits = 2;
    while (digits < 4 && std::abs(d.defaultValue * std::pow(10, digits) -
                                  std::round(d.defaultValue * std::pow(10, digits))) > 1e-9)
        ++digits;
    return digits;
}
} // namespace

AnalysisSettingsDialog::AnalysisSettingsDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_table(new QTableWidget(this)), m_error(new QLabel(this)) {
    setWindowTitle(QStringLiteral("Пороговые значения анализа"));
    storage::AnalysisSettingsRepository repo(m_db);
    core::AnalysisSettings settings;
    if (auto loaded = repo.load())
        settings = loaded.value();
    else
        m_error->setText(loaded.error().toString());

    const auto &defs = core::AnalysisSettings::definitions();
    m_table->setColumnCount(ColCount);
    m_table->setHorizontalHeaderLabels({QStringLiteral("Порог"), QStringLiteral("Значение"),
                                        QStringLiteral("По умолчанию"), QStringLiteral("Ключ")});
    m_table->setRowCount(int(defs.size()));
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const QLocale ru(QLocale::Russian);
    for (int r = 0; r < defs.size(); ++r) {
        const auto &d = defs.at(r);
        m_table->setItem(r, Description, new QTableWidgetItem(d.description));
        auto *spin = new QDoubleSpinBox(m_table);
        spin->setObjectName(d.key);
        spin->setLocale(ru);
        spin->setDecimals(decimalsFor(d));
        spin->setRange(0, 1e6);
        spin->setSingleStep(d.whole || d.defaultValue >= 5 ? 1
                            : d.defaultValue >= 0.5        ? 0.1
                                                           : 0.01);
        spin->setValue(settings.value(d.key));
        m_table->setCellWidget(r, Value, spin);
        m_table->setItem(r, Default, new QTableWidgetItem(ru.toString(d.defaultValue)));
        m_table->setItem(r, Key, new QTableWidgetItem(d.key));
    }
    m_table->horizontalHeader()->setSectionResizeMode(Description, QHeaderView::Stretch);
    m_table->setColumnWidth(Value, 110);
    m_table->setColumnWidth(Default, 110);
    m_table->setColumnWidth(Key, 230);
    // Rows follow the wrapped description as the window (and the stretched column) resizes;
    // sized once at construction, they kept the height of a narrow column.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b03020;"));

    auto *hint = new QLabel(QStringLiteral("Пороги применяются при следующем запуске анализа. "
                                           "Подробнее о каждом критерии — в "
                                           "docs/methodology.md."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel |
                                             QDialogButtonBox::RestoreDefaults,
                                         this);
    buttons->button(QDialogButtonBox::Save)->setText(QStringLiteral("Сохранить"));
    buttons->button(QDialogButtonBox::Cancel)->setText(QStringLiteral("Отмена"));
    buttons->button(QDialogButtonBox::RestoreDefaults)->setText(QStringLiteral("Все по умолчанию"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                for (const auto &d : core::AnalysisSettings::definitions())
                    setValue(d.key, d.defaultValue);
            });

    // Who may not change the thresholds (core::DataPermissions) reads them and is told why.
    const std::optional<core::Role> role =
        m_db.actor() ? std::optional<core::Role>(m_db.actor()->role) : std::nullopt;
    if (core::Status allowed =
            core::DataPermissions::check(role, core::DataAction::EditAnalysisSettings);
        !allowed) {
        for (const auto &d : defs)
            if (QDoubleSpinBox *spin = spinFor(d.key))
                spin->setReadOnly(true);
        buttons->button(QDialogButtonBox::Save)->hide();
        buttons->button(QDialogButtonBox::RestoreDefaults)->hide();
        buttons->button(QDialogButtonBox::Cancel)->setText(QStringLiteral("Закрыть"));
        m_error->setText(allowed.error().message);
        m_error->setStyleSheet(QString());
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(1000, 620);
}

QDoubleSpinBox *AnalysisSettingsDialog::spinFor(const QString &key) const {
    return m_table->findChild<QDoubleSpinBox *>(key);
}

void AnalysisSettingsDialog::setValue(const QString &key, double value) {
    if (auto *spin = spinFor(key))
        spin->setValue(value);
}

double AnalysisSettingsDialog::value(const QString &key) const {
    auto *spin = spinFor(key);
    return spin ? spin->value() : std::nan("");
}

QString AnalysisSettingsDialog::errorText() const {
    return m_error->text();
}

bool AnalysisSettingsDialog::save() {
    storage::AnalysisSettingsRepository repo(m_db);
    const auto st = m_db.transaction([&]() -> core::Status {
        if (auto s = repo.ensureDefaults(); !s)
            return s;
        for (const auto &d : core::AnalysisSettings::definitions()) {
            const double v = value(d.key);
            auto s = std::abs(v - d.defaultValue) < 1e-9 ? repo.resetToDefault(d.key)
                                                         : repo.setValue(d.key, v);
            if (!s)
                return s;
        }
        return {};
    });
    if (!st) {
        m_error->setText(QStringLiteral("Не сохранено: ") + st.error().toString());
        return false;
    }
    m_error->clear();
    return true;
}

} // namespace objectivity::gui
