"""Sentence splitting that keeps quotations whole."""

from __future__ import annotations

import pytest

from stance.quotes.marks import find_quoted_spans
from stance.quotes.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, find_quoted_spans(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("“One. Two,” he said. Three.", ["“One. Two,” he said.", "Three."]),
        ("Mr. Smith said so. Then he left.", ["Mr. Smith said so.", "Then he left."]),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
        ("Ada J. R. Vell spoke.", ["Ada J. R. Vell spoke."]),
        ("It rained. J. Orme said so.", ["It rained.", "J. Orme said so."]),
        # A one-letter name after a lower-case word ends the sentence: it is no initial.
        ("She wrote on X. The mayor agreed.", ["She wrote on X.", "The mayor agreed."]),
        ("He chose plan B. Then he left.", ["He chose plan B.", "Then he left."]),
        (
            "It would “respect these wishes.” “We have made it clear,” Kirby said.",
            ["It would “respect these wishes.”", "“We have made it clear,” Kirby said."],
        ),
        ("“We will win.” he said.", ["“We will win.” he said."]),
        ("Headline\n\nBody text.", ["Headline", "Body text."]),
        ("", []),
        ("   \n\n  ", []),
        # Blanks before a line break stay out of the sentence; an ellipsis ends one.
        ("No full stop  \t\nNext line.", ["No full stop", "Next line."]),
        ("Wait… Then more.", ["Wait…", "Then more."]),
        ("Really?!  Yes.", ["Really?!", "Yes."]),
        # Negative cases: no blank after the stop, or a lower-case word after it.
        ("Version 2.0 shipped.", ["Version 2.0 shipped."]),
        ("It fell 3 p.c. on Monday. Then it rose.", ["It fell 3 p.c. on Monday.", "Then it rose."]),
    ],
)
def test_splits_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_paragraph_numbers_count_line_breaks() -> None:
    text = "One.\n\nTwo. Three.\nFour."
    sentences = split_sentences(text, [])
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
