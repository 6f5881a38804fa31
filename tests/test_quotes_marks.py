"""Quotation-mark pairing: every style, nesting, apostrophes, stray marks."""

from __future__ import annotations

import pytest

from stance.quotes.marks import find_quoted_spans


def _inner(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we won" today.', ["we won"]),
        ("He said “we won” today.", ["we won"]),
        ("Er sagte „wir gewinnen“ heute.", ["wir gewinnen"]),
        ("Il a dit « nous gagnons » hier.", ["nous gagnons"]),
        ("She said ‘we won’ today.", ["we won"]),
        ("She said 'we won' today.", ["we won"]),
        ("Il a dit ‹ oui › hier.", ["oui"]),
        # nested quotes stay inside the outer one
        ("“He told us ‘keep quiet’ and left,” she said.", ["He told us ‘keep quiet’ and left,"]),
        ("‘He called it “a farce”,’ she said.", ["He called it “a farce”,"]),
        # a quote split by its attribution is two runs
        ("“We did not,” he said, “and we will not.”", ["We did not,", "and we will not."]),
        # also when the attribution sits between dashes inside one quotation (Russian style)
        (
            "«We take the blame, — said the chief Jonas Brandt, — but not for the key».",
            ["We take the blame,", "but not for the key"],
        ),
        ("«Nobody came, — he added. \u2013 Nobody.»", ["Nobody came,", "Nobody."]),
        # but not for dashes around words that are no attribution, or with no words outside
        ("«We waited — two days — for the bus», she said.", ["We waited — two days — for the bus"]),
        ("«Yes, — he added. — »", ["Yes, — he added. —"]),
        # ’ as an apostrophe inside and after words
        ("‘We don’t know,’ said the workers’ union.", ["We don’t know,"]),
        ("Bakhmut’s capture and the ’90s were mentioned.", []),
        ("It's O'Brien's rock'n'roll.", []),
        # negative cases: nothing to pair
        ("No quotation marks at all.", []),
        ("", []),
        ("“", []),
        ("”stray closing mark” only", []),
    ],
)
def test_pairs_marks(text: str, expected: list[str]) -> None:
    assert _inner(text) == expected


def test_stray_opener_does_not_swallow_the_rest_of_the_article() -> None:
    text = "He said “we will see.\n\nThe next paragraph has “a quote” in it."
    assert _inner(text) == ["a quote"]


def test_multi_paragraph_quote_is_one_span_per_paragraph() -> None:
    text = "“We will rebuild the bridge.\n\n“And we will do it by spring,” the mayor said."
    spans = find_quoted_spans(text)
    assert [text[span.start : span.end] for span in spans] == [
        "We will rebuild the bridge.",
        "And we will do it by spring,",
    ]
    assert [span.continued for span in spans] == [True, False]


def test_second_opener_of_a_family_replaces_a_stray_one() -> None:
    text = "“First stray. Then “a real quote” here."
    assert _inner(text) == ["a real quote"]


def test_offsets_exclude_marks_and_blanks() -> None:
    text = "« nous gagnons »"
    (span,) = find_quoted_spans(text)
    assert (span.open_at, span.start, span.end, span.close_at) == (0, 2, 14, 15)
