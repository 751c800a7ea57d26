#include "objectivity/gui/results/ResultsImportBatch.h"

#include <QFileInfo>

#include <algorithm>

namespace objectivity::gui {

void ResultsImportBatch::start(const QStringList &files) {
    clear();
    m_files = files;
}

void ResultsImportBatch::clear() {
    m_files.clear();
    m_index = 0;
    m_loaded = m_failed = m_skipped = 0;
    m_log.clear();
}

QString ResultsImportBatch::name() const {
    return QFileInfo(current()).fileName();
}

void ResultsImportBatch::loaded(const QString &what) {
    m_log << QStringLiteral("%1 — %2").arg(name(), what);
    ++m_loaded;
    ++m_index;
}

void ResultsImportBatch::failed(const QString &why) {
    m_log << QStringLiteral("%1 — не загружен: %2").arg(name(), why);
    ++m_failed;
    ++m_index;
}

void ResultsImportBatch::skipped(const QString &why) {
    m_log << QStringLiteral("%1 — пропущен: %2").arg(name(), why);
    ++m_skipped;
    ++m_index;
}

QString ResultsImportBatch::label() const {
    if (!active())
        return {};
    return QStringLiteral("Файлов: %1. Они загружаются по очереди, с тем же форматом и теми же "
                          "столбцами, каждый целиком или никак; логин школы берётся из заголовка "
                          "каждого файла. Показан %2-й — «%3».")
        .arg(size())
        .arg(std::min(m_index, size() - 1) + 1)
        .arg(QFileInfo(m_files.value(std::min(m_index, size() - 1))).fileName());
}

QString ResultsImportBatch::summary() const {
    QString text = QStringLiteral("Загружено файлов: %1 из %2").arg(m_loaded).arg(size());
    if (m_skipped > 0)
        text += QStringLiteral("; пропущено (были загружены раньше): %1").arg(m_skipped);
    if (m_failed > 0)
        text += QStringLiteral("; не загружено: %1 (причина — в замечаниях; базу эти файлы не "
                               "изменили)")
                    .arg(m_failed);
    if (m_index < size())
        text += QStringLiteral("; загрузка прервана, не загружены последние файлы: %1")
                    .arg(size() - m_index);
    return text + u'.';
}

} // namespace objectivity::gui
