#include "objectivity/io/formats/XmlErrorText.h"

#include <QXmlStreamReader>

namespace objectivity::io {

namespace {

QString reason(const QXmlStreamReader &xml) {
    switch (xml.error()) {
    case QXmlStreamReader::CustomError:
        return xml.errorString();
    case QXmlStreamReader::PrematureEndOfDocumentError:
        return QStringLiteral(
            "разметка обрывается раньше конца (часть файла недописана или обрезана)");
    case QXmlStreamReader::UnexpectedElementError:
        return QStringLiteral("в разметке встретился неожиданный элемент");
    case QXmlStreamReader::NotWellFormedError:
        if (xml.errorString().contains(QLatin1String("encod"), Qt::CaseInsensitive))
            return QStringLiteral("текст разметки в неизвестной или неверной кодировке");
        return QStringLiteral("разметка нарушена (файл повреждён или изменён вручную)");
    case QXmlStreamReader::NoError:
        break;
    }
    return QStringLiteral("ошибка чтения разметки");
}

} // namespace

QString XmlErrorText::russian(const QXmlStreamReader &xml) {
    if (xml.error() == QXmlStreamReader::CustomError)
        return xml.errorString();
    return QStringLiteral("%1 (строка %2, позиция %3 разметки)")
        .arg(reason(xml))
        .arg(xml.lineNumber())
        .arg(xml.columnNumber());
}

QString XmlErrorText::original(const QXmlStreamReader &xml) {
    if (xml.error() == QXmlStreamReader::CustomError)
        return QString();
    return QStringLiteral("%1 (line %2, column %3)")
        .arg(xml.errorString())
        .arg(xml.lineNumber())
        .arg(xml.columnNumber());
}

} // namespace objectivity::io
