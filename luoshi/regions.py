"""China's administrative divisions (GB/T 2260): look up, climb and descend.

The table ships with the package (``luoshi/data/divisions.tsv``, built by
``scripts/build_divisions.py``; its header says where the data comes from)
and is read once, on first use. Three levels: ``province`` (省, 自治区,
直辖市, 特别行政区), ``prefecture`` (地级市, 地区, 自治州, 盟) and ``county``
(县, 县级市, 市辖区, 旗, 自治县 …). A county directly under a province
(仙桃市, the districts of 北京市) has the province as parent.

Names are Simplified. A name can denote several units (朝阳区 is in 北京 and
长春; the short name 江城 is 阳江's 江城区 and 普洱's 江城哈尼族彝族自治县), so
``find`` returns every match and ``lookup`` only an unambiguous one.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from luoshi.data.metadata_cues import COMMON_WORD_SHORT_NAMES, GENERIC_NAME_CHARS
from luoshi.model import Level

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative unit. ``parent_code`` is ``None`` for a province."""

    code: str
    name: str  # full name: 连州市
    short: str  # usual short name: 连州 (== name when it has none: 赵县)
    level: Level
    parent_code: str | None
    wordlike: bool = False  # the short name is also a common word (振兴, 合作)

    @property
    def generic(self) -> bool:
        """Whether the full name is a common noun (城区, 郊区, 市中区): no evidence of place by itself."""
        return all(c in GENERIC_NAME_CHARS for c in self.name)


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name no longer in use: ``name`` (under ``parent_name``) became ``successor`` on ``date``."""

    name: str
    parent_name: str
    date: str
    successor: str  # code of the current unit


@dataclass(frozen=True, slots=True)
class _Table:
    by_code: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]  # full and short names
    children: dict[str, tuple[Division, ...]]
    former: dict[str, tuple[FormerName, ...]]
    max_name_length: int


def _rows(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8") as f:
        lines = (line.rstrip("\n") for line in f if not line.startswith("#"))
        next(lines)  # column names
        for line in lines:
            yield line.split("\t")


@cache
def _table() -> _Table:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    children: dict[str, list[Division]] = {}
    for code, name, short, level, parent, word in _rows(DATA / "divisions.tsv"):
        wordlike = word == "1" or (level == "county" and short in COMMON_WORD_SHORT_NAMES)
        div = Division(code, name, short, level, parent or None, wordlike)  # type: ignore[arg-type]
        by_code[code] = div
        for key in {name, short}:
            by_name.setdefault(key, []).append(div)
        if parent:
            children.setdefault(parent, []).append(div)
    former: dict[str, list[FormerName]] = {}
    for date, old, old_parent, successor in _rows(DATA / "divisions.former.tsv"):
        former.setdefault(old, []).append(FormerName(old, old_parent, date, successor))
    return _Table(
        by_code=by_code,
        by_name={k: tuple(v) for k, v in by_name.items()},
        children={k: tuple(v) for k, v in children.items()},
        former={k: tuple(v) for k, v in former.items()},
        max_name_length=max(len(d.name) for d in by_code.values()),
    )


def get(code: str) -> Division | None:
    """The division with this six-digit code."""
    return _table().by_code.get(code)


def find(name: str) -> tuple[Division, ...]:
    """Every division whose full or short name is ``name`` (Simplified)."""
    return _table().by_name.get(name, ())


def find_full(name: str) -> tuple[Division, ...]:
    """Every division whose full name is exactly ``name``."""
    return tuple(d for d in find(name) if d.name == name)


def lookup(name: str, *, within: str | None = None) -> Division | None:
    """The one division called ``name`` (under the unit coded ``within``), or ``None`` if none or several."""
    found = [d for d in find(name) if within is None or is_within(d.code, within)]
    full = [d for d in found if d.name == name]
    found = full or found  # 吉林市 (full) beats 吉林省 (short 吉林) when asked for 吉林市
    return found[0] if len(found) == 1 else None


def parent_of(code: str) -> Division | None:
    div = get(code)
    return get(div.parent_code) if div and div.parent_code else None


def ancestors(code: str) -> tuple[Division, ...]:
    """Parent, grandparent …, nearest first."""
    out = []
    div = parent_of(code)
    while div is not None:
        out.append(div)
        div = parent_of(div.code)
    return tuple(out)


def is_within(code: str, ancestor: str) -> bool:
    """Whether ``code`` is ``ancestor`` or lies inside it."""
    return code == ancestor or any(a.code == ancestor for a in ancestors(code))


def children(code: str) -> tuple[Division, ...]:
    return _table().children.get(code, ())


def descendants(code: str) -> tuple[Division, ...]:
    """Every unit below ``code`` (a province's prefectures and counties), depth first."""
    out: list[Division] = []
    for child in children(code):
        out.append(child)
        out.extend(descendants(child.code))
    return tuple(out)


def former(name: str) -> tuple[FormerName, ...]:
    """Renames recorded for a name no longer (or no longer only) in use: 偃师市 → 偃师区."""
    return _table().former.get(name, ())


def names_ending_at(text: str, end: int) -> list[str]:
    """Full names in the table that end exactly at ``text[end]``, longest first."""
    table = _table()
    out = []
    for length in range(min(table.max_name_length, end), 1, -1):
        piece = text[end - length:end]
        if any(d.name == piece for d in table.by_name.get(piece, ())):
            out.append(piece)
    return out


def all_divisions() -> tuple[Division, ...]:
    return tuple(_table().by_code.values())


def all_names() -> tuple[str, ...]:
    """Every full and short name in the table."""
    return tuple(_table().by_name)
