#pragma once

namespace objectivity::core {

// Where a measure (or one window of a recurring measure) stands.
enum class MeasureStatus { Planned, InProgress, Done, NotDone, Postponed };

} // namespace objectivity::core
