#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QSlider;
class QTimer;

namespace wirescope {

class SequenceDiagramView;
class Timeline;

// The sequence diagram of some connections of a session (issue #13): the view, a compressed
// toggle, a slider that scrubs through the session's time, and the SVG / PNG exports. The
// layout is built again (coalesced) when rows arrive, and only while the panel is shown.
class SequenceDiagramPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SequenceDiagramPanel(QWidget *parent = nullptr);

    // Draws these connections of `timeline` (which must outlive the panel).
    void setConnections(const Timeline *timeline, const QList<quint32> &connections);
    // Rows were added: rebuilt soon, when shown.
    void refresh();
    // Builds the layout now (what the timer does).
    void rebuild();
    void setCompressed(bool compressed);
    bool isCompressed() const;
    // Highlights the arrows of a timeline row (-1: none).
    void setSelectedRow(qsizetype row);

    SequenceDiagramView *view() const { return m_view; }
    bool exportSvg(const QString &path, QString *error) const;
    bool exportPng(const QString &path, QString *error) const;

Q_SIGNALS:
    // An arrow drawn from this timeline row was clicked.
    void rowClicked(qsizetype row);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void chooseExport(bool png);
    void syncSlider();

    const Timeline *m_timeline = nullptr;
    QList<quint32> m_connections;
    SequenceDiagramView *m_view;
    QCheckBox *m_compressed;
    QSlider *m_scrub;
    QLabel *m_time;
    QTimer *m_timer;
    bool m_dirty = false;
};

} // namespace wirescope
