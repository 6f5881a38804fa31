"""Property tests: extract_quotes never raises, never hangs and keeps every offset valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance import extract_quotes
from stance.quotes.marks import find_quoted_spans

MARKS = "\"'“”„‘’‚«»‹›"
# Text built from the pieces the rules care about, so the search hits them often.
PIECES = [*MARKS, " ", ".", ",", ";", ":", "!", "?", "\n", "\u2013", "—", "(", ")", "[", "]"]
PIECES += ["said", "He", "told reporters", "according to", "that", "John Kirby", "the ministry"]
PIECES += ["denied", " and ", "Mr.", "’s", "x", "adding", "which"]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    quotes = extract_quotes(text)
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip()
    starts = [quote.start for quote in quotes]
    assert starts == sorted(starts)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_unicode(text: str) -> None:
    _check(text)


@SETTINGS
@given(NEWSY)
def test_news_like_text_with_unbalanced_marks(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.text(alphabet=MARKS + "ab \n", max_size=400))
def test_spans_lie_between_their_marks(text: str) -> None:
    for span in find_quoted_spans(text):
        assert 0 <= span.open_at < span.start < span.end <= len(text)
        assert text[span.open_at] in MARKS
        if span.close_at is not None:
            assert span.end <= span.close_at
            assert text[span.close_at] in MARKS


def test_ten_thousand_quote_marks() -> None:
    for text in ('"' * 10_000, "“" * 10_000, "“a” " * 2_500, "„a “b ‘c ‹d «e " * 1_000):
        _check(text)


def test_one_megabyte_line_without_whitespace() -> None:
    _check("x" * 1_000_000)
    _check("said," * 200_000)


def test_one_megabyte_of_statements_in_one_sentence() -> None:
    _check("He said “a b” and " * 20_000)
