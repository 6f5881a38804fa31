"""Stance metrics: hand-computed cases, edge cases, and agreement with scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as sk

from stance import LABELS
from stance.evaluation import (
    calibration_bins,
    classification_scores,
    confusion_matrix,
    expected_calibration_error,
)

GOLD = ["denial", "denial", "blame", "support", "neutral", "neutral"]
PREDICTED = ["denial", "neutral", "blame", "neutral", "neutral", "blame"]


def test_scores_computed_by_hand() -> None:
    scores = classification_scores(references=GOLD, predictions=PREDICTED)
    # denial: tp 1, fp 0, fn 1; support: tp 0, fn 1, never predicted; blame: tp 1, fp 1;
    # neutral: tp 1, fp 2, fn 1.
    assert scores.accuracy == pytest.approx(3 / 6)
    assert scores.precision == pytest.approx(
        {"denial": 1.0, "support": 0.0, "blame": 0.5, "neutral": 1 / 3}
    )
    assert scores.recall == pytest.approx(
        {"denial": 0.5, "support": 0.0, "blame": 1.0, "neutral": 0.5}
    )
    assert scores.f1 == pytest.approx(
        {"denial": 2 / 3, "support": 0.0, "blame": 2 / 3, "neutral": 0.4}
    )
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0 + 2 / 3 + 0.4) / 4)
    assert scores.support == {"denial": 2, "support": 1, "blame": 1, "neutral": 2}


def test_confusion_rows_are_gold_columns_predictions_in_label_order() -> None:
    matrix = confusion_matrix(references=GOLD, predictions=PREDICTED)
    assert LABELS == ("denial", "support", "blame", "neutral")
    assert matrix.tolist() == [
        [1, 0, 0, 1],  # denial -> denial, neutral
        [0, 0, 0, 1],  # support -> neutral
        [0, 0, 1, 0],  # blame -> blame
        [0, 0, 1, 1],  # neutral -> blame, neutral
    ]


@pytest.mark.parametrize(("zero_division", "expected_support_scores"), [(0.0, 0.0), (1.0, 1.0)])
def test_zero_division_applies_to_a_class_never_seen_nor_predicted(
    zero_division: float, expected_support_scores: float
) -> None:
    scores = classification_scores(
        references=["denial", "blame"], predictions=["denial", "blame"], zero_division=zero_division
    )
    assert scores.precision["support"] == expected_support_scores
    assert scores.recall["support"] == expected_support_scores
    assert scores.f1["support"] == expected_support_scores
    assert scores.f1["denial"] == 1.0


def test_f1_is_zero_not_zero_division_when_a_class_is_predicted_but_never_right() -> None:
    scores = classification_scores(references=["denial"], predictions=["blame"], zero_division=1.0)
    assert scores.f1["blame"] == 0.0
    assert scores.precision["blame"] == 0.0


@pytest.mark.parametrize(
    ("references", "predictions", "message"),
    [
        ([], [], "got no quotes to score"),
        (["denial"], [], r"lengths references=1, predictions=0"),
        (
            ["denial"],
            ["anger"],
            r"predictions contain label\(s\) \['anger'\] outside the label set",
        ),
        (["joy"], ["denial"], r"references contain label\(s\) \['joy'\]"),
    ],
)
def test_bad_inputs_are_errors_that_say_what_to_do(
    references: list[str], predictions: list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        classification_scores(references=references, predictions=predictions)


def test_zero_division_must_be_zero_or_one() -> None:
    with pytest.raises(ValueError, match=r"zero_division must be 0.0 or 1.0.*got 0.5"):
        classification_scores(references=["denial"], predictions=["denial"], zero_division=0.5)


def test_inputs_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        classification_scores(GOLD, PREDICTED)  # type: ignore[misc]


labels_strategy = st.lists(st.sampled_from(LABELS), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.sampled_from(LABELS), st.sampled_from(LABELS)), min_size=1, max_size=40
    ),
    zero_division=st.sampled_from([0.0, 1.0]),
)
def test_agrees_with_scikit_learn(pairs: list[tuple[str, str]], zero_division: float) -> None:
    gold = [pair[0] for pair in pairs]
    predicted = [pair[1] for pair in pairs]
    ours = classification_scores(
        references=gold, predictions=predicted, zero_division=zero_division
    )
    labels = list(LABELS)
    precision, recall, f1, support = sk.precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=zero_division
    )
    assert [ours.precision[label] for label in labels] == pytest.approx(precision)
    assert [ours.recall[label] for label in labels] == pytest.approx(recall)
    assert [ours.f1[label] for label in labels] == pytest.approx(f1)
    assert [ours.support[label] for label in labels] == support.tolist()
    assert ours.accuracy == pytest.approx(sk.accuracy_score(gold, predicted))
    assert ours.macro_f1 == pytest.approx(
        sk.f1_score(gold, predicted, labels=labels, average="macro", zero_division=zero_division)
    )
    assert [list(row) for row in ours.confusion] == sk.confusion_matrix(
        gold, predicted, labels=labels
    ).tolist()


def one_hot_probabilities(labels: list[str], confidence: list[float]) -> np.ndarray:
    """Rows giving each listed label the given probability and sharing the rest evenly."""
    rows = np.zeros((len(labels), len(LABELS)))
    for row, (label, share) in enumerate(zip(labels, confidence, strict=True)):
        rows[row] = (1 - share) / (len(LABELS) - 1)
        rows[row, LABELS.index(label)] = share
    return rows


def test_ece_computed_by_hand() -> None:
    # Two bins used: (0.6, 0.7] holds 2 quotes at 0.65, one right -> |0.5 - 0.65| = 0.15;
    # (0.9, 1.0] holds 2 quotes at 0.95, both right -> |1.0 - 0.95| = 0.05.
    probabilities = one_hot_probabilities(
        ["denial", "blame", "neutral", "support"], [0.65, 0.65, 0.95, 0.95]
    )
    gold = ["denial", "support", "neutral", "support"]
    ece = expected_calibration_error(references=gold, probabilities=probabilities, n_bins=10)
    assert ece == pytest.approx(0.5 * 0.15 + 0.5 * 0.05)
    bins = calibration_bins(references=gold, probabilities=probabilities, n_bins=10)
    assert bins.count == (0, 0, 0, 0, 0, 0, 2, 0, 0, 2)
    assert bins.correct_sum[6] == 1
    assert bins.to_dict()["accuracy"][6] == 0.5
    assert bins.to_dict()["mean_confidence"][9] == pytest.approx(0.95)
    assert bins.to_dict()["accuracy"][0] is None


def test_ece_is_zero_when_confidence_matches_accuracy() -> None:
    # Four quotes at confidence 0.75, three of them right.
    probabilities = one_hot_probabilities(["denial"] * 4, [0.75] * 4)
    gold = ["denial", "denial", "denial", "blame"]
    assert expected_calibration_error(
        references=gold, probabilities=probabilities
    ) == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("probabilities", "message"),
    [
        (np.full((1, 3), 1 / 3), r"shape \(n_quotes, 4\).*got shape \(1, 3\)"),
        (np.array([[2.0, -1.0, 0.0, 0.0]]), "non-negative and sum to 1"),
        (np.array([[0.5, 0.5, 0.5, 0.5]]), "pass the output of predict_proba"),
    ],
)
def test_ece_rejects_what_is_not_a_probability_matrix(
    probabilities: np.ndarray, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        expected_calibration_error(references=["denial"], probabilities=probabilities)


def test_ece_rejects_a_bad_bin_count() -> None:
    with pytest.raises(ValueError, match="n_bins must be a positive int, got 0"):
        expected_calibration_error(
            references=["denial"], probabilities=one_hot_probabilities(["denial"], [1.0]), n_bins=0
        )
