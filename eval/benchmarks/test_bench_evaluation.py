"""How long the harness itself takes: the article bootstrap must stay cheap enough for CI."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from pytest_benchmark.fixture import BenchmarkFixture

from stance import LABELS, Quote
from stance.evaluation import bootstrap_scores, paired_bootstrap


def _noisy_predictions(quotes: list[Quote], seed: int) -> list[str]:
    """Gold labels with a fifth of them replaced at random: a stand-in for a model's output."""
    generator = np.random.default_rng(seed)
    return [
        str(generator.choice(LABELS)) if generator.random() < 0.2 else str(quote.stance)
        for quote in quotes
    ]


def test_bootstrap_intervals_on_the_corpus(
    benchmark: BenchmarkFixture, gold_quotes: list[Quote], record_rate: Callable[[int, str], None]
) -> None:
    gold = [str(quote.stance) for quote in gold_quotes]
    predictions = _noisy_predictions(gold_quotes, seed=1)
    groups = [str(quote.article_id) for quote in gold_quotes]
    intervals = benchmark(
        bootstrap_scores, references=gold, predictions=predictions, groups=groups, resamples=1000
    )
    record_rate(len(gold_quotes), "quotes")
    assert intervals["macro_f1"].low <= intervals["macro_f1"].value <= intervals["macro_f1"].high


def test_paired_bootstrap_on_the_corpus(
    benchmark: BenchmarkFixture, gold_quotes: list[Quote], record_rate: Callable[[int, str], None]
) -> None:
    gold = [str(quote.stance) for quote in gold_quotes]
    groups = [str(quote.article_id) for quote in gold_quotes]
    test = benchmark(
        paired_bootstrap,
        references=gold,
        predictions_a=_noisy_predictions(gold_quotes, seed=1),
        predictions_b=_noisy_predictions(gold_quotes, seed=2),
        groups=groups,
        resamples=1000,
    )
    record_rate(len(gold_quotes), "quotes")
    assert 0.0 <= test.p_value <= 1.0


def test_harness_peak_memory(
    benchmark: BenchmarkFixture, peak_memory_mb: Callable[[str], float]
) -> None:
    code = """
        from stance import read_fixtures
        from stance.evaluation import bootstrap_scores
        quotes = [q for a in read_fixtures("fixtures") for q in a.quotes]
        gold = [q.stance for q in quotes]
        bootstrap_scores(references=gold, predictions=gold, groups=[q.article_id for q in quotes])
    """
    megabytes = benchmark.pedantic(peak_memory_mb, args=(code,), rounds=1, iterations=1)
    benchmark.extra_info["peak_rss_mb"] = megabytes
    assert megabytes > 0
