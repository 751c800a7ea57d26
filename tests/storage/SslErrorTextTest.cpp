// What a failed TLS connection says: libpq's English text (no SQLSTATE) → a Russian reason that
// names what to do; the original stays in the details. The texts are libpq 15's.
#include "objectivity/storage/SqlErrorText.h"

#include <gtest/gtest.h>

using objectivity::storage::SqlErrorText;

namespace {

QString reason(const char *libpq) {
    return SqlErrorText::russianPostgres(QString(), QString::fromUtf8(libpq),
                                         QStringLiteral("db.uo.local:5432"));
}

TEST(SslErrorText, ServerWithoutSsl) {
    const QString text = reason("connection to server at \"db.uo.local\" (10.0.0.5), port 5432 "
                                "failed: server does not support SSL, but SSL was required");
    EXPECT_TRUE(text.contains(QStringLiteral("не принимает шифрованные соединения (SSL)")));
    EXPECT_TRUE(text.contains(QStringLiteral("«db.uo.local:5432»")));
    EXPECT_FALSE(text.contains(QStringLiteral("required")));
}

TEST(SslErrorText, VerifyWithoutRootCertificate) {
    const QString text = reason(
        "connection to server at \"db.uo.local\" (10.0.0.5), port 5432 failed: root certificate "
        "file \"/root/.postgresql/root.crt\" does not exist\nEither provide the file, use the "
        "system's trusted roots with sslrootcert=system, or change sslmode to disable server "
        "certificate verification.");
    EXPECT_TRUE(text.contains(QStringLiteral("PGSSLROOTCERT")));
}

TEST(SslErrorText, CertificateOfAnotherHost) {
    const QString text = reason("connection to server at \"10.0.0.5\", port 5432 failed: server "
                                "certificate for \"db.uo.local\" does not match host name "
                                "\"10.0.0.5\"");
    EXPECT_TRUE(text.contains(QStringLiteral("не прошёл проверку")));
}

TEST(SslErrorText, PlainNetworkFailureStaysANetworkFailure) {
    const QString text = reason("connection to server at \"db.uo.local\" (10.0.0.5), port 5432 "
                                "failed: Connection refused");
    EXPECT_TRUE(text.contains(QStringLiteral("нет связи с сервером")));
}

} // namespace
