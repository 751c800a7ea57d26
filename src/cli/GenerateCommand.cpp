// `objectivity-cli generate --out DIR --seed N --schools N ...`: a realistic region of ВПР/ОГЭ/ЕГЭ
// results with planted manipulations and their ground truth (io::RegionFilesWriter).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/io/results/RegionFilesWriter.h"
#include "objectivity/simulation/GeneratorSetting.h"
#include "objectivity/simulation/Manipulation.h"

#include <QElapsedTimer>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace objectivity::cli {
namespace {

const QString kGroup = QStringLiteral("generate");

int runGenerate(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    simulation::GeneratorOptions o;
    io::RegionFilesWriter::Options how;
    how.xlsx = !CliContext::takeFlag(args, QStringLiteral("--no-xlsx"));
    how.fisoko = !CliContext::takeFlag(args, QStringLiteral("--no-fisoko"));
    o.basicMath = CliContext::takeFlag(args, QStringLiteral("--basic-math"));
    bool missing = false;
    const auto out = CliContext::takeOption(args, QStringLiteral("--out"), &missing);
    if (missing || !out)
        return ctx.usageError(QStringLiteral("нужна папка: --out ПАПКА"), kGroup);
    const auto number = [&](const QString &name, double *value, double lo, double hi) {
        const auto text = CliContext::takeOption(args, name, &missing);
        if (missing)
            return false;
        if (!text)
            return true;
        bool ok = false;
        const double v = text->toDouble(&ok);
        if (!ok || v < lo || v > hi)
            return false;
        *value = v;
        return true;
    };
    double seed = 1, schools = o.schools, municipalities = o.municipalities, strength = o.strength,
           share = o.manipulationShare, journalVariants = o.journalVariantShare,
           oneClass = o.oneClassShare, variantSd = o.schoolVariantSd;
    if (!number(QStringLiteral("--seed"), &seed, 0, 9.0e15))
        return ctx.usageError(QStringLiteral("--seed: нужно целое неотрицательное число"), kGroup);
    if (!number(QStringLiteral("--schools"), &schools, 1, 100000))
        return ctx.usageError(QStringLiteral("--schools: нужно число от 1 до 100000"), kGroup);
    if (!number(QStringLiteral("--municipalities"), &municipalities, 1, 1000))
        return ctx.usageError(QStringLiteral("--municipalities: нужно число от 1 до 1000"), kGroup);
    if (!number(QStringLiteral("--strength"), &strength, 0, 3))
        return ctx.usageError(QStringLiteral("--strength: нужно число от 0 до 3"), kGroup);
    if (!number(QStringLiteral("--share"), &share, 0, 1))
        return ctx.usageError(QStringLiteral("--share: нужна доля от 0 до 1"), kGroup);
    if (!number(QStringLiteral("--journal-variants"), &journalVariants, 0, 0.5))
        return ctx.usageError(QStringLiteral("--journal-variants: нужна доля от 0 до 0,5 (по "
                                             "столько школ со строгим журналом и с отметками "
                                             "относительно класса)"),
                              kGroup);
    if (!number(QStringLiteral("--one-class"), &oneClass, 0, 1))
        return ctx.usageError(QStringLiteral("--one-class: нужна доля от 0 до 1"), kGroup);
    if (!number(QStringLiteral("--variant-sd"), &variantSd, 0, 1))
        return ctx.usageError(QStringLiteral("--variant-sd: нужно число от 0 до 1 (разброс "
                                             "трудности заданий вариантов ВПР разных школ)"),
                              kGroup);
    const auto setting = CliContext::takeOption(args, QStringLiteral("--setting"), &missing);
    if (missing || (setting && !simulation::GeneratorSetting::apply(*setting, o)))
        return ctx.usageError(
            QStringLiteral("--setting: одна из моделей данных %1")
                .arg(simulation::GeneratorSetting::names().join(QStringLiteral(", "))),
            kGroup);
    const auto years = CliContext::takeOption(args, QStringLiteral("--years"), &missing);
    if (missing)
        return ctx.usageError(QStringLiteral("после --years нужны годы: 2023-2024"), kGroup);
    if (years) {
        static const QRegularExpression range(QStringLiteral(R"(^(\d{4})(?:-(\d{4}))?$)"));
        const auto m = range.match(years->trimmed());
        if (!m.hasMatch())
            return ctx.usageError(QStringLiteral("--years: ожидается ГОД или ГОД-ГОД"), kGroup);
        o.firstYear = m.captured(1).toInt();
        o.lastYear = m.captured(2).isEmpty() ? o.firstYear : m.captured(2).toInt();
        if (o.lastYear < o.firstYear || o.lastYear - o.firstYear > 20)
            return ctx.usageError(QStringLiteral("--years: неверный диапазон лет"), kGroup);
    }
    if (!args.isEmpty())
        return ctx.usageError(QStringLiteral("лишний аргумент «%1»").arg(args.first()), kGroup);
    o.seed = std::uint64_t(seed);
    o.schools = int(schools);
    o.municipalities = int(municipalities);
    o.strength = strength;
    o.schoolVariantSd = variantSd;
    o.manipulationShare = share;
    o.journalVariantShare = journalVariants;
    o.oneClassShare = oneClass;

    QElapsedTimer timer;
    timer.start();
    const auto summary = io::RegionFilesWriter::write(o, *out, how);
    if (!summary)
        return ctx.fail(summary.error());
    const auto &s = *summary;
    const double seconds = std::max<qint64>(1, timer.elapsed()) / 1000.0;
    ctx.out() << QStringLiteral("Папка: %1\n").arg(*out);
    ctx.out() << QStringLiteral("Школ: %1, годы %2–%3, единиц: %4, строк результатов: %5\n")
                     .arg(s.schools)
                     .arg(o.firstYear)
                     .arg(o.lastYear)
                     .arg(s.units)
                     .arg(s.rows);
    ctx.out() << QStringLiteral("Время: %1 с (%2 строк/с)\n")
                     .arg(seconds, 0, 'f', 1)
                     .arg(qRound64(s.rows / seconds));
    ctx.out() << QStringLiteral("Файлы: %1").arg(s.files.join(QStringLiteral(", ")));
    if (s.fisokoWorkbooks > 0)
        ctx.out() << QStringLiteral(" (книг ФИС ОКО: %1)").arg(s.fisokoWorkbooks);
    ctx.out() << '\n';
    if (!s.xlsxSkipped.isEmpty())
        ctx.out() << s.xlsxSkipped << '\n';
    QMap<QString, int> counts;
    for (const auto &m : s.planted)
        ++counts[simulation::manipulationCode(m.manipulation)];
    ctx.out() << QStringLiteral("Заложено (ground_truth.csv, строк: %1):\n").arg(s.planted.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        ctx.out() << QStringLiteral("  %1: %2\n").arg(it.key()).arg(it.value());
    return CliContext::Ok;
}

CliGroup makeGenerateGroup() {
    return {kGroup,
            QStringLiteral("реалистичные данные ВПР/ОГЭ/ЕГЭ региона с заложенными нарушениями"),
            {{QString(),
              QStringLiteral("--out ПАПКА [--seed N] [--schools N] [--municipalities N] "
                             "[--years ГОД-ГОД] [--strength X] [--share ДОЛЯ] "
                             "[--setting base|wide|narrow|guess] [--journal-variants ДОЛЯ] "
                             "[--one-class ДОЛЯ] [--variant-sd SD] [--basic-math] [--no-xlsx] "
                             "[--no-fisoko]"),
              QStringLiteral("создать flat.csv, flat.xlsx, tasks.csv, fisoko/, ground_truth.csv"),
              runGenerate}}};
}

const CliRegistrar registrar(makeGenerateGroup);

} // namespace
} // namespace objectivity::cli
