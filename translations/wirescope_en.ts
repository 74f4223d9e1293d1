<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LabWording</name>
    <message numerus="yes">
        <source>%1 B of request head and %2 B of response head per message, a new connection for each of %n request(s)</source>
        <translation>
            <numerusform>%1 B of request head and %2 B of response head per message, a new connection for each of %n request</numerusform>
            <numerusform>%1 B of request head and %2 B of response head per message, a new connection for each of %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 B of request head and %2 B of response head per message; %n request(s) held until there was news</source>
        <translation>
            <numerusform>%1 B of request head and %2 B of response head per message; %n request held until there was news</numerusform>
            <numerusform>%1 B of request head and %2 B of response head per message; %n requests held until there was news</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n poll(s) found nothing new</source>
        <translation>
            <numerusform>%1 of %n poll found nothing new</numerusform>
            <numerusform>%1 of %n polls found nothing new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) lost</source>
        <translation>
            <numerusform>%n message lost</numerusform>
            <numerusform>%n messages lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late (over %1 ms)</source>
        <translation>
            <numerusform>%n late (over %1 ms)</numerusform>
            <numerusform>%n late (over %1 ms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicated</source>
        <translation>
            <numerusform>%n duplicated</numerusform>
            <numerusform>%n duplicated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: frame headers of %2-%3 bytes over %n frame(s), %4 header bytes per message</source>
        <translation>
            <numerusform>%1: frame headers of %2-%3 bytes over %n frame, %4 header bytes per message</numerusform>
            <numerusform>%1: frame headers of %2-%3 bytes over %n frames, %4 header bytes per message</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n poll(s) answered 204 (no news)</source>
        <translation>
            <numerusform>%1: %2 of %n poll answered 204 (no news)</numerusform>
            <numerusform>%1: %2 of %n polls answered 204 (no news)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message numerus="yes">
        <source>%n B</source>
        <translation>
            <numerusform>%n B</numerusform>
            <numerusform>%n B</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::HttpComposer</name>
    <message numerus="yes">
        <source>Imported from curl with %n warning(s): %1</source>
        <translation>
            <numerusform>Imported from curl with %n warning: %1</numerusform>
            <numerusform>Imported from curl with %n warnings: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::HttpResponseView</name>
    <message numerus="yes">
        <source>%n protocol finding(s), see Headers</source>
        <translation>
            <numerusform>%n protocol finding, see Headers</numerusform>
            <numerusform>%n protocol findings, see Headers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n redirect(s) followed</source>
        <translation>
            <numerusform>%n redirect followed</numerusform>
            <numerusform>%n redirects followed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated member name(s), each shown where it came</source>
        <translation>
            <numerusform>%n repeated member name, each shown where it came</numerusform>
            <numerusform>%n repeated member names, each shown where it came</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n chunk(s)</source>
        <translation>
            <numerusform> in %n chunk</numerusform>
            <numerusform> in %n chunks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::LabSummaryModel</name>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::LabWindow</name>
    <message numerus="yes">
        <source>Done: %n transport(s) measured.</source>
        <translation>
            <numerusform>Done: %n transport measured.</numerusform>
            <numerusform>Done: %n transports measured.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transport(s) failed; the table says why.</source>
        <translation>
            <numerusform>%n transport failed; the table says why.</numerusform>
            <numerusform>%n transports failed; the table says why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running %1 (%2 of %3): about %n s left.</source>
        <translation>
            <numerusform>Running %1 (%2 of %3): about %n s left.</numerusform>
            <numerusform>Running %1 (%2 of %3): about %n s left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::MainWindow</name>
    <message numerus="yes">
        <source>%n HTTP exchange(s)</source>
        <translation>
            <numerusform>%n HTTP exchange</numerusform>
            <numerusform>%n HTTP exchanges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n WebSocket message(s)</source>
        <translation>
            <numerusform>%n WebSocket message</numerusform>
            <numerusform>%n WebSocket messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::PayloadEditor</name>
    <message numerus="yes">
        <source>%n byte(s).</source>
        <translation>
            <numerusform>%n byte.</numerusform>
            <numerusform>%n bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::ReplayDialog</name>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n ignored)</source>
        <translation>
            <numerusform>(%n ignored)</numerusform>
            <numerusform>(%n ignored)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::SseEventsView</name>
    <message numerus="yes">
        <source>(%n oldest row(s) dropped to stay within memory)</source>
        <translation>
            <numerusform>(%n oldest row dropped to stay within memory)</numerusform>
            <numerusform>(%n oldest rows dropped to stay within memory)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::TimingWaterfallWidget</name>
    <message numerus="yes">
        <source>%n hop(s) took %1 together; %2 went between and after them (reading each answer, following the redirect).</source>
        <translation>
            <numerusform>%n hop took %1 together; %2 went between and after them (reading each answer, following the redirect).</numerusform>
            <numerusform>%n hops took %1 together; %2 went between and after them (reading each answer, following the redirect).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsComposer</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsConsole</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n message(s) (%1)</source>
        <translation>
            <numerusform>received %n message (%1)</numerusform>
            <numerusform>received %n messages (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent %n message(s) (%1)</source>
        <translation>
            <numerusform>sent %n message (%1)</numerusform>
            <numerusform>sent %n messages (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the session no longer keeps the %n byte(s) of this row in memory; its type, size and time stay.</source>
        <translation>
            <numerusform>%1: the session no longer keeps the %n byte of this row in memory; its type, size and time stay.</numerusform>
            <numerusform>%1: the session no longer keeps the %n bytes of this row in memory; its type, size and time stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsFrameFieldsModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsFrameInspector</name>
    <message numerus="yes">
        <source>%1 of %2: %3, %n byte(s)%4</source>
        <translation>
            <numerusform>%1 of %2: %3, %n byte%4</numerusform>
            <numerusform>%1 of %2: %3, %n bytes%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 frame at byte %3: %2 header + %n payload byte(s)</source>
        <translation>
            <numerusform>%1 frame at byte %3: %2 header + %n payload byte</numerusform>
            <numerusform>%1 frame at byte %3: %2 header + %n payload bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 frame, %2 header bytes + %n payload byte(s)</source>
        <translation>
            <numerusform>%1 frame, %2 header bytes + %n payload byte</numerusform>
            <numerusform>%1 frame, %2 header bytes + %n payload bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsHandshakeView</name>
    <message numerus="yes">
        <source>chunked, %n chunk(s)</source>
        <translation>
            <numerusform>chunked, %n chunk</numerusform>
            <numerusform>chunked, %n chunks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refusal body %n byte(s) (%1)</source>
        <translation>
            <numerusform>Refusal body %n byte (%1)</numerusform>
            <numerusform>Refusal body %n bytes (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>RFC 6455 §4.1 asks for base64 of 16 random bytes; this key decodes to %n byte(s)</source>
        <translation>
            <numerusform>RFC 6455 §4.1 asks for base64 of 16 random bytes; this key decodes to %n byte</numerusform>
            <numerusform>RFC 6455 §4.1 asks for base64 of 16 random bytes; this key decodes to %n bytes</numerusform>
        </translation>
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
    <message numerus="yes">
        <source> (%n frames)</source>
        <translation>
            <numerusform> (%n frame)</numerusform>
            <numerusform> (%n frames)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wirescope::WsWorkspace</name>
    <message numerus="yes">
        <source>Show or hide the past connections (%n kept)</source>
        <translation>
            <numerusform>Show or hide the past connections (%n kept)</numerusform>
            <numerusform>Show or hide the past connections (%n kept)</numerusform>
        </translation>
    </message>
</context>
</TS>
