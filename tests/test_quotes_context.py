"""Quote contexts from one scan: always what ``stance.text.sentence_context`` gives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance.quotes.context import sentence_contexts
from stance.text import sentence_context

LONG = "word " * 100  # 500 characters: longer than sentence_context's 400-character window


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("One. He said it was fine. Two.", (13, 24), "He said it was fine."),
        ("“We did not,” she said. Next one.", (1, 12), "“We did not,” she said."),
        (
            "It would “respect these wishes.” Then more.",
            (10, 31),
            "It would “respect these wishes.”",
        ),
        ("Line one\n\nLine two said x\nLine three", (10, 25), "Line two said x"),
        ("No end at all here", (3, 7), "No end at all here"),
        ("Ends.\n\n\nStarts here. After.", (8, 20), "Starts here."),
        ("Wait!  Really?  Yes.", (7, 14), "Really?"),
        ("A. B.", (0, 0), "A."),
        ("", (0, 0), ""),
        # Negative cases: an abbreviation or a mark without a following blank ends nothing.
        ("Mr.Smith said it.", (9, 13), "Mr.Smith said it."),
        ("Version 2.0 is out. Next.", (0, 11), "Version 2.0 is out."),
        # Windows: more than 400 characters from the span to a sentence end.
        (LONG + "said it" + LONG + ".", (500, 507), (LONG + "said it" + LONG)[100:907].strip()),
    ],
)
def test_context_is_the_sentence_around_the_span(
    text: str, span: tuple[int, int], expected: str
) -> None:
    assert sentence_contexts(text, [span]) == [expected]
    assert sentence_contexts(text, [span]) == [sentence_context(text, *span)]


def test_a_list_of_spans_gives_a_list_in_the_same_order() -> None:
    text = "First one. Second one. Third one."
    spans = [(23, 28), (0, 5), (11, 17)]
    assert sentence_contexts(text, spans) == ["Third one.", "First one.", "Second one."]
    assert sentence_contexts(text, []) == []


def test_a_span_outside_the_text_raises_like_sentence_context() -> None:
    with pytest.raises(ValueError, match=r"span \[3:9\] is outside a text of 5 characters"):
        sentence_contexts("short", [(3, 9)])


# Text dense in the characters a sentence end is made of, and long enough for the windows.
PIECES = [".", "!", "?", "\n", " ", "\t", "”", "»", ")", "]", '"', "’", "ab", "Cd", "x" * 60]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 200)), max_size=8))
def test_equals_sentence_context_on_any_text(text: str, offsets: list[tuple[int, int]]) -> None:
    spans = [(min(at, len(text)), min(at + width, len(text))) for at, width in offsets]
    assert sentence_contexts(text, spans) == [sentence_context(text, *span) for span in spans]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=600), st.integers(0, 600), st.integers(0, 600))
def test_equals_sentence_context_on_arbitrary_unicode(text: str, first: int, second: int) -> None:
    start, end = sorted((min(first, len(text)), min(second, len(text))))
    assert sentence_contexts(text, [(start, end)]) == [sentence_context(text, start, end)]
