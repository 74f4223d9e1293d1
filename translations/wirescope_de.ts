<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CloseCode</name>
    <message>
        <source>Normal Closure</source>
        <translation>Normales Schließen</translation>
    </message>
    <message>
        <source>Going Away</source>
        <translation>Gegenstelle geht</translation>
    </message>
    <message>
        <source>Protocol Error</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>Unsupported Data</source>
        <translation>Nicht unterstützte Daten</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>No Status Received</source>
        <translation>Kein Status empfangen</translation>
    </message>
    <message>
        <source>Abnormal Closure</source>
        <translation>Abnormales Schließen</translation>
    </message>
    <message>
        <source>Invalid Frame Payload Data</source>
        <translation>Ungültige Frame-Nutzdaten</translation>
    </message>
    <message>
        <source>Policy Violation</source>
        <translation>Richtlinienverstoß</translation>
    </message>
    <message>
        <source>Message Too Big</source>
        <translation>Nachricht zu groß</translation>
    </message>
    <message>
        <source>Mandatory Extension</source>
        <translation>Erforderliche Erweiterung</translation>
    </message>
    <message>
        <source>Internal Error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>Service Restart</source>
        <translation>Dienst-Neustart</translation>
    </message>
    <message>
        <source>Try Again Later</source>
        <translation>Später erneut versuchen</translation>
    </message>
    <message>
        <source>Bad Gateway</source>
        <translation>Fehlerhaftes Gateway</translation>
    </message>
    <message>
        <source>TLS Handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
</context>
<context>
    <name>HttpResponseView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>… %1 more not shown</source>
        <translation>… %1 weitere nicht angezeigt</translation>
    </message>
</context>
<context>
    <name>HttpTimingChart</name>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>connect (TCP)</source>
        <translation>Verbindungsaufbau (TCP)</translation>
    </message>
</context>
<context>
    <name>LabWording</name>
    <message>
        <source>Polling (new connection)</source>
        <translation>Polling (neue Verbindung)</translation>
    </message>
    <message>
        <source>Polling (keep-alive)</source>
        <translation>Polling (Keep-Alive)</translation>
    </message>
    <message>
        <source>Long-polling</source>
        <translation>Long-Polling</translation>
    </message>
    <message>
        <source>Server-sent events</source>
        <translation>Server-Sent Events</translation>
    </message>
    <message>
        <source>Chunked stream</source>
        <translation>Chunked-Stream</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>WebSocket + deflate</source>
        <translation>WebSocket + Deflate</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>Poll</translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation>Keep-Alive</translation>
    </message>
    <message>
        <source>long-poll</source>
        <translation>Long-Poll</translation>
    </message>
    <message>
        <source>SSE</source>
        <translation>SSE</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>WS</source>
        <translation>WS</translation>
    </message>
    <message>
        <source>WS deflate</source>
        <translation>WS Deflate</translation>
    </message>
    <message>
        <source>GET /lab/poll every poll interval, each request on a new TCP connection (Connection: close)</source>
        <translation>GET /lab/poll in jedem Poll-Intervall, jede Anfrage über eine neue TCP-Verbindung (Connection: close)</translation>
    </message>
    <message>
        <source>GET /lab/poll every poll interval over one keep-alive connection</source>
        <translation>GET /lab/poll in jedem Poll-Intervall über eine Keep-Alive-Verbindung</translation>
    </message>
    <message>
        <source>GET /lab/longpoll: the server holds each request until there is news</source>
        <translation>GET /lab/longpoll: Der Server hält jede Anfrage, bis es Neues gibt</translation>
    </message>
    <message>
        <source>GET /lab/sse: one text/event-stream response, an event per message</source>
        <translation>GET /lab/sse: eine text/event-stream-Antwort, ein Event pro Nachricht</translation>
    </message>
    <message>
        <source>GET /lab/stream: one chunked response, a line of NDJSON per message</source>
        <translation>GET /lab/stream: eine Chunked-Antwort, eine NDJSON-Zeile pro Nachricht</translation>
    </message>
    <message>
        <source>WebSocket /lab/ws: a text frame per message</source>
        <translation>WebSocket /lab/ws: ein Text-Frame pro Nachricht</translation>
    </message>
    <message>
        <source>WebSocket /lab/ws with permessage-deflate (RFC 7692): compressed frames</source>
        <translation>WebSocket /lab/ws mit permessage-deflate (RFC 7692): komprimierte Frames</translation>
    </message>
    <message>
        <source>Server push</source>
        <translation>Server-Push</translation>
    </message>
    <message>
        <source>Request/response (echo)</source>
        <translation>Anfrage/Antwort (Echo)</translation>
    </message>
    <message>
        <source>Chat (both ways)</source>
        <translation>Chat (beide Richtungen)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Random (incompressible)</source>
        <translation>Zufall (nicht komprimierbar)</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>request heads</source>
        <translation>Anfrage-Köpfe</translation>
    </message>
    <message>
        <source>response heads</source>
        <translation>Antwort-Köpfe</translation>
    </message>
    <message>
        <source>chunk framing</source>
        <translation>Chunk-Rahmen</translation>
    </message>
    <message>
        <source>SSE fields</source>
        <translation>SSE-Felder</translation>
    </message>
    <message>
        <source>frame headers</source>
        <translation>Frame-Header</translation>
    </message>
    <message>
        <source>handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>newlines</source>
        <translation>Zeilenumbrüche</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>nothing was delivered</source>
        <translation>nichts wurde zugestellt</translation>
    </message>
    <message numerus="yes">
        <source>%1 B of request head and %2 B of response head per message, a new connection for each of %n request(s)</source>
        <translation>
            <numerusform>%1 B Anfragekopf und %2 B Antwortkopf pro Nachricht, eine neue Verbindung für %n Anfrage</numerusform>
            <numerusform>%1 B Anfragekopf und %2 B Antwortkopf pro Nachricht, eine neue Verbindung für jede der %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 B of request head and %2 B of response head per message, one request every %3 ms whether or not there was news</source>
        <translation>%1 B Anfragekopf und %2 B Antwortkopf pro Nachricht, eine Anfrage alle %3 ms, ob es Neues gab oder nicht</translation>
    </message>
    <message numerus="yes">
        <source>%1 B of request head and %2 B of response head per message; %n request(s) held until there was news</source>
        <translation>
            <numerusform>%1 B Anfragekopf und %2 B Antwortkopf pro Nachricht; %n Anfrage gehalten, bis es Neues gab</numerusform>
            <numerusform>%1 B Anfragekopf und %2 B Antwortkopf pro Nachricht; %n Anfragen gehalten, bis es Neues gab</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 B of SSE fields and %2 B of chunk framing per %3-byte message, all in one response</source>
        <translation>%1 B SSE-Felder und %2 B Chunk-Rahmen pro %3-Byte-Nachricht, alles in einer Antwort</translation>
    </message>
    <message>
        <source>%1 B of chunk framing and %2 B of newline per %3-byte message, all in one response</source>
        <translation>%1 B Chunk-Rahmen und %2 B Zeilenumbruch pro %3-Byte-Nachricht, alles in einer Antwort</translation>
    </message>
    <message>
        <source>%1 B of framing per %2-byte message; the %3-byte handshake once</source>
        <translation>%1 B Framing pro %2-Byte-Nachricht; der %3-Byte-Handshake einmal</translation>
    </message>
    <message>
        <source>%1 B on the wire per %2-byte message (compressed), %3 B of it framing; the %4-byte handshake once</source>
        <translation>%1 B auf der Leitung pro %2-Byte-Nachricht (komprimiert), davon %3 B Framing; der %4-Byte-Handshake einmal</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n poll(s) found nothing new</source>
        <translation>
            <numerusform>%1 von %n Abfrage fand nichts Neues</numerusform>
            <numerusform>%1 von %n Abfragen fanden nichts Neues</numerusform>
        </translation>
    </message>
    <message>
        <source>median push delay %1, p99 %2</source>
        <translation>Median der Push-Verzögerung %1, p99 %2</translation>
    </message>
    <message>
        <source>median round trip %1, p99 %2</source>
        <translation>Median der Umlaufzeit %1, p99 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) lost</source>
        <translation>
            <numerusform>%n Nachricht verloren</numerusform>
            <numerusform>%n Nachrichten verloren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late (over %1 ms)</source>
        <translation>
            <numerusform>%n verspätet (über %1 ms)</numerusform>
            <numerusform>%n verspätet (über %1 ms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicated</source>
        <translation>
            <numerusform>%n doppelt</numerusform>
            <numerusform>%n doppelt</numerusform>
        </translation>
    </message>
    <message>
        <source>WebSocket frames add 2-14 bytes each</source>
        <translation>WebSocket-Frames kosten je 2-14 Bytes</translation>
    </message>
    <message>
        <source>HTTP adds hundreds of bytes of headers per message</source>
        <translation>HTTP kostet Hunderte Bytes Header pro Nachricht</translation>
    </message>
    <message>
        <source>WebSocket has lower latency than HTTP</source>
        <translation>WebSocket hat eine geringere Latenz als HTTP</translation>
    </message>
    <message>
        <source>Polling wastes requests</source>
        <translation>Polling verschwendet Anfragen</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>Widerlegt</translation>
    </message>
    <message>
        <source>Not measured</source>
        <translation>Nicht gemessen</translation>
    </message>
    <message>
        <source>Not measured: neither WebSocket transport ran.</source>
        <translation>Nicht gemessen: Keiner der WebSocket-Transporte lief.</translation>
    </message>
    <message>
        <source>Not measured: no polling or long-polling transport delivered a message.</source>
        <translation>Nicht gemessen: Kein Polling- oder Long-Polling-Transport hat eine Nachricht zugestellt.</translation>
    </message>
    <message>
        <source>Not measured: it needs WebSocket and at least one polling transport to deliver messages.</source>
        <translation>Nicht gemessen: Dafür müssen WebSocket und mindestens ein Polling-Transport Nachrichten zustellen.</translation>
    </message>
    <message>
        <source>Not measured: neither polling transport ran.</source>
        <translation>Nicht gemessen: Keiner der Polling-Transporte lief.</translation>
    </message>
    <message numerus="yes">
        <source>%1: frame headers of %2-%3 bytes over %n frame(s), %4 header bytes per message</source>
        <translation>
            <numerusform>%1: Frame-Header von %2-%3 Bytes in %n Frame, %4 Header-Bytes pro Nachricht</numerusform>
            <numerusform>%1: Frame-Header von %2-%3 Bytes in %n Frames, %4 Header-Bytes pro Nachricht</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 bytes of request and response heads per delivered message</source>
        <translation>%1: %2 Bytes Anfrage- und Antwortköpfe pro zugestellter Nachricht</translation>
    </message>
    <message>
        <source>median round trip: WebSocket %1 against %2</source>
        <translation>Median der Umlaufzeit: WebSocket %1 gegenüber %2</translation>
    </message>
    <message>
        <source>median push delay: WebSocket %1 against %2</source>
        <translation>Median der Push-Verzögerung: WebSocket %1 gegenüber %2</translation>
    </message>
    <message>
        <source>HTTP responses held open: %1</source>
        <translation>Offen gehaltene HTTP-Antworten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n poll(s) answered 204 (no news)</source>
        <translation>
            <numerusform>%1: %2 von %n Abfrage mit 204 beantwortet (nichts Neues)</numerusform>
            <numerusform>%1: %2 von %n Abfragen mit 204 beantwortet (nichts Neues)</numerusform>
        </translation>
    </message>
    <message>
        <source>payload, deflated</source>
        <translation>Nutzdaten, komprimiert</translation>
    </message>
    <message>
        <source>deflate growth</source>
        <translation>Zuwachs durch Deflate</translation>
    </message>
    <message>
        <source>close, ping, pong</source>
        <translation>Close, Ping, Pong</translation>
    </message>
</context>
<context>
    <name>TimingWaterfall</name>
    <message>
        <source>Queueing (blocked)</source>
        <translation>Warteschlange (blocked)</translation>
    </message>
    <message>
        <source>DNS lookup (dns)</source>
        <translation>DNS-Auflösung (dns)</translation>
    </message>
    <message>
        <source>Initial connection (connect)</source>
        <translation>Verbindungsaufbau (connect)</translation>
    </message>
    <message>
        <source>TLS handshake (ssl)</source>
        <translation>TLS-Handshake (ssl)</translation>
    </message>
    <message>
        <source>Request sent (send)</source>
        <translation>Anfrage gesendet (send)</translation>
    </message>
    <message>
        <source>Waiting for server (wait)</source>
        <translation>Warten auf Server (wait)</translation>
    </message>
    <message>
        <source>Content download (receive)</source>
        <translation>Download des Inhalts (receive)</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n B</source>
        <translation>
            <numerusform>%n B</numerusform>
            <numerusform>%n B</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
</context>
<context>
    <name>Violation</name>
    <message>
        <source>A reserved bit (RSV1-3) is set although no extension that defines it was negotiated.</source>
        <translation>Ein reserviertes Bit (RSV1-3) ist gesetzt, obwohl keine Erweiterung ausgehandelt wurde, die es definiert.</translation>
    </message>
    <message>
        <source>The server sent a masked frame; a server must never mask its frames.</source>
        <translation>Der Server hat einen maskierten Frame gesendet; ein Server darf seine Frames niemals maskieren.</translation>
    </message>
    <message>
        <source>The client sent an unmasked frame; a client must mask every frame.</source>
        <translation>Der Client hat einen unmaskierten Frame gesendet; ein Client muss jeden Frame maskieren.</translation>
    </message>
    <message>
        <source>The frame uses a reserved opcode that no extension defines.</source>
        <translation>Der Frame verwendet einen reservierten Opcode, den keine Erweiterung definiert.</translation>
    </message>
    <message>
        <source>A control frame carries more than 125 bytes of payload.</source>
        <translation>Ein Kontroll-Frame enthält mehr als 125 Bytes Nutzdaten.</translation>
    </message>
    <message>
        <source>A control frame is fragmented (FIN bit not set); control frames must not be fragmented.</source>
        <translation>Ein Kontroll-Frame ist fragmentiert (FIN-Bit nicht gesetzt); Kontroll-Frames dürfen nicht fragmentiert werden.</translation>
    </message>
    <message>
        <source>The 64-bit payload length has its most significant bit set.</source>
        <translation>Bei der 64-Bit-Nutzdatenlänge ist das höchstwertige Bit gesetzt.</translation>
    </message>
    <message>
        <source>The payload length is not written with the minimal number of bytes.</source>
        <translation>Die Nutzdatenlänge ist nicht mit der minimalen Anzahl an Bytes kodiert.</translation>
    </message>
    <message>
        <source>The frame&apos;s payload is larger than the configured frame size limit; its payload was not stored.</source>
        <translation>Die Nutzdaten des Frames überschreiten das eingestellte Limit für die Frame-Größe; sie wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>A continuation frame arrived while no fragmented message was in progress.</source>
        <translation>Ein Fortsetzungs-Frame ist eingetroffen, obwohl keine fragmentierte Nachricht begonnen wurde.</translation>
    </message>
    <message>
        <source>A new text or binary frame started before the fragmented message in progress was finished.</source>
        <translation>Ein neuer Text- oder Binär-Frame hat begonnen, bevor die laufende fragmentierte Nachricht abgeschlossen war.</translation>
    </message>
    <message>
        <source>A text message is not valid UTF-8.</source>
        <translation>Eine Textnachricht ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The close reason is not valid UTF-8.</source>
        <translation>Der Close-Grund ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The close frame carries a status code that must not be sent on the wire.</source>
        <translation>Der Close-Frame enthält einen Statuscode, der nicht über die Leitung gesendet werden darf.</translation>
    </message>
    <message>
        <source>The close frame&apos;s payload is one byte long; it must be empty or start with a two-byte status code.</source>
        <translation>Die Nutzdaten des Close-Frames sind ein Byte lang; sie müssen leer sein oder mit einem zwei Byte langen Statuscode beginnen.</translation>
    </message>
    <message>
        <source>A frame arrived after the peer&apos;s close frame; nothing may follow a close frame.</source>
        <translation>Nach dem Close-Frame der Gegenstelle ist ein weiterer Frame eingetroffen; auf einen Close-Frame darf nichts mehr folgen.</translation>
    </message>
    <message>
        <source>The message is larger than the configured message size limit.</source>
        <translation>Die Nachricht überschreitet das eingestellte Limit für die Nachrichtengröße.</translation>
    </message>
    <message>
        <source>The compressed message inflates beyond the configured limit.</source>
        <translation>Die komprimierte Nachricht überschreitet nach dem Entpacken das eingestellte Limit.</translation>
    </message>
    <message>
        <source>The compressed message is not valid DEFLATE data.</source>
        <translation>Die komprimierte Nachricht besteht nicht aus gültigen DEFLATE-Daten.</translation>
    </message>
    <message>
        <source>A control frame has the compression bit (RSV1) set.</source>
        <translation>Bei einem Kontroll-Frame ist das Kompressionsbit (RSV1) gesetzt.</translation>
    </message>
    <message>
        <source>A continuation frame has the compression bit (RSV1) set; only a message&apos;s first frame may.</source>
        <translation>Bei einem Fortsetzungs-Frame ist das Kompressionsbit (RSV1) gesetzt; das darf nur der erste Frame einer Nachricht.</translation>
    </message>
    <message>
        <source>The server did not answer the upgrade request with status 101.</source>
        <translation>Der Server hat die Upgrade-Anfrage nicht mit Status 101 beantwortet.</translation>
    </message>
    <message>
        <source>The response lacks an Upgrade header containing &quot;websocket&quot;.</source>
        <translation>Der Antwort fehlt ein Upgrade-Header mit „websocket“.</translation>
    </message>
    <message>
        <source>The response lacks a Connection header containing the &quot;Upgrade&quot; token.</source>
        <translation>Der Antwort fehlt ein Connection-Header mit dem Token „Upgrade“.</translation>
    </message>
    <message>
        <source>The response lacks the Sec-WebSocket-Accept header.</source>
        <translation>Der Antwort fehlt der Header Sec-WebSocket-Accept.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept does not match base64(SHA-1(key + GUID)) of the key that was sent.</source>
        <translation>Sec-WebSocket-Accept stimmt nicht mit base64(SHA-1(key + GUID)) des gesendeten Schlüssels überein.</translation>
    </message>
    <message>
        <source>The server selected a subprotocol the client did not offer.</source>
        <translation>Der Server hat ein Subprotokoll gewählt, das der Client nicht angeboten hat.</translation>
    </message>
    <message>
        <source>The server selected an extension the client did not offer.</source>
        <translation>Der Server hat eine Erweiterung gewählt, die der Client nicht angeboten hat.</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate parameters are invalid or were not allowed by the offer.</source>
        <translation>Die permessage-deflate-Parameter des Servers sind ungültig oder laut Angebot nicht erlaubt.</translation>
    </message>
    <message>
        <source>The status line is not HTTP-version SP 3DIGIT SP reason</source>
        <translation>Die Statuszeile hat nicht die Form HTTP-version SP 3DIGIT SP reason</translation>
    </message>
    <message>
        <source>The HTTP version is not HTTP/1.0 or HTTP/1.1</source>
        <translation>Die HTTP-Version ist weder HTTP/1.0 noch HTTP/1.1</translation>
    </message>
    <message>
        <source>A header line has no colon</source>
        <translation>Einer Header-Zeile fehlt der Doppelpunkt</translation>
    </message>
    <message>
        <source>A header name is empty or contains a character that is not a token character</source>
        <translation>Ein Header-Name ist leer oder enthält ein Zeichen, das kein Token-Zeichen ist</translation>
    </message>
    <message>
        <source>Whitespace between a header name and the colon must be rejected</source>
        <translation>Leerraum zwischen einem Header-Namen und dem Doppelpunkt muss abgelehnt werden</translation>
    </message>
    <message>
        <source>A header value is folded over several lines (obs-fold)</source>
        <translation>Ein Header-Wert ist über mehrere Zeilen umbrochen (obs-fold)</translation>
    </message>
    <message>
        <source>A line ends with LF without CR</source>
        <translation>Eine Zeile endet mit LF ohne CR</translation>
    </message>
    <message>
        <source>Both Transfer-Encoding and Content-Length are present: the framing is ambiguous</source>
        <translation>Sowohl Transfer-Encoding als auch Content-Length sind vorhanden: die Nachrichtenlänge ist mehrdeutig</translation>
    </message>
    <message>
        <source>Several different Content-Length values</source>
        <translation>Mehrere unterschiedliche Content-Length-Werte</translation>
    </message>
    <message>
        <source>Content-Length is not a non-negative decimal number</source>
        <translation>Content-Length ist keine nicht-negative Dezimalzahl</translation>
    </message>
    <message>
        <source>Transfer-Encoding does not end with chunked</source>
        <translation>Transfer-Encoding endet nicht mit chunked</translation>
    </message>
    <message>
        <source>A chunk size is not a hexadecimal number or is too large</source>
        <translation>Eine Chunk-Größe ist keine Hexadezimalzahl oder zu groß</translation>
    </message>
    <message>
        <source>Chunk data is not followed by CRLF</source>
        <translation>Auf Chunk-Daten folgt kein CRLF</translation>
    </message>
    <message>
        <source>A line is longer than the configured limit</source>
        <translation>Eine Zeile ist länger als das eingestellte Limit</translation>
    </message>
    <message>
        <source>The header section is larger than the configured limit</source>
        <translation>Der Header-Abschnitt ist größer als das eingestellte Limit</translation>
    </message>
    <message>
        <source>More header lines than the configured limit</source>
        <translation>Mehr Header-Zeilen als das eingestellte Limit erlaubt</translation>
    </message>
    <message>
        <source>The body is larger than the configured limit</source>
        <translation>Der Body ist größer als das eingestellte Limit</translation>
    </message>
    <message>
        <source>More 1xx interim responses than the configured limit</source>
        <translation>Mehr 1xx-Zwischenantworten als das eingestellte Limit erlaubt</translation>
    </message>
    <message>
        <source>The connection closed before the response was complete</source>
        <translation>Die Verbindung wurde geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>This response cannot have a body; its framing headers are ignored</source>
        <translation>Diese Antwort kann keinen Body haben; ihre Header zur Längenangabe werden ignoriert</translation>
    </message>
    <message>
        <source>Unknown content coding; the body is shown as received</source>
        <translation>Unbekannte Inhaltskodierung; der Body wird so angezeigt, wie er empfangen wurde</translation>
    </message>
    <message>
        <source>The decoded body exceeds the configured limit and was truncated</source>
        <translation>Der dekodierte Body überschreitet das eingestellte Limit und wurde gekürzt</translation>
    </message>
    <message>
        <source>A header value contains CR, LF or NUL</source>
        <translation>Ein Header-Wert enthält CR, LF oder NUL</translation>
    </message>
    <message>
        <source>The answer does not start with an HTTP/1.x status line</source>
        <translation>Die Antwort beginnt nicht mit einer HTTP/1.x-Statuszeile</translation>
    </message>
    <message>
        <source>101 Switching Protocols answers a request that asked for no upgrade</source>
        <translation>101 Switching Protocols beantwortet eine Anfrage, die kein Upgrade verlangt hat</translation>
    </message>
    <message>
        <source>Bytes arrived after the complete response; they were not read as a response and the connection was not reused</source>
        <translation>Nach der vollständigen Antwort sind weitere Bytes eingetroffen; sie wurden nicht als Antwort gelesen und die Verbindung wurde nicht wiederverwendet</translation>
    </message>
    <message>
        <source>The body could not be decoded with its content coding; it is shown as received</source>
        <translation>Der Body konnte mit seiner Inhaltskodierung nicht dekodiert werden; er wird so angezeigt, wie er empfangen wurde</translation>
    </message>
    <message>
        <source>Data follows the end of the compressed stream; it was not decoded</source>
        <translation>Auf das Ende des komprimierten Datenstroms folgen weitere Daten; sie wurden nicht dekodiert</translation>
    </message>
</context>
<context>
    <name>WsHandshakeView</name>
    <message>
        <source>the server&apos;s name (and port) as the URL gave it; every HTTP/1.1 request carries it</source>
        <translation>der Name (und Port) des Servers, wie die URL ihn angibt; jede HTTP/1.1-Anfrage enthält ihn</translation>
    </message>
    <message>
        <source>asks to switch this connection from HTTP to the WebSocket protocol</source>
        <translation>bittet darum, diese Verbindung von HTTP auf das WebSocket-Protokoll umzustellen</translation>
    </message>
    <message>
        <source>&quot;Upgrade&quot;: the Upgrade header is meant for this hop, a proxy must not pass it on</source>
        <translation>„Upgrade“: Der Upgrade-Header gilt für diese Teilstrecke, ein Proxy darf ihn nicht weitergeben</translation>
    </message>
    <message>
        <source>16 random bytes in base64; the server must hash them into Sec-WebSocket-Accept (the steps above)</source>
        <translation>16 Zufallsbytes in base64; der Server muss daraus Sec-WebSocket-Accept hashen (die Schritte oben)</translation>
    </message>
    <message>
        <source>13, the protocol of RFC 6455; a server that speaks another answers 426 listing its versions</source>
        <translation>13, das Protokoll von RFC 6455; ein Server, der ein anderes spricht, antwortet mit 426 und nennt seine Versionen</translation>
    </message>
    <message>
        <source>the page that opened the connection, as a browser sends it; a server may refuse origins it does not trust (403)</source>
        <translation>die Seite, die die Verbindung geöffnet hat, wie ein Browser sie sendet; ein Server darf Ursprünge ablehnen, denen er nicht traut (403)</translation>
    </message>
    <message>
        <source>the subprotocols the client speaks, in order of preference; the server picks at most one</source>
        <translation>die Subprotokolle, die der Client spricht, in der Reihenfolge seiner Vorliebe; der Server wählt höchstens eines</translation>
    </message>
    <message>
        <source>the extensions offered, such as permessage-deflate with its parameters</source>
        <translation>die angebotenen Erweiterungen, etwa permessage-deflate mit seinen Parametern</translation>
    </message>
    <message>
        <source>the client&apos;s name and version</source>
        <translation>Name und Version des Clients</translation>
    </message>
    <message>
        <source>credentials (Basic or Bearer) for a server that asks for them</source>
        <translation>Zugangsdaten (Basic oder Bearer) für einen Server, der sie verlangt</translation>
    </message>
    <message>
        <source>cookies this host set earlier, sent as with any request</source>
        <translation>Cookies, die dieser Host früher gesetzt hat, gesendet wie bei jeder Anfrage</translation>
    </message>
    <message>
        <source>&quot;websocket&quot;: the server agrees to switch protocols</source>
        <translation>„websocket“: Der Server stimmt dem Protokollwechsel zu</translation>
    </message>
    <message>
        <source>&quot;Upgrade&quot;: this hop switches protocols</source>
        <translation>„Upgrade“: Diese Teilstrecke wechselt das Protokoll</translation>
    </message>
    <message>
        <source>base64(SHA-1(key + GUID)): proof that the server read this request&apos;s key</source>
        <translation>base64(SHA-1(key + GUID)): der Beweis, dass der Server den Schlüssel dieser Anfrage gelesen hat</translation>
    </message>
    <message>
        <source>the one subprotocol the server chose from the client&apos;s list</source>
        <translation>das eine Subprotokoll, das der Server aus der Liste des Clients gewählt hat</translation>
    </message>
    <message>
        <source>the extensions the server accepted, with the parameters it chose</source>
        <translation>die Erweiterungen, die der Server angenommen hat, mit den Parametern, die er gewählt hat</translation>
    </message>
    <message>
        <source>in a refusal (426): the versions the server speaks</source>
        <translation>in einer Ablehnung (426): die Versionen, die der Server spricht</translation>
    </message>
</context>
<context>
    <name>wirescope::AboutDialog</name>
    <message>
        <source>About Wirescope</source>
        <translation>Über Wirescope</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Wirescope %1&lt;/h2&gt;&lt;p&gt;An inspector for HTTP/1.1 and WebSocket: compose requests, hold WebSocket conversations and see every byte, frame, header and timing as it crosses the wire.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Wirescope %1&lt;/h2&gt;&lt;p&gt;Ein Inspektor für HTTP/1.1 und WebSocket: Anfragen zusammenstellen, WebSocket-Unterhaltungen führen und jedes Byte, jeden Frame, jeden Header und jede Zeitmessung sehen, während sie über die Leitung gehen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft unter Qt %3.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>wirescope::DemoEndpointsModel</name>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was er tut</translation>
    </message>
</context>
<context>
    <name>wirescope::DemoEndpointsPanel</name>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Demo server endpoints</source>
        <translation>Endpunkte des Demo-Servers</translation>
    </message>
    <message>
        <source>Copy the selected endpoint&apos;s URL to the clipboard</source>
        <translation>URL des ausgewählten Endpunkts in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Open the selected endpoint in the HTTP composer or the WebSocket console (Enter)</source>
        <translation>Ausgewählten Endpunkt im HTTP-Editor oder in der WebSocket-Konsole öffnen (Enter)</translation>
    </message>
    <message>
        <source>The built-in demo server answers at &lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt;. Double-click an endpoint to open it.</source>
        <translation>Der eingebaute Demo-Server antwortet unter &lt;b&gt;%1&lt;/b&gt; und &lt;b&gt;%2&lt;/b&gt;. Ein Doppelklick auf einen Endpunkt öffnet ihn.</translation>
    </message>
    <message>
        <source>The demo server is not running. Turn it on in Edit &gt; Preferences.</source>
        <translation>Der Demo-Server läuft nicht. Er lässt sich unter Bearbeiten &gt; Einstellungen einschalten.</translation>
    </message>
</context>
<context>
    <name>wirescope::EnvironmentDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Variables of the selected environment</source>
        <translation>Variablen der ausgewählten Umgebung</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>Use a variable as {{name}} in the URL, parameters, headers, body or auth. Unresolved variables are reported before anything is sent.</source>
        <translation>Variablen lassen sich als {{name}} in URL, Parametern, Headern, Body oder Auth verwenden. Nicht aufgelöste Variablen werden gemeldet, bevor etwas gesendet wird.</translation>
    </message>
    <message>
        <source>New Environment</source>
        <translation>Neue Umgebung</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
</context>
<context>
    <name>wirescope::ExportDialog</name>
    <message>
        <source>&amp;Hide secrets (recommended)</source>
        <translation>&amp;Geheimnisse verbergen (empfohlen)</translation>
    </message>
    <message>
        <source>Export HAR</source>
        <translation>HAR exportieren</translation>
    </message>
    <message>
        <source>Export pcapng</source>
        <translation>pcapng exportieren</translation>
    </message>
    <message>
        <source>Every HTTP exchange and WebSocket connection of the session as a HAR 1.2 file, which browsers, Postman and HTTP Toolkit open.</source>
        <translation>Jeder HTTP-Austausch und jede WebSocket-Verbindung der Sitzung als HAR-1.2-Datei, die Browser, Postman und HTTP Toolkit öffnen.</translation>
    </message>
    <message>
        <source>Every connection&apos;s bytes as a pcapng capture with synthesized TCP/IP packets, which Wireshark and tshark decode. wss:// and https:// traffic is written decrypted.</source>
        <translation>Die Bytes jeder Verbindung als pcapng-Mitschnitt mit erzeugten TCP/IP-Paketen, den Wireshark und tshark dekodieren. wss://- und https://-Verkehr wird entschlüsselt geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Hidden always: %1</source>
        <translation>Immer verborgen: %1</translation>
    </message>
    <message>
        <source>e.g. X-Api-Key, session_id</source>
        <translation>z. B. X-Api-Key, session_id</translation>
    </message>
    <message>
        <source>Header or query parameter names to hide as well, separated by commas; kept for the next export</source>
        <translation>Weitere zu verbergende Header- oder Query-Parameter-Namen, durch Kommas getrennt; bleiben für den nächsten Export erhalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Secrets will be written as recorded:&lt;/b&gt; Authorization, cookies and tokens travel with the file. Share it only with people who may log in as you.</source>
        <translation>&lt;b&gt;Geheimnisse werden so geschrieben, wie sie aufgezeichnet wurden:&lt;/b&gt; Authorization, Cookies und Tokens reisen mit der Datei. Geben Sie sie nur an Personen weiter, die sich als Sie anmelden dürfen.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Also &amp;hide:</source>
        <translation>Auch &amp;verbergen:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>HAR files (*.har)</source>
        <translation>HAR-Dateien (*.har)</translation>
    </message>
    <message>
        <source>pcapng captures (*.pcapng)</source>
        <translation>pcapng-Mitschnitte (*.pcapng)</translation>
    </message>
</context>
<context>
    <name>wirescope::HexView</name>
    <message>
        <source>Hex dump</source>
        <translation>Hex-Ansicht</translation>
    </message>
    <message>
        <source>Offset %1 (0x%2): 0x%3 = %4</source>
        <translation>Offset %1 (0x%2): 0x%3 = %4</translation>
    </message>
</context>
<context>
    <name>wirescope::HttpComposer</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Request method; any token can be typed (RFC 9110 §9)</source>
        <translation>Anfragemethode; jedes Token kann eingegeben werden (RFC 9110 §9)</translation>
    </message>
    <message>
        <source>Enter a URL, e.g. http://127.0.0.1:8080/get?name={{value}}</source>
        <translation>URL eingeben, z. B. http://127.0.0.1:8080/get?name={{value}}</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enter or Ctrl+Enter sends, Esc cancels</source>
        <translation>Enter oder Strg+Enter sendet, Esc bricht ab</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Anfrage senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>The environment whose {{variables}} the request uses</source>
        <translation>Die Umgebung, deren {{Variablen}} die Anfrage verwendet</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Edit environments</source>
        <translation>Umgebungen bearbeiten</translation>
    </message>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>U&amp;mgebung:</translation>
    </message>
    <message>
        <source>Problem with the request</source>
        <translation>Problem mit der Anfrage</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Query-Parameter</translation>
    </message>
    <message>
        <source>&amp;Params</source>
        <translation>&amp;Parameter</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <source>Host, Content-Length, Content-Type and Authorization are added when you do not set them.</source>
        <translation>Host, Content-Length, Content-Type und Authorization werden ergänzt, wenn sie nicht gesetzt sind.</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>&amp;Auth</source>
        <translation>&amp;Auth</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Ei&amp;nstellungen</translation>
    </message>
    <message>
        <source>Request parts</source>
        <translation>Teile der Anfrage</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Form (URL-encoded)</source>
        <translation>Formular (URL-kodiert)</translation>
    </message>
    <message>
        <source>Multipart form</source>
        <translation>Multipart-Formular</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Body type</source>
        <translation>Body-Typ</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>Diese Anfrage hat keinen Body.</translation>
    </message>
    <message>
        <source>Content type of the raw body</source>
        <translation>Content-Type des Roh-Body</translation>
    </message>
    <message>
        <source>Raw body</source>
        <translation>Roh-Body</translation>
    </message>
    <message>
        <source>Content-&amp;Type:</source>
        <translation>Content-&amp;Type:</translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation>JSON-Body</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formatieren</translation>
    </message>
    <message>
        <source>Pretty-print the JSON</source>
        <translation>JSON lesbar formatieren</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Formularfelder</translation>
    </message>
    <message>
        <source>Part name</source>
        <translation>Name des Teils</translation>
    </message>
    <message>
        <source>Value, or @path for a file</source>
        <translation>Wert oder @Pfad für eine Datei</translation>
    </message>
    <message>
        <source>Multipart parts</source>
        <translation>Multipart-Teile</translation>
    </message>
    <message>
        <source>Add &amp;File Part...</source>
        <translation>&amp;Dateiteil hinzufügen...</translation>
    </message>
    <message>
        <source>Choose a File to Send</source>
        <translation>Zu sendende Datei auswählen</translation>
    </message>
    <message>
        <source>File to send as the body</source>
        <translation>Als Body zu sendende Datei</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Content type of the file</source>
        <translation>Content-Type der Datei</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Content-T&amp;ype:</source>
        <translation>Content-T&amp;ype:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>Basic (RFC 7617)</source>
        <translation>Basic (RFC 7617)</translation>
    </message>
    <message>
        <source>Bearer token (RFC 6750)</source>
        <translation>Bearer-Token (RFC 6750)</translation>
    </message>
    <message>
        <source>Authentication type</source>
        <translation>Authentifizierungsart</translation>
    </message>
    <message>
        <source>No Authorization header is added.</source>
        <translation>Es wird kein Authorization-Header hinzugefügt.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Follow redirects (every hop stays visible in Raw)</source>
        <translation>&amp;Weiterleitungen folgen (jeder Hop bleibt unter „Roh“ sichtbar)</translation>
    </message>
    <message>
        <source>Maximum number of redirects</source>
        <translation>Maximale Anzahl an Weiterleitungen</translation>
    </message>
    <message>
        <source>&amp;Ignore TLS certificate errors (they are still listed in TLS)</source>
        <translation>TLS-Zertifikatsfehler &amp;ignorieren (sie werden weiterhin unter „TLS“ aufgeführt)</translation>
    </message>
    <message>
        <source>Ask for &amp;compression (Accept-Encoding: gzip, deflate, br)</source>
        <translation>&amp;Komprimierung anfordern (Accept-Encoding: gzip, deflate, br)</translation>
    </message>
    <message>
        <source>&amp;Reuse connections (keep-alive)</source>
        <translation>&amp;Verbindungen wiederverwenden (keep-alive)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Timeout of the whole exchange</source>
        <translation>Zeitlimit für den gesamten Austausch</translation>
    </message>
    <message>
        <source>Ma&amp;ximum redirects:</source>
        <translation>Ma&amp;ximale Weiterleitungen:</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Anfrage abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running request (Esc)</source>
        <translation>Laufende Anfrage abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Send the request (Enter or Ctrl+Enter)</source>
        <translation>Anfrage senden (Enter oder Strg+Enter)</translation>
    </message>
    <message>
        <source>Empty body</source>
        <translation>Leerer Body</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>Gültiges JSON</translation>
    </message>
    <message>
        <source>Contains {{variables}}: checked after they are resolved</source>
        <translation>Enthält {{Variablen}}: wird nach deren Auflösung geprüft</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Neue Anfrage</translation>
    </message>
    <message>
        <source>&amp;Load from File...</source>
        <translation>Aus &amp;Datei laden...</translation>
    </message>
    <message>
        <source>Use a text file as the body, exactly as it is (any size)</source>
        <translation>Eine Textdatei unverändert als Body verwenden (beliebige Größe)</translation>
    </message>
    <message>
        <source>Load from F&amp;ile...</source>
        <translation>Aus D&amp;atei laden...</translation>
    </message>
    <message>
        <source>Use a JSON file as the body, exactly as it is (any size)</source>
        <translation>Eine JSON-Datei unverändert als Body verwenden (beliebige Größe)</translation>
    </message>
    <message>
        <source>Too large to format in the editor (%1)</source>
        <translation>Zu groß zum Formatieren im Editor (%1)</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>%1 wird geprüft...</translation>
    </message>
    <message>
        <source>Valid JSON, %1</source>
        <translation>Gültiges JSON, %1</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: the File body type sends it unchanged</source>
        <translation>%1 ist kein UTF-8-Text: der Body-Typ „Datei“ sendet sie unverändert</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>the body has bytes that are not UTF-8 text; the editor shows them replaced</source>
        <translation>der Body enthält Bytes, die kein UTF-8-Text sind; der Editor zeigt sie ersetzt</translation>
    </message>
    <message numerus="yes">
        <source>Imported from curl with %n warning(s): %1</source>
        <translation>
            <numerusform>Aus curl importiert, %n Warnung: %1</numerusform>
            <numerusform>Aus curl importiert, %n Warnungen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::HttpHistoryModel</name>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>%1 %2, sent %3. Double-click to reopen.</source>
        <translation>%1 %2, gesendet %3. Doppelklick öffnet erneut.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>wirescope::HttpRequestTab</name>
    <message>
        <source>No environment</source>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <source>Enter a URL first.</source>
        <translation>Bitte zuerst eine URL eingeben.</translation>
    </message>
    <message>
        <source>Not sent: no value for %1 in the selected environment.</source>
        <translation>Nicht gesendet: kein Wert für %1 in der ausgewählten Umgebung.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbinde erneut</translation>
    </message>
    <message>
        <source>reconnecting with Last-Event-ID %1</source>
        <translation>verbinde erneut mit Last-Event-ID %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>The stream is compressed (Content-Encoding %1): its events show when it ends.</source>
        <translation>Der Stream ist komprimiert (Content-Encoding %1): Seine Ereignisse erscheinen, wenn er endet.</translation>
    </message>
    <message>
        <source>ended: %1 no content</source>
        <translation>beendet: %1 kein Inhalt</translation>
    </message>
    <message>
        <source>failed: status %1</source>
        <translation>fehlgeschlagen: Status %1</translation>
    </message>
    <message>
        <source>failed: Content-Type %1 is not text/event-stream</source>
        <translation>fehlgeschlagen: Content-Type %1 ist nicht text/event-stream</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>failed: the stream broke a limit (%1)</source>
        <translation>fehlgeschlagen: Der Stream hat ein Limit überschritten (%1)</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>ended: the stream closed (Reconnect is off)</source>
        <translation>beendet: Der Stream wurde geschlossen (Neu verbinden ist aus)</translation>
    </message>
    <message>
        <source>stream closed; reconnecting in %1 s</source>
        <translation>Stream geschlossen; verbinde in %1 s erneut</translation>
    </message>
</context>
<context>
    <name>wirescope::HttpResponseView</name>
    <message>
        <source>Request and response headers</source>
        <translation>Anfrage- und Antwort-Header</translation>
    </message>
    <message>
        <source>Show as he&amp;x</source>
        <translation>Als He&amp;x anzeigen</translation>
    </message>
    <message>
        <source>Raw bytes sent and received</source>
        <translation>Gesendete und empfangene Rohbytes</translation>
    </message>
    <message>
        <source>TLS connection details</source>
        <translation>Details der TLS-Verbindung</translation>
    </message>
    <message>
        <source>Response status</source>
        <translation>Antwortstatus</translation>
    </message>
    <message>
        <source>Response summary</source>
        <translation>Antwortübersicht</translation>
    </message>
    <message>
        <source>Bod&amp;y</source>
        <translation>Bod&amp;y</translation>
    </message>
    <message>
        <source>Hea&amp;ders</source>
        <translation>Hea&amp;der</translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation>R&amp;oh</translation>
    </message>
    <message>
        <source>&amp;Timing</source>
        <translation>&amp;Zeiten</translation>
    </message>
    <message>
        <source>T&amp;LS</source>
        <translation>T&amp;LS</translation>
    </message>
    <message>
        <source>Response parts</source>
        <translation>Teile der Antwort</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Formatiert</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Body view</source>
        <translation>Body-Ansicht</translation>
    </message>
    <message>
        <source>Body, pretty-printed</source>
        <translation>Body, formatiert</translation>
    </message>
    <message>
        <source>Body as text</source>
        <translation>Body als Text</translation>
    </message>
    <message>
        <source>Body as hex dump</source>
        <translation>Body als Hex-Ansicht</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Bildvorschau</translation>
    </message>
    <message>
        <source>No response yet</source>
        <translation>Noch keine Antwort</translation>
    </message>
    <message>
        <source>Press Enter in the URL bar to send the request.</source>
        <translation>Enter in der URL-Leiste sendet die Anfrage.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Resolving the host name</source>
        <translation>Hostname wird aufgelöst</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindet</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sendet</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Wartet auf den Server</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Empfängt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 gesendet, %2 empfangen</translation>
    </message>
    <message>
        <source>(redirect %1)</source>
        <translation>(Weiterleitung %1)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Time %1</source>
        <translation>Zeit %1</translation>
    </message>
    <message>
        <source>Size %1 (headers %2, body %3)</source>
        <translation>Größe %1 (Header %2, Body %3)</translation>
    </message>
    <message>
        <source>%1 decoded (%2)</source>
        <translation>%1 dekodiert (%2)</translation>
    </message>
    <message>
        <source>decoded body truncated at the size limit</source>
        <translation>dekodierter Body am Größenlimit abgeschnitten</translation>
    </message>
    <message numerus="yes">
        <source>%n protocol finding(s), see Headers</source>
        <translation>
            <numerusform>%n Protokollbefund, siehe Header</numerusform>
            <numerusform>%n Protokollbefunde, siehe Header</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n redirect(s) followed</source>
        <translation>
            <numerusform>%n Weiterleitung gefolgt</numerusform>
            <numerusform>%n Weiterleitungen gefolgt</numerusform>
        </translation>
    </message>
    <message>
        <source>The image could not be decoded.</source>
        <translation>Das Bild konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>Not an image.</source>
        <translation>Kein Bild.</translation>
    </message>
    <message>
        <source>showing the first %1</source>
        <translation>die ersten %1 angezeigt</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Protocol findings (%1)</source>
        <translation>Protokollbefunde (%1)</translation>
    </message>
    <message>
        <source>Request headers (%1)</source>
        <translation>Anfrage-Header (%1)</translation>
    </message>
    <message>
        <source>Response headers (%1)</source>
        <translation>Antwort-Header (%1)</translation>
    </message>
    <message>
        <source>Trailers (%1)</source>
        <translation>Trailer (%1)</translation>
    </message>
    <message>
        <source>Interim response %1 %2</source>
        <translation>Zwischenantwort %1 %2</translation>
    </message>
    <message>
        <source> (hop %1 of %2)</source>
        <translation> (Hop %1 von %2)</translation>
    </message>
    <message>
        <source>── Sent, %1%2 ──</source>
        <translation>── Gesendet, %1%2 ──</translation>
    </message>
    <message>
        <source>── Received, %1%2 ──</source>
        <translation>── Empfangen, %1%2 ──</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>#%1, reused (keep-alive)</source>
        <translation>#%1, wiederverwendet (keep-alive)</translation>
    </message>
    <message>
        <source>#%1, new</source>
        <translation>#%1, neu</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Not used: plain HTTP, every byte is readable on the wire</source>
        <translation>Nicht verwendet: unverschlüsseltes HTTP, jedes Byte ist auf der Leitung lesbar</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>Cipher</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Certificate verification: passed</source>
        <translation>Zertifikatsprüfung: bestanden</translation>
    </message>
    <message>
        <source>Certificate errors (%1)%2</source>
        <translation>Zertifikatsfehler (%1)%2</translation>
    </message>
    <message>
        <source>, ignored on request</source>
        <translation>, auf Wunsch ignoriert</translation>
    </message>
    <message>
        <source>Certificate chain (%1)</source>
        <translation>Zertifikatskette (%1)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Alternative names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message numerus="yes">
        <source>%n repeated member name(s), each shown where it came</source>
        <translation>
            <numerusform>%n wiederholter Member-Name, jeder an seiner Stelle gezeigt</numerusform>
            <numerusform>%n wiederholte Member-Namen, jeder an seiner Stelle gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>── Not sent (the connection failed first), %1 prepared%2 ──</source>
        <translation>── Nicht gesendet (die Verbindung scheiterte vorher), %1 vorbereitet%2 ──</translation>
    </message>
    <message>
        <source>None: the request was refused before any connection</source>
        <translation>Keine: die Anfrage wurde vor jeder Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Not established: the handshake started and did not finish</source>
        <translation>Nicht zustande gekommen: der Handshake begann und wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Not established: the connection failed before the handshake</source>
        <translation>Nicht zustande gekommen: die Verbindung scheiterte vor dem Handshake</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <source>Copy as c&amp;URL</source>
        <translation>Als c&amp;URL kopieren</translation>
    </message>
    <message>
        <source>Copy the request as a curl command; Authorization, Cookie and token-like query values are hidden</source>
        <translation>Die Anfrage als curl-Befehl kopieren; Authorization, Cookie und tokenartige Query-Werte werden verborgen</translation>
    </message>
    <message>
        <source>Copy as cURL (with &amp;Secrets)</source>
        <translation>Als cURL kopieren (mit &amp;Geheimnissen)</translation>
    </message>
    <message>
        <source>Copy the request as a curl command exactly as it was sent, credentials included</source>
        <translation>Die Anfrage als curl-Befehl kopieren, genau wie gesendet, samt Zugangsdaten</translation>
    </message>
    <message>
        <source>%1 · receiving…</source>
        <translation>%1 · empfange…</translation>
    </message>
    <message>
        <source>%1 of body so far</source>
        <translation>%1 Body bisher</translation>
    </message>
    <message numerus="yes">
        <source> in %n chunk(s)</source>
        <translation>
            <numerusform> in %n Chunk</numerusform>
            <numerusform> in %n Chunks</numerusform>
        </translation>
    </message>
    <message>
        <source>— Esc stops</source>
        <translation>— Esc bricht ab</translation>
    </message>
    <message>
        <source>arriving: %1 so far</source>
        <translation>kommt an: bisher %1</translation>
    </message>
    <message>
        <source>%1-encoded: shown decoded when it ends</source>
        <translation>%1-kodiert: wird am Ende dekodiert angezeigt</translation>
    </message>
    <message>
        <source>the live view stops at %1; the whole body shows when it ends</source>
        <translation>die Live-Ansicht endet bei %1; der ganze Body erscheint am Ende</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::HttpTimingChart</name>
    <message>
        <source>HTTP phase times per request</source>
        <translation>HTTP-Phasenzeiten je Anfrage</translation>
    </message>
    <message>
        <source>HTTP phase times per request appear here, one stacked bar per request sent.</source>
        <translation>Hier erscheinen die HTTP-Phasenzeiten je Anfrage, ein gestapelter Balken pro gesendeter Anfrage.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>HTTP timing per request</source>
        <translation>HTTP-Zeiten je Anfrage</translation>
    </message>
    <message>
        <source>C&amp;lear Chart</source>
        <translation>Diagramm &amp;leeren</translation>
    </message>
    <message>
        <source>Forget the requests shown in the chart</source>
        <translation>Die im Diagramm gezeigten Anfragen verwerfen</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
</context>
<context>
    <name>wirescope::HttpWorkspace</name>
    <message>
        <source>HTTP requests</source>
        <translation>HTTP-Anfragen</translation>
    </message>
    <message>
        <source>HTTP request tabs</source>
        <translation>HTTP-Anfrage-Tabs</translation>
    </message>
    <message>
        <source>New HTTP request (Ctrl+N)</source>
        <translation>Neue HTTP-Anfrage (Strg+N)</translation>
    </message>
    <message>
        <source>New HTTP request</source>
        <translation>Neue HTTP-Anfrage</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>Anfrageverlauf</translation>
    </message>
    <message>
        <source>Requests sent in this session. Double-click or Enter reopens one.</source>
        <translation>In dieser Sitzung gesendete Anfragen. Doppelklick oder Enter öffnet eine erneut.</translation>
    </message>
    <message>
        <source>Clear &amp;History</source>
        <translation>&amp;Verlauf leeren</translation>
    </message>
    <message>
        <source>&amp;New HTTP Request</source>
        <translation>&amp;Neue HTTP-Anfrage</translation>
    </message>
    <message>
        <source>&amp;Close HTTP Request</source>
        <translation>HTTP-Anfrage &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Send HTTP Request</source>
        <translation>HTTP-Anfrage &amp;senden</translation>
    </message>
    <message>
        <source>C&amp;ancel HTTP Request</source>
        <translation>HTTP-Anfrage a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Go to &amp;URL Bar</source>
        <translation>Zur &amp;URL-Leiste</translation>
    </message>
    <message>
        <source>&amp;Environments...</source>
        <translation>&amp;Umgebungen...</translation>
    </message>
    <message>
        <source>Clear HTTP &amp;History</source>
        <translation>HTTP-&amp;Verlauf leeren</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Neue Anfrage</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>wirescope::KeyValueEditor</name>
    <message>
        <source>&amp;Remove Row</source>
        <translation>Zeile &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>wirescope::KeyValueModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type here to add a row</source>
        <translation>Hier tippen, um eine Zeile hinzuzufügen</translation>
    </message>
    <message>
        <source>Disabled: kept here, not sent</source>
        <translation>Deaktiviert: bleibt hier, wird nicht gesendet</translation>
    </message>
</context>
<context>
    <name>wirescope::LabChartsWidget</name>
    <message>
        <source>Latency over time</source>
        <translation>Latenz im Zeitverlauf</translation>
    </message>
    <message>
        <source>Bytes per delivered message</source>
        <translation>Bytes pro zugestellter Nachricht</translation>
    </message>
    <message>
        <source>bytes on the wire</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>pünktlich</translation>
    </message>
    <message>
        <source>late</source>
        <translation>verspätet</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>verloren</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Round trip over time</source>
        <translation>Umlaufzeit im Zeitverlauf</translation>
    </message>
    <message>
        <source>Push delay over time</source>
        <translation>Push-Verzögerung im Zeitverlauf</translation>
    </message>
    <message>
        <source>round trip (ms, log)</source>
        <translation>Umlaufzeit (ms, log.)</translation>
    </message>
    <message>
        <source>push delay (ms, log)</source>
        <translation>Push-Verzögerung (ms, log.)</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (fehlgeschlagen)</translation>
    </message>
    <message>
        <source>s since its start</source>
        <translation>s seit seinem Start</translation>
    </message>
</context>
<context>
    <name>wirescope::LabClaimsPanel</name>
    <message>
        <source>Claims tested by this run</source>
        <translation>Von diesem Lauf geprüfte Behauptungen</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Run the lab: this run&apos;s numbers will support or refute it.</source>
        <translation>Starten Sie das Labor: Die Zahlen des Laufs bestätigen oder widerlegen sie.</translation>
    </message>
</context>
<context>
    <name>wirescope::LabSummaryModel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Not run: the lab was stopped first.</source>
        <translation>Nicht gelaufen: Das Labor wurde vorher angehalten.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>Wire B/msg</source>
        <translation>Leitung B/Nachr.</translation>
    </message>
    <message>
        <source>Overhead/msg</source>
        <translation>Overhead/Nachr.</translation>
    </message>
    <message>
        <source>Conn.</source>
        <translation>Verb.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>In Worten</translation>
    </message>
    <message>
        <source>Distinct messages received, of those sent (duplicates not counted)</source>
        <translation>Verschiedene empfangene Nachrichten von den gesendeten (Duplikate nicht gezählt)</translation>
    </message>
    <message>
        <source>Messages sent that never arrived</source>
        <translation>Gesendete Nachrichten, die nie ankamen</translation>
    </message>
    <message>
        <source>Messages delivered after more than the &quot;late after&quot; delay</source>
        <translation>Nachrichten, die nach mehr als der Verspätungsgrenze zugestellt wurden</translation>
    </message>
    <message>
        <source>Median round trip: the client&apos;s message written to its answer read</source>
        <translation>Median der Umlaufzeit: vom Schreiben der Nachricht des Clients bis zum Lesen der Antwort</translation>
    </message>
    <message>
        <source>Median push delay: the server created the message to the client read it</source>
        <translation>Median der Push-Verzögerung: vom Erzeugen der Nachricht auf dem Server bis zum Lesen durch den Client</translation>
    </message>
    <message>
        <source>99th percentile of the round trip</source>
        <translation>99. Perzentil der Umlaufzeit</translation>
    </message>
    <message>
        <source>99th percentile of the push delay</source>
        <translation>99. Perzentil der Push-Verzögerung</translation>
    </message>
    <message>
        <source>Longest round trip</source>
        <translation>Längste Umlaufzeit</translation>
    </message>
    <message>
        <source>Longest push delay</source>
        <translation>Längste Push-Verzögerung</translation>
    </message>
    <message>
        <source>Every byte the client&apos;s sockets wrote and read, per delivered message (handshakes included)</source>
        <translation>Jedes Byte, das die Sockets des Clients geschrieben und gelesen haben, pro zugestellter Nachricht (Handshakes eingeschlossen)</translation>
    </message>
    <message>
        <source>TCP connections the client opened</source>
        <translation>Vom Client geöffnete TCP-Verbindungen</translation>
    </message>
    <message>
        <source>HTTP requests, or WebSocket frames in both directions</source>
        <translation>HTTP-Anfragen oder WebSocket-Frames in beide Richtungen</translation>
    </message>
    <message>
        <source>The result in words, from the numbers of this run</source>
        <translation>Das Ergebnis in Worten, aus den Zahlen dieses Laufs</translation>
    </message>
    <message>
        <source>Wire bytes that are not payload (as it crossed: deflated where deflate was on), per delivered message</source>
        <translation>Bytes auf der Leitung, die keine Nutzdaten sind (so wie sie übertragen wurden: komprimiert, wo Deflate an war), pro zugestellter Nachricht</translation>
    </message>
</context>
<context>
    <name>wirescope::LabWindow</name>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Transport Lab - Wirescope</source>
        <translation>Transport-Labor - Wirescope</translation>
    </message>
    <message>
        <source>Summary per transport</source>
        <translation>Zusammenfassung pro Transport</translation>
    </message>
    <message>
        <source>Choose the transports and the workload, then Run (Ctrl+R).</source>
        <translation>Wählen Sie die Transporte und die Last, dann Starten (Strg+R).</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>http://host:port (the lab endpoints are under /lab/)</source>
        <translation>http://host:port (die Labor-Endpunkte liegen unter /lab/)</translation>
    </message>
    <message>
        <source>A server with the lab endpoints (docs/lab-endpoints.md); the built-in demo server has them</source>
        <translation>Ein Server mit den Labor-Endpunkten (docs/lab-endpoints.md); der eingebaute Demo-Server hat sie</translation>
    </message>
    <message>
        <source>Lab server address</source>
        <translation>Adresse des Labor-Servers</translation>
    </message>
    <message>
        <source>Transports (run one after another)</source>
        <translation>Transporte (laufen nacheinander)</translation>
    </message>
    <message>
        <source>Server push: the server sends at the rate; echo: the client sends and each message is answered; chat: both</source>
        <translation>Server-Push: Der Server sendet mit der Rate; Echo: Der Client sendet und jede Nachricht wird beantwortet; Chat: beides</translation>
    </message>
    <message>
        <source>&amp;Workload:</source>
        <translation>&amp;Last:</translation>
    </message>
    <message>
        <source>What each message carries: JSON, text, or random letters that deflate cannot shrink</source>
        <translation>Was jede Nachricht trägt: JSON, Text oder Zufallsbuchstaben, die Deflate nicht verkleinern kann</translation>
    </message>
    <message>
        <source>&amp;Payload:</source>
        <translation>&amp;Nutzdaten:</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> Nachr./s</translation>
    </message>
    <message>
        <source>Messages per second (server events in push, client messages in echo, both in chat)</source>
        <translation>Nachrichten pro Sekunde (Server-Events bei Push, Client-Nachrichten bei Echo, beides bei Chat)</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <source>Payload bytes per message (JSON needs at least 40)</source>
        <translation>Nutzdaten-Bytes pro Nachricht (JSON braucht mindestens 40)</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long each transport runs</source>
        <translation>Wie lange jeder Transport läuft</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How often the polling transports ask for news</source>
        <translation>Wie oft die Polling-Transporte nach Neuem fragen</translation>
    </message>
    <message>
        <source>P&amp;oll every:</source>
        <translation>P&amp;oll alle:</translation>
    </message>
    <message>
        <source>A message delivered later than this counts as late</source>
        <translation>Eine später zugestellte Nachricht gilt als verspätet</translation>
    </message>
    <message>
        <source>&amp;Late after:</source>
        <translation>&amp;Verspätet ab:</translation>
    </message>
    <message>
        <source>Run the lab (Ctrl+R)</source>
        <translation>Das Labor starten (Strg+R)</translation>
    </message>
    <message>
        <source>Stop the run; the results so far stay (Esc)</source>
        <translation>Den Lauf anhalten; die bisherigen Ergebnisse bleiben (Esc)</translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation>Fortschritt des Laufs</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>Status des Laufs</translation>
    </message>
    <message>
        <source>Export the run</source>
        <translation>Den Lauf exportieren</translation>
    </message>
    <message>
        <source>&amp;CSV (every message)...</source>
        <translation>&amp;CSV (jede Nachricht)...</translation>
    </message>
    <message>
        <source>&amp;JSON (figures and messages)...</source>
        <translation>&amp;JSON (Kennzahlen und Nachrichten)...</translation>
    </message>
    <message>
        <source>Charts as &amp;PNG...</source>
        <translation>Diagramme als &amp;PNG...</translation>
    </message>
    <message>
        <source>Choose at least one transport.</source>
        <translation>Wählen Sie mindestens einen Transport.</translation>
    </message>
    <message>
        <source>Enter the address of a server with the lab endpoints, such as http://127.0.0.1:8080.</source>
        <translation>Geben Sie die Adresse eines Servers mit den Labor-Endpunkten ein, etwa http://127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Hält an…</translation>
    </message>
    <message>
        <source>Stopped: the transports that ran are shown.</source>
        <translation>Angehalten: Die gelaufenen Transporte werden gezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n transport(s) measured.</source>
        <translation>
            <numerusform>Fertig: %n Transport gemessen.</numerusform>
            <numerusform>Fertig: %n Transporte gemessen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transport(s) failed; the table says why.</source>
        <translation>
            <numerusform>%n Transport fehlgeschlagen; die Tabelle sagt, warum.</numerusform>
            <numerusform>%n Transporte fehlgeschlagen; die Tabelle sagt, warum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running %1 (%2 of %3): waiting for its last messages.</source>
        <translation>%1 läuft (%2 von %3): wartet auf die letzten Nachrichten.</translation>
    </message>
    <message numerus="yes">
        <source>Running %1 (%2 of %3): about %n s left.</source>
        <translation>
            <numerusform>%1 läuft (%2 von %3): noch etwa %n s.</numerusform>
            <numerusform>%1 läuft (%2 von %3): noch etwa %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no run to export yet</source>
        <translation>es gibt noch keinen Lauf zum Exportieren</translation>
    </message>
    <message>
        <source>the charts could not be drawn as PNG</source>
        <translation>die Diagramme konnten nicht als PNG gezeichnet werden</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save the Charts</source>
        <translation>Diagramme speichern</translation>
    </message>
    <message>
        <source>Export the Lab Run</source>
        <translation>Laborlauf exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>The result of each transport in words</source>
        <translation>Das Ergebnis jedes Transports in Worten</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>In Worten</translation>
    </message>
    <message>
        <source>The common claims, judged by this run</source>
        <translation>Die üblichen Behauptungen, von diesem Lauf beurteilt</translation>
    </message>
</context>
<context>
    <name>wirescope::MainWindow</name>
    <message>
        <source>Demo endpoints</source>
        <translation>Demo-Endpunkte</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Live charts</source>
        <translation>Live-Diagramme</translation>
    </message>
    <message>
        <source>Demo server address</source>
        <translation>Adresse des Demo-Servers</translation>
    </message>
    <message>
        <source>Demo server: %1</source>
        <translation>Demo-Server: %1</translation>
    </message>
    <message>
        <source>The built-in demo server listens at %1 and %2 (loopback only)</source>
        <translation>Der eingebaute Demo-Server lauscht auf %1 und %2 (nur Loopback)</translation>
    </message>
    <message>
        <source>Demo server: off</source>
        <translation>Demo-Server: aus</translation>
    </message>
    <message>
        <source>Demo server: not running (%1)</source>
        <translation>Demo-Server: läuft nicht (%1)</translation>
    </message>
    <message>
        <source>Turn the demo server on in Edit &gt; Preferences</source>
        <translation>Den Demo-Server unter Bearbeiten &gt; Einstellungen einschalten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Wirescope</source>
        <translation>Über &amp;Wirescope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Preferences saved; the demo server setting applies at the next start.</source>
        <translation>Einstellungen gespeichert; die Demo-Server-Einstellung gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>it is not a Wirescope session (%1).</source>
        <translation>Sie ist keine Wirescope-Sitzung (%1).</translation>
    </message>
    <message>
        <source>it was saved by a newer Wirescope; update Wirescope to open it (%1).</source>
        <translation>Sie wurde von einem neueren Wirescope gespeichert; aktualisieren Sie Wirescope, um sie zu öffnen (%1).</translation>
    </message>
    <message>
        <source>it is damaged (%1).</source>
        <translation>Sie ist beschädigt (%1).</translation>
    </message>
    <message>
        <source>it could not be written (%1).</source>
        <translation>Sie konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>it cannot be read (%1).</source>
        <translation>Sie kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Recording in memory only, the session cannot be saved: %1</source>
        <translation>Aufzeichnung nur im Speicher, die Sitzung kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>New &amp;Session Window</source>
        <translation>Neues &amp;Sitzungsfenster</translation>
    </message>
    <message>
        <source>&amp;Open Session...</source>
        <translation>Sitzung ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <source>Save Session &amp;As...</source>
        <translation>Sitzung speichern &amp;unter...</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;HAR File...</source>
        <translation>&amp;HAR-Datei...</translation>
    </message>
    <message>
        <source>Import HAR</source>
        <translation>HAR importieren</translation>
    </message>
    <message>
        <source>HAR files (*.har);;All files (*)</source>
        <translation>HAR-Dateien (*.har);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;HAR...</source>
        <translation>&amp;HAR...</translation>
    </message>
    <message>
        <source>&amp;pcapng (Wireshark)...</source>
        <translation>&amp;pcapng (Wireshark)...</translation>
    </message>
    <message>
        <source>Close &amp;Window</source>
        <translation>&amp;Fenster schließen</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>Unbenannte Sitzung</translation>
    </message>
    <message>
        <source>%1[*] - Wirescope</source>
        <translation>%1[*] - Wirescope</translation>
    </message>
    <message>
        <source>Save the session?</source>
        <translation>Sitzung speichern?</translation>
    </message>
    <message>
        <source>This session was never saved.</source>
        <translation>Diese Sitzung wurde noch nie gespeichert.</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>What was recorded since it was last saved is lost if you discard it.</source>
        <translation>Was seit dem letzten Speichern aufgezeichnet wurde, geht verloren, wenn Sie es verwerfen.</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Sessions and HAR files (*.wirescope *.har);;Wirescope sessions (*.wirescope);;HAR files (*.har);;All files (*)</source>
        <translation>Sitzungen und HAR-Dateien (*.wirescope *.har);;Wirescope-Sitzungen (*.wirescope);;HAR-Dateien (*.har);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Session not opened</source>
        <translation>Sitzung nicht geöffnet</translation>
    </message>
    <message>
        <source>%1 was not opened: %2</source>
        <translation>%1 wurde nicht geöffnet: %2</translation>
    </message>
    <message>
        <source>HAR not imported</source>
        <translation>HAR nicht importiert</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 wurde nicht importiert: %2</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
    <message>
        <source>Imported %1. Left out or unknown: %2</source>
        <translation>%1 importiert. Ausgelassen oder unbekannt: %2</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>Sitzung speichern unter</translation>
    </message>
    <message>
        <source>Wirescope sessions (*.wirescope)</source>
        <translation>Wirescope-Sitzungen (*.wirescope)</translation>
    </message>
    <message>
        <source>Session not saved</source>
        <translation>Sitzung nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>Keine zuletzt geöffneten Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Sessions</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Nothing to export yet: the session holds no traffic.</source>
        <translation>Noch nichts zu exportieren: Die Sitzung enthält keinen Verkehr.</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>Exported %1 (secrets hidden)</source>
        <translation>%1 exportiert (Geheimnisse verborgen)</translation>
    </message>
    <message>
        <source>Exported %1 with its secrets</source>
        <translation>%1 mit seinen Geheimnissen exportiert</translation>
    </message>
    <message>
        <source>Recover unsaved session</source>
        <translation>Nicht gespeicherte Sitzung wiederherstellen</translation>
    </message>
    <message>
        <source>Wirescope did not close properly. A session it was recording until %1 was not saved.</source>
        <translation>Wirescope wurde nicht ordnungsgemäß beendet. Eine Sitzung, die bis %1 aufgezeichnet wurde, ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>It holds %1, %2 and %3.</source>
        <translation>Sie enthält %1, %2 und %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n HTTP exchange(s)</source>
        <translation>
            <numerusform>%n HTTP-Austausch</numerusform>
            <numerusform>%n HTTP-Austausche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n WebSocket message(s)</source>
        <translation>
            <numerusform>%n WebSocket-Nachricht</numerusform>
            <numerusform>%n WebSocket-Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Session not recovered</source>
        <translation>Sitzung nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>The session was not recovered: %1 It stays in %2.</source>
        <translation>Die Sitzung wurde nicht wiederhergestellt: %1 Sie bleibt in %2.</translation>
    </message>
    <message>
        <source>Focus on WebSocket &amp;Frame</source>
        <translation>Fokus auf WebSocket-&amp;Frame</translation>
    </message>
    <message>
        <source>Focus on WebSocket &amp;Handshake</source>
        <translation>Fokus auf WebSocket-&amp;Handshake</translation>
    </message>
    <message>
        <source>Focus on WebSocket &amp;Log</source>
        <translation>Fokus auf WebSocket-&amp;Protokoll</translation>
    </message>
    <message>
        <source>Focus mode: the same shortcut (or View &gt; Focus) brings the other panels back</source>
        <translation>Fokusmodus: Dasselbe Tastenkürzel (oder Ansicht &gt; Fokus) holt die anderen Bereiche zurück</translation>
    </message>
    <message>
        <source>&amp;Replay Session...</source>
        <translation>Sitzung &amp;wiederholen...</translation>
    </message>
    <message>
        <source>Nothing to replay yet: the session holds no traffic.</source>
        <translation>Noch nichts zu wiederholen: Die Sitzung enthält keinen Verkehr.</translation>
    </message>
    <message>
        <source>&amp;cURL Command...</source>
        <translation>&amp;cURL-Befehl...</translation>
    </message>
    <message>
        <source>Import cURL</source>
        <translation>cURL importieren</translation>
    </message>
    <message>
        <source>Paste a curl command (a browser&apos;s Copy as cURL, Postman&apos;s code snippet or a terminal line):</source>
        <translation>Einen curl-Befehl einfügen („Als cURL kopieren“ eines Browsers, ein Code-Snippet aus Postman oder eine Terminalzeile):</translation>
    </message>
    <message>
        <source>cURL not imported</source>
        <translation>cURL nicht importiert</translation>
    </message>
    <message>
        <source>The command was not imported: %1</source>
        <translation>Der Befehl wurde nicht importiert: %1</translation>
    </message>
    <message>
        <source>&amp;Arrange HTTP and WebSocket</source>
        <translation>HTTP und WebSocket &amp;anordnen</translation>
    </message>
    <message>
        <source>&amp;Automatic (Tabs on Smaller Screens)</source>
        <translation>&amp;Automatisch (Tabs auf kleineren Bildschirmen)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>As &amp;Tabs</source>
        <translation>Als &amp;Tabs</translation>
    </message>
    <message>
        <source>Go to &amp;HTTP</source>
        <translation>Zu &amp;HTTP wechseln</translation>
    </message>
    <message>
        <source>Go to &amp;WebSocket</source>
        <translation>Zu &amp;WebSocket wechseln</translation>
    </message>
    <message>
        <source>Transport &amp;Lab...</source>
        <translation>Transport-&amp;Labor...</translation>
    </message>
    <message>
        <source>Measure polling, long-polling, SSE, streaming and WebSocket side by side</source>
        <translation>Polling, Long-Polling, SSE, Streaming und WebSocket nebeneinander messen</translation>
    </message>
</context>
<context>
    <name>wirescope::NoteActions</name>
    <message>
        <source>Add &amp;Note...</source>
        <translation>&amp;Notiz hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Remove Note</source>
        <translation>Notiz &amp;entfernen</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Note: %1
%2</source>
        <translation>Notiz: %1
%2</translation>
    </message>
    <message>
        <source>Note on the selected row</source>
        <translation>Notiz zur ausgewählten Zeile</translation>
    </message>
    <message>
        <source>Edit &amp;Note...</source>
        <translation>&amp;Notiz bearbeiten...</translation>
    </message>
</context>
<context>
    <name>wirescope::NoteDialog</name>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>A few words, shown on the row</source>
        <translation>Ein paar Worte, in der Zeile angezeigt</translation>
    </message>
    <message>
        <source>Note label</source>
        <translation>Beschriftung der Notiz</translation>
    </message>
    <message>
        <source>What you noticed, shown in the row&apos;s tooltip and details</source>
        <translation>Was Ihnen aufgefallen ist, im Tooltip der Zeile und in den Details angezeigt</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Text der Notiz</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Beschriftung:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Notes are kept in the session file and exported as HAR and pcapng comments.</source>
        <translation>Notizen werden in der Sitzungsdatei gespeichert und als HAR- und pcapng-Kommentare exportiert.</translation>
    </message>
</context>
<context>
    <name>wirescope::PayloadEditor</name>
    <message>
        <source>&amp;Edit anyway</source>
        <translation>Trotzdem &amp;bearbeiten</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Load the whole text into the editor. Many MiB take a while to lay out, and line ends become LF.</source>
        <translation>Den ganzen Text in den Editor laden. Viele MiB brauchen eine Weile für das Layout, und Zeilenenden werden zu LF.</translation>
    </message>
    <message>
        <source>Drop the kept payload</source>
        <translation>Die behaltenen Nutzdaten verwerfen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2, more than the %3 a payload may have</source>
        <translation>%1 ist %2 groß, mehr als die %3, die Nutzdaten haben dürfen</translation>
    </message>
    <message>
        <source>Load Payload from File</source>
        <translation>Nutzdaten aus Datei laden</translation>
    </message>
    <message>
        <source>Invalid JSON at character %1: %2</source>
        <translation>Ungültiges JSON bei Zeichen %1: %2</translation>
    </message>
    <message>
        <source>Not a hex digit: “%1”</source>
        <translation>Keine Hex-Ziffer: „%1“</translation>
    </message>
    <message>
        <source>Odd number of hex digits</source>
        <translation>Ungerade Anzahl Hex-Ziffern</translation>
    </message>
    <message>
        <source>&amp;Paste (replaces the payload)</source>
        <translation>&amp;Einfügen (ersetzt die Nutzdaten)</translation>
    </message>
    <message>
        <source>Load from &amp;File...</source>
        <translation>Aus &amp;Datei laden...</translation>
    </message>
    <message>
        <source>Pasted %1: kept as bytes, sent exactly as pasted</source>
        <translation>%1 eingefügt: als Bytes behalten, genau so gesendet, wie eingefügt</translation>
    </message>
    <message>
        <source>%1, %2: sent byte for byte as in the file</source>
        <translation>%1, %2: wird Byte für Byte wie in der Datei gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s).</source>
        <translation>
            <numerusform>%n Byte.</numerusform>
            <numerusform>%n Bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1 are shown, read-only. A paste replaces the payload; Edit anyway puts the whole text in the editor.</source>
        <translation>Die ersten %1 werden schreibgeschützt angezeigt. Einfügen ersetzt die Nutzdaten; „Trotzdem bearbeiten“ lädt den ganzen Text in den Editor.</translation>
    </message>
</context>
<context>
    <name>wirescope::ReplayDialog</name>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Save &amp;Report...</source>
        <translation>&amp;Bericht speichern...</translation>
    </message>
    <message>
        <source>Replay %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <source>the recorded URLs</source>
        <translation>die aufgezeichneten URLs</translation>
    </message>
    <message>
        <source>Send everything to this server instead (scheme, host and port; a path is put in front of the recorded paths). ws:// and wss:// follow http:// and https://.</source>
        <translation>Alles stattdessen an diesen Server senden (Schema, Host und Port; ein Pfad wird den aufgezeichneten Pfaden vorangestellt). ws:// und wss:// folgen http:// und https://.</translation>
    </message>
    <message>
        <source>&amp;Demo Server</source>
        <translation>&amp;Demo-Server</translation>
    </message>
    <message>
        <source>Replay against the built-in demo server</source>
        <translation>Gegen den eingebauten Demo-Server wiederholen</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>With the recorded pacing</source>
        <translation>Im aufgezeichneten Takt</translation>
    </message>
    <message>
        <source>Waiting for each reply</source>
        <translation>Auf jede Antwort wartend</translation>
    </message>
    <message>
        <source>Fast: one item after the other. Recorded pacing: each request and message at its recorded offset. Each reply: a WebSocket message only after the replies recorded before it came.</source>
        <translation>Schnell: ein Eintrag nach dem anderen. Aufgezeichneter Takt: jede Anfrage und Nachricht zu ihrem aufgezeichneten Zeitpunkt. Jede Antwort: eine WebSocket-Nachricht erst, wenn die vor ihr aufgezeichneten Antworten eingetroffen sind.</translation>
    </message>
    <message>
        <source>One rule per line, e.g.
header:Date
json:$.id
regex:\d{4}-\d\d-\d\dT[0-9:.]+Z</source>
        <translation>Eine Regel pro Zeile, z. B.
header:Date
json:$.id
regex:\d{4}-\d\d-\d\dT[0-9:.]+Z</translation>
    </message>
    <message>
        <source>What may differ: header:NAME (a response header), json:PATH (a JSON value and what is inside it, in bodies and messages), regex:RE (matches masked on both sides)</source>
        <translation>Was abweichen darf: header:NAME (ein Antwort-Header), json:PFAD (ein JSON-Wert samt Inhalt, in Bodys und Nachrichten), regex:RE (Treffer auf beiden Seiten ausgeblendet)</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>&amp;Pace:</source>
        <translation>&amp;Takt:</translation>
    </message>
    <message>
        <source>&amp;Ignore:</source>
        <translation>&amp;Ignorieren:</translation>
    </message>
    <message>
        <source>Item / difference</source>
        <translation>Eintrag / Abweichung</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Replay results</source>
        <translation>Ergebnisse der Wiederholung</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>The base URL is not a URL with a host: %1</source>
        <translation>Die Basis-URL ist keine URL mit Host: %1</translation>
    </message>
    <message>
        <source>Nothing to replay: the session holds no HTTP exchange and no WebSocket connection.</source>
        <translation>Nichts zu wiederholen: Die Sitzung enthält keinen HTTP-Austausch und keine WebSocket-Verbindung.</translation>
    </message>
    <message>
        <source>Replaying...</source>
        <translation>Wiederholung läuft...</translation>
    </message>
    <message>
        <source>Replaying %1</source>
        <translation>Wiederhole %1</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>SAME</source>
        <translation>GLEICH</translation>
    </message>
    <message>
        <source>DIFF</source>
        <translation>ABWEICHEND</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Gesendet an %1</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>keine Abweichung</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Abweichung</numerusform>
            <numerusform>%n Abweichungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n ignored)</source>
        <translation>
            <numerusform>(%n ignoriert)</numerusform>
            <numerusform>(%n ignoriert)</numerusform>
        </translation>
    </message>
    <message>
        <source>ignored by %1</source>
        <translation>ignoriert durch %1</translation>
    </message>
    <message>
        <source>Save Replay Report</source>
        <translation>Bericht der Wiederholung speichern</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml);;JSON (*.json);;Text (*.txt)</source>
        <translation>JUnit-XML (*.xml);;JSON (*.json);;Text (*.txt)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Bericht nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
</context>
<context>
    <name>wirescope::SequenceDiagramPanel</name>
    <message>
        <source>C&amp;ompressed</source>
        <translation>K&amp;omprimiert</translation>
    </message>
    <message>
        <source>Keep the order of the arrows but not the time between them</source>
        <translation>Die Reihenfolge der Pfeile behalten, nicht aber die Zeit zwischen ihnen</translation>
    </message>
    <message>
        <source>Time in the session</source>
        <translation>Zeit in der Sitzung</translation>
    </message>
    <message>
        <source>Scrub through the session&apos;s time</source>
        <translation>Durch die Zeit der Sitzung spulen</translation>
    </message>
    <message>
        <source>Export &amp;SVG…</source>
        <translation>Als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>The diagram is too large for an image.</source>
        <translation>Das Diagramm ist zu groß für ein Bild.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export Sequence Diagram as PNG</source>
        <translation>Sequenzdiagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Sequence Diagram as SVG</source>
        <translation>Sequenzdiagramm als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>wirescope::SequenceDiagramView</name>
    <message>
        <source>continuation</source>
        <translation>Fortsetzung</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP-Verbindungsaufbau</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>TLS handshake (%1)</source>
        <translation>TLS-Handshake (%1)</translation>
    </message>
    <message>
        <source>GET, Upgrade: websocket</source>
        <translation>GET, Upgrade: websocket</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>%1 %2, fragment %3/%4</source>
        <translation>%1 %2, Fragment %3/%4</translation>
    </message>
    <message>
        <source>%1 %2, fragment %3</source>
        <translation>%1 %2, Fragment %3</translation>
    </message>
    <message>
        <source>%1 message, %2 frames, %3</source>
        <translation>%1-Nachricht, %2 Frames, %3</translation>
    </message>
    <message>
        <source>ping %1</source>
        <translation>Ping %1</translation>
    </message>
    <message>
        <source>pong %1, RTT %2 ms</source>
        <translation>Pong %1, RTT %2 ms</translation>
    </message>
    <message>
        <source>pong %1</source>
        <translation>Pong %1</translation>
    </message>
    <message>
        <source>close %1</source>
        <translation>Close %1</translation>
    </message>
    <message>
        <source>close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>violation %1</source>
        <translation>Regelverstoß %1</translation>
    </message>
    <message>
        <source>failure %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>TCP end</source>
        <translation>TCP-Ende</translation>
    </message>
    <message>
        <source>TCP end (%1, clean)</source>
        <translation>TCP-Ende (%1, sauber)</translation>
    </message>
    <message>
        <source>TCP end (%1, not clean)</source>
        <translation>TCP-Ende (%1, nicht sauber)</translation>
    </message>
    <message>
        <source>, between fragments</source>
        <translation>, zwischen Fragmenten</translation>
    </message>
    <message>
        <source>, violation</source>
        <translation>, Regelverstoß</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>HTTP-Server</translation>
    </message>
    <message>
        <source>WebSocket server</source>
        <translation>WebSocket-Server</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>+%1 ms: %2</source>
        <translation>+%1 ms: %2</translation>
    </message>
</context>
<context>
    <name>wirescope::SettingsDialog</name>
    <message>
        <source>&amp;Start the demo server when Wirescope starts</source>
        <translation>Demo-Server beim &amp;Start von Wirescope starten</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Automatic (a free port)</source>
        <translation>Automatisch (ein freier Port)</translation>
    </message>
    <message>
        <source>Demo server port</source>
        <translation>Port des Demo-Servers</translation>
    </message>
    <message>
        <source>The demo server listens on 127.0.0.1 only. Changes apply at the next start.</source>
        <translation>Der Demo-Server lauscht nur auf 127.0.0.1. Änderungen gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Demo server &amp;port:</source>
        <translation>&amp;Port des Demo-Servers:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Payload memory budget</source>
        <translation>Speicherbudget für Nutzdaten</translation>
    </message>
    <message>
        <source>Beyond this, the oldest payload bytes are dropped from memory and the log marks them; rows, sizes and times stay. Applies at once.</source>
        <translation>Darüber hinaus werden die ältesten Nutzdaten-Bytes aus dem Speicher verworfen und im Protokoll markiert; Zeilen, Größen und Zeiten bleiben. Gilt sofort.</translation>
    </message>
    <message>
        <source>Payload memory &amp;budget:</source>
        <translation>Speicher&amp;budget für Nutzdaten:</translation>
    </message>
</context>
<context>
    <name>wirescope::SseEventModel</name>
    <message>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>A block without data: not dispatched, though its id and retry fields took effect</source>
        <translation>Ein Block ohne Daten: nicht zugestellt, seine Felder id und retry gelten aber</translation>
    </message>
    <message>
        <source>The stream ended inside this block: not dispatched</source>
        <translation>Der Stream endete in diesem Block: nicht zugestellt</translation>
    </message>
    <message>
        <source>(bytes that were not UTF-8 are shown as �)</source>
        <translation>(Bytes, die kein UTF-8 waren, erscheinen als �)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>wirescope::SseEventsView</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Show only the rows that contain this text</source>
        <translation>Nur die Zeilen zeigen, die diesen Text enthalten</translation>
    </message>
    <message>
        <source>Search the events</source>
        <translation>Ereignisse durchsuchen</translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation>Filter nach Ereignistyp</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>When the stream ends, connect again after the server&apos;s retry time, naming the last event ID (Last-Event-ID), as a browser&apos;s EventSource does</source>
        <translation>Wenn der Stream endet, nach der Retry-Zeit des Servers erneut verbinden und die letzte Ereignis-ID nennen (Last-Event-ID), wie es die EventSource eines Browsers tut</translation>
    </message>
    <message>
        <source>Server-sent events</source>
        <translation>Server-Sent Events</translation>
    </message>
    <message>
        <source>Event data</source>
        <translation>Ereignisdaten</translation>
    </message>
    <message>
        <source>Select an event to see its data in full (JSON indented).</source>
        <translation>Ein Ereignis auswählen, um seine Daten vollständig zu sehen (JSON eingerückt).</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message numerus="yes">
        <source>(%n oldest row(s) dropped to stay within memory)</source>
        <translation>
            <numerusform>(%n älteste Zeile verworfen, um im Speicherrahmen zu bleiben)</numerusform>
            <numerusform>(%n älteste Zeilen verworfen, um im Speicherrahmen zu bleiben)</numerusform>
        </translation>
    </message>
    <message>
        <source>… (%1 more characters)</source>
        <translation>… (%1 weitere Zeichen)</translation>
    </message>
</context>
<context>
    <name>wirescope::TimingWaterfallWidget</name>
    <message>
        <source>Timing waterfall</source>
        <translation>Wasserfalldiagramm der Zeiten</translation>
    </message>
    <message>
        <source>Send a request to see where its time went: queueing, DNS, connection, TLS, sending, waiting for the server and download (HAR phase names).</source>
        <translation>Eine Anfrage senden, um zu sehen, wofür ihre Zeit verbraucht wurde: Warteschlange, DNS, Verbindung, TLS, Senden, Warten auf den Server und Download (HAR-Phasennamen).</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Connection reused (keep-alive): no DNS lookup, connect or TLS handshake</source>
        <translation>Verbindung wiederverwendet (keep-alive): keine DNS-Auflösung, kein Verbindungsaufbau, kein TLS-Handshake</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>Until it ended</source>
        <translation>Bis zum Ende</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Redirect %1: %2 %3</source>
        <translation>Weiterleitung %1: %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s) took %1 together; %2 went between and after them (reading each answer, following the redirect).</source>
        <translation>
            <numerusform>%n Abschnitt dauerte zusammen %1; %2 lagen dazwischen und danach (jede Antwort lesen, der Weiterleitung folgen).</numerusform>
            <numerusform>%n Abschnitte dauerten zusammen %1; %2 lagen dazwischen und danach (jede Antwort lesen, der Weiterleitung folgen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WorkspaceArea</name>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
</context>
<context>
    <name>wirescope::WsChartsWidget</name>
    <message>
        <source>&amp;Pause charts</source>
        <translation>Diagramme &amp;anhalten</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>ping → pong</source>
        <translation>Ping → Pong</translation>
    </message>
    <message>
        <source>last 10 s</source>
        <translation>letzte 10 s</translation>
    </message>
    <message>
        <source>last 60 s</source>
        <translation>letzte 60 s</translation>
    </message>
    <message>
        <source>last 5 min</source>
        <translation>letzte 5 min</translation>
    </message>
    <message>
        <source>last 15 min</source>
        <translation>letzte 15 min</translation>
    </message>
    <message>
        <source>Chart time window</source>
        <translation>Zeitfenster des Diagramms</translation>
    </message>
    <message>
        <source>Freeze the charts; data keeps being collected</source>
        <translation>Diagramme einfrieren; Daten werden weiter gesammelt</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>No WebSocket connection selected.</source>
        <translation>Keine WebSocket-Verbindung ausgewählt.</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s since connect</source>
        <translation>s seit Verbindung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Ping round trip</source>
        <translation>Ping-Umlaufzeit</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>Nachr./s</translation>
    </message>
</context>
<context>
    <name>wirescope::WsComposer</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>P&amp;ing</source>
        <translation>P&amp;ing</translation>
    </message>
    <message>
        <source>&amp;Craft mode</source>
        <translation>&amp;Bastelmodus</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>MASK</source>
        <translation>MASK</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>Binär (hex)</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Nachrichtentyp</translation>
    </message>
    <message>
        <source>Message to send (Ctrl+Enter sends)</source>
        <translation>Zu sendende Nachricht (Strg+Enter sendet)</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Zu sendende Nachricht</translation>
    </message>
    <message>
        <source>in </source>
        <translation>in </translation>
    </message>
    <message>
        <source> fragment(s)</source>
        <translation> Fragment(e)</translation>
    </message>
    <message>
        <source>Number of fragments</source>
        <translation>Anzahl der Fragmente</translation>
    </message>
    <message>
        <source>RFC 6455 §5.4: split the message into this many frames</source>
        <translation>RFC 6455 §5.4: Nachricht in so viele Frames aufteilen</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Enter)</source>
        <translation>Nachricht senden (Strg+Enter)</translation>
    </message>
    <message>
        <source>Send a ping; the pong&apos;s round-trip time appears in the log and the chart (Ctrl+Shift+P)</source>
        <translation>Ping senden; die Umlaufzeit des Pongs erscheint im Protokoll und im Diagramm (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Write one frame with header bits of your choosing, even ones RFC 6455 forbids</source>
        <translation>Einen Frame mit frei gewählten Header-Bits schreiben, auch solchen, die RFC 6455 verbietet</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ CRAFT MODE&lt;/b&gt; — the next frame is written exactly as set here, unchecked: it may break RFC 6455 on purpose.</source>
        <translation>&lt;b&gt;⚠ BASTELMODUS&lt;/b&gt; — der nächste Frame wird genau wie hier eingestellt und ungeprüft geschrieben: Er darf RFC 6455 absichtlich verletzen.</translation>
    </message>
    <message>
        <source>RSV%1</source>
        <translation>RSV%1</translation>
    </message>
    <message>
        <source>Crafted opcode</source>
        <translation>Gebastelter Opcode</translation>
    </message>
    <message>
        <source>&amp;Opcode:</source>
        <translation>&amp;Opcode:</translation>
    </message>
    <message>
        <source>Unchecked writes an unmasked client frame (RFC 6455 §5.1 forbids it)</source>
        <translation>Nicht angehakt wird ein unmaskierter Client-Frame geschrieben (RFC 6455 §5.1 verbietet das)</translation>
    </message>
    <message>
        <source>minimal length</source>
        <translation>minimale Länge</translation>
    </message>
    <message>
        <source>16-bit length</source>
        <translation>16-Bit-Länge</translation>
    </message>
    <message>
        <source>64-bit length</source>
        <translation>64-Bit-Länge</translation>
    </message>
    <message>
        <source>Crafted length encoding</source>
        <translation>Gebastelte Längenkodierung</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Send crafted frame</source>
        <translation>Gebastelten Frame &amp;senden</translation>
    </message>
    <message>
        <source>✔ valid JSON</source>
        <translation>✔ gültiges JSON</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-ping off</source>
        <translation>Auto-Ping aus</translation>
    </message>
    <message>
        <source>ping every </source>
        <translation>Ping alle </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Automatic ping interval</source>
        <translation>Intervall für automatische Pings</translation>
    </message>
    <message>
        <source>Send a ping this often while connected; each pong&apos;s round trip goes to the log and the Ping round trip chart. Takes effect at once.</source>
        <translation>Bei bestehender Verbindung in diesem Abstand einen Ping senden; die Umlaufzeit jedes Pongs erscheint im Protokoll und im Diagramm „Ping-Umlaufzeit“. Wirkt sofort.</translation>
    </message>
    <message>
        <source>&amp;Load from File...</source>
        <translation>Aus &amp;Datei laden...</translation>
    </message>
    <message>
        <source>Send a file&apos;s bytes as they are (any size; a large one is not put in the editor)</source>
        <translation>Die Bytes einer Datei unverändert senden (beliebige Größe; eine große kommt nicht in den Editor)</translation>
    </message>
    <message>
        <source>Not UTF-8 text, which a text message must be (RFC 6455 §5.6): send it as Binary</source>
        <translation>Kein UTF-8-Text, was eine Textnachricht sein muss (RFC 6455 §5.6): als Binär senden</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>%1 wird geprüft...</translation>
    </message>
</context>
<context>
    <name>wirescope::WsConsole</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindet…</translation>
    </message>
    <message>
        <source>Handshaking…</source>
        <translation>Handshake…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Schließt…</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>ws://host:port/path or wss://…</source>
        <translation>ws://host:port/path oder wss://…</translation>
    </message>
    <message>
        <source>WebSocket URL</source>
        <translation>WebSocket-URL</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Open the connection (Ctrl+Shift+O); Disconnect sends a close frame (Ctrl+Shift+D)</source>
        <translation>Verbindung öffnen (Strg+Umschalt+O); Trennen sendet einen Close-Frame (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungszustand</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>e.g. chat, json</source>
        <translation>z. B. chat, json</translation>
    </message>
    <message>
        <source>Subprotocols</source>
        <translation>Subprotokolle</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Protocol values offered, in order of preference, separated by commas</source>
        <translation>Angebotene Sec-WebSocket-Protocol-Werte, nach Präferenz geordnet, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Extra request headers, one per line: Name: value</source>
        <translation>Zusätzliche Anfrage-Header, einer pro Zeile: Name: Wert</translation>
    </message>
    <message>
        <source>Extra request headers</source>
        <translation>Zusätzliche Anfrage-Header</translation>
    </message>
    <message>
        <source>permessage-&amp;deflate</source>
        <translation>permessage-&amp;deflate</translation>
    </message>
    <message>
        <source>Offer RFC 7692 compression; compressed sizes appear in the log</source>
        <translation>Kompression nach RFC 7692 anbieten; komprimierte Größen erscheinen im Protokoll</translation>
    </message>
    <message>
        <source>&amp;Keep inspecting</source>
        <translation>&amp;Weiter untersuchen</translation>
    </message>
    <message>
        <source>On a protocol violation, record it and keep decoding instead of failing the connection as RFC 6455 §7.1.7 requires</source>
        <translation>Bei einem Protokollverstoß diesen aufzeichnen und weiter dekodieren, statt die Verbindung abzubrechen, wie es RFC 6455 §7.1.7 verlangt</translation>
    </message>
    <message>
        <source>Close code</source>
        <translation>Close-Code</translation>
    </message>
    <message>
        <source>3000 (registered range)</source>
        <translation>3000 (registrierter Bereich)</translation>
    </message>
    <message>
        <source>4000 (private use)</source>
        <translation>4000 (private Nutzung)</translation>
    </message>
    <message>
        <source>no status code</source>
        <translation>kein Statuscode</translation>
    </message>
    <message>
        <source>reason (optional, at most 123 bytes)</source>
        <translation>Grund (optional, höchstens 123 Bytes)</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>Close-Grund</translation>
    </message>
    <message>
        <source>Su&amp;bprotocols:</source>
        <translation>Su&amp;bprotokolle:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>Cl&amp;ose with:</source>
        <translation>Schli&amp;eßen mit:</translation>
    </message>
    <message>
        <source>Message log</source>
        <translation>Nachrichtenprotokoll</translation>
    </message>
    <message>
        <source>Direction filter</source>
        <translation>Richtungsfilter</translation>
    </message>
    <message>
        <source>↓ Received</source>
        <translation>↓ Empfangen</translation>
    </message>
    <message>
        <source>↑ Sent</source>
        <translation>↑ Gesendet</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Typfilter</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Data messages</source>
        <translation>Datennachrichten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binär</translation>
    </message>
    <message>
        <source>Control (ping, pong, close)</source>
        <translation>Kontrolle (Ping, Pong, Close)</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Scroll to new messages as they arrive (Ctrl+Shift+L pauses)</source>
        <translation>Zu neuen Nachrichten scrollen, sobald sie eintreffen (Strg+Umschalt+L pausiert)</translation>
    </message>
    <message>
        <source>Follow new messages</source>
        <translation>Neuen Nachrichten folgen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text (Ctrl+C)</source>
        <translation>Ausgewählte Zeilen als tabulatorgetrennten Text kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation>Ausgewählte Nachricht</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <source>&amp;Frame</source>
        <translation>&amp;Frame</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>Hand&amp;shake</source>
        <translation>Hand&amp;shake</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>Verbindun&amp;g</translation>
    </message>
    <message>
        <source>Message composer</source>
        <translation>Nachrichteneditor</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Select a message or frame in the log.</source>
        <translation>Eine Nachricht oder einen Frame im Protokoll auswählen.</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>%1 received, %2 sent</source>
        <translation>%1 empfangen, %2 gesendet</translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <source>permessage-deflate</source>
        <translation>permessage-deflate</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Keep inspecting</source>
        <translation>Weiter untersuchen</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off (RFC 6455 behaviour)</source>
        <translation>aus (Verhalten nach RFC 6455)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>%1 (issued by %2, valid until %3)</source>
        <translation>%1 (ausgestellt von %2, gültig bis %3)</translation>
    </message>
    <message>
        <source>TLS error (ignored)</source>
        <translation>TLS-Fehler (ignoriert)</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>Wirescope</source>
        <translation>Wirescope</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>nobody (connection dropped)</source>
        <translation>niemand (Verbindung abgebrochen)</translation>
    </message>
    <message>
        <source>Closed first by</source>
        <translation>Zuerst geschlossen von</translation>
    </message>
    <message>
        <source>Close sent</source>
        <translation>Close gesendet</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>kein Code</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Close received</source>
        <translation>Close empfangen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>clean close (RFC 6455 §7.1.4)</source>
        <translation>sauberes Schließen (RFC 6455 §7.1.4)</translation>
    </message>
    <message>
        <source>not clean</source>
        <translation>nicht sauber</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>%1

Rule: %2
Id: %3
Severity: %4
Byte offset in the %5 stream: %6 (length %7)
Detail: %8</source>
        <translation>%1

Regel: %2
Id: %3
Schweregrad: %4
Byte-Offset im Datenstrom (%5): %6 (Länge %7)
Detail: %8</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>A violation row: its rule and byte offset are on the Message tab.</source>
        <translation>Eine Verstoßzeile: Regel und Byte-Offset stehen im Tab „Nachricht“.</translation>
    </message>
    <message>
        <source>An event row has no frame.</source>
        <translation>Eine Ereigniszeile hat keinen Frame.</translation>
    </message>
    <message>
        <source>
… (showing the first %1 of %2 bytes)</source>
        <translation>
… (die ersten %1 von %2 Bytes werden angezeigt)</translation>
    </message>
    <message>
        <source>&amp;Ignore TLS certificate errors</source>
        <translation>TLS-Zertifikatsfehler &amp;ignorieren</translation>
    </message>
    <message>
        <source>Ignore TLS certificate errors</source>
        <translation>TLS-Zertifikatsfehler ignorieren</translation>
    </message>
    <message>
        <source>For wss:// servers with self-signed or expired certificates: connect anyway; the errors are still listed in the Connection tab</source>
        <translation>Für wss://-Server mit selbstsignierten oder abgelaufenen Zertifikaten: trotzdem verbinden; die Fehler werden weiterhin im Tab „Verbindung“ aufgeführt</translation>
    </message>
    <message>
        <source>↕ Both</source>
        <translation>↕ Beide</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Show only the rows that contain this text (Ctrl+F)</source>
        <translation>Nur Zeilen anzeigen, die diesen Text enthalten (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Answer pings</source>
        <translation>&amp;Pings beantworten</translation>
    </message>
    <message>
        <source>RFC 6455 §5.5.2: answer every ping with a pong. Switch off to see how a server treats a client that stops answering.</source>
        <translation>RFC 6455 §5.5.2: jeden Ping mit einem Pong beantworten. Ausschalten, um zu sehen, wie ein Server mit einem Client umgeht, der nicht mehr antwortet.</translation>
    </message>
    <message>
        <source>Log mode</source>
        <translation>Protokollmodus</translation>
    </message>
    <message>
        <source>Messages: whole messages and control frames. Frames: every frame as it crossed the wire, fragments included.</source>
        <translation>Nachrichten: ganze Nachrichten und Kontroll-Frames. Frames: jeder Frame so, wie er über die Leitung ging, Fragmente eingeschlossen.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Connections in this tab</source>
        <translation>Verbindungen in diesem Tab</translation>
    </message>
    <message>
        <source>%1 received (%2), %3 sent (%4)</source>
        <translation>%1 empfangen (%2), %3 gesendet (%4)</translation>
    </message>
    <message>
        <source>Times in the log are seconds since the first connection of this tab started.</source>
        <translation>Zeiten im Protokoll sind Sekunden seit dem Start der ersten Verbindung dieses Tabs.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n message(s) (%1)</source>
        <translation>
            <numerusform>%n Nachricht empfangen (%1)</numerusform>
            <numerusform>%n Nachrichten empfangen (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent %n message(s) (%1)</source>
        <translation>
            <numerusform>%n Nachricht gesendet (%1)</numerusform>
            <numerusform>%n Nachrichten gesendet (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>none (an address, or the proxy resolves)</source>
        <translation>keine (eine Adresse, oder der Proxy löst auf)</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP-Verbindungsaufbau</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Optionen</translation>
    </message>
    <message>
        <source>Connection options</source>
        <translation>Verbindungsoptionen</translation>
    </message>
    <message>
        <source>Subprotocols, extra headers, permessage-deflate, TLS errors, automatic pongs and the close code of the next connection</source>
        <translation>Subprotokolle, zusätzliche Header, permessage-deflate, TLS-Fehler, automatische Pongs und der Close-Code der nächsten Verbindung</translation>
    </message>
    <message>
        <source>Copy as &amp;websocat</source>
        <translation>Als &amp;websocat kopieren</translation>
    </message>
    <message>
        <source>Copy the connection as a websocat command; Authorization, Cookie and token-like query values are hidden</source>
        <translation>Die Verbindung als websocat-Befehl kopieren; Authorization, Cookie und tokenartige Query-Werte werden verborgen</translation>
    </message>
    <message>
        <source>Copy as websocat (with &amp;Secrets)</source>
        <translation>Als websocat kopieren (mit &amp;Geheimnissen)</translation>
    </message>
    <message>
        <source>Copy the connection as a websocat command with its credentials</source>
        <translation>Die Verbindung als websocat-Befehl samt Zugangsdaten kopieren</translation>
    </message>
    <message>
        <source>Clear the log: frees the payload bytes it held and starts its counters and charts again</source>
        <translation>Protokoll leeren: gibt die gehaltenen Nutzdaten-Bytes frei und startet Zähler und Diagramme neu</translation>
    </message>
    <message>
        <source>Following is paused while a row above is selected: rows keep arriving below it. Clear the selection (Esc) to follow again.</source>
        <translation>Das Folgen pausiert, solange eine Zeile weiter oben ausgewählt ist: neue Zeilen kommen darunter weiter an. Auswahl aufheben (Esc), um wieder zu folgen.</translation>
    </message>
    <message>
        <source>Counted since</source>
        <translation>Gezählt seit</translation>
    </message>
    <message>
        <source>the log was cleared</source>
        <translation>das Protokoll geleert wurde</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Payload memory (session)</source>
        <translation>Speicher für Nutzdaten (Sitzung)</translation>
    </message>
    <message>
        <source>%1 kept of %2; %3 dropped by the budget, %4 freed by Clear or closed tabs</source>
        <translation>%1 von %2 gehalten; %3 durch das Budget verworfen, %4 durch Leeren oder geschlossene Tabs freigegeben</translation>
    </message>
    <message numerus="yes">
        <source>%1: the session no longer keeps the %n byte(s) of this row in memory; its type, size and time stay.</source>
        <translation>
            <numerusform>%1: Die Sitzung hält das %n Byte dieser Zeile nicht mehr im Speicher; Typ, Größe und Zeit bleiben.</numerusform>
            <numerusform>%1: Die Sitzung hält die %n Bytes dieser Zeile nicht mehr im Speicher; Typ, Größe und Zeit bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Mas&amp;king</source>
        <translation>Mas&amp;kierung</translation>
    </message>
    <message>
        <source>Se&amp;quence</source>
        <translation>Se&amp;quenz</translation>
    </message>
</context>
<context>
    <name>wirescope::WsFrameDiagram</name>
    <message>
        <source>RFC 6455 frame header diagram</source>
        <translation>Diagramm des Frame-Headers nach RFC 6455</translation>
    </message>
    <message>
        <source>Select a frame in the log to see its header bit by bit.</source>
        <translation>Einen Frame im Protokoll auswählen, um seinen Header Bit für Bit zu sehen.</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (Forts.)</translation>
    </message>
    <message>
        <source>Payload data as sent (masked)</source>
        <translation>Nutzdaten wie gesendet (maskiert)</translation>
    </message>
    <message>
        <source>Payload data</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Payload data unmasked (XOR with %1)</source>
        <translation>Nutzdaten demaskiert (XOR mit %1)</translation>
    </message>
    <message>
        <source>Payload data as text</source>
        <translation>Nutzdaten als Text</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>wirescope::WsFrameFieldsModel</name>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>RSV1</source>
        <translation>RSV1</translation>
    </message>
    <message>
        <source>RSV2</source>
        <translation>RSV2</translation>
    </message>
    <message>
        <source>RSV3</source>
        <translation>RSV3</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <source>MASK</source>
        <translation>MASK</translation>
    </message>
    <message>
        <source>Payload len</source>
        <translation>Nutzdatenlänge</translation>
    </message>
    <message>
        <source>Extended payload length</source>
        <translation>Erweiterte Nutzdatenlänge</translation>
    </message>
    <message>
        <source>Masking-key</source>
        <translation>Maskierungsschlüssel</translation>
    </message>
    <message>
        <source>Payload data</source>
        <translation>Nutzdaten</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>final fragment of the message</source>
        <translation>letztes Fragment der Nachricht</translation>
    </message>
    <message>
        <source>more fragments follow</source>
        <translation>weitere Fragmente folgen</translation>
    </message>
    <message>
        <source>set: compressed message when permessage-deflate is on (RFC 7692 §6)</source>
        <translation>gesetzt: komprimierte Nachricht, wenn permessage-deflate aktiv ist (RFC 7692 §6)</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>set: no extension defines this bit</source>
        <translation>gesetzt: keine Erweiterung definiert dieses Bit</translation>
    </message>
    <message>
        <source>reserved opcode (RFC 6455 §5.2)</source>
        <translation>reservierter Opcode (RFC 6455 §5.2)</translation>
    </message>
    <message>
        <source>control frame (RFC 6455 §5.5)</source>
        <translation>Kontroll-Frame (RFC 6455 §5.5)</translation>
    </message>
    <message>
        <source>data frame (RFC 6455 §5.6)</source>
        <translation>Daten-Frame (RFC 6455 §5.6)</translation>
    </message>
    <message>
        <source>payload masked with the key below (client to server)</source>
        <translation>Nutzdaten mit dem Schlüssel unten maskiert (Client an Server)</translation>
    </message>
    <message>
        <source>payload not masked (server to client)</source>
        <translation>Nutzdaten nicht maskiert (Server an Client)</translation>
    </message>
    <message>
        <source>126: the length follows in 16 bits</source>
        <translation>126: die Länge folgt in 16 Bit</translation>
    </message>
    <message>
        <source>127: the length follows in 64 bits</source>
        <translation>127: die Länge folgt in 64 Bit</translation>
    </message>
    <message>
        <source>the payload length itself</source>
        <translation>die Nutzdatenlänge selbst</translation>
    </message>
    <message>
        <source>payload length in bytes</source>
        <translation>Nutzdatenlänge in Bytes</translation>
    </message>
    <message>
        <source>payload length in bytes, not minimally encoded (RFC 6455 §5.2)</source>
        <translation>Nutzdatenlänge in Bytes, nicht minimal kodiert (RFC 6455 §5.2)</translation>
    </message>
    <message>
        <source>XOR key applied to the payload (RFC 6455 §5.3)</source>
        <translation>XOR-Schlüssel für die Nutzdaten (RFC 6455 §5.3)</translation>
    </message>
    <message>
        <source>over the frame size limit: not stored</source>
        <translation>über dem Limit für die Frame-Größe: nicht gespeichert</translation>
    </message>
    <message>
        <source>close code %1 %2 %3</source>
        <translation>Close-Code %1 %2 %3</translation>
    </message>
    <message>
        <source>close without a status code</source>
        <translation>Close ohne Statuscode</translation>
    </message>
    <message>
        <source>bit %1</source>
        <translation>Bit %1</translation>
    </message>
    <message>
        <source>bits %1-%2</source>
        <translation>Bits %1-%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>bytes %1-%2</source>
        <translation>Bytes %1-%2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>wirescope::WsFrameInspector</name>
    <message>
        <source>&amp;Frame:</source>
        <translation>&amp;Frame:</translation>
    </message>
    <message>
        <source>Frame of the message</source>
        <translation>Frame der Nachricht</translation>
    </message>
    <message>
        <source>Frame header fields</source>
        <translation>Frame-Header-Felder</translation>
    </message>
    <message>
        <source>Frame bytes</source>
        <translation>Frame-Bytes</translation>
    </message>
    <message>
        <source>Select a message or frame in the log.</source>
        <translation>Eine Nachricht oder einen Frame im Protokoll auswählen.</translation>
    </message>
    <message>
        <source>, FIN</source>
        <translation>, FIN</translation>
    </message>
    <message>
        <source>No frame bytes for this row.</source>
        <translation>Keine Frame-Bytes für diese Zeile.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: %3, %n byte(s)%4</source>
        <translation>
            <numerusform>%1 von %2: %3, %n Byte%4</numerusform>
            <numerusform>%1 von %2: %3, %n Bytes%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 frame at byte %3: %2 header + %n payload byte(s)</source>
        <translation>
            <numerusform>%1 Frame bei Byte %3: %2 Header + %n Byte Nutzdaten</numerusform>
            <numerusform>%1 Frame bei Byte %3: %2 Header + %n Bytes Nutzdaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 frame, %2 header bytes + %n payload byte(s)</source>
        <translation>
            <numerusform>%1 Frame, %2 Header-Bytes + %n Byte Nutzdaten</numerusform>
            <numerusform>%1 Frame, %2 Header-Bytes + %n Bytes Nutzdaten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsHandshakeView</name>
    <message>
        <source>Handshake request</source>
        <translation>Handshake-Anfrage</translation>
    </message>
    <message>
        <source>Handshake response</source>
        <translation>Handshake-Antwort</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept check</source>
        <translation>Prüfung von Sec-WebSocket-Accept</translation>
    </message>
    <message>
        <source>Request (sent)</source>
        <translation>Anfrage (gesendet)</translation>
    </message>
    <message>
        <source>Response (received)</source>
        <translation>Antwort (empfangen)</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept, step by step</source>
        <translation>Sec-WebSocket-Accept, Schritt für Schritt</translation>
    </message>
    <message>
        <source>Connect to see the opening handshake.</source>
        <translation>Verbinden, um den öffnenden Handshake zu sehen.</translation>
    </message>
    <message>
        <source>(waiting for the server&apos;s answer)</source>
        <translation>(warte auf die Antwort des Servers)</translation>
    </message>
    <message>
        <source>RFC 6455 §4.2.2: the server proves it read this handshake by hashing the client&apos;s key with a fixed GUID. The client checks the result (§4.1).</source>
        <translation>RFC 6455 §4.2.2: Der Server beweist, dass er diesen Handshake gelesen hat, indem er den Schlüssel des Clients zusammen mit einer festen GUID hasht. Der Client prüft das Ergebnis (§4.1).</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key sent by the client</source>
        <translation>Vom Client gesendeter Sec-WebSocket-Key</translation>
    </message>
    <message>
        <source>Key + GUID</source>
        <translation>Key + GUID</translation>
    </message>
    <message>
        <source>concatenated as text: %1</source>
        <translation>als Text verkettet: %1</translation>
    </message>
    <message>
        <source>SHA-1 of that text (hex)</source>
        <translation>SHA-1 dieses Textes (hex)</translation>
    </message>
    <message>
        <source>20 bytes</source>
        <translation>20 Bytes</translation>
    </message>
    <message>
        <source>base64 of the 20 bytes: the expected Sec-WebSocket-Accept</source>
        <translation>base64 der 20 Bytes: der erwartete Sec-WebSocket-Accept</translation>
    </message>
    <message>
        <source>header missing</source>
        <translation>Header fehlt</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept sent by the server</source>
        <translation>Vom Server gesendeter Sec-WebSocket-Accept</translation>
    </message>
    <message>
        <source>✔ Match: the server computed the same value.</source>
        <translation>✔ Übereinstimmung: Der Server hat denselben Wert berechnet.</translation>
    </message>
    <message>
        <source>✘ Mismatch: RFC 6455 §4.1 says the client must fail the connection.</source>
        <translation>✘ Abweichung: Laut RFC 6455 §4.1 muss der Client die Verbindung abbrechen.</translation>
    </message>
    <message>
        <source>All response checks</source>
        <translation>Alle Prüfungen der Antwort</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Peer %1</source>
        <translation>Gegenstelle %1</translation>
    </message>
    <message>
        <source>TCP connect %1 ms</source>
        <translation>TCP-Verbindungsaufbau %1 ms</translation>
    </message>
    <message>
        <source>TLS %1 (%2), handshake %3 ms</source>
        <translation>TLS %1 (%2), Handshake %3 ms</translation>
    </message>
    <message>
        <source>Upgrade round trip %1 ms</source>
        <translation>Upgrade-Umlaufzeit %1 ms</translation>
    </message>
    <message>
        <source>Subprotocol: %1</source>
        <translation>Subprotokoll: %1</translation>
    </message>
    <message>
        <source>permessage-deflate: %1</source>
        <translation>permessage-deflate: %1</translation>
    </message>
    <message>
        <source>%1: check passed</source>
        <translation>%1: Prüfung bestanden</translation>
    </message>
    <message>
        <source>%1: check failed</source>
        <translation>%1: Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>HTTP findings</source>
        <translation>HTTP-Befunde</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>DNS %1 ms</source>
        <translation>DNS %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>chunked, %n chunk(s)</source>
        <translation>
            <numerusform>chunked, %n Chunk</numerusform>
            <numerusform>chunked, %n Chunks</numerusform>
        </translation>
    </message>
    <message>
        <source>Content-Length</source>
        <translation>Content-Length</translation>
    </message>
    <message>
        <source>until the server closed</source>
        <translation>bis der Server die Verbindung schloss</translation>
    </message>
    <message>
        <source>no body</source>
        <translation>kein Body</translation>
    </message>
    <message numerus="yes">
        <source>Refusal body %n byte(s) (%1)</source>
        <translation>
            <numerusform>Body der Ablehnung %n Byte (%1)</numerusform>
            <numerusform>Body der Ablehnung %n Bytes (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>Nächster Schritt ▶</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>Alle Schritte</translation>
    </message>
    <message>
        <source>Hide the last step shown</source>
        <translation>Den zuletzt gezeigten Schritt ausblenden</translation>
    </message>
    <message>
        <source>Show the derivation one step at a time</source>
        <translation>Die Herleitung Schritt für Schritt zeigen</translation>
    </message>
    <message>
        <source>✘ The check fails at this step.</source>
        <translation>✘ Die Prüfung scheitert an diesem Schritt.</translation>
    </message>
    <message>
        <source>base64 of 16 random bytes, fresh for this connection (§4.1): %1</source>
        <translation>base64 von 16 Zufallsbytes, neu für diese Verbindung (§4.1): %1</translation>
    </message>
    <message numerus="yes">
        <source>RFC 6455 §4.1 asks for base64 of 16 random bytes; this key decodes to %n byte(s)</source>
        <translation>
            <numerusform>RFC 6455 §4.1 verlangt base64 von 16 Zufallsbytes; dieser Schlüssel ergibt dekodiert %n Byte</numerusform>
            <numerusform>RFC 6455 §4.1 verlangt base64 von 16 Zufallsbytes; dieser Schlüssel ergibt dekodiert %n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>differs from step 4</source>
        <translation>weicht von Schritt 4 ab</translation>
    </message>
    <message>
        <source>All %1 steps</source>
        <translation>Alle %1 Schritte</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Step through ▶</source>
        <translation>Schrittweise ▶</translation>
    </message>
    <message>
        <source>not part of the WebSocket handshake</source>
        <translation>nicht Teil des WebSocket-Handshakes</translation>
    </message>
    <message>
        <source>The request&apos;s headers, what they mean</source>
        <translation>Die Header der Anfrage und ihre Bedeutung</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>The answer&apos;s headers, what they mean</source>
        <translation>Die Header der Antwort und ihre Bedeutung</translation>
    </message>
</context>
<context>
    <name>wirescope::WsLogModel</name>
    <message numerus="yes">
        <source>%n B</source>
        <translation>
            <numerusform>%n B</numerusform>
            <numerusform>%n B</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>Verstoß</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>Binär</translation>
    </message>
    <message>
        <source>close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>pong</source>
        <translation>Pong</translation>
    </message>
    <message>
        <source>continuation</source>
        <translation>Fortsetzung</translation>
    </message>
    <message>
        <source>reserved 0x%1</source>
        <translation>reserviert 0x%1</translation>
    </message>
    <message>
        <source>(no status code)</source>
        <translation>(kein Statuscode)</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message numerus="yes">
        <source> (%n frames)</source>
        <translation>
            <numerusform> (%n Frame)</numerusform>
            <numerusform> (%n Frames)</numerusform>
        </translation>
    </message>
    <message>
        <source> [crafted]</source>
        <translation> [gebastelt]</translation>
    </message>
    <message>
        <source>Sent by Wirescope</source>
        <translation>Von Wirescope gesendet</translation>
    </message>
    <message>
        <source>Received from the server</source>
        <translation>Vom Server empfangen</translation>
    </message>
    <message>
        <source>%1
%2 · %3 · byte offset %4</source>
        <translation>%1
%2 · %3 · Byte-Offset %4</translation>
    </message>
    <message>
        <source>This row broke a rule of the protocol: see the violation row just above it.</source>
        <translation>Diese Zeile verletzt eine Protokollregel: siehe die Verstoßzeile direkt darüber.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Handshake failed: no HTTP answer</source>
        <translation>Handshake fehlgeschlagen: keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>Handshake failed: HTTP %1</source>
        <translation>Handshake fehlgeschlagen: HTTP %1</translation>
    </message>
    <message>
        <source>Connected: HTTP %1</source>
        <translation>Verbunden: HTTP %1</translation>
    </message>
    <message>
        <source>, subprotocol %1</source>
        <translation>, Subprotokoll %1</translation>
    </message>
    <message>
        <source>, permessage-deflate</source>
        <translation>, permessage-deflate</translation>
    </message>
    <message>
        <source>Failed: %1 (%2)</source>
        <translation>Fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>Closed with %1 %2</source>
        <translation>Geschlossen mit %1 %2</translation>
    </message>
    <message>
        <source> (clean</source>
        <translation> (sauber</translation>
    </message>
    <message>
        <source> (not clean</source>
        <translation> (nicht sauber</translation>
    </message>
    <message>
        <source>, closed by Wirescope)</source>
        <translation>, von Wirescope geschlossen)</translation>
    </message>
    <message>
        <source>, closed by the server)</source>
        <translation>, vom Server geschlossen)</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung mit %1 wird hergestellt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>round trip %1 ms</source>
        <translation>Umlaufzeit %1 ms</translation>
    </message>
    <message>
        <source> (fragment)</source>
        <translation> (Fragment)</translation>
    </message>
    <message>
        <source>, compressed</source>
        <translation>, komprimiert</translation>
    </message>
    <message>
        <source>Written as crafted bytes: the rules of RFC 6455 were not applied to it.</source>
        <translation>Als gebastelte Bytes geschrieben: Die Regeln von RFC 6455 wurden nicht darauf angewandt.</translation>
    </message>
    <message>
        <source>Bytes on the wire, frame headers included</source>
        <translation>Bytes auf der Leitung, Frame-Header eingeschlossen</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>ping ⇄ pong</source>
        <translation>Ping ⇄ Pong</translation>
    </message>
    <message>
        <source>payload dropped (memory budget)</source>
        <translation>Nutzdaten verworfen (Speicherbudget)</translation>
    </message>
    <message>
        <source>payload freed (log cleared)</source>
        <translation>Nutzdaten freigegeben (Protokoll geleert)</translation>
    </message>
    <message>
        <source>payload not captured</source>
        <translation>Nutzdaten nicht mitgeschnitten</translation>
    </message>
    <message>
        <source>A ping and the pong that answered it, in one row with the round trip. Select it to inspect both frames; the Frames view lists each frame as a row of its own.</source>
        <translation>Ein Ping und der Pong, der ihn beantwortet hat, in einer Zeile mit der Umlaufzeit. Auswählen, um beide Frames zu untersuchen; die Frame-Ansicht zeigt jeden Frame in einer eigenen Zeile.</translation>
    </message>
    <message>
        <source>%1
The session no longer keeps these bytes in memory (Edit &gt; Preferences sets the payload memory budget; a log&apos;s Clear and a closed tab free theirs). The row, its size and its time stay; a session saved to a file keeps the bytes.</source>
        <translation>%1
Die Sitzung hält diese Bytes nicht mehr im Speicher (Bearbeiten &gt; Einstellungen legt das Speicherbudget für Nutzdaten fest; Leeren eines Protokolls und ein geschlossener Tab geben ihre frei). Die Zeile, ihre Größe und ihre Zeit bleiben; eine in eine Datei gespeicherte Sitzung behält die Bytes.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>wirescope::WsMaskingView</name>
    <message>
        <source>Masking, byte by byte</source>
        <translation>Maskierung, Byte für Byte</translation>
    </message>
    <message>
        <source>Select a message or frame in the log.</source>
        <translation>Eine Nachricht oder einen Frame im Protokoll auswählen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent by the client, masked.&lt;/b&gt; Each payload byte crossed the wire XORed with one byte of this frame&apos;s masking key &lt;code&gt;%1&lt;/code&gt;: byte &lt;i&gt;i&lt;/i&gt; with key byte &lt;i&gt;i&lt;/i&gt; mod 4 (RFC 6455 §5.3). XOR with the same key again gives the data back, which is what the server does. The key is 32 fresh random bits per frame, sent in the clear: masking hides nothing from an eavesdropper. It exists so that a script cannot choose the bytes a proxy sees and make them look like an HTTP request (§10.3, cache poisoning).</source>
        <translation>&lt;b&gt;Vom Client gesendet, maskiert.&lt;/b&gt; Jedes Nutzdatenbyte ging mit einem Byte des Maskierungsschlüssels &lt;code&gt;%1&lt;/code&gt; dieses Frames XOR-verknüpft über die Leitung: Byte &lt;i&gt;i&lt;/i&gt; mit Schlüsselbyte &lt;i&gt;i&lt;/i&gt; mod 4 (RFC 6455 §5.3). Ein zweites XOR mit demselben Schlüssel ergibt wieder die Daten; genau das tut der Server. Der Schlüssel besteht aus 32 frischen Zufallsbits pro Frame und wird im Klartext gesendet: Die Maskierung verbirgt nichts vor einem Lauscher. Sie verhindert, dass ein Skript die Bytes wählt, die ein Proxy sieht, und sie wie eine HTTP-Anfrage aussehen lässt (§10.3, Cache Poisoning).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent by the client without a mask.&lt;/b&gt; RFC 6455 §5.1: a client must mask every frame it sends, and a server must close the connection when a frame arrives unmasked (status 1002). The bytes below crossed the wire as they are.</source>
        <translation>&lt;b&gt;Vom Client ohne Maske gesendet.&lt;/b&gt; RFC 6455 §5.1: Ein Client muss jeden Frame maskieren, den er sendet, und ein Server muss die Verbindung schließen, wenn ein Frame unmaskiert ankommt (Status 1002). Die Bytes unten gingen so über die Leitung, wie sie sind.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent by the server, masked (key &lt;code&gt;%1&lt;/code&gt;).&lt;/b&gt; RFC 6455 §5.1: a server must not mask the frames it sends, and a client must close the connection when it receives a masked frame. The columns show the XOR the server applied anyway.</source>
        <translation>&lt;b&gt;Vom Server gesendet, maskiert (Schlüssel &lt;code&gt;%1&lt;/code&gt;).&lt;/b&gt; RFC 6455 §5.1: Ein Server darf die Frames, die er sendet, nicht maskieren, und ein Client muss die Verbindung schließen, wenn er einen maskierten Frame empfängt. Die Spalten zeigen das XOR, das der Server trotzdem angewandt hat.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent by the server: no mask.&lt;/b&gt; RFC 6455 §5.1: a server must not mask the frames it sends, so the payload crossed the wire as it is. Masking protects proxies from bytes a script chose (§10.3); scripts run on the client&apos;s side only, so only the client masks.</source>
        <translation>&lt;b&gt;Vom Server gesendet: keine Maske.&lt;/b&gt; RFC 6455 §5.1: Ein Server darf die Frames, die er sendet, nicht maskieren; die Nutzdaten gingen also so über die Leitung, wie sie sind. Die Maskierung schützt Proxys vor Bytes, die ein Skript gewählt hat (§10.3); Skripte laufen nur auf der Seite des Clients, also maskiert nur der Client.</translation>
    </message>
    <message>
        <source>The payload was over the frame size limit and was not kept.</source>
        <translation>Die Nutzdaten überschritten das Limit für die Frame-Größe und wurden nicht behalten.</translation>
    </message>
    <message>
        <source>This frame has no payload: there is nothing to mask.</source>
        <translation>Dieser Frame hat keine Nutzdaten: Es gibt nichts zu maskieren.</translation>
    </message>
    <message>
        <source>byte</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>on the wire</source>
        <translation>auf der Leitung</translation>
    </message>
    <message>
        <source>⊕ key byte</source>
        <translation>⊕ Schlüsselbyte</translation>
    </message>
    <message>
        <source>= data</source>
        <translation>= Daten</translation>
    </message>
    <message>
        <source>character</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>The first %1 of %2 payload bytes. The key repeats every 4 bytes: the rest is the same operation.</source>
        <translation>Die ersten %1 von %2 Nutzdatenbytes. Der Schlüssel wiederholt sich alle 4 Bytes: Der Rest ist dieselbe Operation.</translation>
    </message>
    <message>
        <source>Decodes to (UTF-8):</source>
        <translation>Ergibt dekodiert (UTF-8):</translation>
    </message>
</context>
<context>
    <name>wirescope::WsWorkspace</name>
    <message>
        <source>WebSocket connections</source>
        <translation>WebSocket-Verbindungen</translation>
    </message>
    <message>
        <source>New WebSocket connection (Ctrl+Shift+N)</source>
        <translation>Neue WebSocket-Verbindung (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>New WebSocket connection</source>
        <translation>Neue WebSocket-Verbindung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Past connections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Frühere Verbindungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Past WebSocket connections</source>
        <translation>Frühere WebSocket-Verbindungen</translation>
    </message>
    <message>
        <source>WebSocket charts</source>
        <translation>WebSocket-Diagramme</translation>
    </message>
    <message>
        <source>New &amp;WebSocket Connection</source>
        <translation>Neue &amp;WebSocket-Verbindung</translation>
    </message>
    <message>
        <source>Open a new WebSocket console tab</source>
        <translation>Neuen Tab mit WebSocket-Konsole öffnen</translation>
    </message>
    <message>
        <source>&amp;Connect WebSocket</source>
        <translation>WebSocket &amp;verbinden</translation>
    </message>
    <message>
        <source>Connect the current WebSocket console</source>
        <translation>Aktuelle WebSocket-Konsole verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect WebSocket</source>
        <translation>WebSocket &amp;trennen</translation>
    </message>
    <message>
        <source>Close the current WebSocket connection with the chosen code and reason</source>
        <translation>Aktuelle WebSocket-Verbindung mit dem gewählten Code und Grund schließen</translation>
    </message>
    <message>
        <source>Send &amp;Ping</source>
        <translation>&amp;Ping senden</translation>
    </message>
    <message>
        <source>Send a ping and measure the round trip</source>
        <translation>Ping senden und Umlaufzeit messen</translation>
    </message>
    <message>
        <source>&amp;Follow WebSocket Log</source>
        <translation>WebSocket-Protokoll &amp;folgen</translation>
    </message>
    <message>
        <source>Scroll the message log to new messages as they arrive</source>
        <translation>Nachrichtenprotokoll zu neuen Nachrichten scrollen, sobald sie eintreffen</translation>
    </message>
    <message>
        <source>Show or hide the past connections</source>
        <translation>Frühere Verbindungen ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Past connections</source>
        <translation>Frühere Verbindungen</translation>
    </message>
    <message numerus="yes">
        <source>Show or hide the past connections (%n kept)</source>
        <translation>
            <numerusform>Frühere Verbindungen ein- oder ausblenden (%n gespeichert)</numerusform>
            <numerusform>Frühere Verbindungen ein- oder ausblenden (%n gespeichert)</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a past connection with everything it showed; Connect in its tab connects again with the same settings</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um eine frühere Verbindung mit allem zu öffnen, was sie gezeigt hat; „Verbinden“ in ihrem Tab verbindet erneut mit denselben Einstellungen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
</TS>
