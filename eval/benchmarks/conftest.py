"""Shared set-up for the pytest-benchmark suites (``stance bench``, or ``make bench``).

These suites are not part of the default test run (``testpaths`` is ``tests/``). Fixtures here
give every suite the same inputs: the labelled corpus, its gold quotes, news-length article
texts built from it, a peak-memory probe that runs code in a fresh interpreter, and a helper
that turns a benchmark's timing into items per second in the saved JSON.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from stance import Article, Quote, read_fixtures

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURES = REPOSITORY / "fixtures"


@pytest.fixture(scope="session")
def corpus_articles() -> list[Article]:
    """Every labelled fixture article (all splits: speed does not depend on the split)."""
    articles = read_fixtures(FIXTURES)
    if not articles:
        pytest.skip(f"no fixture articles in {FIXTURES}")
    return articles


@pytest.fixture(scope="session")
def gold_quotes(corpus_articles: list[Article]) -> list[Quote]:
    """Every gold quote of the corpus, in file order."""
    return [quote for article in corpus_articles for quote in article.quotes]


def article_of_words(articles: list[Article], words: int) -> str:
    """A news-like text of about ``words`` words: whole paragraphs from the corpus, in order."""
    paragraphs = [p for article in articles for p in article.text.split("\n\n") if p.strip()]
    chosen: list[str] = []
    count = 0
    for paragraph in paragraphs * (1 + words // max(1, sum(len(p.split()) for p in paragraphs))):
        if count >= words:
            break
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(chosen)


@pytest.fixture(scope="session")
def news_article_600(corpus_articles: list[Article]) -> str:
    """A 600-word article (the issue's unit for extraction throughput)."""
    return article_of_words(corpus_articles, 600)


@pytest.fixture(scope="session")
def text_of_length(corpus_articles: list[Article]) -> Callable[[int], str]:
    """Make a text of exactly ``n`` characters from corpus paragraphs (for linear-time checks)."""

    def make(characters: int) -> str:
        text = article_of_words(corpus_articles, characters // 4 + 1)
        while len(text) < characters:
            text += "\n\n" + text
        return text[:characters]

    return make


@pytest.fixture
def record_rate(benchmark: BenchmarkFixture) -> Callable[[int, str], None]:
    """Call ``record_rate(n, "quotes")`` after ``benchmark(...)``: saves n and n per second.

    The rate lands in the saved JSON's ``extra_info`` (e.g. ``quotes_per_s``); with
    ``--benchmark-disable`` (the CI smoke run) there is no timing, so only the count is kept.
    """

    def record(items: int, unit: str) -> None:
        benchmark.extra_info[unit] = items
        if benchmark.stats is not None:
            benchmark.extra_info[f"{unit}_per_s"] = items / benchmark.stats.stats.mean

    return record


@pytest.fixture(scope="session")
def peak_memory_mb() -> Callable[[str], float]:
    """Run Python ``code`` in a fresh interpreter and return its peak resident memory in MB.

    A fresh process measures what a user's process would hold (model weights, torch, buffers),
    which ``tracemalloc`` cannot see. The code runs from the repository root, offline. The peak is
    the child's own ``VmHWM`` (Linux): ``getrusage``'s ``ru_maxrss`` would also count the memory
    of this test process at the moment it forked the child, after a fine-tuning run over a GB.
    """

    def measure(code: str) -> float:
        probe = textwrap.dedent(code) + textwrap.dedent(
            """
            with open("/proc/self/status", encoding="ascii") as _status:
                _peak = next(line for line in _status if line.startswith("VmHWM:"))
            print("PEAK_RSS_KB", _peak.split()[1])
            """
        )
        finished = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
        )
        if finished.returncode != 0:
            raise RuntimeError(f"the memory probe failed:\n{finished.stderr[-2000:]}")
        line = next(x for x in finished.stdout.splitlines() if x.startswith("PEAK_RSS_KB"))
        return int(line.split()[1]) / 1024  # VmHWM is in KiB

    return measure
