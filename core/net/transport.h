#pragma once

#include "core/net/tap.h"
#include "core/session/capturedchunk.h"
#include "core/session/failure.h"
#include "core/session/phasetimings.h"
#include "core/session/tlsinfo.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <memory>
#include <optional>

class QHostInfo;
class QSslSocket;
class QTcpSocket;

namespace wirescope {

class SessionClock;

// Where one connection goes and how it gets there.
struct TransportOptions {
    QString host;        // a name or an IP literal (QUrl::host(): IPv6 without brackets); also the TLS SNI name
    quint16 port = 0;
    bool tls = false;
    // Used instead of looking the host up (curl's --resolve), tried in order. The name still
    // goes into TLS (SNI, certificate check).
    QList<QHostAddress> resolveTo;
    // Only HttpProxy and Socks5Proxy are used; any other type connects directly.
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    // Plain TCP through an HTTP proxy: true connects to the proxy itself, the protocol then
    // sends absolute-form requests to it (RFC 9112 §3.2.2, what HTTP does); false asks the
    // proxy for a CONNECT tunnel (RFC 9110 §9.3.6; RFC 6455 §4.1 asks it of WebSocket).
    // TLS always tunnels.
    bool forwardPlainThroughHttpProxy = false;
    QList<QSslCertificate> caCertificates;  // trusted in addition to the system store
    bool ignoreCertificateErrors = false;   // explicit; the errors are recorded all the same
    QList<QByteArray> alpn{QByteArrayLiteral("http/1.1")}; // RFC 7301 offer
    int connectTimeoutMs = 10'000;          // DNS + TCP + TLS; 0 = none
};

// One TCP (or TLS) connection, for HTTP and WebSocket alike: DNS as a phase of its own
// with fallback through every address of the name, proxies, TLS, a connect timeout, and
// the edge where every chunk read or written goes through the Tap first. Phases are
// stamped on the session clock. A QObject at the edge: it may live on any thread (its
// timers and socket are its children, so moveToThread() takes them along).
//
// The read path keeps the WebSocket engine's measured choices (docs/architecture.md):
// plain TCP is an unbuffered QTcpSocket (reads land in one reused 64 KiB buffer, writes
// leave at once), at most kReadsPerTurn reads per event-loop turn, and the peer's FIN on an
// unbuffered socket is seen as read() returning -1.
class Transport : public QObject
{
    Q_OBJECT
public:
    enum class Phase : quint8 { Idle, Resolving, Connecting, TlsHandshake, Connected, Closed };

    static constexpr qsizetype kReadChunk = 64 * 1024; // larger reads buy nothing on loopback
    static constexpr int kReadsPerTurn = 16;           // 1 MiB, then timers and a UI get a turn

    explicit Transport(const SessionClock &clock, QObject *parent = nullptr);
    ~Transport() override;

    // Starts a new connection (a fresh Tap, fresh timings); a previous one is dropped.
    // phaseChanged(), connected() or ended() follow, from the event loop.
    void open(const TransportOptions &options);
    // Records the bytes in the Tap, then hands them to the socket (TLS: encrypted and sent
    // now, not on a later turn). Nothing is recorded or sent unless connected.
    std::optional<CapturedChunk> write(const QByteArray &bytes);
    // Closes TCP once what was written has left; ended() with no failure follows.
    void close();
    // Drops the connection at once. No signal follows: the caller knows.
    void abort();

    Phase phase() const { return m_phase; }
    bool isConnected() const;
    qint64 bytesToWrite() const;
    // dns*, connect*, ssl* stamps of this connection (-1: did not happen / not applicable).
    const PhaseTimings &timings() const { return m_timings; }
    // Copies the connection's phase stamps into a record's timings (leaves the rest alone).
    void copyPhasesTo(PhaseTimings &timings) const;
    const TlsInfo &tls() const { return m_tls; }
    QString peerAddress() const; // the address connected to (through a proxy: the target's name)
    quint16 peerPort() const;
    QString localAddress() const;
    quint16 localPort() const;
    QString proxyUrl() const { return m_proxyUrl; } // "http://host:port", "socks5://host:port" or empty
    Tap &tap() { return *m_tap; }
    const Tap &tap() const { return *m_tap; }

signals:
    void phaseChanged(wirescope::Transport::Phase phase);
    void connected();
    // One read, already recorded by the Tap. The bytes share the reused read buffer: keep
    // them (a copy is cheap) and the next read goes to a fresh buffer.
    void received(const wirescope::CapturedChunk &chunk);
    // What write() handed over and the socket had to keep has now all left.
    void allWritten();
    // The connection is over: no failure when the peer (or close()) ended TCP in order;
    // otherwise why, mapped by socketFailure() (a failed connect, a reset, a timeout).
    void ended(const wirescope::Failure &failure);

private:
    void setPhase(Phase phase);
    void startLookup(const QString &host, const QList<QHostAddress> &given);
    void onLookedUp(const QHostInfo &info);
    void connectToNextAddress();
    void connectThroughProxy();
    void createSocket();
    void onSocketConnected();
    void onEncrypted();
    void onReadyRead();
    void readAvailable(int maxReads);
    void onReadFailed();
    void onSocketDisconnected();
    void onSocketError();
    void onBytesWritten();
    void end(const Failure &failure);
    void dropSocket();

    const SessionClock &m_clock;
    std::unique_ptr<Tap> m_tap;
    TransportOptions m_options;
    QTcpSocket *m_socket = nullptr;
    QSslSocket *m_ssl = nullptr;  // m_socket when TLS is used
    bool m_unbuffered = false;
    QTimer m_connectTimer{this};
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;
    quint16 m_port = 0; // of the host, or of the HTTP proxy requests are forwarded to
    int m_addressIndex = 0;
    QString m_proxyUrl;
    struct Ends {
        QString peerAddress;
        quint16 peerPort = 0;
        QString localAddress;
        quint16 localPort = 0;
    } m_ends; // set when TCP connects
    Phase m_phase = Phase::Idle;
    PhaseTimings m_timings;
    TlsInfo m_tls;
    QByteArray m_readBuffer;
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::Transport::Phase)
