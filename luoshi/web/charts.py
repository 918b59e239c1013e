"""Charts drawn by the server as inline SVG: no script, no CDN, readable without either.

A chart is geometry computed here and written by a Jinja macro
(``templates/charts.html``) with autoescape, so labels from documents stay
text. Every chart on a page comes with its data table (the macro writes
both), so the numbers can be read, copied and checked.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LABEL_WIDTH = 9  # em-ish columns for labels: CJK labels are cut to this many characters
ROW = 26  # px per bar
BAR = 18  # px bar thickness


@dataclass(frozen=True, slots=True)
class BarRow:
    label: str  # as shown (cut to LABEL_WIDTH characters)
    full_label: str
    value: float
    y: int
    width: float  # px of the bar
    extra: tuple[float, ...] = ()  # the data table's further columns


@dataclass(frozen=True, slots=True)
class BarChart:
    """A horizontal bar chart: one bar per label, longest bar ``plot`` px wide."""

    title: str
    unit: str
    value_heading: str
    rows: tuple[BarRow, ...]
    width: int
    height: int
    label_px: int
    plot: int
    extra_headings: tuple[str, ...] = ()
    bar: int = BAR


def bar_chart(title: str, unit: str, rows: Sequence[object], label: str, value: tuple[str, str],
              extra: Sequence[tuple[str, str]] = (), *, width: int = 560, label_px: int = 150) -> BarChart:
    """Bars for ``rows`` (objects): ``label`` and ``value`` name attributes, ``value`` and ``extra`` as
    ``(heading, attribute)`` for the data table. Bars scale to the largest value; zero or less draws none."""
    plot = width - label_px - 60  # room for the value after the longest bar
    values = [getattr(r, value[1]) for r in rows]
    top = max(values, default=0) or 1
    bars = []
    for i, (row, v) in enumerate(zip(rows, values, strict=True)):
        text = str(getattr(row, label))
        shown = text if len(text) <= LABEL_WIDTH else text[:LABEL_WIDTH - 1] + "…"
        bars.append(BarRow(shown, text, v, i * ROW, round(max(v, 0) / top * plot, 1),
                           tuple(getattr(row, attribute) for _, attribute in extra)))
    return BarChart(title, unit, value[0], tuple(bars), width, max(len(bars), 1) * ROW, label_px, plot,
                    tuple(heading for heading, _ in extra))
