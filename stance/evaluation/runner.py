"""Run an evaluation: models x fixture sets on one split, into one JSON-ready report.

The report is a plain dict with a versioned schema (:data:`SCHEMA`, :data:`SCHEMA_VERSION`), so
that it can be written as JSON, read back, rendered as a table or Markdown, and turned into a
baseline by :mod:`stance.evaluation.gate` without this module. Its top-level keys:

``schema``, ``schema_version``, ``created``, ``suite``, ``split``, ``settings`` (seed,
resamples, confidence, calibration bins, sections), ``environment`` (Python, platform, package
versions, git commit), ``datasets`` (path, content hash, article and quote counts, extraction
scores), ``results`` (one per model x dataset: model identity, stance scores with intervals,
calibration, slices, errors, end-to-end scores, timings), ``comparisons`` (paired tests between
every two models on the same dataset), ``behaviour`` (checklist pass rates per model) and
``timings``. The JSON Schema of the report is ``report.schema.json`` beside this module.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import itertools
import json
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from stance._optional import require
from stance.articles.fixtures import SPLITS, Split, read_fixtures
from stance.evaluation.behaviour import load_checklist, run_checklist
from stance.evaluation.bootstrap import (
    DEFAULT_CONFIDENCE,
    DEFAULT_RESAMPLES,
    confusion_intervals,
    mcnemar,
    paired_from_confusions,
    per_group_sum,
    per_quote_confusions,
    percentile_interval,
    resample_weights,
    resampled,
)
from stance.evaluation.errors import misclassified
from stance.evaluation.extraction import DEFAULT_THRESHOLDS, extraction_scores, match_quotes
from stance.evaluation.metrics import (
    DEFAULT_CALIBRATION_BINS,
    FloatArray,
    calibration_statistics,
    check_probabilities,
    classification_scores,
    ece_from_statistics,
    scores_from_confusion,
)
from stance.evaluation.slices import SLICES
from stance.quotes import extract_quotes
from stance.records import LABELS, Article, Quote

SCHEMA = "stance-evaluation-report"
#: Bumped whenever a key is renamed or removed or changes meaning (adding keys does not).
SCHEMA_VERSION = 1

#: The sections a report can hold; a suite may ask for fewer (stance scores are always there).
SECTIONS = (
    "stance",
    "calibration",
    "slices",
    "errors",
    "comparisons",
    "extraction",
    "end_to_end",
    "behaviour",
)

#: Distributions whose versions go into every report (those that are installed).
RECORDED_PACKAGES = (
    "stance-news",
    "numpy",
    "scipy",
    "scikit-learn",
    "torch",
    "transformers",
    "datasets",
    "safetensors",
    "matplotlib",
    "tqdm",
)


class Model(Protocol):
    """The stance-model contract the harness relies on."""

    classes_: Sequence[str]
    metadata_: dict[str, Any]

    def predict_proba(self, quotes: Sequence[Quote]) -> npt.NDArray[np.float64]: ...

    def predict(self, quotes: Sequence[Quote]) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class Settings:
    """How to evaluate: which split, how many bootstrap resamples, which report sections."""

    split: Split = "test"
    seed: int = 0
    resamples: int = DEFAULT_RESAMPLES
    confidence: float = DEFAULT_CONFIDENCE
    calibration_bins: int = DEFAULT_CALIBRATION_BINS
    sections: tuple[str, ...] = SECTIONS

    def __post_init__(self) -> None:
        if self.split not in SPLITS:
            raise ValueError(f"split must be one of {', '.join(SPLITS)}; got {self.split!r}")
        unknown = sorted(set(self.sections) - set(SECTIONS))
        if unknown:
            raise ValueError(
                f"unknown report section(s) {unknown}; choose from {', '.join(SECTIONS)}"
            )
        if self.resamples < 1:
            raise ValueError(f"resamples must be a positive int, got {self.resamples!r}")
        if not 0.0 < self.confidence < 1.0:
            raise ValueError(f"confidence must be between 0 and 1, got {self.confidence!r}")
        if self.calibration_bins < 1:
            raise ValueError(
                f"calibration_bins must be a positive int, got {self.calibration_bins!r}"
            )


def evaluate(
    *,
    models: Sequence[str | Model],
    fixtures: Sequence[str | Path],
    settings: Settings = Settings(),  # frozen, so one shared default is safe
    suite: str | None = None,
    progress: bool = False,
    extractor: Callable[[str], list[Quote]] | None = None,
) -> dict[str, Any]:
    """Score every model on every fixture set and return the report (see the module docstring).

    ``models`` are registered names, saved model folders, or fitted model objects; ``fixtures``
    are any paths in the fixture format (a file, a folder or a ``.jsonl``). Datasets without a
    split file count as all test data. ``progress`` shows a progress bar on standard error.
    ``extractor`` finds the quotes scored by the extraction and end-to-end sections (None:
    :func:`stance.extract_quotes`; pass another to compare extractors).
    """
    if not models:
        raise ValueError("no models to evaluate; pass at least one name, path or model object")
    if not fixtures:
        raise ValueError("no fixtures to evaluate on; pass at least one fixture path")
    started = time.perf_counter()
    tqdm = _tqdm()
    steps = len(models) * (1 + len(fixtures)) + len(fixtures)
    with tqdm(
        total=steps, desc="stance eval", unit="step", file=sys.stderr, disable=not progress
    ) as bar:
        loaded = []
        for model in models:
            bar.set_postfix_str(f"loading {model if isinstance(model, str | Path) else 'model'}")
            loaded.append(_load_model(model))
            bar.update()
        _check_unique("model", [model_id for model_id, _, _ in loaded])
        _check_unique("fixture path", [str(path) for path in fixtures])
        datasets, results, comparisons = [], [], []
        for path in fixtures:
            bar.set_postfix_str(f"reading {path}")
            dataset = _Dataset.read(path, settings, extractor or extract_quotes)
            datasets.append(dataset.describe(settings))
            bar.update()
            scored = []
            for model_id, model, load_s in loaded:
                bar.set_postfix_str(f"{model_id} on {path}")
                scored.append(_score_model(model_id, model, load_s, dataset, settings))
                bar.update()
            results += [result for result, _ in scored]
            if "comparisons" in settings.sections:
                comparisons += _comparisons(dataset, scored, settings)
        behaviour = {}
        if "behaviour" in settings.sections:
            checklist = load_checklist()
            behaviour = {model_id: run_checklist(model, checklist) for model_id, model, _ in loaded}
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "suite": suite,
        "split": settings.split,
        "settings": {
            "seed": settings.seed,
            "resamples": settings.resamples,
            "resampling_unit": "article",
            "confidence": settings.confidence,
            "calibration_bins": settings.calibration_bins,
            "sections": list(settings.sections),
        },
        "environment": environment(),
        "datasets": datasets,
        "results": results,
        "comparisons": comparisons,
        "behaviour": behaviour,
        "timings": {"total_s": time.perf_counter() - started},
    }


def _check_unique(what: str, names: Sequence[str]) -> None:
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(
            f"{what} {repeated[0]!r} is given more than once; results are keyed by it, so pass "
            "each once (save a model under another folder name to compare two versions)"
        )


def content_hash(articles: Sequence[Article]) -> str:
    """A SHA-256 of the articles and their gold quotes, independent of file layout and order.

    Each quote's ``context`` is left out: it is derived from the text by
    :func:`stance.text.sentence_context`, and a change there is not a change of the data.
    """
    records = []
    for article in sorted(articles, key=lambda article: article.id):
        record = dataclasses.asdict(article)
        for quote in record["quotes"]:
            del quote["context"]
        records.append(record)
    payload = json.dumps(records, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return "sha256:" + hashlib.sha256(payload).hexdigest()


def environment() -> dict[str, Any]:
    """Python, platform, installed package versions and the git commit of this checkout."""
    packages = {}
    for name in RECORDED_PACKAGES:
        try:
            packages[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # not installed: nothing to record
    commit, dirty = _git_state(Path(__file__).resolve().parents[2])
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": packages,
        "git_commit": commit,
        "git_dirty": dirty,
    }


def _git_state(folder: Path) -> tuple[str | None, bool | None]:
    """The commit checked out in ``folder`` and whether files differ from it (None: no git)."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None, None  # an installed package outside a git checkout has no commit
    return commit, bool(status.strip())


def _tqdm() -> Callable[..., Any]:
    return require("tqdm.auto", purpose="the stance eval progress bar").tqdm  # type: ignore[no-any-return]


# One quote predicted right after loading, so that weights a model reads lazily on its first
# call count as loading time, not against its throughput.
_WARM_UP = Quote(
    text="We never signed it",
    start=1,
    end=19,
    speaker="Orla Venn",
    cue="said",
    kind="direct",
    context="“We never signed it,” said Orla Venn.",
)


def _load_model(model: str | Path | Model) -> tuple[str, Model, float]:
    """Load a name or path and warm it up (timed); check the label order the harness needs."""
    started = time.perf_counter()
    if isinstance(model, str | Path):
        from stance.models import load

        model_id = str(model)
        loaded: Model = load(model_id)
    else:
        loaded = model
        model_id = str(getattr(model, "metadata_", {}).get("name") or type(model).__name__)
    if tuple(loaded.classes_) != LABELS:
        raise ValueError(
            f"model {model_id!r} has classes_ {tuple(loaded.classes_)}, but the harness needs "
            f"{LABELS} (stance.LABELS order); fix the model's label order"
        )
    loaded.predict_proba([_WARM_UP])
    return model_id, loaded, time.perf_counter() - started


@dataclass(frozen=True)
class _Dataset:
    """One fixture set on one split, with what every model's scoring shares."""

    path: str
    articles: list[Article]
    quotes: list[Quote]
    codes: npt.NDArray[np.int64]  # each quote's article, as an index into ``articles``
    weights: FloatArray
    extracted: list[list[Quote]] | None  # extract_quotes(text) per article, when asked for
    extraction_s: float | None

    @classmethod
    def read(
        cls, path: str | Path, settings: Settings, extractor: Callable[[str], list[Quote]]
    ) -> _Dataset:
        articles = read_fixtures(path, split=settings.split)
        quotes = [quote for article in articles for quote in article.quotes]
        if not quotes:
            raise ValueError(
                f"no labelled quotes in {str(path)!r} on split {settings.split!r}; "
                "check the path and the split (a folder without splits.json is all test data)"
            )
        position = {article.id: index for index, article in enumerate(articles)}
        codes = np.array([position[str(quote.article_id)] for quote in quotes], dtype=np.int64)
        # One set of resamples per dataset, shared by every model: the pairing behind the
        # paired tests, and the reason two runs with one seed give the same intervals.
        weights = resample_weights(len(articles), resamples=settings.resamples, seed=settings.seed)
        extracted, extraction_s = None, None
        if {"extraction", "end_to_end"} & set(settings.sections):
            started = time.perf_counter()
            extracted = [extractor(article.text) for article in articles]
            extraction_s = time.perf_counter() - started
        return cls(str(path), articles, quotes, codes, weights, extracted, extraction_s)

    def describe(self, settings: Settings) -> dict[str, Any]:
        described: dict[str, Any] = {
            "path": self.path,
            "split": settings.split,
            "content_hash": content_hash(self.articles),
            "articles": len(self.articles),
            "quotes": len(self.quotes),
        }
        if "extraction" in settings.sections:
            described["extraction"] = self._extraction(settings)
        return described

    def _extraction(self, settings: Settings) -> dict[str, Any]:
        """Extraction scores per threshold, with an article-bootstrap interval for F1."""
        extracted = self.extracted_quotes()
        report = extraction_scores(gold=self.articles, predicted=extracted).to_dict()
        for threshold in DEFAULT_THRESHOLDS:
            counts = np.array(
                [
                    (
                        len(match_quotes(gold=a.quotes, predicted=found, threshold=threshold)),
                        len(a.quotes),
                        len(found),
                    )
                    for a, found in zip(self.articles, extracted, strict=True)
                ],
                dtype=np.float64,
            )
            report["thresholds"][str(threshold)]["f1_interval"] = self.article_interval(
                counts, _f1_from_counts, settings
            )
        seconds = self.extraction_s or 0.0
        report["timings"] = {
            "extract_s": seconds,
            "articles_per_s": len(self.articles) / seconds if seconds > 0 else None,
        }
        return report

    def extracted_quotes(self) -> list[list[Quote]]:
        """The quotes ``extract_quotes`` found in each article (read() extracts when asked)."""
        if self.extracted is None:
            raise RuntimeError(
                "this dataset was read without extraction; include 'extraction' or 'end_to_end' "
                "in the settings' sections"
            )
        return self.extracted

    def per_article(self, per_quote: npt.NDArray[Any]) -> FloatArray:
        return per_group_sum(per_quote, self.codes, len(self.articles))

    def interval(
        self,
        per_quote: npt.NDArray[Any],
        score: Callable[[FloatArray], FloatArray],
        settings: Settings,
    ) -> dict[str, float]:
        """``score`` of per-quote statistics, with its article-bootstrap interval."""
        return self.article_interval(self.per_article(per_quote), score, settings)

    def article_interval(
        self,
        per_article: FloatArray,
        score: Callable[[FloatArray], FloatArray],
        settings: Settings,
    ) -> dict[str, float]:
        """``score`` of per-article statistics, with its article-bootstrap interval."""
        point = float(score(per_article.sum(axis=0)))
        samples = score(resampled(per_article, self.weights))
        return percentile_interval(point, samples, confidence=settings.confidence).to_dict()


@dataclass(frozen=True)
class _Scored:
    """What the paired tests need from one model's run on one dataset."""

    model_id: str
    predictions: list[str]
    per_article_confusion: FloatArray


def _score_model(
    model_id: str, model: Model, load_s: float, dataset: _Dataset, settings: Settings
) -> tuple[dict[str, Any], _Scored]:
    started = time.perf_counter()
    predictions, confidence = _predict(model, dataset.quotes)
    predict_s = time.perf_counter() - started
    gold = [str(quote.stance) for quote in dataset.quotes]
    one_hot = per_quote_confusions(references=gold, predictions=predictions, labels=LABELS)
    per_article_confusion = dataset.per_article(one_hot)

    stance = classification_scores(references=gold, predictions=predictions).to_dict()
    stance["intervals"] = {
        name: interval.to_dict()
        for name, interval in confusion_intervals(
            per_article_confusion, dataset.weights, labels=LABELS, confidence=settings.confidence
        ).items()
    }
    metadata = dict(getattr(model, "metadata_", {}))
    result: dict[str, Any] = {
        "model": {
            "id": model_id,
            "name": metadata.get("name", model_id),
            "version": metadata.get("version"),
            "metadata": metadata,
        },
        "dataset": dataset.path,
        "quotes": len(dataset.quotes),
        "stance": stance,
    }
    if "calibration" in settings.sections:
        statistics = calibration_statistics(
            correct=np.array(predictions) == np.array(gold),
            confidence=confidence,
            n_bins=settings.calibration_bins,
        )
        summed = statistics.sum(axis=0)
        result["calibration"] = {
            "ece": dataset.interval(statistics, ece_from_statistics, settings),
            "bins": _bins(summed, settings.calibration_bins),
        }
    if "slices" in settings.sections:
        result["slices"] = _slices(dataset, one_hot, settings)
    if "errors" in settings.sections:
        result["errors"] = misclassified(
            quotes=dataset.quotes, predictions=predictions, confidences=confidence.tolist()
        )
    if "end_to_end" in settings.sections:
        result["end_to_end"] = _end_to_end(model, dataset, settings)
    result["timings"] = {
        "load_s": load_s,
        "predict_s": predict_s,
        "quotes_per_s": len(dataset.quotes) / predict_s if predict_s > 0 else None,
    }
    return result, _Scored(model_id, predictions, per_article_confusion)


def _bins(summed: FloatArray, n_bins: int) -> dict[str, Any]:
    count = summed[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        confidence = np.where(count > 0, summed[:, 1] / np.maximum(count, 1), np.nan)
        accuracy = np.where(count > 0, summed[:, 2] / np.maximum(count, 1), np.nan)
    return {
        "edges": np.linspace(0.0, 1.0, n_bins + 1).tolist(),
        "count": [int(value) for value in count],
        "mean_confidence": [None if np.isnan(v) else float(v) for v in confidence],
        "accuracy": [None if np.isnan(v) else float(v) for v in accuracy],
    }


def _slices(
    dataset: _Dataset, one_hot: FloatArray, settings: Settings
) -> dict[str, dict[str, dict[str, Any]]]:
    """Accuracy (with interval) and macro-F1 over the labels present, per slice value."""
    slices: dict[str, dict[str, dict[str, Any]]] = {}
    article_of = {article.id: article for article in dataset.articles}
    for slice_name, slice_of in SLICES.items():
        values = np.array([slice_of(article_of[str(q.article_id)], q) for q in dataset.quotes])
        slices[slice_name] = {}
        for value in sorted(set(values.tolist())):
            mask = values == value
            confusion = one_hot[mask].sum(axis=0)
            present = (confusion.sum(axis=0) + confusion.sum(axis=1)) > 0
            f1 = scores_from_confusion(confusion)["f1"]
            slices[slice_name][value] = {
                "quotes": int(mask.sum()),
                "articles": len({dataset.codes[i] for i in np.flatnonzero(mask)}),
                "accuracy": dataset.interval(one_hot * mask[:, None, None], _accuracy, settings),
                "macro_f1_present_labels": float(f1[present].mean()),
            }
    return slices


def _accuracy(confusion: FloatArray) -> FloatArray:
    """Accuracy of confusion matrices; NaN where a resample drew none of a slice's articles."""
    total = confusion.sum(axis=(-2, -1))
    correct = np.diagonal(confusion, axis1=-2, axis2=-1).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, correct / np.where(total > 0, total, 1), np.nan)


def _comparisons(
    dataset: _Dataset, scored: Sequence[tuple[dict[str, Any], _Scored]], settings: Settings
) -> list[dict[str, Any]]:
    gold = [str(quote.stance) for quote in dataset.quotes]
    comparisons = []
    for (_, a), (_, b) in itertools.combinations(scored, 2):
        comparisons.append(
            {
                "dataset": dataset.path,
                "model_a": a.model_id,
                "model_b": b.model_id,
                "paired_bootstrap": {
                    metric: paired_from_confusions(
                        a.per_article_confusion,
                        b.per_article_confusion,
                        dataset.weights,
                        metric=metric,
                        confidence=settings.confidence,
                    ).to_dict()
                    for metric in ("accuracy", "macro_f1")
                },
                "mcnemar": mcnemar(
                    references=gold, predictions_a=a.predictions, predictions_b=b.predictions
                ).to_dict(),
            }
        )
    return comparisons


def _predict(model: Model, quotes: Sequence[Quote]) -> tuple[list[str], FloatArray]:
    """Each quote's most probable label and its probability (what ``stance.analyze`` reports)."""
    probabilities = check_probabilities(model.predict_proba(quotes), n_labels=len(LABELS))
    best = probabilities.argmax(axis=1)
    return [LABELS[index] for index in best], probabilities[np.arange(len(best)), best]


def _end_to_end(model: Model, dataset: _Dataset, settings: Settings) -> dict[str, Any]:
    """Extract, classify, match: a gold statement counts when found and correctly labelled."""
    extracted = dataset.extracted_quotes()
    found = [quote for quotes in extracted for quote in quotes]
    labels = iter(_predict(model, found)[0]) if found else iter([])
    labelled = [[next(labels) for _ in quotes] for quotes in extracted]
    thresholds = {}
    for threshold in DEFAULT_THRESHOLDS:
        counts = np.array(
            [
                (
                    sum(
                        article.quotes[gold].stance == predicted_labels[predicted]
                        for gold, predicted in match_quotes(
                            gold=article.quotes, predicted=quotes, threshold=threshold
                        )
                    ),
                    len(article.quotes),
                    len(quotes),
                )
                for article, quotes, predicted_labels in zip(
                    dataset.articles, extracted, labelled, strict=True
                )
            ],
            dtype=np.float64,
        )
        correct, gold_count, predicted_count = counts.sum(axis=0)
        thresholds[str(threshold)] = {
            "precision": correct / predicted_count if predicted_count else 0.0,
            "recall": correct / gold_count if gold_count else 0.0,
            "f1": float(_f1_from_counts(counts.sum(axis=0))),
            "correct": int(correct),
            "gold": int(gold_count),
            "predicted": int(predicted_count),
            "f1_interval": dataset.article_interval(counts, _f1_from_counts, settings),
        }
    return {"thresholds": thresholds}


def _f1_from_counts(counts: FloatArray) -> FloatArray:
    """F1 from (hits, gold, predicted) counts on the last axis: 2 hits / (gold + predicted)."""
    hits, gold, predicted = counts[..., 0], counts[..., 1], counts[..., 2]
    total = gold + predicted
    return np.where(total > 0, 2 * hits / np.where(total > 0, total, 1), 0.0)
