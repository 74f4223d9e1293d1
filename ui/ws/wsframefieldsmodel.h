#pragma once

#include "core/wire/wsclosecode.h"
#include "core/wire/wsframe.h"
#include "ui/widgets/hexlayout.h"

#include <QAbstractTableModel>

namespace wirescope {

// The fields of one frame as a table (RFC 6455 §5.2): name, bits or bytes, value, meaning.
// Rows follow WsField's order; absent fields (no extended length, no key) are left out.
class WsFrameFieldsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FieldColumn, PositionColumn, ValueColumn, MeaningColumn, ColumnCount };
    enum Role { FieldRole = Qt::UserRole + 1, ByteOffsetRole, ByteLengthRole };

    explicit WsFrameFieldsModel(QObject *parent = nullptr);

    // `close`: a close frame's code and reason as the timeline decoded them (core/session).
    void setFrame(const WsFrame &frame, const std::optional<WsClosePayload> &close = std::nullopt);
    // No frame selected: no rows (a default frame would list a made-up 2-byte header).
    void clear();
    const WsFrame &frame() const { return m_frame; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    WsField fieldAt(int row) const { return m_rows.at(row); }
    int rowOf(WsField field) const { return int(m_rows.indexOf(field)); }
    // The fields as byte ranges for the hex view, in row order.
    QList<HexField> hexFields() const;

    static QString fieldTitle(WsField field);
    QString valueText(WsField field) const;
    QString meaningText(WsField field) const;
    static QString bitsText(quint64 value, int bits);

private:
    WsFrame m_frame;
    std::optional<WsClosePayload> m_close;
    QList<WsField> m_rows;
};

} // namespace wirescope
