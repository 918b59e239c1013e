"""The positional builders make the same objects as the dataclass constructors."""
from dataclasses import dataclass

import pytest

from luoshi.frozen import positional_builder
from luoshi.model import Sentence, Span, Task


def test_builds_equal_frozen_objects():
    span = positional_builder(Span)(3, 9)
    assert span == Span(3, 9) and hash(span) == hash(Span(3, 9))
    args = (span, "target", "推进", "推進建設", "推进建设", "2024", "年内", "economy", 2, 1, (0,), (), (4, 5))
    task = positional_builder(Task)(*args)
    assert task == Task(*args)
    with pytest.raises(AttributeError):
        task.verb = "建设"  # type: ignore[misc]
    assert positional_builder(Sentence)(0, span, 1) == Sentence(0, span, 1)


def test_every_field_is_required():
    with pytest.raises(TypeError):
        positional_builder(Span)(3)


def test_refuses_a_field_named_like_its_locals():
    @dataclass(frozen=True, slots=True)
    class Odd:
        obj: int

    with pytest.raises(ValueError, match="Odd"):
        positional_builder(Odd)
