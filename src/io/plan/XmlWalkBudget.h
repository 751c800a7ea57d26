#pragma once
#include "objectivity/core/common/Result.h"

#include <QString>
#include <QXmlStreamReader>

#include <optional>

namespace objectivity::io {

// The limits of a walk over a document's XML (DocxPlanReader, OdtPlanReader): blocks, cells per row
// and in all, characters of a paragraph or cell, and nesting of tables and containers
// (ReaderLimits). The first limit passed is kept as the message for the file (refused()) and stops
// the walk: raiseError ends every loop over the reader.
class XmlWalkBudget {
public:
    XmlWalkBudget(QXmlStreamReader &xml, const QString &sourceName)
        : m_xml(xml), m_sourceName(sourceName) {}

    const std::optional<core::Error> &refused() const { return m_refused; }
    bool ok() const { return !m_refused; }
    void refuse(const QString &what);

    // One more paragraph or row; false (refused) past the limit.
    bool addBlock();
    // `added` more cells, the row now `rowCells` wide.
    bool addCells(qsizetype rowCells, qsizetype added);
    // A paragraph or cell of `chars` characters.
    bool checkLength(qsizetype chars);

    // One level of nesting for as long as it lives; ok() is false beyond the limit. The walk
    // recurses through these only, so its depth is at most 2 × ReaderLimits::kTableNesting.
    class Nested {
    public:
        Nested(XmlWalkBudget &budget, bool table);
        ~Nested() { --m_depth; }
        Nested(const Nested &) = delete;
        Nested &operator=(const Nested &) = delete;
        bool ok() const { return m_budget.ok(); }

    private:
        XmlWalkBudget &m_budget;
        int &m_depth;
    };

private:
    QXmlStreamReader &m_xml;
    QString m_sourceName;
    int m_tableDepth = 0;     // tables open around the current element
    int m_containerDepth = 0; // sections, content controls, lists
    int m_blocks = 0;
    qint64 m_cells = 0;
    std::optional<core::Error> m_refused;
};

} // namespace objectivity::io
