#!/usr/bin/python3
"""Hand check of the demo server's WebSocket side with an independent client
(Debian python3-websockets 10.4): echo, subprotocols, chat broadcast, ticker rates and sizes,
404 for unknown paths, 400 for bad ticker parameters.

    wirescope-cli serve-demo --port 18080 &
    /usr/bin/python3 tests/peers/demo_ws_check.py [ws://127.0.0.1:18080]
"""
import sys
import asyncio
import json
import time

import websockets

BASE = sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:18080"
async def main():
    async with websockets.connect(BASE + "/ws/echo", compression=None) as ws:
        await ws.send("héllo"); print("echo text:", await ws.recv())
        await ws.send(b"\x00\xff\x10"); print("echo binary:", await ws.recv())
    async with websockets.connect(BASE + "/ws/echo", subprotocols=["mqtt", "json"]) as ws:
        print("subprotocol offered mqtt,json ->", ws.subprotocol)
    async with websockets.connect(BASE + "/ws/chat", subprotocols=["chat"]) as a, \
               websockets.connect(BASE + "/ws/chat", subprotocols=["json"]) as b:
        print("chat subprotocols:", a.subprotocol, b.subprotocol)
        await a.send("hi from a")
        print("a got:", await a.recv()); print("b got:", await b.recv())
    for hz, size, count in [(10, 64, 10), (1000, 200, 1000), (50000, 64, 100000)]:
        async with websockets.connect(f"{BASE}/ws/ticker?hz={hz}&size={size}&count={count}", compression=None, max_queue=None) as ws:
            msgs = []
            start = time.monotonic()
            try:
                async for m in ws: msgs.append(m)
            except websockets.ConnectionClosed: pass
            dur = time.monotonic() - start
            first, last = json.loads(msgs[0]), json.loads(msgs[-1])
            sizes = {len(m) for m in msgs}
            print(f"ticker hz={hz} size={size}: {len(msgs)} msgs, sizes {sizes}, seq {first['seq']}..{last['seq']}, "
                  f"server span {(last['t_ns']-first['t_ns'])/1e9:.3f}s, client rate {len(msgs)/dur:.0f}/s, close {ws.close_code}")
    try:
        async with websockets.connect(BASE + "/ws/nothing") as ws: pass
    except Exception as e: print("unknown ws path:", type(e).__name__, e)
    try:
        async with websockets.connect(BASE + "/ws/ticker?hz=0") as ws: pass
    except Exception as e: print("bad ticker hz:", type(e).__name__, e)
asyncio.run(main())
