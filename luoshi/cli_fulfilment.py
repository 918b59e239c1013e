"""``luoshi fulfilment`` and ``luoshi cascade``: targets judged across years and across levels."""

from collections import Counter
from typing import Annotated

import typer

from luoshi.cascade import cascades
from luoshi.fulfilment import Verdict, fulfilment, suggest_statuses
from luoshi.store import Store, StoredDocument


def stored_documents(store: Store) -> list[StoredDocument]:
    """Every stored document (latest versions), in storage order."""
    return [store.get_document(d.id) for d in store.list_documents()]


def _figure(value: float, unit: str, comparator: str | None = None) -> str:
    shown = f"{value:g}{unit}"
    return shown if comparator in (None, "=") else f"{comparator} {shown}"


def register(app: typer.Typer) -> None:
    from luoshi.cli import DEFAULT_DB, Db, echo_jsonl, err, failures, make_table, out, print_table

    @app.command("fulfilment")
    def fulfilment_command(
        db: Db = DEFAULT_DB,
        jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line.")] = False,
        region: Annotated[str | None, typer.Option(help="Only this region (name or 6-digit code).")] = None,
        suggest: Annotated[bool, typer.Option(
            "--suggest", help="Record each verdict as luoshi's status suggestion in the register, with the "
                              "achievement as evidence.")] = False,
    ) -> None:
        """Were last year's targets met? Each target of a work report against the next year's report."""
        with failures(), Store(db, create=False) as store:
            verdicts = fulfilment(stored_documents(store), region)
            suggested = suggest_statuses(store, verdicts) if suggest else None
        if suggested is not None:
            err.print(f"{len(suggested)} status suggestions recorded in the register (by luoshi:fulfilment)",
                      markup=False)
        if jsonl:
            echo_jsonl([v.record() for v in verdicts])
            return
        if not verdicts:
            out.print("no verdicts: fulfilment needs work reports of one region for consecutive years", markup=False)
            return
        print_table(make_table(("region", "year", "indicator", "target", "actual", "verdict", "status"),
                               [_row(v) for v in verdicts]))
        tally = Counter(v.verdict for v in verdicts)
        out.print(", ".join(f"{tally[k]} {k}" for k in ("met", "partly", "missed", "unknown")), markup=False)

    @app.command("cascade")
    def cascade_command(
        db: Db = DEFAULT_DB,
        parent: Annotated[str | None, typer.Option(help="Only this parent region (name or 6-digit code).")] = None,
        jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line.")] = False,
    ) -> None:
        """County targets linked to their city's targets; city targets with no county counterpart."""
        with failures(), Store(db, create=False) as store:
            found = cascades(stored_documents(store), parent)
        if jsonl:
            echo_jsonl([row for c in found for row in c.records()])
            return
        if not found:
            out.print("no cascade: store documents of a city and of counties or districts under it", markup=False)
            return
        for c in found:
            out.print(f"{c.parent_region}: {len(c.links)} county targets linked, "
                      f"{len(c.unmatched)} city targets with no counterpart ({', '.join(c.children)})", markup=False)
            rows = [(link.indicator, _figure(link.parent.value, link.parent.unit, link.parent.comparator),
                     link.child_region, link.child.quote, link.basis) for link in c.links]
            rows += [(indicator, _figure(side.value, side.unit, side.comparator), None, None, "no counterpart")
                     for indicator, side in c.unmatched]
            print_table(make_table(("city indicator", "city target", "county", "county target", "link"), rows))


def _row(v: Verdict) -> tuple:
    t, a = v.target, v.actual
    return (v.region, t.period, v.indicator, f"{_figure(t.value, t.unit, t.comparator)}  {t.quote}",
            f"{_figure(a.value, a.unit)}  {a.quote}" if a else None, v.verdict, v.status)
