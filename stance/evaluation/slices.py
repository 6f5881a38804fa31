"""Slices: which group of quotes a model scores well or badly on.

Each slice is a small pure function from a quote (and its article) to a group name. Scores per
group use the same article-bootstrap resamples as the overall scores.
"""

from __future__ import annotations

from collections.abc import Callable

from stance.records import Article, Quote
from stance.text import quote_mark_style


def by_kind(article: Article, quote: Quote) -> str:
    """``direct``, ``partial`` or ``indirect``."""
    return quote.kind


def by_domain(article: Article, quote: Quote) -> str:
    """The article's domain, or ``unknown`` when the fixture names none."""
    return article.domain or "unknown"


def by_quote_mark(article: Article, quote: Quote) -> str:
    """The quotation-mark style that opens the quote (``no marks`` for reported speech)."""
    return quote_mark_style(article.text, quote.start)


def by_difficulty(article: Article, quote: Quote) -> str:
    """``hard`` when the annotator marked that the meaning, not a cue word, decides the label."""
    return "hard" if quote.hard else "easy"


#: The slices every report shows, by name.
SLICES: dict[str, Callable[[Article, Quote], str]] = {
    "kind": by_kind,
    "domain": by_domain,
    "quote_mark": by_quote_mark,
    "difficulty": by_difficulty,
}
