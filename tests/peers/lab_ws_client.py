#!/usr/bin/python3
"""An independent WebSocket client (Debian python3-websockets 10.4) for the demo server's
/lab/ws endpoint (docs/lab-endpoints.md), used by tests/core/demo/tst_demolab.cpp.

    /usr/bin/python3 tests/peers/lab_ws_client.py URL [--compression deflate|none] [--echo N]

Reads every message until the server closes, after sending N messages first with --echo (and
reading their answers), then prints one line "RESULT <json>": the messages received, their
sizes, whether their seqs run 1..n, the negotiated extensions and the close code and reason.
"""

import argparse
import asyncio
import json
import sys

import websockets


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--compression", choices=["deflate", "none"], default="deflate")
    parser.add_argument("--echo", type=int, default=0)
    args = parser.parse_args()
    compression = "deflate" if args.compression == "deflate" else None
    received = []
    echoed = []
    async with websockets.connect(args.url, compression=compression, max_queue=None) as ws:
        for i in range(1, args.echo + 1):
            text = f"c{i} 1765146000123456 " + "x" * 30
            await ws.send(text)
            echoed.append((await ws.recv()) == text)
        try:
            async for message in ws:
                received.append(message)
        except websockets.ConnectionClosed:
            pass
        seqs = [int(m.split(" ", 1)[0]) if not m.startswith("{") else json.loads(m)["seq"] for m in received]
        result = {
            "messages": len(received),
            "sizes": sorted({len(m) for m in received}),
            "in_order": seqs == list(range(1, len(seqs) + 1)),
            "echoed": sum(1 for ok in echoed if ok),
            "extensions": ws.response_headers.get("Sec-WebSocket-Extensions", ""),
            "close_code": ws.close_code,
            "close_reason": ws.close_reason,
        }
    print("RESULT " + json.dumps(result), flush=True)


asyncio.run(main())
