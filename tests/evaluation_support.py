"""Tiny stance models and a synthetic corpus for the evaluation tests.

The models follow the stance-model contract (scikit-learn estimator, ``classes_ == LABELS``,
``predict_proba`` in that order, ``metadata_``) without any training cost, so the harness is
tested on its own, independent of the real models.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from stance import LABELS, Article, Quote

# Word stems that decide the keyword model's label, in priority order.
KEYWORDS = (
    ("denial", ("never", "not ", "false", "nothing to do", "deni")),
    ("blame", ("blame", "responsible", "fault", "caused", "accus")),
    ("support", ("back", "support", "right to", "praise", "proud")),
)


class KeywordModel(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Labels a quote by the first keyword group its text and cue contain; neutral otherwise."""

    def __init__(self, *, confidence: float = 0.7, name: str = "keyword.v1") -> None:
        self.confidence = confidence
        self.name = name

    def fit(self, quotes: Sequence[Quote], labels: Sequence[str]) -> KeywordModel:
        self.classes_ = LABELS
        self.metadata_ = {"name": self.name, "version": 1, "labels": list(LABELS), "seed": 0}
        return self

    def predict_proba(self, quotes: Sequence[Quote]) -> np.ndarray:
        rest = (1 - self.confidence) / (len(LABELS) - 1)
        probabilities = np.full((len(quotes), len(LABELS)), rest)
        for row, quote in enumerate(quotes):
            probabilities[row, LABELS.index(keyword_label(quote))] = self.confidence
        return probabilities

    def predict(self, quotes: Sequence[Quote]) -> list[str]:
        return [LABELS[index] for index in self.predict_proba(quotes).argmax(axis=1)]


def keyword_label(quote: Quote) -> str:
    text = f"{quote.cue or ''} {quote.text}".lower()
    for label, stems in KEYWORDS:
        if any(stem in text for stem in stems):
            return label
    return "neutral"


class MajorityModel(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Predicts the training labels' frequencies for every quote; remembers what it saw."""

    def __init__(self, *, name: str = "majority.v1") -> None:
        self.name = name

    def fit(self, quotes: Sequence[Quote], labels: Sequence[str]) -> MajorityModel:
        counts = np.array([labels.count(label) for label in LABELS], dtype=float) + 0.5
        self.prior_ = counts / counts.sum()
        self.seen_articles_ = {quote.article_id for quote in quotes}
        self.classes_ = LABELS
        self.metadata_ = {"name": self.name, "version": 1, "labels": list(LABELS), "seed": 0}
        return self

    def predict_proba(self, quotes: Sequence[Quote]) -> np.ndarray:
        return np.tile(self.prior_, (len(quotes), 1))

    def predict(self, quotes: Sequence[Quote]) -> list[str]:
        return [LABELS[index] for index in self.predict_proba(quotes).argmax(axis=1)]


def fitted(model: Any) -> Any:
    """``model`` fitted on one quote of each label (the tiny models need no real data)."""
    quotes = [
        Quote(text=label, start=0, end=len(label), speaker=None, cue=None, kind="direct")
        for label in LABELS
    ]
    return model.fit(quotes, list(LABELS))


# (statement, gold label, hard) - the keyword model gets the hard ones wrong on purpose.
STATEMENTS = (
    ("We never signed that contract", "denial", False),
    ("Our people were nowhere near the depot", "denial", True),
    ("The regulator is responsible for the flooding", "blame", False),
    ("Had the council listened, the homes would still stand", "blame", True),
    ("We fully back the new ceasefire plan", "support", False),
    ("Every town should have a mill like this one", "support", True),
    ("The bridge will reopen on Monday", "neutral", False),
    ("Support vessels arrived at dawn", "neutral", True),
)
SPEAKERS = ("Orla Venn", "Dana Roos", "Tomas Berg", "Amara Okafor")
DOMAINS = ("armed-conflict", "business")


def corpus_documents(n_articles: int, *, offset: int = 0) -> list[dict[str, Any]]:
    """``n_articles`` fixture documents, each with a few statements of mixed stance and kind."""
    documents = []
    for number in range(offset, offset + n_articles):
        text = f"Report number {number}.\n\n"
        quotes = []
        for position in range(4):
            statement, label, hard = STATEMENTS[
                (number + 3 * position + (number // 2) * (position % 2)) % len(STATEMENTS)
            ]
            speaker = SPEAKERS[(number + position) % len(SPEAKERS)]
            if position % 2 == 0:
                prefix, suffix, kind, cue = "“", f",” said {speaker}. ", "direct", "said"
            else:
                prefix, suffix, kind, cue = f"{speaker} said that ", ". ", "indirect", "said"
            start = len(text) + len(prefix)
            text += prefix + statement + suffix
            quotes.append(
                {
                    "start": start,
                    "end": start + len(statement),
                    "text": statement,
                    "speaker": speaker,
                    "cue": cue,
                    "kind": kind,
                    "stance": label,
                    "hard": hard,
                }
            )
        documents.append(
            {
                "id": f"article-{number:03d}",
                "title": f"Report {number}",
                "domain": DOMAINS[number % len(DOMAINS)],
                "text": text,
                "quotes": quotes,
            }
        )
    return documents


class GoldExtractor:
    """An extractor that finds every gold quote of an article but its last one.

    It looks the article up by its text, so the harness's extraction and end-to-end sections
    can be checked against known counts: precision 1, recall 3/4 on :func:`write_corpus` data.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        self.by_text = {article.text: article for article in articles}

    def __call__(self, text: str) -> list[Quote]:
        gold = self.by_text[text].quotes
        return [dataclasses.replace(quote, stance=None) for quote in gold[:-1]]


def write_corpus(folder: Path, n_articles: int, *, offset: int = 0) -> Path:
    """Write a synthetic fixture folder (one JSON file per article, no split file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for document in corpus_documents(n_articles, offset=offset):
        (folder / f"{document['id']}.json").write_text(json.dumps(document), encoding="utf-8")
    return folder


def fake_load(name_or_path: str) -> Any:
    """Stands in for ``stance.models.load`` in CLI tests: ``keyword`` and ``majority`` exist."""
    if name_or_path == "keyword":
        return fitted(KeywordModel(name="keyword.v1"))
    if name_or_path == "majority":
        return fitted(MajorityModel(name="majority.v1"))
    raise KeyError(f"no model named {name_or_path!r}; the registered models are keyword, majority")
