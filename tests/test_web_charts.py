"""Server-drawn bar charts: geometry, and labels from documents kept as text."""
from __future__ import annotations

from dataclasses import dataclass

from luoshi.web.app import templates
from luoshi.web.charts import LABEL_WIDTH, bar_chart


@dataclass(frozen=True)
class Row:
    label: str
    n: int
    m: int = 0


def test_bars_scale_to_the_largest_value_and_keep_their_data():
    chart = bar_chart("任务", "项", [Row("经济运行", 40, 1), Row("生态环境", 10, 2), Row("其他", 0, 3)], "label",
                      ("任务数", "n"), [("目标数", "m")], width=500, label_px=100)
    widths = [r.width for r in chart.rows]
    assert widths[0] == chart.plot and widths[1] == chart.plot / 4 and widths[2] == 0
    assert [r.y for r in chart.rows] == sorted(r.y for r in chart.rows) and chart.height >= chart.rows[-1].y + 18
    assert [r.extra for r in chart.rows] == [(1,), (2,), (3,)] and chart.extra_headings == ("目标数",)
    assert bar_chart("空", "项", [], "label", ("n", "n")).rows == ()


def test_long_labels_are_cut_for_the_bar_but_whole_in_the_table():
    long = "推进粤港澳大湾区建设的重点项目"
    row = bar_chart("x", "项", [Row(long, 3)], "label", ("n", "n")).rows[0]
    assert len(row.label) == LABEL_WIDTH and row.label.endswith("…") and row.full_label == long


def test_the_macro_escapes_labels():
    chart = bar_chart("<b>标题</b>", "项", [Row("<script>alert(1)</script>", 2)], "label", ("数量", "n"))
    html = templates().from_string('{% from "charts.html" import draw_bars %}{{ draw_bars(chart) }}').render(
        chart=chart)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and html.count("<rect") == 1
