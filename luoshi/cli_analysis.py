"""``luoshi tables``, ``luoshi table NAME`` and ``luoshi export DIR``: the cross-document tables."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from luoshi.analysis import TABLES, build
from luoshi.errors import UsageError
from luoshi.export import FORMATS, TEXT_FORMATS, format_for, write, write_text
from luoshi.store import DEFAULT_DB, Store

Format = Enum("Format", {f: f for f in FORMATS}, type=str)  # typer shows the choices


def register(app: typer.Typer) -> None:
    from luoshi.cli import Db, failures, make_table, out, print_table

    @app.command("tables")
    def tables_() -> None:
        """List the analysis tables that `luoshi table` and `luoshi export` write."""
        width = max(map(len, TABLES))
        for name, (_, about) in TABLES.items():
            out.print(f"{name:<{width}}  {about}", markup=False)

    @app.command("table")
    def table_(
        name: Annotated[str, typer.Argument(help="A table name (`luoshi tables` lists them).")],
        db: Db = DEFAULT_DB,
        fmt: Annotated[Format | None, typer.Option("--format", help="Write this format instead of showing "
                                                                     "the table.")] = None,
        out_path: Annotated[Path | None, typer.Option("--out", help="Write to this file (format from its "
                                                                    "suffix unless --format).")] = None,
    ) -> None:
        """Show one analysis table, or write it as CSV, XLSX, JSON or Parquet."""
        with failures():
            given = fmt.value if fmt else None
            if out_path is not None:
                chosen = format_for(out_path, given)
            elif given is not None and given not in TEXT_FORMATS:
                raise UsageError(f"{given} is a binary format; give --out FILE to write it")
            else:
                chosen = given
            with Store(db, create=False) as store:
                table = build(store, name)
            if out_path is not None:
                write(table, out_path, chosen)
                out.print(f"{len(table.rows)} rows written to {out_path}", markup=False)
            elif chosen is not None:
                write_text(table, sys.stdout, chosen)
            elif table.rows:
                print_table(make_table(table.column_names, list(table.rows)))
            else:
                out.print(f"table {name} has no rows yet", markup=False)

    @app.command("export")
    def export_(
        folder: Annotated[Path, typer.Argument(help="Folder to write one file per table into (created if "
                                                    "missing).")],
        fmt: Annotated[Format, typer.Option("--format", help="File format.")],
        db: Db = DEFAULT_DB,
    ) -> None:
        """Write every analysis table to FOLDER/<table>.<format>."""
        with failures():
            if folder.exists() and not folder.is_dir():
                raise UsageError(f"{folder} is a file; give a folder to export into")
            folder.mkdir(parents=True, exist_ok=True)
            with Store(db, create=False) as store:
                for name in TABLES:
                    table = build(store, name)
                    path = folder / f"{name}.{fmt.value}"
                    write(table, path, fmt.value)
                    out.print(f"{path}  {len(table.rows)} rows", markup=False)
