#pragma once
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/School.h"

namespace objectivity::simulation {

// How the teachers of a school set journal marks (all honest):
// Usual — the student's level plus the class teacher's leniency and noise;
// StrictFair — the same order, half a grade lower (strict but fair);
// RankInClass — by the student's rank inside the class, to the region's usual shares of marks
// (grading relative to the class: in a strong class the same work gets a lower mark).
enum class JournalStyle { Usual, StrictFair, RankInClass };

// A school of the generated region with the hidden parameters the simulation uses.
struct GeneratedSchool {
    core::School school;
    int index = 0;             // position in the region, stable for a seed
    double effect = 0;         // mean ability of its students (school effect)
    double annualLeniency = 0; // how generous its annual marks are (grades 9 and 11)
    core::JournalPeriod journalPeriod = core::JournalPeriod::Quarter;
    JournalStyle journalStyle = JournalStyle::Usual;
    int lastGrade = 11;   // НОШ 4, ООШ 9, others 11
    int cohortSize = 25;  // typical number of students in one grade
    bool strong = false;  // a legitimately strong гимназия/лицей (control group)
    double trend = 0;     // honest change of its teaching per year, SD (improving or declining)
    bool bimodal = false; // its parallels are two groups of pupils (honest)
    double spread = 1.0;  // its pupils' spread of ability against the region's (honest)
    // how generously its teachers check the ВПР tasks worth 2 points or more, in ability SD on
    // those tasks (GeneratorOptions::raterLeniencySd; honest)
    double raterLeniency = 0;
    bool streamed = false; // its classes are formed by ability (GeneratorOptions::streamedShare)

    bool hasGrade(int grade) const { return grade >= 1 && grade <= lastGrade; }
};

} // namespace objectivity::simulation
