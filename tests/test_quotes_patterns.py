"""Patterns written for speed match exactly what their plain forms match.

Some extractor patterns open with one character class (the regex engine then skips to the
characters that can start a match) or leave out matches that the code after them would drop.
Each is checked here against the plain pattern it stands for, on generated text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stance.quotes.extract import _CONJOINED_CLAUSE
from stance.quotes.marks import _MARK
from stance.quotes.reported import MASK, _last_segment_start, _segments
from stance.quotes.sentences import _WORD_BEFORE

_PLAIN_CONJOINED_CLAUSE = re.compile(
    r",?\s+and\s+(?:therefore\s+|also\s+)?(?=(?:the|it|he|she|they|we|its|their|there|this|"
    r"these|observers|officials)\b|[A-Z])"
)
_ANY_MARK = re.compile("[\"'“”„‘’‚«»‹›\n]")


def _pieces(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_pieces(",", " ", "\t", "\n", "and", "also", "the", "it", "The", "x", "A", "and,"))
def test_conjoined_clause_equals_its_plain_pattern(text: str) -> None:
    assert [m.span() for m in _CONJOINED_CLAUSE.finditer(text)] == [
        m.span() for m in _PLAIN_CONJOINED_CLAUSE.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(_pieces("'", "’", "“", "”", "‘", "«", '"', "\n", " ", "a", "Z", "1", "_", "é", "-", "."))
def test_marks_are_every_mark_but_an_apostrophe_inside_a_word(text: str) -> None:
    def inside_word(at: int) -> bool:
        return 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()

    expected = [
        m.start()
        for m in _ANY_MARK.finditer(text)
        if not (m.group() in "'’" and inside_word(m.start()))
    ]
    assert [m.start() for m in _MARK.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(_pieces("a", "B", "1", ".", " ", "_", "é", "-", "\n"), st.integers(0, 40))
def test_word_before_equals_a_search_of_the_slice(text: str, end: int) -> None:
    end = min(end, len(text))
    start = max(0, end - 12)
    bounded = _WORD_BEFORE.search(text, start, end)
    sliced = re.search(r"([\w.]+)$", text[start:end])
    assert (bounded.group(1) if bounded else None) == (sliced.group(1) if sliced else None)


@settings(max_examples=300, deadline=None)
@given(_pieces("a", " ", ",", ";", ":", "—", "\u2013", MASK, "b c"), st.integers(0, 8))
def test_last_segment_start_equals_the_start_of_the_last_segment(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _last_segment_start(text, start, len(text)) == _segments(text, start, len(text))[-1][0]
