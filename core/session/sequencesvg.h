#pragma once

#include <QByteArray>
#include <QString>

namespace wirescope {

class SequenceLayout;
struct SequenceArrow;
enum class SequenceArrowKind : quint8;

// The kind's name in the SVG's data-kind ("tcp-connect", "fragment", "http-response" ...).
QString sequenceArrowKindName(SequenceArrowKind kind);
// Its colour ("#0969da"), the same in the SVG and in the window.
const char *sequenceArrowColor(SequenceArrowKind kind);

// What an arrow says, in English ("text 11 B, fragment 1/3", "101 Switching Protocols"): the
// SVG export's and the CLI's words (the window says the same through tr()).
QString sequenceArrowLabel(const SequenceArrow &arrow);
// Its time after the diagram's first arrow, "+12.345 ms".
QString sequenceTimeLabel(const SequenceLayout &layout, const SequenceArrow &arrow);

// The diagram as an SVG 1.1 document, written as XML text (no Qt Svg): one <g class="lanes">
// per connection (its two lanes and labels), one <g class="arrow"> per arrow with data-row
// (its timeline row) and data-kind, the HTTP phases, and the time of every arrow on the
// left. docs/sequence-diagram.md describes the elements.
QByteArray sequenceSvg(const SequenceLayout &layout);
// Writes sequenceSvg() to `path`; false with the reason when it cannot be written.
bool saveSequenceSvg(const SequenceLayout &layout, const QString &path, QString *error);

} // namespace wirescope
