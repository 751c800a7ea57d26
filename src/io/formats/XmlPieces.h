#pragma once
// An XML part given to QXmlStreamReader a piece at a time (private to io).
#include <QByteArray>
#include <QLatin1StringView>
#include <QXmlStreamReader>

namespace objectivity::io {

// Given a whole part at once, QXmlStreamReader decodes all of it into one string before its first
// token: a sheet of 50 MB costs 100 MB more and a second, even when only the first rows are read.
// XmlPieces adds the part in pieces of about `pieceBytes`, each ending right after a closing tag
// of `element` («</row>», «</si>», also with a namespace prefix), so that an element the readers
// take apart whole (a cell, a shared string) is never split between two pieces.
class XmlPieces {
public:
    XmlPieces(const QByteArray &xml, QLatin1StringView element, qsizetype pieceBytes = 1 << 20);

    // QXmlStreamReader::readNext on `reader`, adding the next piece where the last one ends; false
    // at the end of the part or on an error (reader.error() tells which).
    bool readNext(QXmlStreamReader &reader);
    // Bytes given to the reader so far (how far the reading is, to a piece).
    qsizetype added() const { return m_added; }

private:
    void addPiece(QXmlStreamReader &reader);
    qsizetype pieceEnd(qsizetype from) const;

    QByteArray m_xml;
    QByteArray m_closing; // «row>»: the end of «</row>» or «</x:row>»
    qsizetype m_pieceBytes;
    qsizetype m_added = 0;
};

} // namespace objectivity::io
