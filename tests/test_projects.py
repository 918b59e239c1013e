"""Named key projects: kind suffix after a specific name, grouped mentions, source offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.extract.projects import find_project_mentions
from luoshi.model import Source
from luoshi.pipeline import process, read


def names(text: str) -> list[str]:
    return [name for _, _, name, _ in find_project_mentions(text)]


def doc(text: str):
    return process(Source(name="t.txt", path=None, sha256="", format="txt", encoding="utf-8", text=text))


@pytest.mark.parametrize("text, expected", [
    ("加快建设肇明高速、广昆高速改扩建工程。", ["肇明高速", "广昆高速"]),
    ("全力配合推进广湛、珠肇、深南高铁建设。", ["广湛高铁", "珠肇高铁", "深南高铁"]),
    ("力争4个西江码头项目基本建成。", ["西江码头"]),
    ("动工建设佛肇云高速(肇云段)。", ["佛肇云高速(肇云段)"]),
    ("加快市第七人民医院建设。", ["市第七人民医院"]),
    ("推动中心城区至明港机场快速通道建设。", ["明港机场"]),
    ("建成城西幼儿园,新增学位630个。", ["城西幼儿园"]),
])
def test_named_projects(text: str, expected: list[str]) -> None:
    assert sorted(names(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "建设现代农业产业园。",
    "完善县级人民医院和乡镇卫生院设施。",
    "推进高速公路建设。",
    "提高园区承载能力。",
    "新建3所学校。",
    "深度融入粤港澳大湾区。",
    "加快产业园区建设。",
])
def test_generic_phrases_are_not_projects(text: str) -> None:
    assert names(text) == []


def test_mentions_are_grouped_with_source_offsets_in_traditional_text() -> None:
    text = "加快建設肇明高速。\n確保肇明高速年底前通車。"
    d = doc(text)
    (project,) = d.projects
    assert project.name == "肇明高速" and project.kind == "高速" and project.category == "transport"
    assert [d.quote(s) for s in project.mentions] == ["肇明高速", "肇明高速"]
    assert len(project.tasks) == 2 and all(project.projects == (0,) for project in
                                          (d.tasks[i] for i in project.tasks))


def test_seed_projects_include_the_named_roads_and_ports(shared: Path) -> None:
    d = read(shared / "corpus" / "seeds" / "000_04df038d627074af.txt")
    found = {p.name for p in d.projects}
    assert {"肇明高速", "广湛高铁", "珠肇高铁", "深南高铁", "西江码头", "柳广铁路"} <= found
    for p in d.projects:
        for span in p.mentions:  # a member of 广湛、珠肇、深南高铁 is quoted without the shared suffix
            assert d.quote(span) in (p.name, p.name[: -len(p.kind)])
