"""Extraction speed: ``extract_quotes`` on 600-word articles and on a 1 MB text.

    .venv/bin/pytest eval/benchmarks/test_extraction_speed.py --benchmark-only

The issue's targets: >= 1,000 articles/s for ~600-word articles in one process, and time
linear in the length of the text (a 1 MB text in well under a second). Inputs are corpus
paragraphs (see ``conftest.py``), so the density of quotes is that of the fixtures' news.

``test_extraction_distinct_articles_per_second`` reads a stream of different articles with the
speaker caches (phrases, and the words read in them) emptied before each pass, so no phrase or
word is met twice only because the same article is read again; it is the rate a user sees on
fresh news.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from stance import Article, extract_quotes
from stance.quotes.speakers import clear_caches

MEGABYTE = 1_000_000
ARTICLE_WORDS = 600


@pytest.fixture(scope="session")
def distinct_articles_600(corpus_articles: list[Article]) -> list[str]:
    """The corpus's paragraphs, in order, cut into consecutive texts of about 600 words."""
    texts: list[str] = []
    chosen: list[str] = []
    for article in corpus_articles:
        for paragraph in (p for p in article.text.split("\n\n") if p.strip()):
            chosen.append(paragraph)
            if sum(len(p.split()) for p in chosen) >= ARTICLE_WORDS:
                texts.append("\n\n".join(chosen))
                chosen = []
    return texts


def test_extraction_articles_per_second(
    benchmark: BenchmarkFixture, news_article_600: str, record_rate: Callable[[int, str], None]
) -> None:
    quotes = benchmark(extract_quotes, news_article_600)
    assert quotes
    record_rate(1, "articles")
    benchmark.extra_info["words"] = len(news_article_600.split())
    benchmark.extra_info["quotes_per_article"] = len(quotes)


def test_extraction_distinct_articles_per_second(
    benchmark: BenchmarkFixture,
    distinct_articles_600: list[str],
    record_rate: Callable[[int, str], None],
) -> None:
    def extract_all() -> int:
        return sum(len(extract_quotes(text)) for text in distinct_articles_600)

    # Cold speaker caches each round: phrases and words repeat across articles, not rounds.
    quotes = benchmark.pedantic(extract_all, setup=clear_caches, rounds=5, iterations=1)
    assert quotes
    record_rate(len(distinct_articles_600), "articles")
    benchmark.extra_info["quotes"] = quotes


@pytest.mark.parametrize("characters", [MEGABYTE // 10, MEGABYTE])
def test_extraction_time_is_linear_in_length(
    benchmark: BenchmarkFixture,
    text_of_length: Callable[[int], str],
    record_rate: Callable[[int, str], None],
    characters: int,
) -> None:
    text = text_of_length(characters)
    quotes = benchmark.pedantic(extract_quotes, args=(text,), rounds=3, iterations=1)
    assert quotes
    record_rate(characters, "characters")
