"""``luoshi plan``: draft the 分工方案 of a document as xlsx, and import the edited file back.

``luoshi plan DOC --xlsx OUT`` drafts the table (``plan draft`` is the same
command by name); ``luoshi plan import FILE`` records each changed 牵头单位,
配合单位 and 完成时限 as an event of the commitment's history.
"""
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from luoshi.assign import UNDECIDED, Directory, load_directory
from luoshi.errors import NotFound, UsageError
from luoshi.export_plan import read_edits, write_plan
from luoshi.plan_table import Plan, apply_edits, build_plan, items_from_register
from luoshi.store import DEFAULT_DB, Store

DEFAULT_COMMAND = "draft"


class PlanGroup(TyperGroup):
    """``luoshi plan DOC …`` means ``luoshi plan draft DOC …``; ``luoshi plan import …`` is the importer."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


def register(app: typer.Typer) -> None:
    """Add the ``plan`` command group to the ``luoshi`` app (helpers imported here: luoshi.cli imports us last)."""
    from luoshi.cli import Db, err, failures, out
    from luoshi.cli_track import author_name

    plan = typer.Typer(cls=PlanGroup, no_args_is_help=True,
                       help="The 分工方案 (task-division table): `luoshi plan DOC --xlsx OUT` drafts it, "
                            "`luoshi plan import FILE` brings the edited file back into the register.")
    app.add_typer(plan, name="plan")

    @plan.command(DEFAULT_COMMAND)
    def draft(
        doc: Annotated[str, typer.Argument(help="Document id or source name in the database, or a document file.")],
        xlsx: Annotated[Path, typer.Option("--xlsx", help="Where to write the table (.xlsx).")],
        db: Db = DEFAULT_DB,
        departments: Annotated[Path | None, typer.Option(
            help="Department directory (TOML, like luoshi/data/departments.toml) instead of the default.")] = None,
    ) -> None:
        """Draft the 分工方案 of a document: 序号, 重点任务, 牵头单位, 配合单位, 完成时限, ready to print."""
        with failures():
            if xlsx.suffix.lower() != ".xlsx":
                raise UsageError("the table is written as xlsx; give --xlsx a name ending in .xlsx", path=str(xlsx))
            table = draft_plan(doc, db, load_directory(departments))
            if not table.tasks:
                raise UsageError("no tasks found in this document; was it ingested with extraction "
                                 "(not --no-extract)?", path=doc)
            write_plan(table, xlsx)
        undecided = sum(1 for r in table.tasks if r.lead == UNDECIDED)
        out.print(f"{xlsx}: {table.title}, {len(table.tasks)} tasks ({undecided} without a lead unit)", markup=False)

    @plan.command("import")
    def import_(
        file: Annotated[Path, typer.Argument(help="The edited xlsx written by `luoshi plan`.")],
        db: Db = DEFAULT_DB,
        author: Annotated[str | None, typer.Option(
            help="Who made the edits (default: $LUOSHI_AUTHOR or login name).")] = None,
    ) -> None:
        """Record the changed 牵头单位, 配合单位 and 完成时限 of an edited 分工方案 in the register."""
        with failures():
            edits = read_edits(file)
            if edits.problems:
                err.print("\n".join(edits.problems), markup=False)
                raise UsageError(f"{len(edits.problems)} rows cannot be imported; fix them and import again "
                                 "(nothing was recorded)", path=str(file))
            with Store(db, create=False) as store:
                applied = apply_edits(store, edits, author_name(author), note=f"分工方案 {file.name}")
        for problem in applied.problems:
            err.print(f"{file}: {problem}", markup=False)
        out.print(f"{file}: {len(edits.edits)} edits, {applied.recorded} recorded, {applied.unchanged} already in "
                  "the register" + (f", {len(applied.problems)} failed" if applied.problems else ""), markup=False)
        raise typer.Exit(1 if applied.problems else 0)


def draft_plan(doc: str, db: str, directory: Directory) -> Plan:
    """From the database when the document is stored there (commitment ids); else straight from the file."""
    try:
        with Store(db, create=False) as store:
            stored = store.get_document(doc)
            return build_plan(stored.document(), items_from_register(store, stored), directory=directory,
                              doc_ref=str(stored.id))
    except NotFound:
        if not Path(doc).is_file():
            raise
    from luoshi.pipeline import read

    document = read(doc)
    return build_plan(document, directory=directory, doc_ref=document.name)
