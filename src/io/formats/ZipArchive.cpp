#include "objectivity/io/formats/ZipArchive.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <unzip.h>

#include <optional>

using objectivity::core::Error;
using objectivity::core::Result;

namespace objectivity::io {

struct ZipArchive::Handle {
    unzFile file = nullptr;
    ~Handle() {
        if (file)
            unzClose(file);
    }
};

ZipArchive::ZipArchive(QString path, Limits limits, std::unique_ptr<Handle> handle,
                       QStringList names)
    : m_path(std::move(path)), m_limits(limits), m_handle(std::move(handle)),
      m_names(std::move(names)) {}
ZipArchive::ZipArchive(ZipArchive &&) noexcept = default;
ZipArchive &ZipArchive::operator=(ZipArchive &&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(const QString &path, const Limits &limits) {
    if (!QFileInfo::exists(path))
        return Error::inFile(path, QStringLiteral("файл не найден"));
    auto handle = std::make_unique<Handle>();
    handle->file = unzOpen64(QFile::encodeName(path).constData());
    if (!handle->file)
        return Error::inFile(
            path, QStringLiteral("файл повреждён или не является архивом Office Open XML "
                                 "(ожидался zip-контейнер .docx/.xlsx)"));
    QStringList names;
    int rc = unzGoToFirstFile(handle->file);
    while (rc == UNZ_OK) {
        if (names.size() >= limits.maxEntries)
            return Error::inFile(
                path,
                QStringLiteral("в архиве слишком много частей (более %1)").arg(limits.maxEntries));
        char name[1024];
        unz_file_info64 info;
        if (unzGetCurrentFileInfo64(handle->file, &info, name, sizeof name, nullptr, 0, nullptr,
                                    0) != UNZ_OK)
            return Error::inFile(path, QStringLiteral("оглавление архива повреждено"));
        names << QString::fromUtf8(name);
        rc = unzGoToNextFile(handle->file);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        return Error::inFile(path, QStringLiteral("оглавление архива повреждено"));
    return ZipArchive(path, limits, std::move(handle), names);
}

Result<QByteArray> ZipArchive::read(const QString &name) {
    unzFile f = m_handle->file;
    if (unzLocateFile(f, name.toUtf8().constData(), 0) != UNZ_OK)
        return Error::inFile(m_path, QStringLiteral("в архиве нет части «%1»").arg(name));
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(f, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return Error::inFile(m_path, QStringLiteral("часть «%1» повреждена").arg(name));
    const qint64 declared = qint64(info.uncompressed_size);
    const qint64 compressed = qMax<qint64>(1, qint64(info.compressed_size));
    const QString fileName = QFileInfo(m_path).fileName();
    // Each limit names itself; a declared size that lies is caught on what is actually produced.
    auto overLimit = [&](qint64 size) -> std::optional<Error> {
        if (size > m_limits.maxEntryBytes)
            return ReaderLimits::fileRefused(
                fileName, QStringLiteral("часть архива «%1» слишком велика: после "
                                         "распаковки больше %2 (возможна «zip-бомба»)")
                              .arg(name, ReaderLimits::size(m_limits.maxEntryBytes)));
        if (m_totalRead + size > m_limits.maxTotalBytes)
            return ReaderLimits::fileRefused(
                fileName, QStringLiteral("архив слишком велик: после распаковки больше %1 "
                                         "(возможна «zip-бомба»)")
                              .arg(ReaderLimits::size(m_limits.maxTotalBytes)));
        if (size > m_limits.ratioFloorBytes && size / compressed > m_limits.maxRatio)
            return ReaderLimits::fileRefused(
                fileName, QStringLiteral("часть архива «%1» сжата более чем в %2 раз — так "
                                         "сжимают только «zip-бомбы»")
                              .arg(name, ReaderLimits::count(m_limits.maxRatio)));
        return std::nullopt;
    };
    if (auto refused = overLimit(declared))
        return *refused;
    if (unzOpenCurrentFile(f) != UNZ_OK)
        return Error::inFile(m_path, QStringLiteral("часть «%1» не удаётся распаковать").arg(name));
    QByteArray out;
    // The declared size is within the limits (checked above) but can lie (a damaged or hostile
    // header): reserving it only maps address space, and the part still grows as it is produced.
    // Inflated straight into `out`: a sheet of 50 MB was copied twice more on the way.
    constexpr int kStep = 256 * 1024;
    out.reserve(qsizetype(declared) + kStep);
    for (;;) {
        const qsizetype have = out.size();
        out.resize(have + kStep);
        const int n = unzReadCurrentFile(f, out.data() + have, kStep);
        out.resize(have + std::max(n, 0));
        if (n < 0) {
            unzCloseCurrentFile(f);
            return Error::inFile(
                m_path,
                QStringLiteral("часть «%1» повреждена (данные не распаковываются)").arg(name),
                QStringLiteral("minizip unzReadCurrentFile: %1").arg(n));
        }
        if (n == 0)
            break;
        // The declared size can lie: enforce the limits on what is actually produced.
        if (auto refused = overLimit(out.size())) {
            unzCloseCurrentFile(f);
            return *refused;
        }
    }
    if (unzCloseCurrentFile(f) == UNZ_CRCERROR)
        return Error::inFile(
            m_path,
            QStringLiteral("часть «%1» повреждена (не сходится контрольная сумма)").arg(name));
    m_totalRead += out.size();
    return out;
}

} // namespace objectivity::io
