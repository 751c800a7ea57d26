#pragma once
#include "objectivity/simulation/GeneratorOptions.h"

#include <QString>
#include <QStringList>

namespace objectivity::simulation {

// Named measurement models of the generator, so that the analysis is scored on more than one
// model of the data (docs/generator.md, «Настройки»):
//   base   — the defaults of GeneratorOptions;
//   wide   — wide task spread, a reliable test, larger classes;
//   narrow — narrow task spread, a less reliable test, smaller classes;
//   guess  — every score step can be guessed (a three-parameter curve, lower asymptote 0.2),
//            tasks spread wider, parallels of 8–20 pupils.
// Used by `objectivity-cli generate --setting` and bench/analysis_bench --setting.
class GeneratorSetting {
public:
    static QStringList names();
    // Changes the measurement model of `options` (nothing else); false for an unknown name.
    static bool apply(const QString &name, GeneratorOptions &options);
};

} // namespace objectivity::simulation
