#pragma once
#include "objectivity/core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace objectivity::io {

// Writes a zip container (DOCX, ODT) with minizip: the parts in the order they were added, each
// deflated or stored (an ODT's «mimetype» must come first and be stored, without an extra field).
// The archive is built in a temporary file and returned as bytes; saveFile() then replaces the
// target only when everything was written (QSaveFile).
class ZipWriter {
public:
    void add(const QString &name, const QByteArray &data, bool compress = true);
    core::Result<QByteArray> finish() const;

    // Writes `bytes` to `path` atomically. `kind` names the format in messages («DOCX», «ODT»).
    static core::Status saveFile(const QString &path, const QByteArray &bytes, const QString &kind);

private:
    struct Part {
        QString name;
        QByteArray data;
        bool compress = true;
    };
    QList<Part> m_parts;
};

} // namespace objectivity::io
