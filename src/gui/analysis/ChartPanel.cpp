#include "objectivity/gui/analysis/ChartPanel.h"

#include "objectivity/gui/shell/ErrorMessage.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace objectivity::gui {

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent), m_view(new QChartView(this)), m_hint(new QLabel(this)),
      m_save(new QPushButton(QStringLiteral("Сохранить как PNG…"), this)) {
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(300);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *save = new QAction(QStringLiteral("Сохранить как PNG…"), m_view);
    m_view->addAction(save);
    connect(save, &QAction::triggered, this, &ChartPanel::chooseFile);
    connect(m_save, &QPushButton::clicked, this, &ChartPanel::chooseFile);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_hint, 1);
    bottom->addWidget(m_save, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
}

void ChartPanel::setChart(QChart *chart, const QString &hint) {
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_hint->setText(hint);
}

QChart *ChartPanel::chart() const {
    return m_view->chart();
}

QString ChartPanel::hint() const {
    return m_hint->text();
}

bool ChartPanel::savePng(const QString &path) const {
    // twice the pixels of the screen: sharp when put into a document
    QPixmap pixmap(m_view->viewport()->size() * 2);
    pixmap.fill(Qt::white);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        m_view->render(&painter, QRectF(pixmap.rect()), m_view->viewport()->rect());
    }
    return pixmap.save(path, "PNG");
}

void ChartPanel::chooseFile() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("analysis/chartDir")).toString();
    const QString name = chart() ? chart()->title() : QString();
    QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Сохранить диаграмму"),
        QDir(dir).filePath((name.isEmpty() ? QStringLiteral("Диаграмма") : name) + u".png"),
        QStringLiteral("Рисунок PNG (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += u".png";
    settings.setValue(QStringLiteral("analysis/chartDir"), QFileInfo(path).path());
    if (!savePng(path)) {
        core::Error e;
        e.file = path;
        e.message = QStringLiteral("не удалось записать рисунок (нет места или прав на запись)");
        ErrorMessage::show(this, QStringLiteral("Сохранение диаграммы"), e,
                           QStringLiteral("Диаграмма не сохранена."));
    }
}

} // namespace objectivity::gui
