"""API load: a synthetic store of N events, ``eventwire serve`` on loopback, filtered /api/events.

Run: .venv/bin/python bench/api_load.py [--events 1000000] [--concurrency 16] [--seconds 20]
     [--store /tmp/eventwire-bench-store]   (prints numbers; not a test)

1. Builds (once; reused when the folder exists with the same event count) a store of N synthetic
   events, one mention each, written through ``Store.open_writer().write_batch`` in batches of
   100,000 EventMention records made with ``eventwire.records`` (one article per 10 events).
2. Starts uvicorn with the API in a subprocess on 127.0.0.1 (a free port) and waits until the
   in-memory read path is built.
3. Cold pass: every distinct query of the mix once (sequential; uncached latency).
4. Timed pass: ``--concurrency`` workers on one ``httpx.AsyncClient`` pick queries from the mix at
   random for ``--seconds`` seconds (or ``--requests`` requests); prints requests/s, p50, p90, p99.
5. Uncached pass (``--uncached N``, 0 skips it): N requests, sequential, each a query never sent
   before (same kind of mix, other words / dates / actors: never a cache hit); prints p50 / p99 and
   a summary line with the cached numbers beside them.
Goals (issues): cached ≥ 500 requests/s with p99 ≤ 50 ms on 2 cores; uncached p50 ≤ 30 ms and
p99 ≤ 100 ms on 1M events.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

TYPES = [("AGREE", 1, "057", 3.0), ("CONSULT", 1, "040", 1.0), ("SUPPORT", 1, "051", 3.4),
         ("CONCEDE", 1, "080", 5.0), ("COOPERATE", 2, "062", 6.0), ("AID", 2, "070", 7.0),
         ("RETREAT", 2, "087", 9.0), ("REQUEST", 1, "020", 3.0), ("ACCUSE", 3, "112", -2.0),
         ("REJECT", 3, "120", -4.0), ("THREATEN", 3, "138", -7.0), ("PROTEST", 3, "141", -6.5),
         ("SANCTION", 4, "163", -8.0), ("MOBILIZE", 3, "152", -7.2), ("COERCE", 4, "170", -7.0),
         ("ASSAULT", 4, "190", -10.0)]
COUNTRIES = ["RUS", "UKR", "USA", "CHN", "PRK", "KOR", "DEU", "FRA", "GBR", "ISR", "IRN", "SYR",
             "TUR", "IND", "PAK", "JPN", "POL", "BLR", "EGY", "SAU", "UNO", "NATO"]
PLACES = [("Kyiv", "UKR", 50.45, 30.52), ("Moscow", "RUS", 55.75, 37.62), ("Washington", "USA", 38.9, -77.04),
          ("Beijing", "CHN", 39.9, 116.4), ("Pyongyang", "PRK", 39.03, 125.75), ("Seoul", "KOR", 37.57, 126.98),
          ("Berlin", "DEU", 52.52, 13.4), ("Paris", "FRA", 48.85, 2.35), ("Gaza", "PSE", 31.5, 34.47),
          ("Tehran", "IRN", 35.69, 51.39), ("Damascus", "SYR", 33.51, 36.29), ("Ankara", "TUR", 39.93, 32.86)]
WORDS = ["missiles", "talks", "troops", "border", "sanctions", "drones", "summit", "aid", "ceasefire",
         "protest", "election", "navy", "pipeline", "grain", "refugees", "nuclear"]
LANGS = ["en", "de", "fr", "es"]
START = date(2023, 1, 1)
DAYS = 700


def _h(s: str) -> str:
    return hashlib.blake2b(s.encode(), digest_size=8).hexdigest()


def build_store(path: Path, n_events: int, batch: int = 100_000, paired: bool = False) -> None:
    """``paired``: every third mention joins the event of the one before it (events of one and of
    two mentions; for equivalence checks of the read path) - ``n_events`` then counts mentions."""
    from eventwire.records import (ActorRef, Article, Attribution, EventMention, Evidence, Modality,
                                   PlaceRef)
    from eventwire.store import Store

    marker = path / "bench.json"
    meta = json.loads(marker.read_text()) if marker.exists() else {}
    if meta.get("events") == n_events and meta.get("paired", False) == paired:
        print(f"store {path}: reusing {n_events:,} events", flush=True)
        return
    if path.exists():
        import shutil
        shutil.rmtree(path)
    rnd = random.Random(42)
    store = Store(path)
    t0 = time.perf_counter()
    with store.open_writer(fsync=False, auto_compact=False) as w:
        for b0 in range(0, n_events, batch):
            articles, mentions = [], []
            for i in range(b0, min(n_events, b0 + batch)):
                art_no = i // 10
                aid = f"a{art_no:08d}"
                lang = LANGS[art_no % len(LANGS)]
                if i % 10 == 0:
                    url = f"https://news{art_no % 500}.example/{art_no}"
                    articles.append(Article(id=aid, url=url, site=f"news{art_no % 500}.example",
                                            title=f"Report {art_no} on {rnd.choice(WORDS)}", text="(synthetic)",
                                            published=START + timedelta(days=art_no % DAYS), language=lang,
                                            content_hash=_h(aid), source_uri=url))
                etype, quad, cameo, inten = TYPES[rnd.randrange(len(TYPES))]
                a, r = rnd.sample(COUNTRIES, 2)
                d = START + timedelta(days=rnd.randrange(DAYS))
                w1, w2 = rnd.sample(WORDS, 2)
                sentence = f"{a} forces and {r} officials: {w1} {etype.lower()} {w2} (item {i})."
                place = PLACES[rnd.randrange(len(PLACES))] if rnd.random() < 0.6 else None
                speaker = ActorRef(text=f"{a} spokesperson", country=a, sector="GOV") if rnd.random() < 0.3 else None
                pol = "denied" if rnd.random() < 0.05 else "asserted"
                cert = rnd.choice(["certain", "certain", "probable", "possible"])
                mentions.append((EventMention(
                    id=_h(f"m{i}"), article_id=aid, language=lang, event_type=etype,
                    evidence=Evidence(0, len(sentence), sentence, etype.lower(), 0, 0),
                    actor=[ActorRef(text=a, country=a, sector="GOV")],
                    recipient=[ActorRef(text=r, country=r, sector="MIL")],
                    date=d.isoformat(), date_precision="day", date_source="text",
                    location=PlaceRef(place[0], place[0], place[1], place[2], place[3], 1000 + PLACES.index(place))
                    if place else None,
                    attribution=Attribution(speaker=speaker, cue="said" if speaker else None),
                    modality=Modality(polarity=pol, certainty=cert), cameo=cameo, quad_code=quad,
                    intensity=inten, confidence=round(rnd.uniform(0.3, 0.99), 2), coder_version="bench",
                ), f"e{i - 1 if paired and i % 3 == 2 else i:08d}"))
            w.write_batch(articles, {}, mentions)
            print(f"  wrote {min(n_events, b0 + batch):,} events ({time.perf_counter() - t0:.0f} s)", flush=True)
    marker.write_text(json.dumps({"events": n_events, "paired": paired}))


def query_mix(rnd: random.Random, n: int = 400) -> list[str]:
    mix = set()
    while len(mix) < n:
        p: dict[str, str] = {}
        k = rnd.random()
        if k < 0.35:
            p["type"] = rnd.choice(TYPES)[0]
        if rnd.random() < 0.4:
            p["actor"] = rnd.choice(COUNTRIES)
        if rnd.random() < 0.2:
            p["recipient"] = rnd.choice(COUNTRIES)
        if rnd.random() < 0.3:
            s = START + timedelta(days=rnd.randrange(DAYS - 60))
            p["since"] = s.isoformat()
            p["until"] = (s + timedelta(days=rnd.choice([7, 30, 60]))).isoformat()
        if rnd.random() < 0.1:
            p["text"] = rnd.choice(WORDS)
        if rnd.random() < 0.15:
            p["language"] = rnd.choice(LANGS)
        if rnd.random() < 0.05:
            p["min_independent"] = "1"
        if rnd.random() < 0.2:
            p["sort"] = rnd.choice(["num_mentions", "confidence"])
        if rnd.random() < 0.2:
            p["offset"] = str(rnd.choice([50, 100, 500]))
        p["limit"] = "50"
        mix.add("/api/events?" + "&".join(f"{k}={v}" for k, v in sorted(p.items())))
    return sorted(mix)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def uncached_mix(seen: set[str], n: int, seed: int = 99) -> list[str]:
    """``n`` queries of the same kind as ``query_mix``, none of them in ``seen`` nor repeated."""
    out: list[str] = []
    rnd = random.Random(seed)
    taken = set(seen)
    while len(out) < n:
        for u in query_mix(rnd, max(50, n)):
            if u not in taken and len(out) < n:
                taken.add(u)
                out.append(u)
    rnd.shuffle(out)
    return out


async def drive(base: str, mix: list[str], concurrency: int, seconds: float, max_requests: int,
                uncached: int = 0) -> None:
    """aiohttp when installed (fast), else httpx.AsyncClient (slower client: it caps throughput)."""
    try:
        import aiohttp
    except ImportError:  # pragma: no cover
        aiohttp = None
    if aiohttp is not None:
        session = aiohttp.ClientSession(base, connector=aiohttp.TCPConnector(limit=concurrency),
                                        timeout=aiohttp.ClientTimeout(total=30))

        async def get(u: str) -> int:
            async with session.get(u) as r:
                await r.read()
                return r.status
        client_name = "aiohttp"
    else:
        import httpx
        session = httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(
            max_connections=concurrency, max_keepalive_connections=concurrency))

        async def get(u: str) -> int:
            r = await session.get(u)
            return r.status_code
        client_name = "httpx"

    rnd = random.Random(7)
    try:
        async def sequential(urls: list[str]) -> list[float]:
            """Latency (ms) of each request in turn; any answer but 200 stops the benchmark."""
            out = []
            for u in urls:
                s = time.perf_counter()
                if await get(u) != 200:
                    raise SystemExit(f"{u}: not 200")
                out.append((time.perf_counter() - s) * 1000)
            return out

        t0 = time.perf_counter()
        cold = await sequential(mix)
        print(f"cold pass: {len(mix)} distinct queries in {time.perf_counter() - t0:.1f} s; "
              f"uncached p50 {pct(cold, 50):.1f} ms, p99 {pct(cold, 99):.1f} ms, max {max(cold):.1f} ms",
              flush=True)

        lat: list[float] = []
        errors = 0
        deadline = time.perf_counter() + seconds
        sent = 0

        async def worker() -> None:
            nonlocal errors, sent
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                u = rnd.choice(mix)
                s = time.perf_counter()
                status = await get(u)
                lat.append((time.perf_counter() - s) * 1000)
                if status != 200:
                    errors += 1

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
        print(f"timed pass ({client_name}): {len(lat):,} requests, concurrency {concurrency}, "
              f"{wall:.1f} s, errors {errors}")
        print(f"  throughput {len(lat) / wall:.0f} requests/s; latency p50 {pct(lat, 50):.1f} ms, "
              f"p90 {pct(lat, 90):.1f} ms, p99 {pct(lat, 99):.1f} ms, max {max(lat):.1f} ms", flush=True)

        if uncached:
            unc = await sequential(uncached_mix(set(mix), uncached))
            print(f"uncached pass: {len(unc)} requests, each a query not sent before (sequential); "
                  f"p50 {pct(unc, 50):.1f} ms, p90 {pct(unc, 90):.1f} ms, p99 {pct(unc, 99):.1f} ms, "
                  f"max {max(unc):.1f} ms")
            print(f"SUMMARY cached: {len(lat) / wall:.0f} req/s, p50 {pct(lat, 50):.1f} ms, "
                  f"p99 {pct(lat, 99):.1f} ms | uncached: p50 {pct(unc, 50):.1f} ms, "
                  f"p99 {pct(unc, 99):.1f} ms (cold pass p50 {pct(cold, 50):.1f} ms, "
                  f"p99 {pct(cold, 99):.1f} ms)", flush=True)
    finally:
        if aiohttp is not None:
            await session.close()
        else:
            await session.aclose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--store", default="/tmp/eventwire-bench-store")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--requests", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=400, help="distinct queries in the mix")
    ap.add_argument("--uncached", type=int, default=300,
                    help="requests in the uncached pass, each a distinct new query (0: skip)")
    args = ap.parse_args()

    store = Path(args.store)
    build_store(store, args.events)
    port = free_port()
    env = dict(os.environ)
    env.pop("EVENTWIRE_TOKEN", None)
    code = ("import uvicorn, sys; from eventwire.api import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
            "log_level='warning', access_log=False)")
    server = subprocess.Popen([sys.executable, "-c", code, str(store), str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        t0 = time.perf_counter()
        while True:
            try:
                r = httpx.get(base + "/api/health", timeout=600)
                if r.status_code == 200:
                    break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise SystemExit("server exited")
                time.sleep(0.2)
        print(f"server ready on {base} (read path built in {r.json()['build_seconds']:.1f} s, "
              f"{time.perf_counter() - t0:.1f} s after start)", flush=True)
        total = httpx.get(base + "/api/events?limit=1", timeout=60).json()["total"]
        print(f"events in store: {total:,}")
        asyncio.run(drive(base, query_mix(random.Random(1), args.queries), args.concurrency,
                          args.seconds, args.requests, args.uncached))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
