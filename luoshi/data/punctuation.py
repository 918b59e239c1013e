"""Character tables for the normalised view (see ``luoshi.normalise``).

Width folding is one character → one character, so it never moves offsets.

Decision: every full-width form of an ASCII character folds to ASCII, the
punctuation ``，；：（）！？`` included (Unicode NFKC does the same). Many
documents are typed with ASCII punctuation between Chinese characters
(three of our five seeds: ``各位代表:``, ``增长6%,达到``) and the others with
full-width marks; folding gives a regex one form to match: ``(一)``,
``增长6%,``, ``目标是:``. Marks with no ASCII twin keep their Chinese
form: ``。、“”‘’《》〔〕【】—…·``. A full-width comma between digits
(``1，200``) folds to a thousands separator, which is what it is in practice.
"""
from __future__ import annotations

import unicodedata

# --- width folding: one character → one character ------------------------

_FULL_TO_ASCII = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # ！..～ → !..~

_OTHER_FOLDS = {
    # spaces that are not ASCII space (the whitespace step then drops or keeps them)
    "\u3000": " ", "\u00a0": " ", "\u1680": " ", "\u202f": " ", "\u205f": " ",
    "\v": " ", "\f": " ",
    **{chr(cp): " " for cp in range(0x2000, 0x200B)},
    # line breaks other than \n become \n (the read stage folds \r\n already)
    "\r": "\n", "\u0085": "\n", "\u2028": "\n", "\u2029": "\n",
    # note brackets: ﹝16﹞ and 〔16〕 are the same marker
    "\ufe5d": "〔", "\ufe5e": "〕",
    # small and vertical forms of ASCII punctuation
    "\ufe50": ",", "\ufe51": "、", "\ufe52": ".", "\ufe54": ";", "\ufe55": ":",
    "\ufe56": "?", "\ufe57": "!", "\ufe59": "(", "\ufe5a": ")", "\ufe5f": "#",
    "\ufe60": "&", "\ufe61": "*", "\ufe62": "+", "\ufe63": "-", "\ufe64": "<",
    "\ufe65": ">", "\ufe66": "=", "\ufe68": "\\", "\ufe69": "$", "\ufe6a": "%",
    "\ufe6b": "@", "\ufe30": ":", "\u2236": ":",  # ︰ and ∶ (RATIO) are typed as colons: 1∶1
    # half-width CJK punctuation
    "\uff61": "。", "\uff62": "「", "\uff63": "」", "\uff64": "、", "\uff65": "·",
    # dash variants used for 至 or as a dash
    "\u2015": "—", "\u2212": "-",
}

# --- ideograph folding: a form no Chinese text means → the Chinese character -
# A PDF's text layer often gives a radical for the ideograph its font drew
# (⽣产总值 with U+2F63 KANGXI RADICAL LIFE, ⻓ C-SIMPLIFIED LONG), and some
# files hold compatibility ideographs (U+F900…); NFKC maps these to the
# unified ideograph (in the BMP, as every fold is), and the simplified radicals NFKC leaves alone are listed.
# A Chinese input method sometimes types the Japanese form of a character
# (増长 for 增长, 経済); OpenCC converts none of these.
_SIMPLIFIED_RADICALS = dict(zip("⻓⻔⻋⻛⻜⻢⻚⻅⻉⻬⻮⻰⻥⻦⻧⻘⻄⻩⻝", "长门车风飞马页见贝齐齿龙鱼鸟卤青西黄食"))
_JAPANESE_FORMS = dict(zip(
    "増経済発総収価営労応関県歩単拡戦効険検験伝転軽択囲観権図団売読続実満圧気浄栄徳恵対帯庁処様鉄児稲圏汚塩",
    "增经济发总收价营劳应关县步单扩战效险检验传转轻择围观权图团卖读续实满压气净荣德惠对带厅处样铁儿稻圈污盐"))
_IDEOGRAPH_FOLDS = {
    **{c: folded for c in map(chr, (*range(0x2E80, 0x2FD6), *range(0xF900, 0xFADA)))
       if len(folded := unicodedata.normalize("NFKC", c)) == 1 and folded != c and folded <= "\uffff"},
    **_SIMPLIFIED_RADICALS, **_JAPANESE_FORMS,
}

FOLD: dict[str, str] = {**_FULL_TO_ASCII, **_OTHER_FOLDS, **_IDEOGRAPH_FOLDS}
assert all(len(k) == len(v) == 1 for k, v in FOLD.items()), "folding must be one char to one char"

# --- characters that carry nothing and are dropped -----------------------
# Inclusive code point ranges: C0/C1 controls (except \t \n), soft hyphen,
# zero-width characters, BOM, object replacement, private-use characters
# (web-font icons such as U+E7E3), lone surrogates, supplementary private use.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x84), (0x86, 0x9F), (0xAD, 0xAD),
    (0x200B, 0x200F), (0x2060, 0x2064), (0xFEFF, 0xFEFF), (0xFFFC, 0xFFFC),
    (0xE000, 0xF8FF), (0xD800, 0xDFFF), (0xF0000, 0x10FFFF),
)

# Inline whitespace after folding: a run of it (with invisible characters)
# between two ASCII letters/digits keeps one space ("Smart City",
# "2 3" stays two numbers); next to a Chinese character or punctuation it
# is dropped ("政 府 工 作" → "政府工作", "2035 年" → "2035年"). A tab is
# kept as one tab: PDF/DOCX table cells are tab-separated.
SPACE, TAB, NEWLINE = ord(" "), ord("\t"), ord("\n")

# --- hard-wrapped lines (PDF copies): where a line may not be joined -----
# After folding. A line ending with one of these ends a sentence or opens a
# list, so the break after it is kept; ``。”`` ends too (a closer after an
# ending mark), while ``“十四五”`` at a line end is mid-sentence.
SENTENCE_ENDS = "。!?;:…"
CLOSERS = "”’」』)》】〕"
