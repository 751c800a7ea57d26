#include "objectivity/gui/analysis/AnalysisReportDialog.h"

#include "objectivity/io/export/AnalysisReportBuilder.h"
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace objectivity::gui {

AnalysisReportDialog::AnalysisReportDialog(std::shared_ptr<const core::AnalysisReport> report,
                                           int year, int kind, QWidget *parent)
    : QDialog(parent), m_report(std::move(report)), m_year(year), m_kind(kind),
      m_level(new QComboBox(this)), m_municipality(new QComboBox(this)),
      m_school(new QComboBox(this)), m_organization(new QLineEdit(this)),
      m_number(new QLineEdit(this)), m_position(new QLineEdit(this)), m_signer(new QLineEdit(this)),
      m_refresh(new QPushButton(QStringLiteral("&Обновить просмотр"), this)),
      m_cancel(new QPushButton(QStringLiteral("Пре&рвать"), this)),
      m_pdf(new QPushButton(QStringLiteral("Сохранить &PDF…"), this)),
      m_docx(new QPushButton(QStringLiteral("Сохранить &DOCX…"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_printer(std::make_unique<QPrinter>(QPrinter::HighResolution)),
      m_preview(new QPrintPreviewWidget(m_printer.get(), this)),
      m_cancelFlag(std::make_shared<std::atomic<bool>>(false)),
      m_buildWatcher(new QFutureWatcher<std::shared_ptr<io::ReportDocument>>(this)),
      m_saveWatcher(new QFutureWatcher<QString>(this)) {
    setWindowTitle(QStringLiteral("Аналитическая справка"));
    m_level->addItems({QStringLiteral("регион"), QStringLiteral("муниципалитет"),
                       QStringLiteral("школа (для ВСОКО)")});
    QMap<QString, bool> municipalities;
    for (const auto &u : m_report->units)
        municipalities.insert(u.municipality, true);
    m_municipality->addItems(municipalities.keys());
    QSettings settings;
    m_organization->setText(settings.value(QStringLiteral("report/organization")).toString());
    m_position->setText(settings.value(QStringLiteral("report/signerPosition")).toString());
    m_signer->setText(settings.value(QStringLiteral("report/signerName")).toString());
    m_organization->setPlaceholderText(QStringLiteral("орган управления образованием или школа"));

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Уровень:"), m_level);
    form->addRow(QStringLiteral("&Муниципалитет:"), m_municipality);
    form->addRow(QStringLiteral("&Школа:"), m_school);
    form->addRow(QStringLiteral("Орг&анизация:"), m_organization);
    form->addRow(QStringLiteral("&Номер справки:"), m_number);
    form->addRow(QStringLiteral("&Должность подписывающего:"), m_position);
    form->addRow(QStringLiteral("&ФИО подписывающего:"), m_signer);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_docx);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // in Russian even where Qt's translations are not installed, as in the other dialogs
    close->button(QDialogButtonBox::Close)->setText(QStringLiteral("Закрыть"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 1);
    layout->addWidget(close);
    m_status->setWordWrap(true);

    QPageLayout page = io::ReportPdfWriter::pageLayout();
    page.setMargins(QMarginsF(0, 0, 0, 0));
    m_printer->setFullPage(true);
    m_printer->setPageLayout(page);
    m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    m_preview->setViewMode(QPrintPreviewWidget::SinglePageView);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter *printer) {
        if (m_document)
            (void)io::ReportPdfWriter::paint(*m_document, printer);
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, &AnalysisReportDialog::levelChanged);
    connect(m_municipality, &QComboBox::currentIndexChanged, this,
            &AnalysisReportDialog::fillSchools);
    connect(m_refresh, &QPushButton::clicked, this, &AnalysisReportDialog::rebuild);
    connect(m_cancel, &QPushButton::clicked, this, &AnalysisReportDialog::cancel);
    connect(m_pdf, &QPushButton::clicked, this,
            [this] { choose(QStringLiteral("pdf"), QStringLiteral("Документ PDF (*.pdf)")); });
    connect(m_docx, &QPushButton::clicked, this,
            [this] { choose(QStringLiteral("docx"), QStringLiteral("Документ Word (*.docx)")); });
    connect(m_buildWatcher, &QFutureWatcherBase::finished, this, &AnalysisReportDialog::built);
    connect(m_saveWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QString error = m_saveWatcher->result();
        setBusy(false, error.isEmpty() ? QStringLiteral("Справка сохранена.") : error);
        emit saved(error.isEmpty(), error);
    });
    fillSchools();
    levelChanged();
    resize(900, 1000);
    rebuild();
}

AnalysisReportDialog::~AnalysisReportDialog() {
    m_cancelFlag->store(true);
    m_buildWatcher->waitForFinished();
    m_saveWatcher->waitForFinished();
}

io::AnalysisScope AnalysisReportDialog::scope() const {
    io::AnalysisScope s;
    s.year = m_year;
    s.kind = m_kind;
    if (m_level->currentIndex() >= 1)
        s.municipality = m_municipality->currentText();
    if (m_level->currentIndex() == 2)
        s.schoolCode = m_school->currentData().toString();
    s.organization = m_organization->text().trimmed();
    s.number = m_number->text().trimmed();
    s.signerPosition = m_position->text().trimmed();
    s.signerName = m_signer->text().trimmed();
    return s;
}

void AnalysisReportDialog::setLevel(int level) {
    m_level->setCurrentIndex(level);
}

void AnalysisReportDialog::setMunicipality(const QString &name) {
    m_municipality->setCurrentText(name);
}

void AnalysisReportDialog::setSchool(const QString &code) {
    const int i = m_school->findData(code);
    if (i >= 0)
        m_school->setCurrentIndex(i);
}

void AnalysisReportDialog::levelChanged() {
    m_municipality->setEnabled(m_level->currentIndex() >= 1);
    m_school->setEnabled(m_level->currentIndex() == 2);
}

void AnalysisReportDialog::fillSchools() {
    QMap<QString, QString> schools; // name → code, of the chosen municipality
    for (const auto &u : m_report->units)
        if (u.municipality == m_municipality->currentText())
            schools.insert(QStringLiteral("%1 (%2)").arg(u.schoolName, u.schoolCode), u.schoolCode);
    m_school->clear();
    for (auto it = schools.begin(); it != schools.end(); ++it)
        m_school->addItem(it.key(), it.value());
}

bool AnalysisReportDialog::isBusy() const {
    return m_busy;
}

void AnalysisReportDialog::setBusy(bool busy, const QString &text) {
    m_busy = busy;
    m_refresh->setEnabled(!busy);
    m_pdf->setEnabled(!busy && m_document);
    m_docx->setEnabled(!busy && m_document);
    m_cancel->setEnabled(busy);
    m_progress->setRange(0, busy ? 0 : 1);
    m_progress->setValue(busy ? 0 : 1);
    m_status->setText(text);
}

void AnalysisReportDialog::rebuild() {
    if (isBusy())
        return;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    setBusy(true, QStringLiteral("Формирование справки…"));
    auto report = m_report;
    const io::AnalysisScope s = scope();
    auto flag = m_cancelFlag;
    m_buildWatcher->setFuture(QtConcurrent::run([report, s, flag] {
        auto doc =
            std::make_shared<io::ReportDocument>(io::AnalysisReportBuilder::build(*report, s));
        return flag->load() ? std::shared_ptr<io::ReportDocument>() : doc;
    }));
}

void AnalysisReportDialog::built() {
    auto doc = m_buildWatcher->result();
    if (!doc) {
        setBusy(false, QStringLiteral("Формирование справки прервано."));
        return;
    }
    m_document = std::move(doc);
    QSettings settings;
    settings.setValue(QStringLiteral("report/organization"), m_organization->text().trimmed());
    settings.setValue(QStringLiteral("report/signerPosition"), m_position->text().trimmed());
    settings.setValue(QStringLiteral("report/signerName"), m_signer->text().trimmed());
    m_preview->updatePreview();
    setBusy(false, QStringLiteral("Справка готова: %1 стр.").arg(previewPages()));
    emit documentReady();
}

int AnalysisReportDialog::previewPages() const {
    return m_preview->pageCount();
}

void AnalysisReportDialog::cancel() {
    m_cancelFlag->store(true);
    m_status->setText(QStringLiteral("Прерывание…"));
}

void AnalysisReportDialog::choose(const QString &suffix, const QString &filter) {
    if (!m_document)
        return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("analysis/exportDir")).toString();
    QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Сохранить аналитическую справку"),
        QDir(dir).filePath(QStringLiteral("Аналитическая справка.%1").arg(suffix)), filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("analysis/exportDir"), QFileInfo(path).path());
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    saveTo(path);
}

void AnalysisReportDialog::saveTo(const QString &path) {
    if (!m_document || isBusy())
        return;
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    setBusy(true, QStringLiteral("Сохранение «%1»…").arg(QFileInfo(path).fileName()));
    auto doc = m_document;
    auto flag = m_cancelFlag;
    m_saveWatcher->setFuture(QtConcurrent::run([doc, path, flag] {
        const core::Status st = path.endsWith(QLatin1String(".docx"), Qt::CaseInsensitive)
                                    ? io::ReportDocxWriter::write(*doc, path)
                                    : io::ReportPdfWriter::write(*doc, path, flag.get());
        return st ? QString() : st.error().toString();
    }));
}

} // namespace objectivity::gui
