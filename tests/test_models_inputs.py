"""What models read from quotes, how they batch, and how they calibrate: small pure functions."""

from __future__ import annotations

import numpy as np
import pytest

from stance.models.calibration import (
    fit_temperature,
    label_indices,
    out_of_fold_scores,
    scores_for_all_labels,
    softmax,
)
from stance.models.encoders import length_buckets
from stance.models.inputs import (
    as_quotes,
    check_labels,
    cued_text,
    masked_context,
    require_every_label,
)
from stance.records import LABELS, Quote


def _quote(text: str, cue: str | None = None, context: str | None = None) -> Quote:
    return Quote(
        text=text, start=0, end=len(text), speaker="X", cue=cue, kind="indirect", context=context
    )


def test_strings_become_quotes_without_cue_or_context() -> None:
    [quote] = as_quotes(["We never did it."])
    assert (quote.text, quote.cue, quote.context) == ("We never did it.", None, None)


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ("a bare string", "got a single str; wrap it in a list"),
        ([1.5], "item 0 is a float"),
        ([_quote("ok"), None], "item 1 is a NoneType"),
    ],
)
def test_as_quotes_refuses_what_is_not_a_sequence_of_quotes(inputs: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        as_quotes(inputs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (["denial"], "got 2 quotes but 1 labels"),
        (["denial", "agree"], "label 1 is 'agree'; every label must be one of denial"),
    ],
)
def test_check_labels(labels: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_labels(labels, 2)


def test_require_every_label_names_the_missing_one() -> None:
    with pytest.raises(ValueError, match="no example of 'blame'"):
        require_every_label(["denial", "support", "neutral"])
    require_every_label(list(LABELS))


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            _quote("the bridge is safe", context="He denied the bridge is safe."),
            "He denied _quote_.",
        ),
        (_quote("the bridge is safe"), ""),
        (_quote("elsewhere", context="A sentence without it."), "A sentence without it."),
    ],
)
def test_masked_context(quote: Quote, expected: str) -> None:
    assert masked_context(quote) == expected


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            _quote("the operator for the delays", cue="Blamed "),
            "blamed: the operator for the delays",
        ),
        (_quote("We did not."), "We did not."),
    ],
)
def test_cued_text(quote: Quote, expected: str) -> None:
    assert cued_text(quote) == expected


@pytest.mark.parametrize(
    ("lengths", "size", "expected"),
    [
        ([5, 1, 4, 2], 2, [[1, 3], [2, 0]]),
        ([3, 3, 3], 2, [[0, 1], [2]]),
        ([], 4, []),
    ],
)
def test_length_buckets_group_similar_lengths(
    lengths: list[int], size: int, expected: list[list[int]]
) -> None:
    assert [bucket.tolist() for bucket in length_buckets(lengths, size)] == expected


def test_length_buckets_refuse_a_zero_batch() -> None:
    with pytest.raises(ValueError, match="batch_size must be a positive int, got 0"):
        length_buckets([1, 2], 0)


def test_softmax_rows_sum_to_one_and_temperature_flattens() -> None:
    scores = np.array([[2.0, 1.0, 0.0, -1.0]])
    sharp, flat = softmax(scores, 0.5), softmax(scores, 4.0)
    np.testing.assert_allclose(sharp.sum(axis=1), 1.0)
    assert sharp.max() > softmax(scores).max() > flat.max()
    assert sharp.argmax() == flat.argmax() == 0


def test_fit_temperature_recovers_the_true_temperature() -> None:
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(4000, 4)) * 3
    probabilities = softmax(logits, 2.0)
    labels = np.array([rng.choice(4, p=row) for row in probabilities])
    assert fit_temperature(logits, labels) == pytest.approx(2.0, rel=0.1)


def test_out_of_fold_scores_never_score_a_row_with_its_own_model() -> None:
    targets = label_indices(list(LABELS) * 5)
    seen_together: list[bool] = []

    def score_fold(train_rows: np.ndarray, held_out_rows: np.ndarray) -> np.ndarray:
        seen_together.append(bool(set(train_rows) & set(held_out_rows)))
        return np.ones((len(held_out_rows), 4))

    scores = out_of_fold_scores(score_fold, targets, [None] * len(targets), n_splits=5, seed=0)
    assert scores.shape == (20, 4)
    assert not any(seen_together)
    assert len(seen_together) == 5


def test_out_of_fold_scores_need_two_of_every_label() -> None:
    targets = label_indices(
        ["denial", "denial", "support", "support", "blame", "neutral", "neutral"]
    )
    with pytest.raises(
        ValueError, match="at least 2 training quotes of every label, got 1 of 'blame'"
    ):
        out_of_fold_scores(
            lambda a, b: np.zeros((len(b), 4)), targets, [None] * 7, n_splits=5, seed=0
        )


def test_scores_for_all_labels_ranks_an_unseen_label_last() -> None:
    full = scores_for_all_labels(np.array([[1.0, 3.0, 2.0]]), np.array([0, 1, 3]))
    assert full.tolist() == [[1.0, 3.0, 1.0, 2.0]]
