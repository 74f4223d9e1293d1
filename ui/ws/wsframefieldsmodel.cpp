#include "ui/ws/wsframefieldsmodel.h"

#include "core/wire/wsclosecode.h"

#include <QFont>

namespace wirescope {

WsFrameFieldsModel::WsFrameFieldsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void WsFrameFieldsModel::setFrame(const WsFrame &frame, const std::optional<WsClosePayload> &close)
{
    beginResetModel();
    m_frame = frame;
    m_close = close;
    m_rows.clear();
    for (int f = 0; f < WsFieldCount; ++f) {
        const WsField field = WsField(f);
        const WsFieldRange range = m_frame.header.fieldRange(field);
        // The payload row stays even when empty (length 0) so the table always ends with it.
        if (range.length > 0 || field == WsField::Payload)
            m_rows.append(field);
    }
    endResetModel();
}

void WsFrameFieldsModel::clear()
{
    beginResetModel();
    m_frame = WsFrame();
    m_close.reset();
    m_rows.clear();
    endResetModel();
}

int WsFrameFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WsFrameFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WsFrameFieldsModel::fieldTitle(WsField field)
{
    switch (field) {
    case WsField::Fin: return tr("FIN");
    case WsField::Rsv1: return tr("RSV1");
    case WsField::Rsv2: return tr("RSV2");
    case WsField::Rsv3: return tr("RSV3");
    case WsField::Opcode: return tr("Opcode");
    case WsField::Mask: return tr("MASK");
    case WsField::Length7: return tr("Payload len");
    case WsField::ExtLength: return tr("Extended payload length");
    case WsField::MaskingKey: return tr("Masking-key");
    case WsField::Payload: return tr("Payload data");
    }
    return {};
}

QString WsFrameFieldsModel::bitsText(quint64 value, int bits)
{
    QString text;
    for (int i = bits - 1; i >= 0; --i)
        text += (value >> i) & 1 ? u'1' : u'0';
    return text;
}

QString WsFrameFieldsModel::valueText(WsField field) const
{
    const WsFrameHeader &h = m_frame.header;
    switch (field) {
    case WsField::Fin: return QString::number(h.fin ? 1 : 0);
    case WsField::Rsv1: return QString::number(h.rsv1 ? 1 : 0);
    case WsField::Rsv2: return QString::number(h.rsv2 ? 1 : 0);
    case WsField::Rsv3: return QString::number(h.rsv3 ? 1 : 0);
    case WsField::Opcode:
        return QStringLiteral("0x%1 (%2)").arg(quint8(h.opcode), 0, 16).arg(wsOpcodeName(h.opcode));
    case WsField::Mask: return QString::number(h.masked ? 1 : 0);
    case WsField::Length7: return QString::number(h.length7);
    case WsField::ExtLength: return QString::number(h.payloadLength);
    case WsField::MaskingKey:
        return h.maskingKey ? QString::fromLatin1(wsMaskKeyHex(*h.maskingKey)) : QString();
    case WsField::Payload:
        return tr("%n byte(s)", nullptr, int(qMin<quint64>(h.payloadLength, 1u << 30)));
    }
    return {};
}

QString WsFrameFieldsModel::meaningText(WsField field) const
{
    const WsFrameHeader &h = m_frame.header;
    switch (field) {
    case WsField::Fin: return h.fin ? tr("final fragment of the message") : tr("more fragments follow");
    case WsField::Rsv1:
        return h.rsv1 ? tr("set: compressed message when permessage-deflate is on (RFC 7692 §6)")
                      : tr("clear");
    case WsField::Rsv2:
    case WsField::Rsv3:
        return (field == WsField::Rsv2 ? h.rsv2 : h.rsv3) ? tr("set: no extension defines this bit")
                                                          : tr("clear");
    case WsField::Opcode:
        if (wsIsReserved(h.opcode))
            return tr("reserved opcode (RFC 6455 §5.2)");
        return wsIsControl(h.opcode) ? tr("control frame (RFC 6455 §5.5)") : tr("data frame (RFC 6455 §5.6)");
    case WsField::Mask:
        return h.masked ? tr("payload masked with the key below (client to server)")
                        : tr("payload not masked (server to client)");
    case WsField::Length7:
        if (h.length7 == 126)
            return tr("126: the length follows in 16 bits");
        if (h.length7 == 127)
            return tr("127: the length follows in 64 bits");
        return tr("the payload length itself");
    case WsField::ExtLength:
        return h.minimalLength ? tr("payload length in bytes")
                               : tr("payload length in bytes, not minimally encoded (RFC 6455 §5.2)");
    case WsField::MaskingKey: return tr("XOR key applied to the payload (RFC 6455 §5.3)");
    case WsField::Payload: {
        if (m_frame.payloadDiscarded)
            return tr("over the frame size limit: not stored");
        if (h.opcode == WsOpcode::Close && m_close) {
            if (m_close->code) {
                const WsCloseCodeInfo info = wsCloseCodeInfo(*m_close->code);
                return tr("close code %1 %2 %3").arg(*m_close->code).arg(QString::fromUtf8(info.name), m_close->reason);
            }
            return tr("close without a status code");
        }
        const QByteArray head = m_frame.payload.left(80);
        if (h.opcode == WsOpcode::Binary || head.contains('\0'))
            return QString::fromLatin1(head.toHex(' '));
        return QString::fromUtf8(head).simplified();
    }
    }
    return {};
}

QVariant WsFrameFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WsField field = m_rows.at(index.row());
    const WsFieldRange range = m_frame.header.fieldRange(field);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case FieldColumn: return fieldTitle(field);
        case PositionColumn:
            if (range.bitMask != 0xFF) {
                // Bits are numbered as in the RFC's diagram: bit 0 is the MSB of byte 0.
                int first = 0;
                while (first < 8 && !(range.bitMask & (0x80 >> first)))
                    ++first;
                int last = first;
                while (last + 1 < 8 && (range.bitMask & (0x80 >> (last + 1))))
                    ++last;
                const int base = int(range.offset) * 8;
                return first == last ? tr("bit %1").arg(base + first)
                                     : tr("bits %1-%2").arg(base + first).arg(base + last);
            }
            if (range.length == 0)
                return tr("none");
            return range.length == 1 ? tr("byte %1").arg(range.offset)
                                     : tr("bytes %1-%2").arg(range.offset).arg(range.offset + range.length - 1);
        case ValueColumn: return valueText(field);
        case MeaningColumn: return meaningText(field);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        return meaningText(field);
    case Qt::FontRole:
        if (index.column() == ValueColumn) {
            QFont font(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    case FieldRole: return int(field);
    case ByteOffsetRole: return qlonglong(range.offset);
    case ByteLengthRole: return qlonglong(range.length);
    default: return {};
    }
}

QVariant WsFrameFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case FieldColumn: return tr("Field");
    case PositionColumn: return tr("Position");
    case ValueColumn: return tr("Value");
    case MeaningColumn: return tr("Meaning");
    case ColumnCount: break;
    }
    return {};
}

QList<HexField> WsFrameFieldsModel::hexFields() const
{
    QList<HexField> fields;
    for (WsField field : m_rows) {
        const WsFieldRange range = m_frame.header.fieldRange(field);
        fields.append({fieldTitle(field), range.offset, range.length});
    }
    return fields;
}

} // namespace wirescope
