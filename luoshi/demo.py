"""``luoshi demo``: ingest the bundled (fictional) example documents, summarise them, and serve the web app."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from luoshi.accounts import has_users
from luoshi.ingest import IngestResult, ingest
from luoshi.options import Options
from luoshi.store import Store, StoredDocument

EXAMPLES = Path(__file__).with_name("examples")


def example_files() -> list[Path]:
    """The example documents shipped with the package (their ``.meta.json`` sidecars are read with them)."""
    return sorted(EXAMPLES.glob("*.txt"))


@dataclass(frozen=True, slots=True)
class DemoRun:
    results: tuple[IngestResult, ...]
    documents: tuple[StoredDocument, ...]
    accounts: bool  # whether any account exists: without one the web app is read-only


def run_demo(store: Store, options: Options = Options()) -> DemoRun:
    results = tuple(ingest(example_files(), store, options))
    documents = tuple(store.get_document(r.id) for r in results if not r.failed)
    return DemoRun(results, documents, has_users(store))


def serve(db: str, host: str, port: int, say: Callable[[str], None]) -> None:
    """Serve the web application on ``db`` until interrupted, first telling ``say`` its URL.

    :raises UsageError: the address cannot be used.
    """
    from luoshi.web import Settings, create_app
    from luoshi.web.serve import bind, server, url

    app = create_app(Settings(db=db))
    sock = bind(host, port)
    say(f"serving the web application at {url(sock)}  (register: {url(sock)}register · Ctrl+C to stop)")
    try:
        server(app).run(sockets=[sock])
    finally:
        sock.close()
