#include "objectivity/simulation/Manipulation.h"

namespace objectivity::simulation {

QString manipulationCode(Manipulation m) {
    switch (m) {
    case Manipulation::HelpHardTasks:
        return QStringLiteral("help_hard_tasks");
    case Manipulation::BoundaryPush:
        return QStringLiteral("boundary_push");
    case Manipulation::LenientJournal:
        return QStringLiteral("lenient_journal");
    case Manipulation::Grade4NotConfirmed:
        return QStringLiteral("grade4_not_confirmed");
    case Manipulation::MedalsUnsupported:
        return QStringLiteral("medals_unsupported");
    case Manipulation::InflatedToGood:
        return QStringLiteral("inflated_to_good");
    case Manipulation::StrongSchoolHonest:
        return QStringLiteral("strong_school_honest");
    }
    return QString();
}

QList<Manipulation> allManipulations() {
    return {Manipulation::HelpHardTasks,     Manipulation::BoundaryPush,
            Manipulation::LenientJournal,    Manipulation::Grade4NotConfirmed,
            Manipulation::MedalsUnsupported, Manipulation::InflatedToGood,
            Manipulation::StrongSchoolHonest};
}

bool manipulationFromCode(const QString &code, Manipulation *m) {
    for (const Manipulation candidate : allManipulations()) {
        if (manipulationCode(candidate) == code.trimmed()) {
            if (m)
                *m = candidate;
            return true;
        }
    }
    return false;
}

} // namespace objectivity::simulation
