"""The Quote and Article records: construction, validation and immutability."""

from __future__ import annotations

import dataclasses

import pytest

import stance
from stance import Article, Quote


def make_quote(**overrides: object) -> Quote:
    fields: dict[str, object] = {
        "text": "We did not",
        "start": 1,
        "end": 11,
        "speaker": "Orla Venn",
        "cue": "said",
        "kind": "direct",
    }
    fields.update(overrides)
    return Quote(**fields)  # type: ignore[arg-type]


def test_labels_are_the_fixed_order() -> None:
    assert stance.LABELS == ("denial", "support", "blame", "neutral")
    assert stance.KINDS == ("direct", "partial", "indirect")


def test_quote_defaults_leave_stance_unset() -> None:
    quote = make_quote()
    assert quote.stance is None
    assert quote.target is None
    assert quote.confidence is None


def test_quote_is_frozen() -> None:
    quote = make_quote()
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.stance = "denial"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("overrides", "error", "message"),
    [
        (
            {"kind": "quoted"},
            ValueError,
            r"Quote.kind must be one of direct, partial, indirect; got 'quoted'",
        ),
        (
            {"stance": "anger"},
            ValueError,
            r"Quote.stance must be one of denial, support, blame, neutral",
        ),
        ({"start": -1}, ValueError, r"Quote.start must be a non-negative int, got -1"),
        ({"start": 5, "end": 2}, ValueError, r"Quote.end \(2\) is before Quote.start \(5\)"),
        ({"text": 7}, TypeError, r"Quote.text must be a str, got int: 7"),
        ({"speaker": ["a"]}, TypeError, r"Quote.speaker must be a str or None, got list"),
        ({"confidence": 1.5}, ValueError, r"Quote.confidence must be in \[0, 1\]"),
    ],
)
def test_quote_rejects_bad_fields(
    overrides: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        make_quote(**overrides)


def test_article_holds_quotes_only() -> None:
    with pytest.raises(TypeError, match=r"Article.quotes must hold stance.Quote objects, got str"):
        Article(id="a", text="x", quotes=["not a quote"])  # type: ignore[list-item]


def test_article_defaults() -> None:
    article = Article(id="a", text="Some text.")
    assert article.quotes == []
    assert article.title is None
    assert article.translated is False
