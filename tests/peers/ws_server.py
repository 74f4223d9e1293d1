#!/usr/bin/python3
"""WebSocket echo peer for Wirescope's tests (Debian python3-websockets 10.4).

Listens on 127.0.0.1, port 0 unless --port is given, and prints "PORT <n>" on stdout once it
accepts connections. Echoes every message as received (text as text, binary as binary).
Exits when stdin reaches EOF, so a crashed test never leaves it running.

Options:
  --compression deflate|none   offer permessage-deflate (RFC 7692) or not (default deflate,
                               like websockets itself)
  --subprotocols chat,json     subprotocols the server accepts (RFC 6455 §4.2.2), in the
                               server's order of preference
  --tls CERT KEY               serve wss:// with this certificate and key
  --close-after N              after echoing N messages, close with --close-code/--close-reason
  --ping-interval S            send a keepalive ping every S seconds (default: never)
  --max-size BYTES             largest message accepted (default 16 MiB); larger closes with 1009
  --flood-bytes N              right after the handshake, write N bytes of 64-byte binary frames
                               as fast as the socket takes them (a peer that floods the client)
  --client-max-window-bits N   with deflate: limit the client's LZ77 window to 2^N bytes (8-15)
                               when the client offers client_max_window_bits (RFC 7692 §7.1.2.2)
"""

import argparse
import asyncio
import ssl
import sys

try:
    import websockets
    import websockets.server
    from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory
except ImportError as error:  # pragma: no cover - the message is the point
    print(f"ws_server.py: python3-websockets is missing ({error}); "
          "install the Debian package python3-websockets", file=sys.stderr, flush=True)
    sys.exit(3)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--compression", choices=["deflate", "none"], default="deflate")
    parser.add_argument("--subprotocols", default="")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--close-after", type=int, default=0)
    parser.add_argument("--close-code", type=int, default=1000)
    parser.add_argument("--close-reason", default="")
    parser.add_argument("--ping-interval", type=float, default=None)
    parser.add_argument("--max-size", type=int, default=16 * 1024 * 1024)
    parser.add_argument("--client-max-window-bits", type=int, default=None)
    parser.add_argument("--flood-bytes", type=int, default=0)
    return parser.parse_args()


async def wait_for_stdin_eof():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.buffer.read)


async def main():
    args = parse_args()

    async def echo(websocket):
        count = 0
        if args.flood_bytes:
            # Pre-built frames written straight to the transport: kernel speed, not Python's.
            frame = b"\x82\x40" + bytes(64)
            websocket.transport.write(frame * (args.flood_bytes // len(frame)))
        try:
            async for message in websocket:
                await websocket.send(message)
                count += 1
                if args.close_after and count >= args.close_after:
                    await websocket.close(code=args.close_code, reason=args.close_reason)
                    return
        except websockets.ConnectionClosed:
            pass

    ssl_context = None
    if args.tls:
        ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ssl_context.load_cert_chain(args.tls[0], args.tls[1])

    subprotocols = [p for p in args.subprotocols.split(",") if p] or None
    async with websockets.serve(
        echo,
        "127.0.0.1",
        args.port,
        compression=None if args.compression == "none" or args.client_max_window_bits else "deflate",
        extensions=[ServerPerMessageDeflateFactory(client_max_window_bits=args.client_max_window_bits)]
        if args.compression == "deflate" and args.client_max_window_bits
        else None,
        subprotocols=subprotocols,
        ssl=ssl_context,
        ping_interval=args.ping_interval,
        max_size=args.max_size,
    ) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        await wait_for_stdin_eof()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
