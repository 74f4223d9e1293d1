#pragma once

#include "core/lab/labconfig.h"
#include "core/lab/labresult.h"
#include "ui/lab/labchartdata.h"

#include <QColor>
#include <QPalette>

namespace wirescope {

// The Lab view's colours. Transports and overhead categories keep one colour each on light
// and dark backgrounds (from the Okabe-Ito set, which stays distinct for the common
// colour-vision deficiencies); what signals good or bad follows the palette's lightness.

inline bool labIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

inline QColor labTransportColor(LabTransport transport)
{
    switch (transport) {
    case LabTransport::Poll: return QColor(0xe6, 0x9f, 0x00);
    case LabTransport::KeepAlive: return QColor(0x56, 0xb4, 0xe9);
    case LabTransport::LongPoll: return QColor(0x00, 0x9e, 0x73);
    case LabTransport::Sse: return QColor(0xcc, 0x79, 0xa7);
    case LabTransport::Stream: return QColor(0x00, 0x72, 0xb2);
    case LabTransport::WebSocket: return QColor(0xd5, 0x5e, 0x00);
    case LabTransport::WebSocketDeflate: return QColor(0x8e, 0x6b, 0xc4);
    }
    return Qt::gray;
}

inline QColor labPartColor(LabChartData::Part part)
{
    switch (part) {
    case LabChartData::Payload: return QColor(0x90, 0xa4, 0xae);
    case LabChartData::DeflatedPayload: return QColor(0x5f, 0x7d, 0x8b);
    case LabChartData::RequestHeads: return QColor(0xe6, 0x9f, 0x00);
    case LabChartData::ResponseHeads: return QColor(0xf3, 0xc9, 0x6b);
    case LabChartData::ChunkFraming: return QColor(0x00, 0x9e, 0x73);
    case LabChartData::SseFields: return QColor(0xcc, 0x79, 0xa7);
    case LabChartData::FrameHeaders: return QColor(0xd5, 0x5e, 0x00);
    case LabChartData::Handshake: return QColor(0x00, 0x72, 0xb2);
    case LabChartData::ControlFrames: return QColor(0xa6, 0x76, 0x1d);
    case LabChartData::Delimiters: return QColor(0x56, 0xb4, 0xe9);
    case LabChartData::DeflateGrowth: return QColor(0xf0, 0xe4, 0x42);
    case LabChartData::Other: return QColor(0x75, 0x75, 0x75);
    case LabChartData::PartCount: break;
    }
    return Qt::gray;
}

// Delivered on time, delivered late, lost.
inline QColor labOnTimeColor() { return QColor(0x43, 0xa0, 0x47); }
inline QColor labLateColor() { return QColor(0xfb, 0x8c, 0x00); }
inline QColor labLostColor() { return QColor(0xe5, 0x39, 0x35); }

// Text that says something failed, readable on the palette's base.
inline QColor labErrorColor(const QPalette &palette)
{
    return labIsDark(palette) ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc6, 0x28, 0x28);
}

struct LabBadgeColors {
    QColor text;
    QColor background;
    QColor border;
};

// A verdict's badge: -1 (not tested yet) or a LabClaim::Verdict.
inline LabBadgeColors labVerdictColors(int verdict, const QPalette &palette)
{
    const bool dark = labIsDark(palette);
    if (verdict == int(LabClaim::Verdict::Supported))
        return dark ? LabBadgeColors{QColor(0xc8, 0xf7, 0xc5), QColor(0x1b, 0x5e, 0x20), QColor(0x43, 0xa0, 0x47)}
                    : LabBadgeColors{QColor(0xff, 0xff, 0xff), QColor(0x2e, 0x7d, 0x32), QColor(0x1b, 0x5e, 0x20)};
    if (verdict == int(LabClaim::Verdict::Refuted))
        return dark ? LabBadgeColors{QColor(0xff, 0xcd, 0xd2), QColor(0x8e, 0x1b, 0x1b), QColor(0xe5, 0x39, 0x35)}
                    : LabBadgeColors{QColor(0xff, 0xff, 0xff), QColor(0xc6, 0x28, 0x28), QColor(0x8e, 0x1b, 0x1b)};
    // Not measured, not tested yet: the palette's own quiet colours.
    return {palette.color(QPalette::WindowText), palette.color(QPalette::Button), palette.color(QPalette::Mid)};
}

} // namespace wirescope
