"""Per-character lookup tables: the same answers as asking each character."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.char_tables import char_table, code_points


@given(st.text())
def test_code_points_are_the_characters_with_astral_ones_as_a_noncharacter(text: str) -> None:
    assert code_points(text).tolist() == [min(ord(c), 0xFFFF) for c in text]


BMP = st.characters(max_codepoint=0xFFFE, exclude_categories=("Cs",))


@given(st.text(BMP, max_size=20), st.text(BMP, min_size=1, max_size=200))
def test_a_table_answers_as_membership_does(chars: str, text: str) -> None:
    table = char_table(chars, ("一", "十"))
    assert table[code_points(text)].tolist() == [c in chars or "一" <= c <= "十" for c in text]
