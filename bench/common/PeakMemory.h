#pragma once
// The process's peak resident memory so far (VmHWM of /proc/self/status), for the benchmarks'
// figures. Linux only; -1 / «?» where it cannot be read.
#include <QFile>
#include <QString>

namespace objectivity::bench {

inline long peakRssKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// «398456 kB», as the status file writes it.
inline QString peakRssText() {
    const long kb = peakRssKb();
    return kb < 0 ? QStringLiteral("?") : QStringLiteral("%1 kB").arg(kb);
}

} // namespace objectivity::bench
