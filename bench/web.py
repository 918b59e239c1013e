"""Web latency: p50/p95 of every page and JSON twin, over real HTTP.

Ingests the seed + dev corpus into a fresh SQLite database, serves it with
uvicorn on a free localhost port (one process, as ``luoshi serve`` does)
and times --requests sequential GETs per URL on one keep-alive connection.
A figure, not a test:

    python bench/web.py [--requests 50] [PATH ...]
    python bench/web.py --measures 100000    # the register at scale (issue 5)

``--measures N`` grows the ingested corpus to N commitments by copying its
documents under other names, regions (prefectures of the division list) and
years, straight into the tables, with the register index and search table
filled as the store fills them; one in five commitments gets a status and a
lead unit (a department of the default directory) by events. It then times
the register (plain, filtered by a region and a status, a search of four
characters and one of two, a late page sorted by deadline), their JSON twins
and the public board.
"""
from __future__ import annotations

import argparse
import http.client
import random
import re
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import func, select, text

from luoshi.assign import default_directory
from luoshi.ingest import ingest
from luoshi.regions import all_divisions
from luoshi.register.index import STATUS_RANK
from luoshi.store import Store
from luoshi.store import schema as t
from luoshi.web import Settings, create_app
from luoshi.web.serve import bind, server

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = (SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "zhumadian")


def urls(store: Store) -> list[str]:
    """Every page and twin; per-document ones for the largest document (the worst case)."""
    largest = max(store.list_documents(), key=lambda d: d.characters)
    pages = ["/", "/documents", f"/documents/{largest.id}", f"/documents/{largest.id}/source"]
    return [u for page in pages for u in (page, "/api" + page.rstrip("/"))]


def grow(store: Store, measures: int, seed: int = 5) -> None:
    """Copy the stored documents with their commitments until the register holds ``measures`` commitments."""
    rng = random.Random(seed)
    regions = [d.name for d in all_divisions() if d.level == "prefecture"][:40]
    units = ["市" + d.name for d in default_directory().departments]
    statuses = list(STATUS_RANK)
    d, c, i = t.documents, t.commitments, t.commitment_index
    with store.engine.connect() as conn, conn.begin():
        docs = conn.execute(select(d)).mappings().all()
        items = {doc["id"]: conn.execute(select(c, i.c.role).join(i, i.c.commitment_id == c.c.id)
                                         .where(c.c.document_id == doc["id"])).mappings().all() for doc in docs}
        count = sum(map(len, items.values()))
        next_doc = conn.execute(select(func.max(d.c.id))).scalar_one() + 1
        next_item = conn.execute(select(func.max(c.c.id))).scalar_one() + 1
        at, copy = datetime(2024, 3, 1, tzinfo=UTC), 0
        while count < measures:
            copy += 1
            for doc in docs:
                if count >= measures or not items[doc["id"]]:
                    continue
                region, year = rng.choice(regions), (doc["year"] or 2021) + rng.randint(-2, 2)
                conn.execute(d.insert(), [dict(doc, id=next_doc, name=f"{doc['name']}#{copy}", region=region,
                                               year=year)])
                rows, index, events = [], [], []
                for item in items[doc["id"]][:measures - count]:
                    status, lead = "not_started", None
                    if rng.random() < 0.2:
                        status, lead = rng.choice(statuses), rng.choice(units)
                        events += [{"commitment_id": next_item, "at": at, "author": "bench", "type": "status",
                                    "value": status}, {"commitment_id": next_item, "at": at, "author": "bench",
                                                       "type": "lead", "value": lead}]
                    rows.append({col.key: item[col.key] for col in c.c} | {
                        "id": next_item, "document_id": next_doc, "thread": f"{copy:08x}{item['thread'][8:]}"})
                    index.append({"commitment_id": next_item, "document_id": next_doc, "latest": True,
                                  "span_start": item["span_start"], "kind": item["kind"],
                                  "item_ordinal": item["item_ordinal"], "region": region, "year": year,
                                  "role": item["role"], "topic": item["topic"], "status": status,
                                  "status_rank": STATUS_RANK[status], "lead_unit": lead, "deadline": item["deadline"]})
                    next_item += 1
                conn.execute(c.insert(), rows)
                conn.execute(i.insert(), index)
                if events:
                    conn.execute(t.commitment_events.insert(), [e | {k: None for k in (
                        "note", "evidence_url", "evidence_name", "evidence_sha256", "evidence_document_id",
                        "evidence_start", "evidence_end")} for e in events])
                count += len(rows)
                next_doc += 1
        conn.execute(text(f"INSERT INTO {t.SEARCH_TABLE}({t.SEARCH_TABLE}) VALUES ('rebuild')"))
        conn.exec_driver_sql("ANALYZE")


def register_urls(store: Store) -> list[str]:
    """The register plain, filtered, searched (4 and 2 characters) and on a late page; the board."""
    i, c = t.commitment_index.c, t.commitments.c
    with store.engine.connect() as conn:
        region = conn.execute(select(i.region).where(i.latest, i.region.is_not(None)).group_by(i.region)
                              .order_by(func.count().desc()).limit(1)).scalar_one()
        texts = conn.execute(select(c.text).join(t.commitment_index, i.commitment_id == c.id).where(i.latest)
                             .order_by(c.id).limit(50)).scalars()
        word = next(w for s in texts for w in re.findall(r"[\u4e00-\u9fff]{4,}", s))[:4]
    pages = [f"/register?region={quote(region)}&status=in_progress", f"/register?q={quote(word)}",
             f"/register?q={quote(word[:2])}", "/register?sort=-deadline&page=200"]
    return [u for page in ("/register", *pages, "/board") for u in (page, "/api" + page)]


def percentiles(conn: http.client.HTTPConnection, url: str, requests: int) -> tuple[float, float, int]:
    """p50 and p95 ms of ``requests`` GETs of ``url`` after one untimed one (templates compiled, pages cached)."""
    conn.request("GET", url)
    conn.getresponse().read()
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
    parser.add_argument("--measures", type=int, help="grow the register to this many commitments and time it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            failed = [r.line() for r in ingest(args.paths, store) if r.failed]
            if failed:
                raise SystemExit("\n".join(failed))
            if args.measures:
                started = time.perf_counter()
                grow(store, args.measures)
                print(f"seeded {args.measures} commitments in {time.perf_counter() - started:.0f} s")
                targets = register_urls(store)
            else:
                targets = urls(store)
            documents = len(store.list_documents())
        sock = bind("127.0.0.1", 0)
        running = server(create_app(Settings(db=str(db))))
        thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        conn = http.client.HTTPConnection(*sock.getsockname()[:2], timeout=30)
        try:
            print(f"{documents} documents; {args.requests} sequential requests per URL")
            width = max(28, *map(len, targets)) + 2
            print(f"{'url':<{width}}{'p50 ms':>9}{'p95 ms':>9}{'KiB':>9}")
            for url in targets:
                p50, p95, size = percentiles(conn, url, args.requests)
                print(f"{url:<{width}}{p50:>9.1f}{p95:>9.1f}{size / 1024:>9.0f}")
        finally:
            conn.close()
            running.should_exit = True
            thread.join(timeout=10)
            sock.close()


if __name__ == "__main__":
    main()
