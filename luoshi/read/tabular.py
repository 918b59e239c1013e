"""Tabular corpora (.csv, .jsonl, .parquet): one document per row.

The text is in ``Options.text_column`` (default ``full_text``); every other
non-empty column (province, year, title, source_url, publish_date, …) goes
into the row's metadata as a string. Rows are numbered from 1 as a person
counts them: data rows of a CSV (the header is not one), lines of a JSONL
file, rows of a Parquet table.

A file-level problem (unparsable file, no text column) raises; a bad row
becomes a ``RowError`` in the result and the other rows are still read.
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass

from luoshi.errors import CorruptFile, EmptyFile, ReadError, UsageError
from luoshi.options import Options
from luoshi.read.encoding import decode


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    text: str
    meta: dict[str, str]


@dataclass(frozen=True, slots=True)
class RowError:
    number: int
    error: ReadError


@dataclass(frozen=True, slots=True)
class Table:
    encoding: str
    rows: tuple[Row | RowError, ...]


def read_table(data: bytes, fmt: str, options: Options) -> Table:
    column = options.text_column
    if fmt == "parquet":
        encoding, records = "utf-8", _parquet_records(data, column)
    else:
        decoded = decode(data, options.encoding)
        reader = _csv_records if fmt == "csv" else _jsonl_records
        encoding, records = decoded.encoding, reader(decoded.text.removeprefix("\ufeff"), column)
    rows = tuple(_row(number, record, column) for number, record in records)
    if not rows:
        raise EmptyFile("the table has no rows")
    return Table(encoding, rows)


def _row(number: int, record: dict | ReadError, column: str) -> Row | RowError:
    if isinstance(record, ReadError):
        return RowError(number, record)
    text = record.get(column)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not text but {type(text).__name__}"
        return RowError(number, EmptyFile(f"its {column!r} value is {what}"))
    if not text.strip():
        return RowError(number, EmptyFile(f"its {column!r} value is empty"))
    meta = {key: _as_text(value) for key, value in record.items() if key != column and key is not None}
    return Row(number, text, {key: value for key, value in meta.items() if value})


def _as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year stored as 2023.0
    return str(value).strip()


def _missing_column(column: str, columns) -> UsageError:
    return UsageError(f"no {column!r} column (columns: {', '.join(map(str, columns))}); "
                      "name the text column with --text-column")


def _csv_records(text: str, column: str) -> Iterator[tuple[int, dict | ReadError]]:
    # A whole report is one field, far above csv's default 128 KB limit; the limit is
    # process-wide, so it is raised only while this file is parsed.
    old_limit = csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise CorruptFile(f"cannot parse this CSV ({exc})") from None
    finally:
        csv.field_size_limit(old_limit)
    if not rows:
        return
    header = rows[0]
    if column not in header:
        raise _missing_column(column, header)
    for number, row in enumerate(rows[1:], start=1):
        if not row:
            continue
        if len(row) != len(header):
            yield number, CorruptFile(f"has {len(row)} fields but the header has {len(header)}")
        else:
            yield number, dict(zip(header, row))


def _jsonl_records(text: str, column: str) -> Iterator[tuple[int, dict | ReadError]]:
    checked = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, CorruptFile(f"is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield number, CorruptFile(f"is a JSON {type(record).__name__}, not an object")
            continue
        if not checked:  # the first object shows the columns
            if column not in record:
                raise _missing_column(column, record)
            checked = True
        yield number, record


def _parquet_records(data: bytes, column: str) -> Iterator[tuple[int, dict | ReadError]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, … on damaged files
        raise CorruptFile(f"cannot read this Parquet file ({type(exc).__name__}: {exc})") from None
    if column not in table.column_names:
        raise _missing_column(column, table.column_names)
    return enumerate(table.to_pylist(), start=1)
