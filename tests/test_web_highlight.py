"""Segments: the source view's text cut at nested and overlapping mark boundaries."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.web.highlight import Mark, segments


@st.composite
def marked_texts(draw):
    length = draw(st.integers(0, 60))
    spans = draw(st.lists(st.tuples(st.integers(0, length), st.integers(0, length)), max_size=12))
    return length, [Mark(f"x{i}", "target", min(a, b), max(a, b)) for i, (a, b) in enumerate(spans)]


@given(marked_texts())
def test_segments_tile_the_text_and_carry_exactly_the_covering_marks(case):
    length, marks = case
    cut = segments(length, marks)
    assert [s.start for s in cut[1:]] == [s.end for s in cut[:-1]]
    assert (cut[0].start, cut[-1].end) == (0, length) if length else cut == ()
    for seg in cut:
        assert seg.start < seg.end
        covering = {m.id for m in marks if m.start <= seg.start and seg.end <= m.end and m.start < m.end}
        assert set(seg.marks) == covering and len(seg.marks) == len(covering)
        inside = [m for m in marks if seg.start < m.start < seg.end or seg.start < m.end < seg.end]
        assert not [m for m in inside if m.start < m.end]  # no mark starts or ends inside a segment
    for m in marks:  # every mark opens once and closes once, where it starts and ends; zero-width ones never
        if m.start == m.end:
            assert not [s for s in cut if m.id in s.marks + s.opens + s.closes]
        else:
            assert [s.start for s in cut if m.id in s.opens] == [m.start]
            assert [s.end for s in cut if m.id in s.closes] == [m.end]


def test_nested_marks_list_the_outermost_first():
    outer, inner = Mark("m1", "target", 0, 10), Mark("h1", "headline", 2, 5)
    cut = segments(12, [inner, outer])
    assert [(s.start, s.end, s.marks) for s in cut] == [
        (0, 2, ("m1",)), (2, 5, ("m1", "h1")), (5, 10, ("m1",)), (10, 12, ())]
    assert cut[1].opens == ("h1",) and cut[1].closes == ("h1",)


def test_overlapping_marks_split_into_three():
    cut = segments(6, [Mark("a", "target", 0, 4), Mark("b", "achievement", 2, 6)])
    assert [(s.start, s.end, set(s.marks)) for s in cut] == [(0, 2, {"a"}), (2, 4, {"a", "b"}), (4, 6, {"b"})]


def test_bad_marks_are_refused():
    with pytest.raises(ValueError, match="outside"):
        segments(3, [Mark("a", "target", 1, 4)])
    with pytest.raises(ValueError, match="unique"):
        segments(5, [Mark("a", "target", 0, 1), Mark("a", "target", 2, 3)])
