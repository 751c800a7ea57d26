#include "objectivity/simulation/GeneratorSetting.h"

namespace objectivity::simulation {

QStringList GeneratorSetting::names() {
    return {QStringLiteral("base"), QStringLiteral("wide"), QStringLiteral("narrow"),
            QStringLiteral("guess")};
}

bool GeneratorSetting::apply(const QString &name, GeneratorOptions &o) {
    if (name == QLatin1String("base"))
        return true;
    if (name == QLatin1String("wide")) {
        o.taskSpread = 0.6;
        o.discriminationScale = 1.4;
        o.cohortScale = 1.3;
        return true;
    }
    if (name == QLatin1String("guess")) {
        o.guessing = 0.2;
        o.taskSpread = 0.45;
        o.cohortScale = 0.5;
        return true;
    }
    if (name == QLatin1String("narrow")) {
        o.taskSpread = 0.15;
        o.discriminationScale = 0.6;
        o.cohortScale = 0.7;
        return true;
    }
    return false;
}

} // namespace objectivity::simulation
