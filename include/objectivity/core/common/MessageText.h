#pragma once
#include <QString>

namespace objectivity::core {

// User text (a cell value, a heading, a line of a document) put inside a message is cut to this
// many characters: a 5 MB cell must not become a 5 MB message box.
inline constexpr int kMaxQuotedChars = 200;

// The text cut to `maxChars` characters with «…» at the end when it was longer; line breaks and
// tabs become spaces so that the message stays one readable line.
QString shortenForMessage(const QString &text, int maxChars = kMaxQuotedChars);
// A title or a measure's text on one line of at most `maxChars` characters (white space
// simplified): when longer, cut after the last whole word that fits and ended with «…», so that
// a caption never ends in the middle of a word as if that were the whole text.
QString shortenAtWord(const QString &text, int maxChars);
// The same text in Russian quotes: «текст» (cut as above).
QString quoteForMessage(const QString &text, int maxChars = kMaxQuotedChars);

} // namespace objectivity::core
