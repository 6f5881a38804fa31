"""Quote-extraction metrics: matching, precision/recall/F1 per kind, speaker accuracy."""

from __future__ import annotations

import pytest

from stance import Article, Quote
from stance.evaluation.extraction import (
    coverage,
    extraction_scores,
    match_quotes,
    normalize_speaker,
    speakers_match,
)

TEXT = "abcdefghijklmnopqrstuvwxyz" * 4


def q(start: int, end: int, kind: str = "direct", speaker: str | None = "Ana Ruiz") -> Quote:
    return Quote(TEXT[start:end], start, end, speaker, "said", kind)  # type: ignore[arg-type]


def article(*quotes: Quote) -> Article:
    return Article(id="a", text=TEXT, quotes=list(quotes))


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (5, 20), 0.5),
        ((0, 10), (7, 8), 0.1),
        ((0, 10), (10, 20), 0.0),
        ((10, 20), (0, 30), 1.0),
    ],
)
def test_coverage_is_the_share_of_gold_characters(
    gold: tuple[int, int], predicted: tuple[int, int], expected: float
) -> None:
    assert coverage(q(*gold), q(*predicted)) == pytest.approx(expected)


def test_coverage_rejects_an_empty_gold_quote() -> None:
    with pytest.raises(ValueError, match=r"gold quote at \[3:3\] is empty"):
        coverage(q(3, 3), q(0, 10))


@pytest.mark.parametrize(
    ("threshold", "pairs"),
    [
        (0.3, [(0, 0)]),  # 0.4 coverage
        (0.4, [(0, 0)]),
        (0.5, []),
    ],
)
def test_threshold_is_inclusive(threshold: float, pairs: list[tuple[int, int]]) -> None:
    assert match_quotes(gold=[q(0, 10)], predicted=[q(6, 20)], threshold=threshold) == pairs


def test_matching_is_one_to_one_best_overlap_first() -> None:
    # One long prediction covers both gold quotes fully; only one of them may take it, and the
    # shorter prediction (covering gold 1 at 0.5) goes to gold 1.
    gold = [q(0, 10), q(10, 20)]
    predicted = [q(0, 20), q(10, 15)]
    assert match_quotes(gold=gold, predicted=predicted, threshold=0.3) == [(0, 0), (1, 1)]


def test_greedy_takes_the_higher_coverage_pair_first() -> None:
    gold = [q(0, 10), q(0, 20)]
    predicted = [q(0, 10)]  # covers gold 0 fully, gold 1 at 0.5
    assert match_quotes(gold=gold, predicted=predicted, threshold=0.3) == [(0, 0)]


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_threshold_out_of_range_is_an_error(threshold: float) -> None:
    with pytest.raises(ValueError, match=r"threshold must be a share .* in \(0, 1\]"):
        match_quotes(gold=[], predicted=[], threshold=threshold)


def test_hand_computed_scores() -> None:
    gold = article(
        q(0, 10, "direct", "John Kirby"),
        q(20, 30, "partial", "Ana Ruiz"),
        q(40, 60, "indirect", "the Kremlin"),
    )
    predicted = [
        q(0, 10, "direct", "Kirby"),  # matches at both thresholds; lenient speaker only
        q(20, 25, "partial", "Ana Ruiz"),  # 0.5: matches at 0.3, not at 0.8
        q(40, 60, "direct", "The Kremlin"),  # matches; kind differs; strict speaker
        q(70, 80, "indirect", "nobody"),  # false alarm
    ]
    scores = extraction_scores(gold=[gold], predicted=[predicted])
    low, high = scores.thresholds[0.3], scores.thresholds[0.8]
    assert (low.overall.precision, low.overall.recall) == (0.75, 1.0)
    assert low.overall.f1 == pytest.approx(2 * 0.75 / 1.75)
    assert (high.overall.precision, high.overall.recall) == (0.5, pytest.approx(2 / 3))
    assert low.speaker_strict == pytest.approx(2 / 3)
    assert low.speaker_lenient == 1.0
    assert high.speaker_strict == 0.5
    # per kind: recall by the gold kind, precision by the predicted kind
    assert low.per_kind["indirect"].recall == 1.0
    assert low.per_kind["indirect"].precision == 0.0
    assert low.per_kind["direct"].precision == 1.0
    assert low.per_kind["direct"].recall == 1.0
    assert (low.per_kind["partial"].gold, low.per_kind["partial"].predicted) == (1, 1)
    assert scores.to_dict()["thresholds"]["0.3"]["precision"] == 0.75


def test_no_predictions_and_no_gold_use_zero_division() -> None:
    empty = extraction_scores(gold=[article()], predicted=[[]])
    scores = empty.thresholds[0.3]
    assert (scores.overall.precision, scores.overall.recall, scores.overall.f1) == (0.0, 0.0, 0.0)
    assert scores.speaker_strict == 0.0
    ones = extraction_scores(gold=[article()], predicted=[[]], zero_division=1.0).thresholds[0.3]
    assert (ones.overall.precision, ones.overall.recall, ones.overall.f1) == (1.0, 1.0, 1.0)
    assert ones.speaker_strict == 1.0


def test_missing_predictions_give_zero_recall_and_zero_f1() -> None:
    scores = extraction_scores(gold=[article(q(0, 10))], predicted=[[]], zero_division=1.0)
    overall = scores.thresholds[0.3].overall
    assert (overall.precision, overall.recall, overall.f1) == (1.0, 0.0, 0.0)


def test_only_false_alarms_give_zero_precision() -> None:
    scores = extraction_scores(gold=[article()], predicted=[[q(0, 10)]])
    overall = scores.thresholds[0.8].overall
    assert (overall.precision, overall.recall, overall.f1) == (0.0, 0.0, 0.0)


def test_input_errors_say_what_to_do() -> None:
    with pytest.raises(ValueError, match=r"got 1 gold articles but 0 lists of predicted quotes"):
        extraction_scores(gold=[article()], predicted=[])
    with pytest.raises(ValueError, match=r"no articles to score"):
        extraction_scores(gold=[], predicted=[])
    with pytest.raises(ValueError, match=r"no thresholds"):
        extraction_scores(gold=[article()], predicted=[[]], thresholds=())


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("The Russian Ministry of Defense", "russian ministry of defense"),
        ("the Kremlin", "kremlin"),
        ("Kirby's", "kirby"),
        ("Kirby’s", "kirby"),
        ("  John   KIRBY ", "john kirby"),
        ("The Russian Volunteer Corps (RDK)", "russian volunteer corps rdk"),
        ("Theodore", "theodore"),
        (None, ""),
    ],
)
def test_normalize_speaker(name: str | None, normalised: str) -> None:
    assert normalize_speaker(name) == normalised


@pytest.mark.parametrize(
    ("gold", "predicted", "strict", "lenient"),
    [
        ("John Kirby", "John Kirby", True, True),
        ("John Kirby", "Kirby", False, True),
        ("Kirby", "John Kirby", False, True),
        ("John Kirby", "he", False, False),
        ("the White House", "The White House", True, True),
        ("John Kirby", None, False, False),
        (None, None, True, True),
    ],
)
def test_speakers_match(
    gold: str | None, predicted: str | None, strict: bool, lenient: bool
) -> None:
    assert speakers_match(gold, predicted) is strict
    assert speakers_match(gold, predicted, lenient=True) is lenient
