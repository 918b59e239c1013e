"""Rebuild ``hanzi_rank.txt``: the GB2312 hanzi ordered by how common they are.

Run once by a developer (``python -m luoshi.data.build_hanzi_rank``); the
package itself only reads the text file, so jieba is not a run-time
dependency.

Why this source: GB2312 (both levels, 6763 characters) is the national
standard set of Simplified hanzi in everyday use, and jieba's ``dict.txt``
gives word frequencies counted on large general corpora. A character's
frequency is the sum of the frequencies of the dictionary words that contain
it. The mojibake detector and the encoding guesser only need to tell
"common" from "rare", so this order is accurate enough, and it is
reproducible offline.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

OUTPUT = Path(__file__).with_name("hanzi_rank.txt")


def gb2312_hanzi() -> set[str]:
    """Rows 0xB0–0xF7 of GB2312 hold its 6763 hanzi (level 1 then level 2)."""
    chars = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def ranked_hanzi(dictionary: Path) -> str:
    """GB2312 hanzi that occur in the dictionary, most frequent first."""
    counts: Counter[str] = Counter()
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, *_ = line.split()
            for char in word:
                counts[char] += int(freq)
    allowed = gb2312_hanzi()
    return "".join(char for char, _ in counts.most_common() if char in allowed)


def main() -> None:
    import jieba  # developer-only dependency (the "bench" extra)

    OUTPUT.write_text(ranked_hanzi(Path(jieba.__file__).with_name("dict.txt")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
