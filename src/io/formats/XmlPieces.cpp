#include "formats/XmlPieces.h"

#include <cctype>

namespace objectivity::io {

XmlPieces::XmlPieces(const QByteArray &xml, QLatin1StringView element, qsizetype pieceBytes)
    : m_xml(xml), m_closing(QByteArray(element.data(), element.size()) + '>'),
      m_pieceBytes(pieceBytes) {}

bool XmlPieces::readNext(QXmlStreamReader &reader) {
    if (m_added == 0)
        addPiece(reader);
    for (;;) {
        reader.readNext();
        if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError &&
            m_added < m_xml.size()) {
            addPiece(reader);
            continue;
        }
        return !reader.atEnd();
    }
}

void XmlPieces::addPiece(QXmlStreamReader &reader) {
    const qsizetype end = pieceEnd(m_added + m_pieceBytes);
    reader.addData(m_xml.mid(m_added, end - m_added));
    m_added = end;
}

// Just after the first closing tag of the element at or after `from`; the end of the part if none.
qsizetype XmlPieces::pieceEnd(qsizetype from) const {
    if (from >= m_xml.size())
        return m_xml.size();
    for (qsizetype at = m_xml.indexOf(m_closing, from); at >= 0;
         at = m_xml.indexOf(m_closing, at + 1)) {
        qsizetype name = at; // back over a prefix «x:»
        if (name > 0 && m_xml.at(name - 1) == ':') {
            --name;
            while (name > 0 && (std::isalnum(static_cast<unsigned char>(m_xml.at(name - 1))) ||
                                m_xml.at(name - 1) == '_' || m_xml.at(name - 1) == '-'))
                --name;
        }
        if (name >= 2 && m_xml.at(name - 1) == '/' && m_xml.at(name - 2) == '<')
            return at + m_closing.size();
    }
    return m_xml.size();
}

} // namespace objectivity::io
