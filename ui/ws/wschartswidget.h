#pragma once

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QTimer;

namespace wirescope {

class WsChartData;
class WsRateChart;

// Live charts of one connection: messages/s and bytes/s in and out, and ping round-trip
// time, over a chosen time window. Fed from WsChartData on a timer: each series gets one
// replace() per tick with at most WsChartData::kMaxPoints points.
class WsChartsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit WsChartsWidget(QWidget *parent = nullptr);
    ~WsChartsWidget() override;

    // The data of the tab to follow (nullptr: nothing to show) and its "now" on the charts'
    // time axis (nanoseconds: the right edge of the window).
    void setSource(const WsChartData *data, std::function<qint64()> nowNs, const QString &title);
    void setPaused(bool paused);
    bool isPaused() const;
    void setWindowSeconds(int seconds);
    int windowSeconds() const;

    // Refreshes the series now (the timer calls it; tests and screenshots too).
    void refresh();
    // Points currently shown in a series: 0-1 messages in/out, 2-3 bytes in/out, 4 RTT.
    int pointCount(int series) const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyPalette();

    const WsChartData *m_data = nullptr;
    std::function<qint64()> m_nowNs;
    QLabel *m_title;
    QCheckBox *m_pause;
    QComboBox *m_window;
    WsRateChart *m_messages;
    WsRateChart *m_bytes;
    WsRateChart *m_rtt;
    QTimer *m_timer;
};

} // namespace wirescope
