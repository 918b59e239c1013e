"""Shared fixtures: the shared corpus, small hand-built Documents, and databases.

Documents are built directly from the model dataclasses so that the store
and CLI can be tested without the analysis stages; spans are computed from
the text with ``str.index`` so that every quote really is at its offsets.

Store-backed tests take the ``db`` (or ``store``) fixture, which runs them
on SQLite and, when ``LUOSHI_TEST_POSTGRES_URL`` is set (CI sets it, see
``.ci/setup.d``), once more on PostgreSQL, each test in a schema of its own.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from array import array
from pathlib import Path

import pytest

from luoshi.model import (
    Chrome,
    Document,
    GlossaryEntry,
    HeadlineTarget,
    Measure,
    Metadata,
    Normalised,
    Repair,
    Section,
    Sentence,
    Source,
    Span,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# The prediction format of shared/gold/score.py, as `luoshi measures --jsonl` writes it.
PREDICTION_KEYS = {"doc", "start", "end", "quote", "kind", "indicator", "value", "unit", "comparator", "change",
                   "period", "value_max", "confidence", "indicator_simplified"}


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the checkout (corpus and gold); the suite needs it."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.fail(f"the shared corpus is missing: expected it at {SHARED}")
    return SHARED


def identity_normalised(text: str) -> Normalised:
    """A normalised view equal to the source (what a clean Simplified text normalises to)."""
    return Normalised(text, array("l", range(len(text))), array("l", range(1, len(text) + 1)), len(text))


def span_of(text: str, piece: str, start: int = 0) -> Span:
    at = text.index(piece, start)
    return Span(at, at + len(piece))


REPORT = (
    "网页导航 | 首页\n"
    "政府工作报告\n"
    "——2024年1月10日在示例市第十届人民代表大会第三次会议上\n"
    "一、2023年工作回顾\n"
    "全年完成地区生产总值180.5亿元,同比增长5.2%。新增城镇就业1.2万人。\n"
    "二、2024年工作安排\n"
    "今年主要预期目标是:地区生产总值增长6%左右,城镇调查失业率控制在5.5%以内。\n"
    "注释:〔1〕百千万工程:指百县千镇万村高质量发展工程。\n"
)


def make_document(text: str = REPORT, name: str = "report.txt", *, region: str | None = "示例市",
                  year: int | None = 2024, full: bool = True) -> Document:
    """A small report with every kind of item; ``full=False`` gives text and metadata only."""
    source = Source(
        name=name, path=f"/data/{name}", sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt",
        encoding="utf-8", text=text, meta={"hint": "test"}, meta_origin={"hint": "sidecar"},
        chrome=(Chrome(span_of(text, "网页导航 | 首页"), "page"),) if full and "网页导航" in text else (),
        repairs=(Repair(span_of(text, "首页"), "首页", None, "flagged"),) if full and "首页" in text else (),
    )
    metadata = Metadata(
        title="政府工作报告", title_confidence=1.0, region=region, parent_region="示例省", level="prefecture",
        division_code="999900", year=year, doc_type="政府工作报告", session="第十届人民代表大会第三次会议",
        date="2024-01-10", unknown={"speaker": "no 市长 line found"}, provenance={"region": "text"},
        notes={"region": "stated in the title line (confidence 1.0)"},
    )
    doc = Document(source=source, normalised=identity_normalised(text), metadata=metadata)
    if not full or "一、2023年工作回顾" not in text:
        return doc
    review, plan = span_of(text, "一、2023年工作回顾"), span_of(text, "二、2024年工作安排")
    notes = text.index("注释")
    sections = (
        Section(0, Span(0, review.start), span_of(text, "政府工作报告"), 0, "", "政府工作报告", "front", None),
        Section(1, Span(review.start, plan.start), review, 1, "一、", "2023年工作回顾", "review", 0),
        Section(2, Span(plan.start, notes), plan, 1, "二、", "2024年工作安排", "plan", 0),
        Section(3, Span(notes, len(text)), span_of(text, "注释"), 1, "", "注释", "notes", 0),
    )
    sentences = tuple(
        Sentence(i, span_of(text, s), section)
        for i, (s, section) in enumerate([
            ("全年完成地区生产总值180.5亿元,同比增长5.2%。", 1), ("新增城镇就业1.2万人。", 1),
            ("今年主要预期目标是:地区生产总值增长6%左右,城镇调查失业率控制在5.5%以内。", 2),
        ])
    )
    measures = (
        Measure(span_of(text, "全年完成地区生产总值180.5亿元"), "achievement", "地区生产总值", "地区生产总值",
                180.5, "亿元", "=", False, "2023", 0.9, sentence=0, section=1),
        Measure(span_of(text, "同比增长5.2%"), "achievement", "地区生产总值", "地区生产总值", 5.2, "%", "=", True,
                "2023", 0.8, sentence=0, section=1),
        Measure(span_of(text, "地区生产总值增长6%左右"), "target", "地区生产总值", "地区生产总值", 6, "%", "~", True,
                "2024", 0.95, sentence=2, section=2),
        Measure(span_of(text, "城镇调查失业率控制在5.5%以内"), "target", "城镇调查失业率", "城镇调查失业率", 5.5, "%",
                "<=", False, "2024", 0.95, sentence=2, section=2),
    )
    targets = (
        HeadlineTarget("gdp_growth", "地区生产总值", 6, "%", "~", measures[2].span, "2024"),
        HeadlineTarget("surveyed_unemployment", "城镇调查失业率", 5.5, "%", "<=", measures[3].span, "2024"),
    )
    glossary = (GlossaryEntry("百千万工程", "指百县千镇万村高质量发展工程。", span_of(text, "〔1〕百千万工程:指百县千镇万村高质量发展工程。"),
                              "〔1〕", None),)
    return Document(source=source, normalised=identity_normalised(text), sections=sections, sentences=sentences,
                    glossary=glossary, metadata=metadata, measures=measures, targets=targets)


POSTGRES_URL = os.environ.get("LUOSHI_TEST_POSTGRES_URL")
BACKENDS = ("sqlite", "postgresql") if POSTGRES_URL else ("sqlite",)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file path, for tests of SQLite itself (WAL, file handling); others take ``db``."""
    return tmp_path / "luoshi.db"


@pytest.fixture(scope="session")
def postgres_admin():
    """One engine on the test PostgreSQL database, to create and drop each test's schema."""
    from sqlalchemy import create_engine

    engine = create_engine(POSTGRES_URL)
    yield engine
    engine.dispose()


def postgres_schema_url(request) -> str:
    """The test server's URL for a new empty schema of its own, dropped when the test ends."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = request.getfixturevalue("postgres_admin")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))

    request.addfinalizer(drop)
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def table_rows(db: str | Path) -> dict[str, list[tuple]]:
    """Every row of every table (alembic_version included), on any backend."""
    from sqlalchemy import inspect, text

    from luoshi.store.engine import make_engine

    engine = make_engine(db, create=False)
    try:
        with engine.connect() as conn:
            return {name: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1'))]
                    for name in inspect(conn).get_table_names()}
    finally:
        engine.dispose()


def integrity(db: str | Path) -> str:
    """"ok" when every child row belongs to a stored document (and SQLite's own check passes)."""
    from sqlalchemy import func, select

    from luoshi.store import schema
    from luoshi.store.engine import make_engine

    engine = make_engine(db, create=False)
    documents = select(schema.documents.c.id)
    try:
        with engine.connect() as conn:
            for table in schema.CHILD_TABLES:
                orphans = conn.execute(select(func.count()).select_from(table)
                                       .where(table.c.document_id.not_in(documents))).scalar_one()
                if orphans:
                    return f"{orphans} rows of {table.name} belong to no document"
            if conn.dialect.name == "sqlite":
                return conn.exec_driver_sql("PRAGMA integrity_check").scalar_one()
            return "ok"
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path: Path) -> str:
    """A fresh empty database as a ``--db`` value: a SQLite file, or a PostgreSQL URL of a new schema."""
    return str(tmp_path / "luoshi.db") if request.param == "sqlite" else postgres_schema_url(request)


@pytest.fixture
def store(db: str):
    from luoshi.store import Store

    with Store(db) as opened:
        yield opened


@pytest.fixture
def make_doc():
    """The ``make_document`` builder, for tests that need variations."""
    return make_document


# --- end-to-end browser (see tests/e2e_browser.py) ------------------------------------

@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright, for tests that import ``e2e_browser`` (which skips without it)."""
    from e2e_browser import ARGS, CHROMIUM, sync_api

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh zh-CN page; the test fails if the page logs a script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()
    assert errors == [], f"browser errors: {errors}"
