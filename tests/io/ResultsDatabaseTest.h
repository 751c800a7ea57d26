#pragma once
// A fresh results database in a temporary folder, and files written beside it: the base of the
// importer tests (ResultsImporterTest, MessagesTest, ReaderLimitsImport).
#include "objectivity/storage/Database.h"

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace objectivity::test {

class ResultsDatabaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        auto opened = storage::Database::open(dir.filePath(QStringLiteral("r.sqlite")));
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    QString write(const QString &name, const QByteArray &data) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(data);
        return f.fileName();
    }
    QString writeLines(const QString &name, const QStringList &lines) {
        return write(name, lines.join(u'\n').toUtf8() + '\n');
    }

    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;
};

} // namespace objectivity::test
