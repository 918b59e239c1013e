"""``luoshi demo``: ingest the bundled (fictional) example documents and summarise them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def run_demo(store: Store, options: Options = Options()) -> DemoRun:
    results = tuple(ingest(example_files(), store, options))
    documents = tuple(store.get_document(r.id) for r in results if not r.failed)
    return DemoRun(results, documents)
