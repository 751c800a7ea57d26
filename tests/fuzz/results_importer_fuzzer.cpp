// ResultsImporter::importFile on a scratch file (.xlsx when the input is a zip, else .csv) into a
// scratch database that is reset after every input. The first byte picks the layout option.
// The scratch database holds one imported participant from the start, as a user's database does
// after the first import: otherwise every input would drop and re-create the participants'
// indexes (the first-import path, DDL that makes SQLite re-read the whole schema — a third of the
// time per input), which depends on no byte of the input.
#include "FuzzSupport.h"
#include "objectivity/io/results/ResultsImporter.h"

#include <cstdio>
#include <cstdlib>

using namespace objectivity;
using io::ResultsImporter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    ResultsImporter::Options options;
    const ResultsImporter::Layout layouts[] = {
        ResultsImporter::Layout::Auto, ResultsImporter::Layout::Flat,
        ResultsImporter::Layout::Fisoko, ResultsImporter::Layout::Auto};
    options.layout = (data[0] & 0x80) ? layouts[data[0] & 3] : ResultsImporter::Layout::Auto;
    if (data[0] & 0x40)
        options.schoolCode = QStringLiteral("edu053001");
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    const QString path = fuzz::writeScratchFile(
        input, input.startsWith("PK\x03\x04") ? QStringLiteral(".xlsx") : QStringLiteral(".csv"));
    auto &scratch = fuzz::ScratchDatabase::instance();
    static const bool seeded = [&scratch] {
        const QString seed = fuzz::writeScratchFile(
            QStringLiteral("Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;Наименование "
                           "ОО;Класс;Код участника;Вариант;З1;З2;Первичный балл;Отметка\n"
                           "2024;ВПР;5;Математика;Город;edu000001;Школа № 1;5А;900001;1;1;1;2;4\n")
                .toUtf8(),
            QStringLiteral(".seed.csv"));
        const auto imported = ResultsImporter(scratch.database()).importFile(seed, {});
        if (!imported.ok() || imported.value().rows != 1) {
            std::fprintf(stderr, "fuzz: the seed participant was not imported: %s\n",
                         imported.ok() ? "no row" : qPrintable(imported.error().toString()));
            std::abort();
        }
        scratch.keepRows();
        return true;
    }();
    (void)seeded;
    ResultsImporter importer(scratch.database());
    const auto preview = importer.preview(path, options, 5);
    if (!preview.ok())
        fuzz::checkError(preview.error());
    const auto summary = importer.importFile(path, options);
    if (!summary.ok())
        fuzz::checkError(summary.error());
    scratch.reset();
    return 0;
}
