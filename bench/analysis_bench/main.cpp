// Analysis benchmark. For each seed: generates a region (simulation::RegionGenerator, default
// strength), writes it into a SQLite database through storage (GeneratedRegionWriter), reads it
// back and runs the analysis as `objectivity-cli analyze` does, and scores the flags against the
// generator's ground truth (recall per manipulation, honest units flagged, strong honest schools
// flagged). Each seed's region is also written without manipulations (strength 0, the same
// draws: SETTING-seedN-honest.sqlite) for the power of cohort_drop and high_results_unconfirmed on
// each planted unit (comparisonPower). Then writes a ~1,000,000-participant database and times
// `analyze` on it (open, settings, read, criteria, JSON) in a child process, reporting its peak
// memory (VmHWM).
//
//   analysis_bench [--schools N] [--rows N] [--seeds 1,2,3 | --seeds 1 2 3]
//                  [--setting base|wide|narrow|guess]
//                  [--keep-db FILE] [--work-dir DIR [--reuse-db]] [--verbose]
//                  [--set key=value ...] [--journal-variants SHARE] [--strength X]
//                  [--one-class SHARE] [--codes persistent|mixed|per-work] [--variation on]
//                  [--teacher-sd SD]
//                  [--task-profile SD] [--spread SD] [--annual-leniency SD] [--skew A]
//                  [--rater-leniency SD] [--streamed SHARE] [--manipulated SHARE]
//                  [--basic-math] [--variant-sd SD] [--stored-scale-shift N]
//                  [--drop-task-levels] [--drop-task-maxima] [--drop-work-marks]
//                  [--drop-stored-scales]
// --setting changes the generator's measurement model (task spread, test reliability, class
// sizes) so that the figures are not those of one data model only; --journal-variants sets the
// share of honest schools with each of the two other journal styles, --strength the strength of
// the planted manipulations, --one-class the share of help_hard_tasks and lenient_journal plants
// made in one class of the parallel (default 0.5; 0 = the plan of the earlier figures);
// --codes how schools number the works; --variation on adds honest variation the criteria must
// not mistake for manipulation (cohort and teacher effects, improving and declining schools,
// bimodal parallels), and prints the results flags of those schools' honest units;
// --task-profile SD gives every class teacher an own profile over the tasks (honest differential
// item functioning, SD in ability units per task); --spread SD gives every school its own spread
// of pupils' abilities (a factor exp(N(0, SD)) on the region's) and prints the results flags of
// the honest units of narrow (factor < 0.8) and wide (> 1.25) schools; --annual-leniency SD sets
// how much the schools' honest annual marks differ in generosity (default 0.15 marks); --skew A
// makes the pupils' abilities in a school log-normal with shape A (A < 0: a long tail of weak
// pupils); --rater-leniency SD gives every school its own generosity in checking the ВПР tasks
// worth 2 points or more and prints the results flags of the lenient (> SD) and strict (< −SD)
// checkers' honest units; --streamed SHARE makes that share of the schools form their classes by
// ability (a strong «А», a weak «В») and prints the results flags of their honest units;
// --manipulated SHARE sets the share of schools that manipulate one unit (default 0.25);
// --basic-math adds ЕГЭ Математика (база) (a mark, no test score) for every graduate who does not
// choose the profile level, with the medal rule of the base level; --variant-sd SD gives every
// school its own ВПР variants, each task easier or harder by N(0, SD) ability SD (ФИС ОКО generates
// the variants for each school from the bank of analogous tasks); --stored-scale-shift N analyses a
// copy whose stored ВПР/ОГЭ scales put «4» and «5» N points off the marks; --drop-task-levels
// analyses a copy whose tasks have no levels (Б/П/В), as data from a source that does not give
// them; --drop-task-maxima, one whose tasks have maximum 0 (no tasks.csv); --drop-work-marks, one
// whose ВПР and ОГЭ works have no mark (only the scores); --drop-stored-scales, one without the
// scales the generator stored (only the official ones, as after `results import`).
//   analysis_bench --analyze-only FILE      (the child: read the database and analyse it)
#include "BenchDatabase.h"
#include "BenchScore.h"

#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/common/HugePageMalloc.h"
#include "objectivity/simulation/GeneratorSetting.h"
#include "objectivity/simulation/RegionGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;
using namespace objectivity::bench;

int main(int argc, char **argv) {
    // malloc on transparent huge pages: runs the program again, once, before anything else
    core::HugePageMalloc::reexec(argv);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &def) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : def;
    };
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args.at(i) == QStringLiteral("--set"))
            settingOverrides() << args.at(i + 1);
    if (args.contains(QStringLiteral("--analyze-only")))
        return analyzeOnly(option(QStringLiteral("--analyze-only"), QString()));

    const int schools = option(QStringLiteral("--schools"), QStringLiteral("150")).toInt();
    const qint64 targetRows =
        option(QStringLiteral("--rows"), QStringLiteral("1000000")).toLongLong();
    // --seeds 1,2,3 or --seeds 1 2 3 (every argument up to the next option); a seed that is not a
    // number is refused rather than read as 0
    QStringList seeds;
    if (const int at = args.indexOf(QStringLiteral("--seeds")); at >= 0)
        for (int i = at + 1; i < args.size() && !args.at(i).startsWith(QStringLiteral("--")); ++i)
            for (const QString &s : args.at(i).split(u',', Qt::SkipEmptyParts))
                seeds << s.trimmed();
    if (!args.contains(QStringLiteral("--seeds")))
        seeds = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
    for (const QString &s : seeds) {
        bool ok = false;
        s.toULongLong(&ok);
        if (!ok) {
            std::fprintf(stderr, "--seeds: «%s» is not a seed number\n", qPrintable(s));
            return 2;
        }
    }
    if (seeds.isEmpty()) {
        std::fprintf(stderr, "--seeds: no seed given\n");
        return 2;
    }
    std::printf("seeds: %s\n", qPrintable(seeds.join(QStringLiteral(", "))));
    // the generator's setting: the share of honest journal variants, the manipulations' strength
    GeneratorOptions variant;
    variant.journalVariantShare =
        option(QStringLiteral("--journal-variants"), QString::number(variant.journalVariantShare))
            .toDouble();
    variant.strength =
        option(QStringLiteral("--strength"), QString::number(variant.strength)).toDouble();
    // --manipulated SHARE: the share of the schools (other than the strong honest ones) that
    // manipulate one unit (GeneratorOptions::manipulationShare, 0.25 by default)
    variant.manipulationShare =
        option(QStringLiteral("--manipulated"), QString::number(variant.manipulationShare))
            .toDouble();
    // help and lenient marks in one class of the parallel in half of their plants
    variant.oneClassShare = option(QStringLiteral("--one-class"), QStringLiteral("0.5")).toDouble();
    // --codes per-work: every school numbers each procedure's works anew (codes do not name
    // pupils); --codes mixed: 30 % of the schools do, the rest keep their pupils' codes
    const QString codes = option(QStringLiteral("--codes"), QStringLiteral("persistent"));
    variant.perWorkCodeShare = codes == QStringLiteral("per-work") ? 1.0
                               : codes == QStringLiteral("mixed")  ? 0.3
                                                                   : 0.0;
    // --variation on: honest variation the criteria must not mistake for manipulation — cohort
    // and teacher effects, improving and declining schools, bimodal parallels (GeneratorOptions)
    const bool variation =
        option(QStringLiteral("--variation"), QStringLiteral("off")) == QStringLiteral("on");
    if (variation) {
        variant.cohortEffectSd = 0.12;
        variant.teacherEffectSd = 0.12;
        variant.changingShare = 0.2;
        variant.changeRate = 0.15;
        variant.bimodalShare = 0.1;
    }
    // --teacher-sd SD: one year's teacher of one grade and subject raises or lowers the unit's
    // results by N(0, SD) ability SD (0.12 with --variation on); at a school grading relative to
    // the class the journal does not follow (a good teacher, not an inflated result)
    variant.teacherEffectSd =
        option(QStringLiteral("--teacher-sd"), QString::number(variant.teacherEffectSd)).toDouble();
    // --task-profile SD: honest differential item functioning, each class teacher's own profile
    // over the tasks (GeneratorOptions::taskProfileSd)
    variant.taskProfileSd =
        option(QStringLiteral("--task-profile"), QStringLiteral("0")).toDouble();
    if (variant.taskProfileSd > 0)
        std::printf("honest task profiles of class teachers: SD %.2f per task\n",
                    variant.taskProfileSd);
    // --spread SD: each school's own spread of its pupils' abilities (GeneratorOptions::spreadSd)
    variant.spreadSd = option(QStringLiteral("--spread"), QStringLiteral("0")).toDouble();
    if (variant.spreadSd > 0)
        std::printf("schools' own spread of ability: factor exp(N(0, %.2f))\n", variant.spreadSd);
    // --annual-leniency SD: how much the schools' honest annual marks differ in generosity
    variant.annualLeniencySd =
        option(QStringLiteral("--annual-leniency"), QString::number(variant.annualLeniencySd))
            .toDouble();
    std::printf("honest annual marks: generosity SD %.2f over the schools\n",
                variant.annualLeniencySd);
    // --skew A: the shape of the pupils' abilities (GeneratorOptions::abilitySkew)
    variant.abilitySkew = option(QStringLiteral("--skew"), QStringLiteral("0")).toDouble();
    if (variant.abilitySkew != 0)
        std::printf("pupils' abilities in a school: standardised log-normal, shape %.2f\n",
                    variant.abilitySkew);
    // --rater-leniency SD: how generously the schools check their ВПР's longer tasks
    variant.raterLeniencySd =
        option(QStringLiteral("--rater-leniency"), QStringLiteral("0")).toDouble();
    if (variant.raterLeniencySd > 0)
        std::printf("schools' checking of ВПР tasks worth 2+ points: generosity SD %.2f\n",
                    variant.raterLeniencySd);
    // --streamed SHARE: schools that form the classes of a parallel by ability
    variant.streamedShare = option(QStringLiteral("--streamed"), QStringLiteral("0")).toDouble();
    if (variant.streamedShare > 0)
        std::printf("classes formed by ability in %.0f %% of the schools\n",
                    100 * variant.streamedShare);
    // --variant-sd SD: every school writes its own ВПР variants (GeneratorOptions::schoolVariantSd)
    variant.schoolVariantSd =
        option(QStringLiteral("--variant-sd"), QStringLiteral("0")).toDouble();
    if (variant.schoolVariantSd > 0)
        std::printf("ВПР variants generated per school: task difficulty SD %.2f\n",
                    variant.schoolVariantSd);
    // --basic-math: ЕГЭ Математика (база) for whoever does not choose the profile level
    variant.basicMath = args.contains(QStringLiteral("--basic-math"));
    if (variant.basicMath)
        std::printf("ЕГЭ Математика (база) for every graduate without the profile level\n");
    std::printf("generator: journal variants %.2f + %.2f, %.0f %% of schools manipulating, "
                "strength %.2f, one class %.2f, codes numbered per work in %.0f %% of schools\n",
                variant.journalVariantShare, variant.journalVariantShare,
                100 * variant.manipulationShare, variant.strength, variant.oneClassShare,
                100 * variant.perWorkCodeShare);
    if (variation)
        std::printf("honest variation: cohort effect SD %.2f, teacher effect SD %.2f, %.0f %% of "
                    "schools changing by %.2f SD a year, %.0f %% bimodal\n",
                    variant.cohortEffectSd, variant.teacherEffectSd, 100 * variant.changingShare,
                    variant.changeRate, 100 * variant.bimodalShare);
    QTemporaryDir tmp;
    // --work-dir DIR keeps each seed's database and its planted units (seedN-planted.csv)
    const QDir dir(option(QStringLiteral("--work-dir"), tmp.path()));
    const QString setting = option(QStringLiteral("--setting"), QStringLiteral("base"));
    {
        GeneratorOptions probe;
        if (!GeneratorSetting::apply(setting, probe)) {
            std::fprintf(stderr, "unknown --setting %s (base, wide, narrow, guess)\n",
                         qPrintable(setting));
            return 2;
        }
    }
    std::printf("generator setting: %s\n", qPrintable(setting));
    // --stored-scale-shift N: the stored scales give «4» and «5» N points off the marks
    const int scaleShift =
        option(QStringLiteral("--stored-scale-shift"), QStringLiteral("0")).toInt();
    if (scaleShift)
        std::printf("stored scales shifted: «4» and «5» %d points later than the marks follow\n",
                    scaleShift);
    QStringList dropped; // --drop-task-levels, --drop-task-maxima
    if (args.contains(QStringLiteral("--drop-task-levels"))) {
        dropped << QStringLiteral("level");
        std::printf("task levels dropped: the procedures give no Б/П/В\n");
    }
    if (args.contains(QStringLiteral("--drop-task-maxima"))) {
        dropped << QStringLiteral("max");
        std::printf("task maxima dropped: the procedures give 0 (no tasks.csv)\n");
    }
    const bool dropScales = args.contains(QStringLiteral("--drop-stored-scales"));
    if (dropScales)
        std::printf("stored scales dropped: only the official ones, the rest from the marks\n");
    const bool dropMarks = args.contains(QStringLiteral("--drop-work-marks"));
    if (dropMarks)
        std::printf("work marks dropped: the ВПР and ОГЭ works give only their scores\n");
    // the database as analysed: with the stored scales shifted, without the task levels or the
    // work marks
    auto derived = [&](const QString &written) {
        QString p = scaleShift ? withShiftedScales(written, scaleShift) : written;
        p = !dropped.isEmpty() && !p.isEmpty() ? withoutTaskFields(p, dropped) : p;
        p = dropScales && !p.isEmpty() ? withoutUserScales(p) : p;
        return dropMarks && !p.isEmpty() ? withoutWorkMarks(p) : p;
    };
    Score total;
    qint64 rowsPerSchool = 0;
    for (const QString &seedText : seeds) {
        GeneratorOptions o = variant;
        o.seed = seedText.toULongLong();
        o.schools = schools;
        o.municipalities = 8;
        o.firstYear = 2023;
        o.lastYear = 2025;
        GeneratorSetting::apply(setting, o);
        const QString path =
            dir.filePath(QStringLiteral("%1-seed%2.sqlite").arg(setting, seedText));
        QElapsedTimer t;
        t.start();
        qint64 rows = 0;
        // --reuse-db: a database kept by an earlier run with the same --work-dir is read as it is
        if (!(args.contains(QStringLiteral("--reuse-db")) && QFile::exists(path)) &&
            !writeDatabase(o, path, &rows))
            return 1;
        const qint64 writeMs = t.elapsed();
        if (dir.path() != tmp.path())
            writePlanted(RegionGenerator(o).plan(),
                         dir.filePath(QStringLiteral("seed%1-planted.csv").arg(seedText)));
        qint64 participants = 0, readMs = 0, totalMs = 0;
        std::optional<AnalysisDataset> data;
        AnalysisSettings settings;
        const QString analysed = derived(path);
        if (analysed.isEmpty())
            return 1;
        const auto report = analyze(analysed, &participants, &readMs, &totalMs, &data, &settings);
        if (!report)
            return 1;
        std::printf("seed %s: %d schools, %lld participants, %lld units (written in %lld ms, "
                    "read and analysed in %lld ms)\n",
                    qPrintable(seedText), schools, static_cast<long long>(participants),
                    static_cast<long long>(report->units.size()), static_cast<long long>(writeMs),
                    static_cast<long long>(totalMs));
        // the same region without manipulations: the planted shift of the comparison criteria
        std::optional<AnalysisReport> twin;
        if (o.strength > 0) {
            GeneratorOptions honest = o;
            honest.strength = 0;
            const QString twinPath =
                dir.filePath(QStringLiteral("%1-seed%2-honest.sqlite").arg(setting, seedText));
            qint64 twinRows = 0, p2 = 0, r2 = 0, t2 = 0;
            if (!(args.contains(QStringLiteral("--reuse-db")) && QFile::exists(twinPath)) &&
                !writeDatabase(honest, twinPath, &twinRows))
                return 1;
            const QString twinAnalysed = derived(twinPath);
            if (twinAnalysed.isEmpty())
                return 1;
            twin = analyze(twinAnalysed, &p2, &r2, &t2);
            if (!twin)
                return 1;
        }
        const Score s =
            score(RegionGenerator(o).plan(), *report, args.contains(QStringLiteral("--verbose")),
                  *data, settings, o.strength, twin ? &*twin : nullptr);
        printScore(s);
        total.add(s);
        // participants read, not rows written: with --reuse-db nothing is written
        rowsPerSchool = std::max<qint64>(rowsPerSchool, participants / std::max(1, schools));
    }
    if (seeds.size() > 1) {
        std::printf("all seeds:\n");
        printScore(total);
    }
    {
        // the strong honest schools written as ordinary schools: does their ГИА protect them?
        GeneratorOptions o = variant;
        o.seed = seeds.first().toULongLong();
        o.schools = schools;
        o.municipalities = 8;
        o.firstYear = 2023;
        o.lastYear = 2025;
        GeneratorSetting::apply(setting, o);
        const QString path = dir.filePath(QStringLiteral("%1-strong.sqlite").arg(setting));
        qint64 rows = 0, participants = 0, readMs = 0, totalMs = 0;
        if (!(args.contains(QStringLiteral("--reuse-db")) && QFile::exists(path)) &&
            !writeDatabase(o, path, &rows, true))
            return 1;
        std::optional<AnalysisDataset> data;
        AnalysisSettings settings;
        const auto report = analyze(path, &participants, &readMs, &totalMs, &data, &settings);
        if (!report)
            return 1;
        const Score s =
            score(RegionGenerator(o).plan(), *report, false, *data, settings, o.strength);
        std::printf("seed %s with the strong honest schools recorded as ordinary СОШ "
                    "(no гимназия/лицей exemption):\n",
                    qPrintable(seeds.first()));
        std::printf("  strong_school_honest units flagged: %d / %d (high_results_unconfirmed: "
                    "%d, of them without ГИА data in the subject: %d)\n",
                    s.strongFlagged, s.strongUnits, s.strongHigh, s.strongHighNoGia);
    }
    if (targetRows <= 0 || rowsPerSchool <= 0)
        return 0;
    // the large database: enough schools to reach the target row count
    GeneratorOptions big;
    big.seed = 7;
    big.municipalities = 30;
    big.firstYear = 2023;
    big.lastYear = 2025;
    big.schools =
        static_cast<int>(1.1 * double(targetRows) / double(rowsPerSchool)) + 1; // seeds vary
    const QString path =
        option(QStringLiteral("--keep-db"), dir.filePath(QStringLiteral("big.sqlite")));
    QElapsedTimer t;
    t.start();
    qint64 rows = 0;
    if (!writeDatabase(big, path, &rows))
        return 1;
    std::printf("large database: %d schools, %lld participants written in %lld ms\n", big.schools,
                static_cast<long long>(rows), static_cast<long long>(t.elapsed()));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(app.applicationFilePath(), {QStringLiteral("--analyze-only"), path});
    child.waitForFinished(-1);
    return child.exitCode();
}
