"""Stance model speed and memory: predict throughput per model, training time, peak memory.

Targets (issue 5), read from the saved JSON's ``extra_info``, never asserted on timings here:
``tfidf-logreg`` predicts >= 20,000 quotes/s and trains on 1,000 quotes in < 5 s; ``minilm-*``
predict >= 250 quotes/s with 2 torch threads at batch 32; fine-tuning on the whole train split
takes < 5 min; peak memory < 300 MB for classical models and < 1.2 GB for transformers.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from stance import LABELS, Quote, read_fixtures
from stance.models import available, create, load
from stance.models.base import StanceModel

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# The ensemble runs minilm-finetune, so it is timed (and not trained) like the transformers.
TRANSFORMERS = ("minilm-logreg", "minilm-finetune", "ensemble")
CLASSICAL = tuple(name for name in available() if name not in TRANSFORMERS)
# torch threads and batch size the transformer targets are stated for
THREADS, BATCH = 2, 32


def _repeat(quotes: list[Quote], n: int) -> list[Quote]:
    return list(itertools.islice(itertools.cycle(quotes), n))


@pytest.fixture(scope="module")
def train_quotes() -> list[Quote]:
    """The train split's gold quotes (what the shipped models were trained on)."""
    return [quote for article in read_fixtures(FIXTURES, split="train") for quote in article.quotes]


def _pretrained(name: str) -> StanceModel:
    model = load(name)
    params = model.get_params()
    if "num_threads" in params:
        model.set_params(num_threads=THREADS)
        model.set_params(
            **{"predict_batch_size" if "predict_batch_size" in params else "batch_size": BATCH}
        )
    return model


@pytest.mark.parametrize("name", available())
def test_predict_throughput(
    name: str,
    benchmark: BenchmarkFixture,
    gold_quotes: list[Quote],
    record_rate: Callable[[int, str], None],
) -> None:
    model = _pretrained(name)
    quotes = _repeat(gold_quotes, 512 if name in TRANSFORMERS else 5000)
    model.predict(quotes[:64])  # warm-up: lazy imports, first-call allocations
    rounds = 2 if name in TRANSFORMERS else 5
    predicted = benchmark.pedantic(model.predict, args=(quotes,), rounds=rounds, iterations=1)
    record_rate(len(quotes), "quotes")
    assert len(predicted) == len(quotes)


@pytest.mark.parametrize("name", [*CLASSICAL, "minilm-logreg"])
def test_training_time_on_1000_quotes(
    name: str,
    benchmark: BenchmarkFixture,
    train_quotes: list[Quote],
    record_rate: Callable[[int, str], None],
) -> None:
    quotes = _repeat(train_quotes, 1000)
    labels = [str(quote.stance) for quote in quotes]
    params = {"num_threads": THREADS} if name in TRANSFORMERS else {}
    model = benchmark.pedantic(
        lambda: create(name, **params).fit(quotes, labels), rounds=1 if name in TRANSFORMERS else 3
    )
    record_rate(len(quotes), "quotes")
    assert tuple(model.classes_) == tuple(model.metadata_["labels"])


def test_fine_tuning_on_the_train_split(
    benchmark: BenchmarkFixture, train_quotes: list[Quote]
) -> None:
    # The CI smoke run (--benchmark-disable) only checks that the code runs: a few quotes, one
    # epoch. The timed run trains the shipped recipe on the whole train split.
    quick = benchmark.disabled
    quotes = (
        [q for label in LABELS for q in [x for x in train_quotes if x.stance == label][:12]]
        if quick
        else train_quotes
    )
    labels = [str(quote.stance) for quote in quotes]
    params = {"num_threads": THREADS} | ({"epochs": 1, "calibrate": False} if quick else {})
    model = benchmark.pedantic(
        lambda: create("minilm-finetune", **params).fit(quotes, labels), rounds=1
    )
    benchmark.extra_info["quotes"] = len(quotes)
    assert model.metadata_["n_train"] == len(quotes)


@pytest.mark.parametrize("name", available())
def test_peak_memory(
    name: str, benchmark: BenchmarkFixture, peak_memory_mb: Callable[[str], float]
) -> None:
    code = f"""
        from stance import read_fixtures
        from stance.models import load
        quotes = [q for a in read_fixtures("fixtures") for q in a.quotes]
        load({name!r}).predict((quotes * 2)[:1000])
    """
    megabytes = benchmark.pedantic(peak_memory_mb, args=(code,), rounds=1, iterations=1)
    benchmark.extra_info["peak_rss_mb"] = megabytes
    assert megabytes > 0
