"""Quote-extraction metrics: match predicted quotes to gold ones, then score the matches.

A predicted quote *matches* a gold quote of the same article when it covers at least a share
``t`` of the gold quote's characters. Matching is one-to-one and greedy, best coverage first
(ties go to the earlier gold quote, then the earlier prediction), so one long prediction cannot
match two gold quotes. Matching ignores ``kind``; per-kind scores slice the same matches:
recall by the gold quote's kind, precision by the predicted quote's kind.

Zero division is explicit: a score whose denominator is zero (no predictions, no gold quotes,
no matched pairs) takes ``zero_division`` (0.0 by default). No articles at all is an error.

Speaker accuracy is measured on matched pairs only: *strict* when the normalised names are
equal, *lenient* when one name's words contain the other's surname (its last word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from stance.records import KINDS, Article, Quote

DEFAULT_THRESHOLDS: tuple[float, ...] = (0.3, 0.8)

_NOT_WORD = re.compile(r"[^\w\s]")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"'s?$")


@dataclass(frozen=True, slots=True)
class PrecisionRecall:
    """Precision, recall and F1 from counts: matched gold, gold and predicted quotes."""

    precision: float
    recall: float
    f1: float
    matched: int
    gold: int
    predicted: int

    def to_dict(self) -> dict[str, Any]:
        """The scores and counts as a JSON-ready dict."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "matched": self.matched,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(frozen=True, slots=True)
class ThresholdScores:
    """Scores at one coverage threshold: overall, per kind (in :data:`stance.KINDS` order) and
    speaker accuracy on the matched pairs."""

    threshold: float
    overall: PrecisionRecall
    per_kind: dict[str, PrecisionRecall]
    speaker_strict: float
    speaker_lenient: float

    def to_dict(self) -> dict[str, Any]:
        """A flat JSON-ready dict: overall scores at the top, per-kind scores under ``per_kind``."""
        return {
            **self.overall.to_dict(),
            "speaker_strict": self.speaker_strict,
            "speaker_lenient": self.speaker_lenient,
            "per_kind": {kind: scores.to_dict() for kind, scores in self.per_kind.items()},
        }


@dataclass(frozen=True, slots=True)
class ExtractionScores:
    """Extraction scores for each threshold, keyed by the threshold."""

    thresholds: dict[float, ThresholdScores]

    def to_dict(self) -> dict[str, Any]:
        """``{"thresholds": {"0.3": {...}, "0.8": {...}}}``, ready for a JSON report."""
        return {"thresholds": {str(t): scores.to_dict() for t, scores in self.thresholds.items()}}


def coverage(gold: Quote, predicted: Quote) -> float:
    """The share of ``gold``'s characters that ``predicted`` covers, in [0, 1]."""
    length = gold.end - gold.start
    if length <= 0:
        raise ValueError(
            f"gold quote at [{gold.start}:{gold.end}] is empty; every gold quote needs at least "
            "one character (run `stance fixtures validate` on the fixtures)"
        )
    overlap = min(gold.end, predicted.end) - max(gold.start, predicted.start)
    return max(0, overlap) / length


def match_quotes(
    *, gold: Sequence[Quote], predicted: Sequence[Quote], threshold: float
) -> list[tuple[int, int]]:
    """Pair gold and predicted quotes of one article: ``(gold index, predicted index)`` pairs.

    One-to-one, best coverage first; a pair needs coverage of at least ``threshold``.
    """
    _check_threshold(threshold)
    candidates = sorted(
        (
            (-share, gold_index, predicted_index)
            for gold_index, gold_quote in enumerate(gold)
            for predicted_index, predicted_quote in enumerate(predicted)
            if (share := coverage(gold_quote, predicted_quote)) >= threshold
        ),
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gold_index, predicted_index in candidates:
        if gold_index in used_gold or predicted_index in used_predicted:
            continue
        used_gold.add(gold_index)
        used_predicted.add(predicted_index)
        pairs.append((gold_index, predicted_index))
    return sorted(pairs)


def normalize_speaker(name: str | None) -> str:
    """A speaker name reduced for comparison: case, punctuation, a leading "the" and a
    possessive ending removed; None gives "".

    >>> normalize_speaker("The Russian Ministry of Defense")
    'russian ministry of defense'
    """
    if name is None:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").strip()
    text = _POSSESSIVE.sub("", text)
    text = _NOT_WORD.sub(" ", text)
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def speakers_match(gold: str | None, predicted: str | None, *, lenient: bool = False) -> bool:
    """Strict: normalised names equal. Lenient: also when one name's words hold the other's
    surname ("Kirby" and "John Kirby")."""
    gold_name, predicted_name = normalize_speaker(gold), normalize_speaker(predicted)
    if gold_name == predicted_name:
        return True
    if not lenient or not gold_name or not predicted_name:
        return False
    gold_words, predicted_words = gold_name.split(), predicted_name.split()
    return gold_words[-1] in predicted_words or predicted_words[-1] in gold_words


def extraction_scores(
    *,
    gold: Sequence[Article],
    predicted: Sequence[Sequence[Quote]],
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    zero_division: float = 0.0,
) -> ExtractionScores:
    """Score extracted quotes against gold articles at each coverage threshold.

    ``predicted[i]`` holds the quotes extracted from ``gold[i].text``.
    """
    if len(gold) != len(predicted):
        raise ValueError(
            f"got {len(gold)} gold articles but {len(predicted)} lists of predicted quotes; "
            "pass one list of predictions per article, in the same order"
        )
    if not gold:
        raise ValueError("no articles to score; pass at least one gold article")
    if not thresholds:
        raise ValueError("no thresholds; pass at least one, e.g. thresholds=(0.3, 0.8)")
    return ExtractionScores(
        {
            threshold: _score_threshold(gold, predicted, threshold, zero_division)
            for threshold in thresholds
        }
    )


def _score_threshold(
    articles: Sequence[Article],
    predictions: Sequence[Sequence[Quote]],
    threshold: float,
    zero_division: float,
) -> ThresholdScores:
    matched_by_gold_kind = dict.fromkeys(KINDS, 0)
    matched_by_predicted_kind = dict.fromkeys(KINDS, 0)
    gold_by_kind = dict.fromkeys(KINDS, 0)
    predicted_by_kind = dict.fromkeys(KINDS, 0)
    strict = lenient = matched = 0
    for article, predicted in zip(articles, predictions, strict=True):
        for quote in article.quotes:
            gold_by_kind[quote.kind] += 1
        for quote in predicted:
            predicted_by_kind[quote.kind] += 1
        for gold_index, predicted_index in match_quotes(
            gold=article.quotes, predicted=predicted, threshold=threshold
        ):
            gold_quote, predicted_quote = article.quotes[gold_index], predicted[predicted_index]
            matched += 1
            matched_by_gold_kind[gold_quote.kind] += 1
            matched_by_predicted_kind[predicted_quote.kind] += 1
            strict += speakers_match(gold_quote.speaker, predicted_quote.speaker)
            lenient += speakers_match(gold_quote.speaker, predicted_quote.speaker, lenient=True)
    per_kind: dict[str, PrecisionRecall] = {
        kind: _precision_recall(
            matched_by_predicted_kind[kind],
            matched_by_gold_kind[kind],
            gold_by_kind[kind],
            predicted_by_kind[kind],
            zero_division,
        )
        for kind in KINDS
    }
    overall = _precision_recall(
        matched, matched, sum(gold_by_kind.values()), sum(predicted_by_kind.values()), zero_division
    )
    return ThresholdScores(
        threshold=threshold,
        overall=overall,
        per_kind=per_kind,
        speaker_strict=_ratio(strict, matched, zero_division),
        speaker_lenient=_ratio(lenient, matched, zero_division),
    )


def _precision_recall(
    true_predicted: int, true_gold: int, gold: int, predicted: int, zero_division: float
) -> PrecisionRecall:
    """Precision counts matched predictions, recall matched gold quotes (equal overall; per
    kind they differ when a matched pair's kinds differ). F1 is their harmonic mean; with
    neither gold nor predictions it is ``zero_division``."""
    precision = _ratio(true_predicted, predicted, zero_division)
    recall = _ratio(true_gold, gold, zero_division)
    if predicted + gold == 0:
        f1 = zero_division
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return PrecisionRecall(precision, recall, f1, true_gold, gold, predicted)


def _ratio(numerator: int, denominator: int, zero_division: float) -> float:
    return numerator / denominator if denominator else zero_division


def _check_threshold(threshold: float) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(
            f"threshold must be a share of the gold quote's characters in (0, 1], got {threshold!r}"
        )
