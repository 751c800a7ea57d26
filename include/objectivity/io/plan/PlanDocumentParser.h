#pragma once
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/RawDocument.h"

namespace objectivity::io {

// Finds a plan in the neutral blocks of a document, whatever format they came from:
// - the header row of the table and the role of each column (kept with its heading, in order);
// - above it: the title («План мероприятий…», possibly over several lines), the approval block and
//   appendix line (ApprovalBlockParser), the organization and the academic period, a first section
//   head standing just above the header; any other text there (an order's preamble) goes to
//   plan.note with one warning naming its lines;
// - below it: sections and measures (PlanTableParser); deadlines are read by core::DeadlineParser
//   against the plan's period and owners split by core::OwnerSplitter.
// A section number written with Cyrillic look-alikes («У.», «І.») is kept as written in
// Section::number and read as the roman numeral; a warning says so.
// Fails with a Russian error naming the document when it holds no text or no table of measures.
class PlanDocumentParser {
public:
    static core::Result<PlanImport> parse(const RawDocument &doc);
};

} // namespace objectivity::io
