#pragma once

#include "core/lab/labconfig.h"
#include "core/lab/labresult.h"

#include <QAbstractTableModel>
#include <QColor>

namespace wirescope {

// The Lab view's summary table: one row per transport of the run, in the order they run,
// with its figures and a sentence stating the result in words (LabWording::summary). A row
// waits, runs (delivered and late counted live), then holds its transport's result; a
// transport that failed says what went wrong, in words, in the error colour.
class LabSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TransportColumn,
        DeliveredColumn,
        LostColumn,
        LateColumn,
        P50Column,
        P99Column,
        MaxColumn,
        BytesColumn,
        OverheadColumn,
        ConnectionsColumn,
        RequestsColumn,
        WordsColumn,
        ColumnCount
    };
    enum class State : quint8 { Waiting, Running, Done, Failed, NotRun };
    enum Role { StateRole = Qt::UserRole + 1, TransportRole, ValueRole };

    explicit LabSummaryModel(QObject *parent = nullptr);

    void reset(const LabConfig &config);
    void setRunning(LabTransport transport);
    void setLive(LabTransport transport, qint64 delivered, qint64 late);
    void setResult(const LabTransportResult &result); // its samples are not kept
    // The run ended: rows that never ran say so (the lab was stopped).
    void finishRun(bool cancelled);
    // The error colour and the colour of rows that have no figures yet (from the palette).
    void setColors(const QColor &error, const QColor &muted);

    State state(int row) const { return m_rows.at(row).state; }
    LabTransport transport(int row) const { return m_rows.at(row).transport; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        LabTransport transport = LabTransport::Poll;
        State state = State::Waiting;
        qint64 liveDelivered = 0;
        qint64 liveLate = 0;
        LabTransportResult result;
    };
    int rowOf(LabTransport transport) const;
    void changed(int row);
    QVariant value(const Row &row, int column) const;
    QString display(const Row &row, int column) const;

    LabConfig m_config;
    QList<Row> m_rows;
    QColor m_error{0xc6, 0x28, 0x28};
    QColor m_muted{0x80, 0x80, 0x80};
};

} // namespace wirescope
