#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/formats/ReaderLimits.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace objectivity::io {

// Read-only access to a .zip container (.docx, .xlsx) through minizip, with limits so that a
// hostile file (zip bomb, huge XML part) is refused instead of eating the machine.
class ZipArchive {
public:
    // Defaults from ReaderLimits.
    struct Limits {
        qint64 maxEntryBytes = ReaderLimits::kZipEntryBytes; // one uncompressed part
        qint64 maxTotalBytes = ReaderLimits::kZipTotalBytes; // everything read from the archive
        qint64 maxRatio = ReaderLimits::kZipRatio; // uncompressed / compressed, for large parts
        qint64 ratioFloorBytes = ReaderLimits::kZipRatioFloorBytes; // the ratio applies above it
        int maxEntries = ReaderLimits::kZipEntries;
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
