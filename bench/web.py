"""Web latency: p50/p95 of every page and JSON twin, over real HTTP.

Ingests the seed + dev corpus into a fresh SQLite database, serves it with
uvicorn on a free localhost port (one process, as ``luoshi serve`` does)
and times --requests sequential GETs per URL on one keep-alive connection.
A figure, not a test:

    python bench/web.py [--requests 50] [PATH ...]
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import tempfile
import threading
import time
from pathlib import Path

from luoshi.ingest import ingest
from luoshi.store import Store
from luoshi.web import Settings, create_app
from luoshi.web.serve import bind, server

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = (SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "zhumadian")


def urls(store: Store) -> list[str]:
    """Every page and twin; per-document ones for the largest document (the worst case)."""
    largest = max(store.list_documents(), key=lambda d: d.characters)
    pages = ["/", "/documents", f"/documents/{largest.id}", f"/documents/{largest.id}/source"]
    return [u for page in pages for u in (page, "/api" + page.rstrip("/"))]


def percentiles(conn: http.client.HTTPConnection, url: str, requests: int) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(requests):
        start = time.perf_counter()
        conn.request("GET", url)
        response = conn.getresponse()
        body = response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
        size = len(body)
    cuts = statistics.quantiles(times, n=20)
    return statistics.median(times), cuts[18], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=list(CORPUS))
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            failed = [r.line() for r in ingest(args.paths, store) if r.failed]
            if failed:
                raise SystemExit("\n".join(failed))
            targets = urls(store)
            documents = len(store.list_documents())
        sock = bind("127.0.0.1", 0)
        running = server(create_app(Settings(db=str(db))))
        thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        conn = http.client.HTTPConnection(*sock.getsockname()[:2], timeout=30)
        try:
            print(f"{documents} documents; {args.requests} sequential requests per URL")
            print(f"{'url':<28}{'p50 ms':>9}{'p95 ms':>9}{'KiB':>9}")
            for url in targets:
                p50, p95, size = percentiles(conn, url, args.requests)
                print(f"{url:<28}{p50:>9.1f}{p95:>9.1f}{size / 1024:>9.0f}")
        finally:
            conn.close()
            running.should_exit = True
            thread.join(timeout=10)
            sock.close()


if __name__ == "__main__":
    main()
