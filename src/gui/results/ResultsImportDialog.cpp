#include "objectivity/gui/results/ResultsImportDialog.h"

#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"
#include "results/ResultsImportTask.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace objectivity::gui {

using Layout = io::ResultsImporter::Layout;
using OnRepeat = io::ResultsImporter::OnRepeat;

namespace {
const QStringList kFlatRequired = {QStringLiteral("year"), QStringLiteral("kind"),
                                   QStringLiteral("grade"), QStringLiteral("subject"),
                                   QStringLiteral("school_code")};

QLabel *sectionLabel(const QString &text, QWidget *parent) {
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}
} // namespace

ResultsImportDialog::ResultsImportDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_path(new QLineEdit(this)), m_layout(new QComboBox(this)),
      m_school(new QLineEdit(this)), m_title(new QLabel(this)), m_batchLabel(new QLabel(this)),
      m_preview(new QTableWidget(this)), m_mapping(new QTableWidget(this)),
      m_warnings(new QListWidget(this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_import(new QPushButton(QStringLiteral("&Загрузить"), this)),
      m_cancel(new QPushButton(QStringLiteral("Пре&рвать"), this)),
      m_close(new QPushButton(QStringLiteral("Закрыть"), this)),
      m_browse(new QPushButton(QStringLiteral("&Выбрать…"), this)), m_poll(new QTimer(this)),
      m_watcher(new QFutureWatcher<ResultsImportOutcome>(this)),
      m_conversion(new QFutureWatcher<QString>(this)) {
    setWindowTitle(QStringLiteral("Импорт результатов"));
    setAcceptDrops(true);
    m_path->setPlaceholderText(
        QStringLiteral("CSV или XLSX: выгрузка ФИС ОКО одной школы или общая таблица; можно "
                       "перетащить в это окно один файл или несколько"));
    m_layout->addItem(QStringLiteral("определить автоматически"), int(Layout::Auto));
    m_layout->addItem(QStringLiteral("общая таблица (строка — участник, много школ)"),
                      int(Layout::Flat));
    m_layout->addItem(QStringLiteral("выгрузка ФИС ОКО одной школы"), int(Layout::Fisoko));
    m_school->setPlaceholderText(QStringLiteral("например, edu053001 — если в файле не указан"));
    m_title->setWordWrap(true);
    m_batchLabel->setWordWrap(true);
    m_batchLabel->hide();

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(QStringLiteral("&Файл:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);
    form->addRow(QStringLiteral("Ф&ормат:"), m_layout);
    form->addRow(QStringLiteral("&Логин школы:"), m_school);
    form->addRow(m_batchLabel);

    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    m_mapping->setColumnCount(2);
    m_mapping->setHorizontalHeaderLabels(
        {QStringLiteral("Заголовок в файле"), QStringLiteral("Что в столбце")});
    m_mapping->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_mapping->verticalHeader()->hide();
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_warnings->setWordWrap(true);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(
        sectionLabel(QStringLiteral("Первые строки, как их понимает программа"), top));
    topLayout->addWidget(m_title);
    topLayout->addWidget(m_preview, 1);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *mapBox = new QVBoxLayout;
    mapBox->addWidget(sectionLabel(QStringLiteral("Нераспознанные столбцы"), bottom));
    mapBox->addWidget(m_mapping);
    auto *warnBox = new QVBoxLayout;
    warnBox->addWidget(sectionLabel(QStringLiteral("Замечания"), bottom));
    warnBox->addWidget(m_warnings);
    bottomLayout->addLayout(mapBox, 2);
    bottomLayout->addLayout(warnBox, 3);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    m_import->setDefault(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    // an empty bar looked like a text field waiting for input
    m_progress->setFormat(QStringLiteral("ход загрузки"));
    m_poll->setInterval(150);
    setRunning(false);

    connect(m_browse, &QPushButton::clicked, this, &ResultsImportDialog::chooseFile);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_batch.active() && file() != m_batch.current()) {
            // another file typed over the batch's: one file from now on
            setFile(file());
            return;
        }
        reloadPreview(true);
    });
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] { reloadPreview(true); });
    connect(m_school, &QLineEdit::textChanged, this, [this] { fillWarnings(); });
    connect(m_import, &QPushButton::clicked, this, &ResultsImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ResultsImportDialog::cancelImport);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_watcher, &QFutureWatcher<ResultsImportOutcome>::finished, this,
            &ResultsImportDialog::finished);
    connect(m_conversion, &QFutureWatcher<QString>::finished, this,
            &ResultsImportDialog::conversionDone);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (!m_state || m_state->total <= 0 || m_state->cancel)
            return;
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000.0 * double(m_state->done) / double(m_state->total)));
        m_progress->setFormat(QStringLiteral("%p%"));
    });
    resize(1100, 720);
}

ResultsImportDialog::~ResultsImportDialog() {
    // Never leave a worker writing behind a destroyed dialog, nor LibreOffice running.
    if (isRunning()) {
        m_state->cancel = true;
        m_watcher->waitForFinished();
    }
    if (isConverting()) {
        *m_conversionCancel = true;
        m_conversion->waitForFinished();
    }
}

QString ResultsImportDialog::titleText() const {
    return m_title->text();
}

QString ResultsImportDialog::file() const {
    return m_path->text().trimmed();
}

void ResultsImportDialog::setFile(const QString &path) {
    m_batch.clear();
    m_batchLabel->hide();
    m_path->setText(path);
    m_mappings.clear();
    reloadPreview(true);
}

void ResultsImportDialog::setFiles(const QStringList &paths) {
    if (paths.size() < 2) {
        setFile(paths.value(0));
        return;
    }
    m_batch.start(paths);
    m_path->setText(m_batch.current());
    m_mappings.clear();
    reloadPreview(true);
    m_batchLabel->setText(m_batch.label());
    m_batchLabel->show();
}

void ResultsImportDialog::setLayoutChoice(Layout layout) {
    m_layout->setCurrentIndex(m_layout->findData(int(layout)));
}

void ResultsImportDialog::setSchoolCode(const QString &code) {
    m_school->setText(code);
}

Layout ResultsImportDialog::layoutChoice() const {
    return static_cast<Layout>(m_layout->currentData().toInt());
}

void ResultsImportDialog::setMapping(const QString &heading, const QString &field) {
    if (field.isEmpty())
        m_mappings.remove(heading);
    else
        m_mappings.insert(heading, field);
    reloadPreview(false);
}

void ResultsImportDialog::chooseFile() {
    QSettings settings;
    const QString start = settings.value(QStringLiteral("results/lastDir")).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, QStringLiteral("Файлы с результатами"), start,
        QStringLiteral("Результаты (*.csv *.xlsx *.xls *.ods *.txt);;Все файлы (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("results/lastDir"), QFileInfo(paths.first()).path());
    setFiles(paths);
}

void ResultsImportDialog::reloadPreview(bool rebuildMapping) {
    stopConversion(); // of a file chosen before (only a program sets a file meanwhile)
    const QString path = file();
    if (!path.isEmpty() && io::ResultsImporter::needsConversion(path)) {
        // an .xls or .ods: LibreOffice converts it first, which takes seconds
        convertThen([this, rebuildMapping](const QString &error, bool) {
            if (error.isEmpty()) {
                reloadPreview(rebuildMapping); // converted: read at once now
                return;
            }
            m_data.reset();
            m_unknown.clear();
            m_previewError = error;
            showPreview(rebuildMapping);
        });
        return;
    }
    m_data.reset();
    m_previewError.clear();
    if (!path.isEmpty()) {
        // a large sheet takes a quarter of a second
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto restore = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
        io::ResultsImporter importer(m_db);
        io::ResultsImporter::Options options;
        options.layout = layoutChoice();
        if (rebuildMapping) {
            // The headings unknown without this dialog's choices (remembered ones are known).
            auto base = importer.preview(path, options);
            m_unknown = base ? base->unknownHeadings : QStringList();
            m_unknown.removeDuplicates();
        }
        options.mappings = m_mappings;
        auto data = importer.preview(path, options);
        if (data)
            m_data = data.value();
        else
            m_previewError = data.error().toString();
    }
    showPreview(rebuildMapping);
}

void ResultsImportDialog::showPreview(bool rebuildMapping) {
    fillPreviewTable();
    if (rebuildMapping)
        fillMappingTable();
    fillWarnings();
    // a batch takes each file's own login: one typed here would give every file to one school
    m_school->setEnabled(!m_batch.active() &&
                         (!m_data || m_data->layout == QLatin1String("fisoko")));
    setRunning(false);
}

void ResultsImportDialog::convertThen(
    std::function<void(const QString &error, bool cancelled)> then) {
    m_afterConversion = std::move(then);
    m_conversionCancel = std::make_shared<std::atomic<bool>>(false);
    m_state.reset(); // the progress timer must not show the last import's figures
    m_data.reset();
    m_previewError.clear();
    fillPreviewTable();
    m_warnings->clear();
    const QString path = file();
    m_status->setText(QStringLiteral("LibreOffice преобразует «%1» в книгу Excel (.xlsx), чтобы "
                                     "программа могла её прочитать; это занимает несколько "
                                     "секунд…")
                          .arg(QFileInfo(path).fileName()));
    setRunning(true);
    m_cancel->setEnabled(true);
    auto cancel = m_conversionCancel;
    m_conversion->setFuture(QtConcurrent::run([path, cancel] {
        const auto done = io::ResultsImporter::convertFirst(path, cancel.get());
        return done ? QString() : done.error().toString();
    }));
}

void ResultsImportDialog::stopConversion() {
    if (!isConverting())
        return;
    *m_conversionCancel = true;
    m_afterConversion = {};
    m_conversion->waitForFinished(); // LibreOffice is killed at once
}

void ResultsImportDialog::conversionDone() {
    if (!m_afterConversion)
        return; // stopped for another file
    const bool cancelled = m_conversionCancel && m_conversionCancel->load();
    QString error = m_conversion->result();
    if (cancelled)
        error = QStringLiteral("преобразование файла программой LibreOffice прервано; выберите "
                               "файл снова, чтобы открыть его");
    m_status->setText(cancelled ? QStringLiteral("Преобразование файла прервано.") : QString());
    setRunning(false);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("ход загрузки"));
    const auto then = std::exchange(m_afterConversion, {});
    if (then)
        then(error, cancelled);
}

void ResultsImportDialog::fillPreviewTable() {
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_title->clear();
    if (!m_data)
        return;
    const auto &d = *m_data;
    QString layoutText = d.layout == QLatin1String("fisoko")
                             ? QStringLiteral("выгрузка ФИС ОКО одной школы")
                             : QStringLiteral("общая таблица");
    // what the file says above its table: the procedure and the school
    QStringList said;
    if (!d.procedure.isEmpty())
        said << d.procedure;
    if (!d.schoolCode.isEmpty())
        said << QStringLiteral("школа %1").arg(d.schoolCode);
    if (!said.isEmpty())
        layoutText += QStringLiteral(" (%1)").arg(said.join(QStringLiteral("; ")));
    m_title->setText(
        QStringLiteral("Формат: %1. Заголовки — в строке %2%3.")
            .arg(layoutText)
            .arg(d.headerRow)
            .arg(d.sheet.isEmpty() ? QString() : QStringLiteral(" листа «%1»").arg(d.sheet)));
    m_preview->setColumnCount(int(d.headings.size()));
    for (int c = 0; c < d.headings.size(); ++c) {
        const QString field = d.fields.value(c);
        const QString understood = field.isEmpty() ? QStringLiteral("? не распознан")
                                   : field == QLatin1String("ignore")
                                       ? QStringLiteral("— не загружается")
                                       : QStringLiteral("→ ") + fieldTitle(field);
        auto *item =
            new QTableWidgetItem(d.headings.at(c).trimmed() + QLatin1Char('\n') + understood);
        if (field.isEmpty())
            item->setForeground(QColor(0xb0, 0x30, 0x20));
        m_preview->setHorizontalHeaderItem(c, item);
    }
    m_preview->setRowCount(int(d.rows.size()));
    for (int r = 0; r < d.rows.size(); ++r)
        for (int c = 0; c < d.rows.at(r).size() && c < d.headings.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(d.rows.at(r).at(c)));
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 220));
}

void ResultsImportDialog::fillMappingTable() {
    m_filling = true;
    m_mapping->setRowCount(int(m_unknown.size()));
    static const QRegularExpression number(QStringLiteral(R"((\d+(?:[.,]\d+)?))"));
    for (int r = 0; r < m_unknown.size(); ++r) {
        const QString heading = m_unknown.at(r);
        m_mapping->setItem(r, 0, new QTableWidgetItem(heading));
        auto *combo = new QComboBox(m_mapping);
        combo->addItem(QStringLiteral("— не выбрано —"), QString());
        for (const QString &f : io::ResultsImporter::fieldNames()) {
            if (f == QLatin1String("task:N")) {
                const auto m = number.match(heading);
                if (m.hasMatch()) {
                    QString label = m.captured(1);
                    label.replace(QLatin1Char(','), QLatin1Char('.'));
                    const QString field = QStringLiteral("task:") + label;
                    combo->addItem(fieldTitle(field), field);
                }
                continue;
            }
            combo->addItem(fieldTitle(f), f);
        }
        const int current = combo->findData(m_mappings.value(heading));
        combo->setCurrentIndex(current >= 0 ? current : 0);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, heading] {
            if (!m_filling)
                setMapping(heading, combo->currentData().toString());
        });
        m_mapping->setCellWidget(r, 1, combo);
    }
    m_filling = false;
}

void ResultsImportDialog::fillWarnings() {
    m_warnings->clear();
    if (!m_previewError.isEmpty()) {
        m_warnings->addItem(QStringLiteral("Файл не читается: ") + m_previewError);
        return;
    }
    if (!m_data)
        return;
    const auto &d = *m_data;
    if (d.layout == QLatin1String("flat"))
        for (const QString &f : kFlatRequired)
            // without «Параллель» the importer takes the parallel from the class («5А» → 5)
            if (!d.fields.contains(f) &&
                !(f == QLatin1String("grade") && d.fields.contains(QStringLiteral("class"))))
                m_warnings->addItem(QStringLiteral("Нет обязательного столбца «%1»: сопоставьте "
                                                   "ему столбец файла.")
                                        .arg(fieldTitle(f)));
    if (d.layout == QLatin1String("fisoko")) {
        const QString typed = core::canonicalSchoolLogin(m_school->text());
        if (!d.headingProblem.isEmpty())
            m_warnings->addItem(QStringLiteral("Файл не загрузится: %1.").arg(d.headingProblem));
        if (d.schoolCode.isEmpty() && typed.isEmpty())
            m_warnings->addItem(QStringLiteral("В файле не указан логин школы: введите его в поле "
                                               "«Логин школы»."));
        else if (!d.schoolCode.isEmpty() && !typed.isEmpty() && typed != d.schoolCode)
            m_warnings->addItem(QStringLiteral("Результаты будут записаны школе %1 (поле «Логин "
                                               "школы»), а не школе %2, названной в файле.")
                                    .arg(typed, d.schoolCode));
    }
    for (const QString &h : d.unknownHeadings)
        m_warnings->addItem(QStringLiteral("Столбец «%1» не распознан и не будет загружен; "
                                           "выберите, что в нём, если он нужен.")
                                .arg(h));
    if (d.rows.isEmpty())
        m_warnings->addItem(QStringLiteral("Под заголовком нет строк с результатами."));
}

void ResultsImportDialog::setRunning(bool running) {
    // a batch starts even when its first file cannot be read: that one is reported, the rest load
    m_import->setEnabled(!running && !file().isEmpty() &&
                         (m_previewError.isEmpty() || m_batch.active()));
    m_cancel->setEnabled(running);
    m_close->setEnabled(!running);
    for (QWidget *w : {static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_layout),
                       static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_mapping)})
        w->setEnabled(!running);
    if (running) {
        m_progress->setRange(0, 0); // busy until the importer reports its first figures
        m_poll->start();
    } else {
        m_poll->stop();
        m_progress->setRange(0, 1);
    }
}

bool ResultsImportDialog::isRunning() const {
    return m_state && m_watcher->isRunning();
}

bool ResultsImportDialog::isConverting() const {
    return m_conversion->isRunning();
}

void ResultsImportDialog::startImport() {
    if (isRunning() || isConverting() || file().isEmpty())
        return;
    m_batchRunning = m_batch.active();
    if (m_batchRunning && !m_previewError.isEmpty()) {
        m_fileOutcome = m_previewError;
        fileDone(false, false);
        return;
    }
    run(m_repeatChoice.value_or(OnRepeat::Fail));
}

void ResultsImportDialog::run(OnRepeat onRepeat) {
    io::ResultsImporter::Options options;
    options.layout = layoutChoice();
    options.schoolCode = m_batch.active() ? QString() : m_school->text().trimmed();
    options.mappings = m_mappings;
    options.onRepeat = onRepeat;
    m_state = std::make_shared<ResultsImportProgress>();
    m_summary.clear();
    m_status->setText(QStringLiteral("Загрузка «%1»…").arg(QFileInfo(file()).fileName()));
    m_progress->setFormat(QStringLiteral("загрузка…"));
    setRunning(true);
    const storage::Database *db = &m_db;
    const QString path = file();
    auto state = m_state;
    m_watcher->setFuture(QtConcurrent::run(
        [db, path, options, state] { return ResultsImportTask::run(*db, path, options, state); }));
}

void ResultsImportDialog::cancelImport() {
    if (isConverting()) {
        *m_conversionCancel = true; // LibreOffice is stopped
        m_status->setText(QStringLiteral("Прерывание…"));
        return;
    }
    if (!isRunning())
        return;
    m_state->cancel = true;
    m_status->setText(QStringLiteral("Прерывание…"));
}

void ResultsImportDialog::finished() {
    const ResultsImportOutcome out = m_watcher->result();
    setRunning(false);
    const QLocale ru(QLocale::Russian);
    if (out.repeat) {
        OnRepeat choice = OnRepeat::Fail;
        if (m_repeatChoice) {
            choice = *m_repeatChoice;
        } else {
            QMessageBox box(QMessageBox::Question, QStringLiteral("Файл уже загружен"),
                            QStringLiteral("Этот файл уже загружен %1 (загрузка № %2, «%3», "
                                           "строк: %4).\nЗаменить прежнюю загрузку или пропустить "
                                           "файл?")
                                .arg(QString(out.previous.importedAt)
                                         .replace(QLatin1Char('T'), QLatin1Char(' ')))
                                .arg(out.previous.id)
                                .arg(out.previous.fileName)
                                .arg(out.previous.rowCount),
                            QMessageBox::NoButton, this);
            auto *replace = box.addButton(QStringLiteral("Заменить"), QMessageBox::AcceptRole);
            auto *skip = box.addButton(QStringLiteral("Пропустить"), QMessageBox::RejectRole);
            box.addButton(QStringLiteral("Отмена"), QMessageBox::DestructiveRole);
            box.exec();
            choice = box.clickedButton() == replace ? OnRepeat::Replace
                     : box.clickedButton() == skip  ? OnRepeat::Skip
                                                    : OnRepeat::Fail;
        }
        if (choice == OnRepeat::Fail) {
            m_summary = QStringLiteral("Файл уже загружен; ничего не изменено.");
            m_fileOutcome = QStringLiteral("был загружен раньше, прежняя загрузка оставлена");
            m_status->setText(m_summary);
            fileDone(false, false, true); // in a batch: passed over, as «Пропустить»
        } else {
            run(choice);
        }
        return;
    }
    if (out.cancelled) {
        m_summary = QStringLiteral("Загрузка прервана; база данных не изменилась.");
        m_fileOutcome.clear();
        m_progress->setFormat(QStringLiteral("прервано"));
    } else if (!out.ok) {
        m_summary = QStringLiteral("Файл не загружен, база данных не изменилась.\n") + out.error;
        m_fileOutcome = out.error;
        if (!out.errorDetails.isEmpty())
            m_summary += QStringLiteral("\nПодробности: ") + out.errorDetails;
        m_progress->setFormat(QStringLiteral("ошибка"));
    } else if (out.summary.skipped) {
        m_summary = QStringLiteral("Файл уже был загружен (загрузка № %1) и пропущен.")
                        .arg(out.summary.importId);
        m_fileOutcome =
            QStringLiteral("был загружен раньше (загрузка № %1)").arg(out.summary.importId);
        m_progress->setFormat(QStringLiteral("пропущено"));
    } else {
        const auto &s = out.summary;
        m_summary = QStringLiteral("%1: %2, школ: %3, процедур: %4, замечаний: %5.")
                        .arg(s.replaced ? QStringLiteral("Загрузка заменена. Строк")
                                        : QStringLiteral("Загружено строк"),
                             ru.toString(s.rows))
                        .arg(s.schools)
                        .arg(s.procedures)
                        .arg(s.warningCount);
        m_fileOutcome =
            QStringLiteral("%1, строк: %2, замечаний: %3")
                .arg(s.replaced ? QStringLiteral("загрузка заменена") : QStringLiteral("загружено"),
                     ru.toString(s.rows))
                .arg(s.warningCount);
        m_progress->setValue(m_progress->maximum());
        m_progress->setFormat(QStringLiteral("готово, строк: %1").arg(ru.toString(s.rows)));
        m_warnings->clear();
        for (const QString &w : s.warnings)
            m_warnings->addItem(w);
        if (s.warningCount > s.warnings.size())
            m_warnings->addItem(QStringLiteral("… и ещё %1 замечаний (полный список сохранён в "
                                               "журнале загрузок).")
                                    .arg(s.warningCount - s.warnings.size()));
    }
    m_status->setText(m_summary);
    if (out.ok && !out.summary.skipped) {
        // The importer remembered the mappings: the next preview starts from them.
        emit imported();
    }
    fileDone(out.ok, out.cancelled, out.ok && out.summary.skipped);
}

void ResultsImportDialog::fileDone(bool ok, bool cancelled, bool skipped) {
    if (!m_batchRunning) {
        emit importFinished(ok);
        return;
    }
    // the batch: the file's outcome in one line, then the next file (one whose preview fails is
    // recorded as not loaded and passed over); Cancel stops the batch
    if (cancelled) {
        endBatch(true);
        return;
    }
    if (skipped)
        m_batch.skipped(m_fileOutcome);
    else if (ok)
        m_batch.loaded(m_fileOutcome);
    else
        m_batch.failed(m_fileOutcome);
    nextBatchFile();
}

void ResultsImportDialog::nextBatchFile() {
    while (!m_batch.atEnd()) {
        m_path->setText(m_batch.current());
        m_batchLabel->setText(m_batch.label());
        if (io::ResultsImporter::needsConversion(file())) {
            convertThen([this](const QString &error, bool cancelled) {
                if (cancelled) {
                    endBatch(true);
                    return;
                }
                if (!error.isEmpty())
                    m_batch.failed(error);
                nextBatchFile(); // converted: its preview is read at once
            });
            return;
        }
        reloadPreview(true); // the mappings chosen stay
        if (m_previewError.isEmpty()) {
            run(m_repeatChoice.value_or(OnRepeat::Fail));
            return;
        }
        m_batch.failed(m_previewError);
    }
    endBatch(false);
}

void ResultsImportDialog::endBatch(bool cancelled) {
    m_batchRunning = false;
    m_summary = m_batch.summary();
    m_status->setText(m_summary);
    m_warnings->clear();
    m_warnings->addItems(m_batch.log());
    const bool allLoaded = !cancelled && m_batch.failedCount() == 0;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_progress->setFormat(QStringLiteral("загружено файлов: %1 из %2")
                              .arg(m_batch.loadedCount())
                              .arg(m_batch.size()));
    // the batch is over: the dialog is back to one file (the last one shown)
    m_batch.clear();
    m_batchLabel->hide();
    m_school->setEnabled(!m_data || m_data->layout == QLatin1String("fisoko"));
    emit importFinished(allLoaded);
}

QString ResultsImportDialog::summaryText() const {
    return m_summary;
}

QString ResultsImportDialog::statusText() const {
    return m_status->text();
}

QString ResultsImportDialog::fieldTitle(const QString &field) {
    static const QHash<QString, QString> titles = {
        {QStringLiteral("year"), QStringLiteral("Год")},
        {QStringLiteral("kind"), QStringLiteral("Процедура")},
        {QStringLiteral("grade"), QStringLiteral("Параллель")},
        {QStringLiteral("subject"), QStringLiteral("Предмет")},
        {QStringLiteral("municipality"), QStringLiteral("Муниципалитет")},
        {QStringLiteral("school_code"), QStringLiteral("Логин ОО")},
        {QStringLiteral("school_name"), QStringLiteral("Наименование ОО")},
        {QStringLiteral("school_kind"), QStringLiteral("Тип ОО")},
        {QStringLiteral("locality"), QStringLiteral("Местность")},
        {QStringLiteral("class"), QStringLiteral("Класс")},
        {QStringLiteral("participant_code"), QStringLiteral("Код участника")},
        {QStringLiteral("variant"), QStringLiteral("Вариант")},
        {QStringLiteral("primary_score"), QStringLiteral("Первичный балл")},
        {QStringLiteral("mark"), QStringLiteral("Отметка")},
        {QStringLiteral("test_score"), QStringLiteral("Тестовый балл")},
        {QStringLiteral("journal_mark"), QStringLiteral("Отметка по журналу")},
        {QStringLiteral("journal_period"), QStringLiteral("Период отметки")},
        {QStringLiteral("annual_mark"), QStringLiteral("Годовая отметка")},
        {QStringLiteral("medal"), QStringLiteral("Медаль")},
        {QStringLiteral("ignore"), QStringLiteral("Не загружать")},
    };
    if (field.startsWith(QLatin1String("task:")))
        return QStringLiteral("Задание %1").arg(field.mid(5));
    return titles.value(field, field);
}

void ResultsImportDialog::dragEnterEvent(QDragEnterEvent *event) {
    const QMimeData *mime = event->mimeData();
    if (!isRunning() && !isConverting() && mime->hasUrls() && !mime->urls().isEmpty() &&
        mime->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void ResultsImportDialog::dropEvent(QDropEvent *event) {
    event->acceptProposedAction();
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    setFiles(paths);
}

void ResultsImportDialog::closeEvent(QCloseEvent *event) {
    if (isRunning() || isConverting()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void ResultsImportDialog::reject() {
    if (isRunning() || isConverting()) {
        cancelImport(); // Esc stops the import (or the conversion) first
        return;
    }
    QDialog::reject();
}

} // namespace objectivity::gui
