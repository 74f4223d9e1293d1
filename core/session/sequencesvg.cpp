#include "core/session/sequencesvg.h"

#include "core/session/sequencelayout.h"
#include "core/wire/wsframe.h"

#include <QFile>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace wirescope {

namespace {

constexpr int kMaxLabel = 60;

QString bytes(quint32 size)
{
    return QStringLiteral("%1 B").arg(size);
}

QString elided(const QString &text)
{
    return text.size() <= kMaxLabel ? text : text.left(kMaxLabel - 1) + QChar(0x2026);
}

QString opcodeText(quint8 opcode)
{
    return opcode == 0x0 ? QStringLiteral("continuation") : wsOpcodeName(WsOpcode(opcode));
}

} // namespace

const char *sequenceArrowColor(SequenceArrowKind kind)
{
    switch (kind) {
    case SequenceArrowKind::TcpConnect:
    case SequenceArrowKind::TcpEnd:
        return "#6e7781";
    case SequenceArrowKind::TlsHandshake:
    case SequenceArrowKind::UpgradeRequest:
    case SequenceArrowKind::UpgradeResponse:
        return "#9a6700";
    case SequenceArrowKind::Data:
    case SequenceArrowKind::Fragment:
    case SequenceArrowKind::Message:
    case SequenceArrowKind::OtherFrame:
        return "#0969da";
    case SequenceArrowKind::Ping:
    case SequenceArrowKind::Pong:
        return "#8250df";
    case SequenceArrowKind::Close:
        return "#bc4c00";
    case SequenceArrowKind::HttpRequest:
    case SequenceArrowKind::HttpResponse:
        return "#1a7f37";
    case SequenceArrowKind::Violation:
    case SequenceArrowKind::Failure:
        return "#cf222e";
    case SequenceArrowKind::Note:
        return "#57606a";
    }
    return "#000000";
}

namespace {

// Drawn on the client lane, not across.
bool isMark(SequenceArrowKind kind)
{
    return kind == SequenceArrowKind::Violation || kind == SequenceArrowKind::Failure || kind == SequenceArrowKind::Note;
}

QString number(double v)
{
    return QString::number(v, 'f', 1);
}

// An arrow head with its tip at (x, y), pointing the way dx goes.
void writeHead(QXmlStreamWriter &w, double x, double y, double dx, const QString &color)
{
    const double back = dx > 0 ? -9 : 9;
    w.writeEmptyElement(QStringLiteral("path"));
    w.writeAttribute(QStringLiteral("d"), QStringLiteral("M%1,%2 L%3,%4 L%3,%5 z")
                                              .arg(number(x), number(y), number(x + back), number(y - 4.5), number(y + 4.5)));
    w.writeAttribute(QStringLiteral("fill"), color);
}

} // namespace

QString sequenceArrowKindName(SequenceArrowKind kind)
{
    switch (kind) {
    case SequenceArrowKind::TcpConnect: return QStringLiteral("tcp-connect");
    case SequenceArrowKind::TlsHandshake: return QStringLiteral("tls-handshake");
    case SequenceArrowKind::UpgradeRequest: return QStringLiteral("upgrade-request");
    case SequenceArrowKind::UpgradeResponse: return QStringLiteral("upgrade-response");
    case SequenceArrowKind::Data: return QStringLiteral("data");
    case SequenceArrowKind::Fragment: return QStringLiteral("fragment");
    case SequenceArrowKind::Message: return QStringLiteral("message");
    case SequenceArrowKind::Ping: return QStringLiteral("ping");
    case SequenceArrowKind::Pong: return QStringLiteral("pong");
    case SequenceArrowKind::Close: return QStringLiteral("close");
    case SequenceArrowKind::OtherFrame: return QStringLiteral("frame");
    case SequenceArrowKind::HttpRequest: return QStringLiteral("http-request");
    case SequenceArrowKind::HttpResponse: return QStringLiteral("http-response");
    case SequenceArrowKind::Violation: return QStringLiteral("violation");
    case SequenceArrowKind::Failure: return QStringLiteral("failure");
    case SequenceArrowKind::Note: return QStringLiteral("note");
    case SequenceArrowKind::TcpEnd: return QStringLiteral("tcp-end");
    }
    return {};
}

QString sequenceArrowLabel(const SequenceArrow &a)
{
    QString label;
    switch (a.kind) {
    case SequenceArrowKind::TcpConnect:
        label = QStringLiteral("TCP connect");
        break;
    case SequenceArrowKind::TlsHandshake:
        label = a.text.isEmpty() ? QStringLiteral("TLS handshake") : QStringLiteral("TLS handshake (%1)").arg(a.text);
        break;
    case SequenceArrowKind::UpgradeRequest:
        label = QStringLiteral("GET, Upgrade: websocket");
        break;
    case SequenceArrowKind::UpgradeResponse:
    case SequenceArrowKind::HttpResponse:
        label = QString::number(a.status);
        if (!a.text.isEmpty())
            label += u' ' + a.text;
        if (a.kind == SequenceArrowKind::HttpResponse)
            label += QStringLiteral(", ") + bytes(a.size);
        break;
    case SequenceArrowKind::Data:
    case SequenceArrowKind::OtherFrame:
        label = opcodeText(a.opcode) + u' ' + bytes(a.size);
        break;
    case SequenceArrowKind::Fragment:
        label = QStringLiteral("%1 %2, fragment %3").arg(opcodeText(a.opcode), bytes(a.size)).arg(a.fragment);
        if (a.fragments > 0)
            label += QStringLiteral("/%1").arg(a.fragments);
        break;
    case SequenceArrowKind::Message:
        label = QStringLiteral("%1 message, %2 frames, %3").arg(opcodeText(a.opcode)).arg(a.fragments).arg(bytes(a.size));
        break;
    case SequenceArrowKind::Ping:
        label = QStringLiteral("ping ") + bytes(a.size);
        break;
    case SequenceArrowKind::Pong:
        label = QStringLiteral("pong ") + bytes(a.size);
        if (a.rttNs >= 0)
            label += QStringLiteral(", RTT %1 ms").arg(double(a.rttNs) / 1e6, 0, 'f', 3);
        break;
    case SequenceArrowKind::Close:
        label = a.closeCode >= 0 ? QStringLiteral("close %1").arg(a.closeCode) : QStringLiteral("close");
        if (!a.text.isEmpty())
            label += QStringLiteral(" \"%1\"").arg(a.text);
        break;
    case SequenceArrowKind::HttpRequest:
        label = a.text;
        break;
    case SequenceArrowKind::Violation:
        label = QStringLiteral("violation ") + a.text;
        break;
    case SequenceArrowKind::Failure:
        label = QStringLiteral("failure ") + a.text;
        break;
    case SequenceArrowKind::Note:
        label = QStringLiteral("note: ") + a.text;
        break;
    case SequenceArrowKind::TcpEnd:
        label = QStringLiteral("TCP end");
        if (a.closeCode >= 0)
            label += QStringLiteral(" (%1, %2)").arg(a.closeCode).arg(a.text);
        break;
    }
    if (a.interleaved)
        label += QStringLiteral(", between fragments");
    if (a.violated)
        label += QStringLiteral(", violation");
    return elided(label);
}

QString sequenceTimeLabel(const SequenceLayout &layout, const SequenceArrow &arrow)
{
    return QStringLiteral("+%1 ms").arg(double(arrow.tNs - layout.originNs()) / 1e6, 0, 'f', 3);
}

QByteArray sequenceSvg(const SequenceLayout &layout)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("svg"));
    w.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    const QString width = number(layout.width());
    const QString height = number(layout.height());
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    w.writeAttribute(QStringLiteral("width"), width);
    w.writeAttribute(QStringLiteral("height"), height);
    w.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(width, height));
    w.writeAttribute(QStringLiteral("font-family"), QStringLiteral("DejaVu Sans, Helvetica, Arial, sans-serif"));
    w.writeAttribute(QStringLiteral("font-size"), QStringLiteral("12"));
    w.writeTextElement(QStringLiteral("title"), QStringLiteral("Wirescope sequence diagram"));

    w.writeEmptyElement(QStringLiteral("rect"));
    w.writeAttribute(QStringLiteral("width"), width);
    w.writeAttribute(QStringLiteral("height"), height);
    w.writeAttribute(QStringLiteral("fill"), QStringLiteral("#ffffff"));

    const double top = layout.options().top;
    const double bottom = layout.height() - top / 2;
    for (const SequenceLanes &l : layout.lanes()) {
        w.writeStartElement(QStringLiteral("g"));
        w.writeAttribute(QStringLiteral("class"), QStringLiteral("lanes"));
        w.writeAttribute(QStringLiteral("data-connection"), QString::number(l.connection));
        const double mid = (l.clientX + l.serverX) / 2;
        w.writeStartElement(QStringLiteral("text"));
        w.writeAttribute(QStringLiteral("x"), number(mid));
        w.writeAttribute(QStringLiteral("y"), number(top - 44));
        w.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("middle"));
        w.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("bold"));
        w.writeCharacters(elided(QStringLiteral("#%1 %2").arg(l.connection).arg(l.label)));
        w.writeEndElement();
        const std::pair<double, QString> sides[] = {
            {l.clientX, QStringLiteral("client")},
            {l.serverX, l.protocol == ConnectionProtocol::Http ? QStringLiteral("HTTP server") : QStringLiteral("WebSocket server")}};
        for (const auto &[x, name] : sides) {
            w.writeStartElement(QStringLiteral("text"));
            w.writeAttribute(QStringLiteral("x"), number(x));
            w.writeAttribute(QStringLiteral("y"), number(top - 24));
            w.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("middle"));
            w.writeCharacters(name);
            w.writeEndElement();
            w.writeEmptyElement(QStringLiteral("line"));
            w.writeAttribute(QStringLiteral("class"), QStringLiteral("lane"));
            w.writeAttribute(QStringLiteral("x1"), number(x));
            w.writeAttribute(QStringLiteral("y1"), number(top - 16));
            w.writeAttribute(QStringLiteral("x2"), number(x));
            w.writeAttribute(QStringLiteral("y2"), number(bottom));
            w.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#8c959f"));
            w.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("2"));
        }
        w.writeEndElement();
    }

    // HTTP phases as bars beside the client lane.
    w.writeStartElement(QStringLiteral("g"));
    w.writeAttribute(QStringLiteral("class"), QStringLiteral("phases"));
    for (const SequencePhase &p : layout.phases()) {
        const SequenceLanes *l = layout.lanesOf(p.connection);
        if (!l || p.y1 - p.y0 < 1)
            continue;
        w.writeStartElement(QStringLiteral("rect"));
        w.writeAttribute(QStringLiteral("data-phase"), QLatin1String(p.name));
        w.writeAttribute(QStringLiteral("x"), number(l->clientX - 5));
        w.writeAttribute(QStringLiteral("y"), number(p.y0));
        w.writeAttribute(QStringLiteral("width"), QStringLiteral("10"));
        w.writeAttribute(QStringLiteral("height"), number(p.y1 - p.y0));
        w.writeAttribute(QStringLiteral("fill"), QStringLiteral("#d0d7de"));
        w.writeTextElement(QStringLiteral("title"),
                           QStringLiteral("%1 %2 ms").arg(QLatin1String(p.name)).arg(double(p.endNs - p.startNs) / 1e6, 0, 'f', 3));
        w.writeEndElement();
    }
    w.writeEndElement();

    w.writeStartElement(QStringLiteral("g"));
    w.writeAttribute(QStringLiteral("class"), QStringLiteral("axis"));
    w.writeAttribute(QStringLiteral("font-size"), QStringLiteral("10"));
    w.writeAttribute(QStringLiteral("fill"), QStringLiteral("#57606a"));
    double lastLabelY = -1e9;
    for (const SequenceArrow &a : layout.arrows()) {
        if (a.kind == SequenceArrowKind::Message || a.y == lastLabelY)
            continue;
        lastLabelY = a.y;
        w.writeStartElement(QStringLiteral("text"));
        w.writeAttribute(QStringLiteral("x"), number(layout.options().left - 24));
        w.writeAttribute(QStringLiteral("y"), number(a.y + 4));
        w.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("end"));
        w.writeCharacters(sequenceTimeLabel(layout, a));
        w.writeEndElement();
        if (a.gapCut) { // the time before this arrow was longer than drawn
            w.writeEmptyElement(QStringLiteral("line"));
            w.writeAttribute(QStringLiteral("class"), QStringLiteral("gap-cut"));
            w.writeAttribute(QStringLiteral("x1"), number(8));
            w.writeAttribute(QStringLiteral("y1"), number(a.y - layout.options().step / 2));
            w.writeAttribute(QStringLiteral("x2"), number(layout.width() - 8));
            w.writeAttribute(QStringLiteral("y2"), number(a.y - layout.options().step / 2));
            w.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#d0d7de"));
            w.writeAttribute(QStringLiteral("stroke-dasharray"), QStringLiteral("2 4"));
        }
    }
    w.writeEndElement();

    for (const SequenceArrow &a : layout.arrows()) {
        const SequenceLanes *l = layout.lanesOf(a.connection);
        if (!l)
            continue;
        const QString color = QLatin1String(a.violated ? sequenceArrowColor(SequenceArrowKind::Violation) : sequenceArrowColor(a.kind));
        w.writeStartElement(QStringLiteral("g"));
        w.writeAttribute(QStringLiteral("class"), QStringLiteral("arrow"));
        w.writeAttribute(QStringLiteral("data-kind"), sequenceArrowKindName(a.kind));
        w.writeAttribute(QStringLiteral("data-row"), QString::number(a.row));
        w.writeAttribute(QStringLiteral("data-connection"), QString::number(a.connection));
        w.writeAttribute(QStringLiteral("data-direction"), a.direction == Direction::Out ? QStringLiteral("out") : QStringLiteral("in"));
        w.writeAttribute(QStringLiteral("data-t-ns"), QString::number(a.tNs));
        w.writeTextElement(QStringLiteral("title"), sequenceTimeLabel(layout, a) + QStringLiteral(": ") + sequenceArrowLabel(a));
        const double from = a.direction == Direction::Out ? l->clientX : l->serverX;
        const double to = a.direction == Direction::Out ? l->serverX : l->clientX;
        double textX = (from + to) / 2;
        QString anchor = QStringLiteral("middle");
        double textY = a.y - 5;
        if (a.kind == SequenceArrowKind::Message) {
            // A bracket beside the sender's lane over the frames the message was sent in.
            const double x = a.direction == Direction::Out ? l->clientX - 12 : l->serverX + 12;
            const double hook = a.direction == Direction::Out ? 6 : -6;
            w.writeEmptyElement(QStringLiteral("path"));
            w.writeAttribute(QStringLiteral("d"), QStringLiteral("M%1,%2 h%3 M%1,%2 V%4 h%3")
                                                      .arg(number(x), number(a.firstY), number(hook), number(a.y)));
            w.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
            w.writeAttribute(QStringLiteral("stroke"), color);
            w.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("2"));
            textX = x - (a.direction == Direction::Out ? 4 : -4);
            textY = (a.firstY + a.y) / 2 + 4;
            anchor = a.direction == Direction::Out ? QStringLiteral("end") : QStringLiteral("start");
        } else if (isMark(a.kind)) {
            w.writeEmptyElement(QStringLiteral("circle"));
            w.writeAttribute(QStringLiteral("cx"), number(l->clientX));
            w.writeAttribute(QStringLiteral("cy"), number(a.y));
            w.writeAttribute(QStringLiteral("r"), QStringLiteral("5"));
            w.writeAttribute(QStringLiteral("fill"), color);
            textX = l->clientX + 10;
            textY = a.y + 4;
            anchor = QStringLiteral("start");
        } else {
            w.writeEmptyElement(QStringLiteral("line"));
            w.writeAttribute(QStringLiteral("x1"), number(from));
            w.writeAttribute(QStringLiteral("y1"), number(a.y));
            w.writeAttribute(QStringLiteral("x2"), number(to));
            w.writeAttribute(QStringLiteral("y2"), number(a.y));
            w.writeAttribute(QStringLiteral("stroke"), color);
            w.writeAttribute(QStringLiteral("stroke-width"), a.kind == SequenceArrowKind::Data || a.kind == SequenceArrowKind::HttpRequest
                                                                     || a.kind == SequenceArrowKind::HttpResponse
                                                                 ? QStringLiteral("2")
                                                                 : QStringLiteral("1.5"));
            if (a.kind == SequenceArrowKind::Fragment || a.kind == SequenceArrowKind::TcpConnect
                || a.kind == SequenceArrowKind::TcpEnd || a.kind == SequenceArrowKind::TlsHandshake)
                w.writeAttribute(QStringLiteral("stroke-dasharray"), QStringLiteral("6 3"));
            // Heads as paths, not markers: slide software and simple renderers skip markers.
            writeHead(w, to, a.y, to - from, color);
            if (a.kind == SequenceArrowKind::TcpEnd) // either side may have ended it
                writeHead(w, from, a.y, from - to, color);
        }
        w.writeStartElement(QStringLiteral("text"));
        w.writeAttribute(QStringLiteral("x"), number(textX));
        w.writeAttribute(QStringLiteral("y"), number(textY));
        w.writeAttribute(QStringLiteral("text-anchor"), anchor);
        w.writeAttribute(QStringLiteral("fill"), color);
        w.writeCharacters(sequenceArrowLabel(a));
        w.writeEndElement();
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

bool saveSequenceSvg(const SequenceLayout &layout, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(sequenceSvg(layout));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace wirescope
