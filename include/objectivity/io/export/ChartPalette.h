#pragma once
#include <cstdint>

namespace objectivity::io {

// The colours of the analysis charts, 0xRRGGBB, shared by the window (Qt Charts), the
// аналитическая справка (ReportChart) and the Excel workbook (libxlsxwriter), so that one thing
// has one colour wherever the user meets it.
struct ChartPalette {
    // signs of non-objective results; the school in its own charts
    static constexpr std::uint32_t results = 0xC0392B;
    // signs of current assessment, and «понизили» (the journal above the work: lenient marks)
    static constexpr std::uint32_t current = 0xE67E22;
    static constexpr std::uint32_t lowered = current;
    static constexpr std::uint32_t confirmed = 0x27AE60; // «подтвердили»
    // «повысили» (the journal below the work), and the school's municipality
    static constexpr std::uint32_t raised = 0x2980B9;
    static constexpr std::uint32_t municipality = raised;
    static constexpr std::uint32_t region = 0x7F8C8D; // the region (the other schools)
    // named in an official list; the mark boundaries
    static constexpr std::uint32_t official = 0x2C3E50;
};

} // namespace objectivity::io
