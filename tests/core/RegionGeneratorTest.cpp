#include "GeneratorCollector.h"

#include "objectivity/core/MedalRules.h"
#include "objectivity/core/RegionGenerator.h"
#include "objectivity/core/Rng.h"

#include <QMap>
#include <QSet>
#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;
using objectivity::test::CollectedUnit;
using objectivity::test::GeneratorCollector;

namespace {

GeneratorOptions smallRegion(std::uint64_t seed = 7, double strength = 1.0) {
    GeneratorOptions o;
    o.seed = seed;
    o.schools = 40;
    o.municipalities = 5;
    o.firstYear = 2023;
    o.lastYear = 2024;
    o.strength = strength;
    return o;
}

std::uint64_t fingerprint(const GeneratorCollector &c) {
    std::uint64_t h = 0;
    for (const CollectedUnit &u : c.units) {
        h = Rng::derive({h, Rng::hashText(u.school.school.code + u.procedure.procedure.subject)});
        for (const ParticipantResult &r : u.rows) {
            std::uint64_t cells = Rng::hashText(r.participantCode + r.className);
            for (const auto p : r.taskPoints)
                cells = cells * 31 + std::uint64_t(p + 2);
            h = Rng::derive({h, cells, std::uint64_t(r.mark), std::uint64_t(r.journalMark),
                             std::uint64_t(r.testScore + 1), std::uint64_t(r.medal)});
        }
    }
    return h;
}

bool plantedIn(const RegionPlan &plan, const CollectedUnit &u) {
    for (const PlantedManipulation &m : plan.planted()) {
        if (m.schoolCode == u.school.school.code && m.year == u.procedure.procedure.year &&
            m.manipulation != Manipulation::StrongSchoolHonest)
            return true;
    }
    return false;
}

struct GeneratedRun {
    explicit GeneratedRun(const GeneratorOptions &o) : generator(o) { generator.run(rows); }
    RegionGenerator generator;
    GeneratorCollector rows;
};

const GeneratedRun &defaultRun() {
    static const GeneratedRun run(smallRegion());
    return run;
}
const GeneratedRun &honestRun() {
    static const GeneratedRun run(smallRegion(7, 0.0));
    return run;
}

} // namespace

TEST(RegionGenerator, SameSeedSameDataOtherSeedOtherData) {
    const GeneratedRun again(smallRegion());
    EXPECT_EQ(fingerprint(again.rows), fingerprint(defaultRun().rows));
    EXPECT_EQ(again.generator.plan().planted(), defaultRun().generator.plan().planted());
    const GeneratedRun other(smallRegion(8));
    EXPECT_NE(fingerprint(other.rows), fingerprint(defaultRun().rows));
}

TEST(RegionGenerator, RngIsPortable) {
    // Fixed by the standard (mt19937_64's 10000th output) and by our own distributions.
    std::mt19937_64 engine(5489u);
    engine.discard(9999);
    EXPECT_EQ(engine(), 9981545732273789042ULL);
    Rng rng(42);
    double sum = 0, squares = 0;
    for (int i = 0; i < 20000; ++i) {
        const double z = rng.normal();
        sum += z;
        squares += z * z;
    }
    EXPECT_NEAR(sum / 20000, 0.0, 0.03);
    EXPECT_NEAR(squares / 20000, 1.0, 0.04);
}

TEST(RegionGenerator, HonestMarkSharesAndJournalArePlausible) {
    const GeneratedRun &run = defaultRun();
    QMap<int, int> marks;
    int total = 0;
    double journalMinusMark = 0;
    int journals = 0;
    for (const CollectedUnit &u : run.rows.units) {
        if (u.procedure.procedure.kind != ProcedureKind::VPR ||
            plantedIn(run.generator.plan(), u) || u.school.strong)
            continue;
        for (const ParticipantResult &r : u.rows) {
            ++marks[r.mark];
            ++total;
            if (r.journalMark > 0) {
                journalMinusMark += r.journalMark - r.mark;
                ++journals;
            }
        }
    }
    ASSERT_GT(total, 5000);
    const auto share = [&](int m) { return double(marks.value(m)) / total; };
    std::printf("ВПР marks: 2 %.3f, 3 %.3f, 4 %.3f, 5 %.3f; journal−mark %.3f (n=%d)\n", share(2),
                share(3), share(4), share(5), journalMinusMark / journals, total);
    EXPECT_GT(share(2), 0.05);
    EXPECT_LT(share(2), 0.30);
    EXPECT_GT(share(3), 0.25);
    EXPECT_LT(share(3), 0.55);
    EXPECT_GT(share(4), 0.20);
    EXPECT_LT(share(4), 0.45);
    EXPECT_GT(share(5), 0.03);
    EXPECT_LT(share(5), 0.25);
    EXPECT_NEAR(journalMinusMark / journals, 0.0, 0.2);
}
