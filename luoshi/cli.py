"""The ``luoshi`` command: a thin layer over the library, one core call per command.

Every failure is one line on stderr (``path: [code] message``) and a
non-zero exit code; no traceback reaches the user.
"""
from __future__ import annotations

import codecs
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

import luoshi.ingest as batch_ingest
from luoshi.demo import run_demo
from luoshi.demo import serve as serve_demo
from luoshi.errors import LuoshiError, UsageError
from luoshi.evaluate import Evaluation, evaluate, load_gold, predict_from_files, predict_from_store
from luoshi.ingest import error_line
from luoshi.model import Section
from luoshi.options import Options
from luoshi.store import DEFAULT_DB, Store, StoredDocument

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="luoshi (落实): turn Chinese government work reports and plans into a source-grounded register "
         "of commitments.",
)
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

Db = Annotated[str, typer.Option("--db", envvar="LUOSHI_DB", show_envvar=False,
                                 help="SQLite file or SQLAlchemy URL (sqlite:///x.db, postgresql://…).")]
PIPED_WIDTH = 200  # tables written to a pipe or file: long lines rather than folded cells


class Kind(str, Enum):
    target = "target"
    achievement = "achievement"


@contextmanager
def failures() -> Iterator[None]:
    """Turn any failure into one line on stderr and exit code 1."""
    try:
        yield
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        err.print("luoshi: interrupted", markup=False)
        raise typer.Exit(130) from None
    except Exception as exc:  # LuoshiError and anything unexpected alike: one line, no traceback
        err.print(error_line(exc) if isinstance(exc, LuoshiError) else f"luoshi: {error_line(exc)}", markup=False)
        raise typer.Exit(1) from None


def make_options(encoding: str | None, text_column: str, extract: bool) -> Options:
    """The one place where command-line flags become pipeline ``Options``."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}; use a Python codec name such as gb18030 or big5") from None
    return Options(encoding=encoding, text_column=text_column, extract=extract)


def make_table(headers: tuple[str, ...], rows: list) -> Table:
    """A plain table whose cells wrap rather than truncate (the first two columns never wrap)."""
    table = Table(*(Column(h, min_width=len(h), overflow="fold", no_wrap=i < 2) for i, h in enumerate(headers)),
                  box=None, header_style="bold")
    for row in rows:
        table.add_row(*("—" if v is None else escape(str(v)) for v in row))
    return table


def print_table(table: Table) -> None:
    """Fit the terminal; when piped, use long lines rather than folding every cell."""
    (out if out.is_terminal else Console(width=PIPED_WIDTH, highlight=False)).print(table)


def echo_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def echo_jsonl(rows: list[dict]) -> None:
    sys.stdout.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or glob patterns.")],
    db: Db = DEFAULT_DB,
    encoding: Annotated[str | None, typer.Option(help="Decode text files with this encoding.")] = None,
    text_column: Annotated[str, typer.Option(help="Column holding the text in CSV/JSONL/Parquet.")] = "full_text",
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Skip measures and headline targets.")] = False,
) -> None:
    """Read, analyse and store documents; one result line per document."""
    tally: Counter[str] = Counter()
    with failures():
        options = make_options(encoding, text_column, not no_extract)
        with Store(db) as store:
            batch = batch_ingest.find_inputs(paths)
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns, console=out, transient=True, disable=not out.is_terminal) as progress:
                task = progress.add_task("ingesting", total=len(batch.files))
                workers = batch_ingest.auto_workers(batch)
                for result in batch_ingest.ingest(batch, store, options, workers=workers,
                                                  on_file=lambda _: progress.advance(task)):
                    tally[result.status] += 1
                    style = "red" if result.failed else "dim" if result.status == "unchanged" else None
                    out.print(escape(result.line()), style=style)
    summary = ", ".join(f"{tally[s]} {s}" for s in ("ok", "new version", "unchanged", "error") if tally[s])
    out.print(f"{sum(tally.values())} documents: {summary or 'no document files found'}", markup=False)
    raise typer.Exit(1 if tally["error"] or not tally else 0)


@app.command()
def docs(db: Db = DEFAULT_DB,
         as_json: Annotated[bool, typer.Option("--json", help="A JSON list instead of a table.")] = False) -> None:
    """List the stored documents (latest versions)."""
    with failures(), Store(db, create=False) as store:
        listed = store.list_documents()
    if as_json:
        echo_json([{"id": d.id, "source": d.name, **{k: getattr(d, k) for k in (
            "version", "title", "region", "parent_region", "level", "division_code", "year", "period", "doc_type",
            "format", "characters", "measures", "targets")}, "ingested_at": d.ingested_at.isoformat()} for d in listed])
        return
    rows = [(d.id, d.name if d.version == 1 else f"{d.name} (v{d.version})", d.title,
             f"{d.region} ({d.parent_region})" if d.region and d.parent_region else d.region,
             d.year, d.doc_type, d.measures, d.targets) for d in listed]
    table = make_table(("id", "source", "title", "region", "year", "type", "measures", "targets"), rows)
    if listed:
        print_table(table)
    else:
        out.print("no documents stored yet; run `luoshi ingest PATH` or `luoshi demo`", markup=False)


@app.command()
def show(doc: Annotated[str, typer.Argument(help="Document id or source file name.")], db: Db = DEFAULT_DB,
         as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False) -> None:
    """Metadata, outline (sections with roles) and repairs of one stored document."""
    with failures(), Store(db, create=False) as store:
        stored = store.get_document(doc)
    if as_json:
        echo_json(document_json(stored))
    else:
        print_document(stored)


METADATA_FIELDS = ("title", "region", "parent_region", "level", "division_code", "year", "period", "doc_type",
                   "session", "date", "speaker")


def document_json(d: StoredDocument) -> dict:
    meta, src = d.metadata, d.source
    return {
        "id": d.id, "source": d.name, "version": d.version, "path": src.path, "sha256": src.sha256,
        "format": src.format, "encoding": src.encoding, "characters": len(src.text),
        "ingested_at": d.ingested_at.isoformat(), "extracted": d.extracted,
        "metadata": {**{f: getattr(meta, f) for f in METADATA_FIELDS}, "title_confidence": meta.title_confidence,
                     "unknown": meta.unknown, "provenance": meta.provenance, "notes": meta.notes},
        "hints": src.meta, "hint_origins": src.meta_origin,
        "outline": [{"index": s.index, "parent": s.parent, "level": s.level, "label": s.label, "title": s.title,
                     "role": s.role, "start": s.span.start, "end": s.span.end} for s in d.sections],
        "repairs": [{"start": r.span.start, "end": r.span.end, "before": r.before, "after": r.after,
                     "status": r.status, "method": r.method} for r in src.repairs],
        "chrome": [{"start": c.span.start, "end": c.span.end, "kind": c.kind} for c in src.chrome],
        "counts": {"sentences": len(d.sentences), "glossary": len(d.glossary), "measures": len(d.measures),
                   "targets": len(d.targets)},
    }


def heading_text(section: Section) -> str:
    """Label and title as a reader writes them: 一、发展基础 but 第一章 发展基础."""
    glue = "" if not section.label or not section.label[-1].isalnum() else " "
    return f"{section.label}{glue}{section.title}"


def print_document(d: StoredDocument) -> None:
    meta, src = d.metadata, d.source
    out.print(f"[bold]{escape(d.name)}[/]  id {d.id}, version {d.version}, {src.format}, {src.encoding}, "
              f"{len(src.text):,} characters")
    out.print("\n[bold]Metadata[/]")
    for name in METADATA_FIELDS:
        value = getattr(meta, name)
        how = "; ".join(filter(None, (meta.provenance.get(name), meta.notes.get(name))))
        if value is not None:
            out.print(f"  {name:<14}{escape(str(value))}" + (f"  [dim]({escape(how)})[/]" if how else ""))
        else:
            reason = meta.unknown.get(name, "not found")
            out.print(f"  {name:<14}[dim]— unknown: {escape(reason)}[/]")
    out.print(f"\n[bold]Outline[/] ({len(d.sections)} sections)")
    for s in d.sections:
        heading = heading_text(s) or src.text[s.heading.start:s.heading.end].strip()[:40] or "(untitled)"
        out.print(f"  {'  ' * s.level}{escape(heading)}  [cyan]\\[{s.role}][/]  [dim]{s.span.start}–{s.span.end}[/]")
    out.print(f"\n[bold]Repairs[/] ({len(src.repairs)})")
    for r in src.repairs:
        after = escape(r.after) if r.after is not None else "[dim]not repaired[/]"
        out.print(f"  {r.span.start}–{r.span.end}  {r.status:<9}{escape(r.before)} → {after}")
    if src.chrome:
        out.print(f"\n[bold]Chrome[/] ({len(src.chrome)} spans not body text)")
    out.print(f"\n{len(d.sentences)} sentences, {len(d.glossary)} glossary terms, {len(d.measures)} measures, "
              f"{len(d.targets)} headline targets")


@app.command()
def measures(
    db: Db = DEFAULT_DB,
    doc: Annotated[str | None, typer.Option(help="One document (id or source file name).")] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only targets or only achievements.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line (shared/gold format).")] = False,
) -> None:
    """Quantitative measures (targets and achievements) of the stored documents."""
    with failures(), Store(db, create=False) as store:
        rows = store.measures(doc, kind.value if kind else None)
    if jsonl:
        echo_jsonl(rows)
        return
    columns = ("doc", "kind", "indicator", "comparator", "value", "unit", "quote")
    table = make_table(("doc", "kind", "indicator", "cmp", "value", "unit", "quote"),
                       [[r[k] for k in columns] for r in rows])
    if rows:
        print_table(table)
    else:
        out.print("no measures stored")


TARGET_COLUMNS = ("doc", "region", "year", "indicator", "indicator_text", "value", "unit", "comparator",
                  "value_max", "period", "start", "end", "quote")


@app.command()
def targets(
    db: Db = DEFAULT_DB,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
) -> None:
    """The headline-targets table (主要预期目标) across all stored documents."""
    with failures():
        if jsonl and as_csv:
            raise UsageError("choose one of --jsonl and --csv")
        with Store(db, create=False) as store:
            rows = store.targets()
    if jsonl:
        echo_jsonl(rows)
    elif as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=TARGET_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        columns = ("doc", "region", "year", "indicator", "indicator_text", "comparator", "value", "unit")
        table = make_table(("doc", "region", "year", "indicator", "text", "cmp", "value", "unit"),
                           [[r[k] for k in columns] for r in rows])
        if rows:
            print_table(table)
        else:
            out.print("no headline targets stored")


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Option(help="Folder of gold *.jsonl (measures and/or headline targets).")],
    db: Db = DEFAULT_DB,
    docs_dirs: Annotated[list[Path] | None, typer.Option(
        "--docs", help="Run the pipeline on the gold documents found here instead of using the database "
                       "(repeatable).")] = None,
    errors: Annotated[int, typer.Option(help="List up to N misses and spurious predictions.")] = 0,
) -> None:
    """Score stored (or freshly extracted) measures and headline targets against a gold folder."""
    with failures():
        gold_set = load_gold(gold)
        if docs_dirs:
            predicted = predict_from_files(gold_set.documents, docs_dirs, Options())
        else:
            with Store(db, create=False) as store:
                predicted = predict_from_store(gold_set.documents, store)
        result = evaluate(gold_set, predicted)
        if result.missing:
            where = "in " + ", ".join(map(str, docs_dirs)) if docs_dirs else "in the database"
            err.print(f"warning: {len(result.missing)} gold documents not found {where} (scored as missed): "
                      + ", ".join(result.missing), markup=False)
        if result.problems:
            err.print("\n".join(result.problems), markup=False)
            raise UsageError(f"{len(result.problems)} gold rows do not match their documents", path=str(gold))
    print_scores(result, errors)


def print_scores(result: Evaluation, errors: int) -> None:
    m, t = result.measures, result.targets
    if m is not None:
        print(f"measures: gold {m['gold']}  predicted {m['pred']}  matched {m['matched']}")
        print(f"precision {m['precision']:.3f}  recall {m['recall']:.3f}  f1 {m['f1']:.3f}")
        print(f"strict f1 {m['strict_f1']:.3f}  (value, unit, span, kind, comparator and change all right)")
        print(f"kind accuracy {m['kind_accuracy']:.3f}  comparator accuracy {m['comparator_accuracy']:.3f}  "
              f"change accuracy {m['change_accuracy']:.3f}  indicator char-f1 {m['indicator_char_f1']:.3f}")
        for g in m["missed"][:errors]:
            print(f"  missed   {g['doc']}[{g['start']}:{g['end']}] {g['quote']}  ({g['value']} {g['unit']})")
        for p in m["false_positives"][:errors]:
            print(f"  spurious {p['doc']}[{p.get('start')}:{p.get('end')}] {p.get('quote', '')}  "
                  f"({p.get('value')} {p.get('unit')})")
        print(f"f1={m['f1']:.4f} strict_f1={m['strict_f1']:.4f} indicator={m['indicator_char_f1']:.4f}")
    if t is not None:
        print(f"headline targets: gold rows {t['gold']}  predicted {t['pred']}  matched {t['matched']}  "
              f"in {t['documents']} documents")
        print(f"precision {t['precision']:.3f}  recall {t['recall']:.3f}  f1 {t['f1']:.3f}")
        for k in t["missed"][:errors]:
            print("  missed  ", k)
        for k in t["spurious"][:errors]:
            print("  spurious", k)
        print(f"targets_f1={t['f1']:.4f}")


@app.command()
def demo(db: Db = DEFAULT_DB,
         no_serve: Annotated[bool, typer.Option("--no-serve", help="Only ingest and summarise; do not serve.")] = False,
         host: Annotated[str, typer.Option(help="Address the web application listens on.")] = "127.0.0.1",
         port: Annotated[int, typer.Option(help="Port of the web application (0: any free port).")] = 8000) -> None:
    """Ingest the bundled example documents (fictional), summarise what luoshi found, and serve the web app."""
    with failures(), Store(db) as store:
        run = run_demo(store)
    for result in run.results:
        out.print(escape(result.line()), style="red" if result.failed else None)
    for d in run.documents:
        meta = d.metadata
        where = " · ".join(str(v) for v in (meta.region, meta.parent_region, meta.level, meta.division_code) if v)
        out.print(f"\n[bold]{escape(d.name)}[/]  {escape(meta.title or '(no title)')}")
        out.print(f"  {escape(where or 'region unknown')} · {meta.year or 'year unknown'} · "
                  f"{escape(meta.doc_type or 'type unknown')}")
        for s in d.sections:
            if 1 <= s.level <= 2:
                out.print(f"  {'  ' * s.level}{escape(heading_text(s)[:60])}  [cyan]\\[{s.role}][/]")
        kinds = Counter(m.kind for m in d.measures)
        out.print(f"  {len(d.measures)} measures ({kinds['target']} targets, {kinds['achievement']} achievements), "
                  f"{len(d.targets)} headline targets")
        for h in d.targets[:5]:
            target = f"{'' if h.comparator == '=' else h.comparator + ' '}{h.value:g}{h.unit}"
            quote = d.quote(h.span.start, h.span.end)
            pad = " " * max(2, 14 - cell_len(target))  # CJK characters take two cells
            out.print(f"    {h.indicator:<24}{escape(target)}{pad}[dim]{escape(quote)}[/]")
    example = run.documents[0].name if run.documents else "ID"
    out.print(f"\nstored in {store.where}. Next: luoshi docs · luoshi show {escape(example)} · luoshi targets · "
              "luoshi measures --jsonl")
    if not run.accounts:
        out.print("The web application is read-only until an account exists. To edit commitments and upload "
                  "documents: luoshi user add NAME --role editor, then sign in (登录).", markup=False)
    if no_serve or any(r.failed for r in run.results):
        raise typer.Exit(1 if any(r.failed for r in run.results) else 0)
    with failures():
        serve_demo(db, host, port, lambda line: out.print(line, markup=False))


def _register_command_modules() -> None:
    """Commands that live in their own modules; they import this module's helpers, so they come last."""
    from luoshi import cli_analysis, cli_fulfilment, cli_plan, cli_track, cli_user, cli_web

    for module in (cli_web, cli_analysis, cli_fulfilment, cli_track, cli_plan, cli_user):
        module.register(app)


_register_command_modules()
