#pragma once

#include "core/wire/direction.h"
#include "core/wire/wsclosecode.h"
#include "core/wire/wsframe.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QScrollArea;
class QSplitter;
class QTableView;

namespace wirescope {

class HexView;
class WsFrameDiagram;
class WsFrameFieldsModel;

// The selected row's frame(s): the RFC 6455 §5.2 diagram with this frame's bits, the fields
// table and the hex dump of the wire bytes. Choosing a field in any of the three highlights
// it in the other two.
class WsFrameInspector : public QWidget
{
    Q_OBJECT
public:
    explicit WsFrameInspector(QWidget *parent = nullptr);

    // `close`: a close frame's decoded code and reason, from the timeline.
    void setFrames(const std::vector<WsFrame> &frames, Direction direction,
                   const std::optional<WsClosePayload> &close = std::nullopt);
    // Frames of both directions (a ping and its pong): `directions` has one per frame.
    void setFrames(const std::vector<WsFrame> &frames, const std::vector<Direction> &directions);
    void showMessage(const QString &text); // no frames: say why

    int frameCount() const { return int(m_frames.size()); }
    int currentFrame() const;
    const WsFrame &frameAt(int index) const { return m_frames.at(size_t(index)); }
    Direction directionAt(int index) const { return m_directions.at(size_t(index)); }
    void setCurrentFrame(int index);
    void selectField(WsField field);

    WsFrameFieldsModel *fieldsModel() const { return m_fields; }
    QTableView *fieldsView() const { return m_fieldsView; }
    HexView *hexView() const { return m_hex; }
    WsFrameDiagram *diagram() const { return m_diagram; }

signals:
    // The frame on show changed: its index, or -1 with `message` saying why there is none.
    void currentFrameChanged(int index, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load(const std::vector<WsFrame> &frames, const std::vector<Direction> &directions,
              const std::optional<WsClosePayload> &close);
    void showFrame(int index);
    void fieldRowChanged(int row);
    void fitPanes();
    int hexLinesHeight(int lines) const; // of the hex view, frame included

    std::vector<WsFrame> m_frames;
    std::optional<WsClosePayload> m_close;
    std::vector<Direction> m_directions; // one per frame
    QComboBox *m_frameBox;
    QLabel *m_summary;
    WsFrameDiagram *m_diagram;
    QScrollArea *m_diagramScroll = nullptr;
    QSplitter *m_split = nullptr;
    bool m_userSized = false; // a handle was dragged: the heights stay as the user left them
    WsFrameFieldsModel *m_fields;
    QTableView *m_fieldsView;
    HexView *m_hex;
    bool m_syncing = false;
};

} // namespace wirescope
