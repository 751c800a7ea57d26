#pragma once
#include "objectivity/core/common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace objectivity::io {

// Read-only access to a .zip container (.docx, .xlsx) through minizip, with limits so that a
// hostile file (zip bomb, huge XML part) is refused instead of eating the machine.
class ZipArchive {
public:
    struct Limits {
        qint64 maxEntryBytes = 512LL * 1024 * 1024;  // one uncompressed part
        qint64 maxTotalBytes = 1024LL * 1024 * 1024; // everything read from the archive
        qint64 maxRatio = 1000;                      // uncompressed / compressed, for large parts
        int maxEntries = 20000;
    };

    ZipArchive(ZipArchive &&) noexcept;
    ZipArchive &operator=(ZipArchive &&) noexcept;
    ~ZipArchive();

    static core::Result<ZipArchive> open(const QString &path, const Limits &limits);
    static core::Result<ZipArchive> open(const QString &path) { return open(path, Limits{}); }

    QString path() const { return m_path; }
    QStringList entryNames() const { return m_names; }
    bool contains(const QString &name) const { return m_names.contains(name); }
    // The whole uncompressed content of one entry, or an error naming the file and the part.
    core::Result<QByteArray> read(const QString &name);

private:
    struct Handle;
    ZipArchive(QString path, Limits limits, std::unique_ptr<Handle> handle, QStringList names);

    QString m_path;
    Limits m_limits;
    std::unique_ptr<Handle> m_handle;
    QStringList m_names;
    qint64 m_totalRead = 0;
};

} // namespace objectivity::io
