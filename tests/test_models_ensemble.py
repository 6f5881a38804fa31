"""The ``ensemble`` model: weighted soft voting, member building, persistence, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from stance.cli import main
from stance.models import create, load
from stance.models.base import StanceModel
from stance.models.ensemble import EnsembleStanceModel
from stance.models.registry import UnknownModelError
from stance.models.testing import synthetic_quotes, tiny_bert
from stance.records import LABELS, Label, Quote
from tests.test_models_training import _write_fixtures

QUOTES, LABELS_OF_QUOTES = synthetic_quotes()


class FixedRow(StanceModel):
    """A stub member that gives every quote the same probability row."""

    def __init__(self, *, row: tuple[float, ...] = (0.25, 0.25, 0.25, 0.25)) -> None:
        self.row = row

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        self.fitted_on_ = len(quotes)

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        return np.tile(np.asarray(self.row), (len(quotes), 1))


LEANS_DENIAL = FixedRow(row=(0.6, 0.2, 0.1, 0.1))
LEANS_NEUTRAL = FixedRow(row=(0.0, 0.1, 0.3, 0.6))


@pytest.mark.parametrize(
    ("weights", "expected_row", "expected_label"),
    [
        (None, (0.3, 0.15, 0.2, 0.35), "neutral"),
        ((3.0, 1.0), (0.45, 0.175, 0.15, 0.225), "denial"),
        ((1, 0), (0.6, 0.2, 0.1, 0.1), "denial"),
        ((0.0, 2.0), (0.0, 0.1, 0.3, 0.6), "neutral"),
    ],
)
def test_mean_pooling_is_the_weighted_mean_of_the_members(
    weights: tuple[float, ...] | None, expected_row: tuple[float, ...], expected_label: str
) -> None:
    ensemble = EnsembleStanceModel(
        members=(LEANS_DENIAL, LEANS_NEUTRAL), weights=weights, pooling="mean"
    )
    ensemble.fit(QUOTES, LABELS_OF_QUOTES)
    probabilities = ensemble.predict_proba(QUOTES[:3])
    np.testing.assert_allclose(probabilities, np.tile(expected_row, (3, 1)))
    assert ensemble.predict(QUOTES[:3]) == [expected_label] * 3


@pytest.mark.parametrize(
    ("weights", "expected_row", "expected_label"),
    [
        # sqrt(0.6 * 1e-9), sqrt(0.2 * 0.1), sqrt(0.1 * 0.3), sqrt(0.1 * 0.6), renormalised: a
        # label one member rules out (probability 0) stays all but ruled out
        (None, (0.000044, 0.252719, 0.309516, 0.437722), "neutral"),
        # 0.6^0.75 * 1e-9^0.25, 0.2^0.75 * 0.1^0.25, …, renormalised
        ((3.0, 1.0), (0.008332, 0.365505, 0.286023, 0.340141), "support"),
        ((1, 0), (0.6, 0.2, 0.1, 0.1), "denial"),
    ],
)
def test_geometric_pooling_is_the_weighted_mean_of_log_probabilities(
    weights: tuple[float, ...] | None, expected_row: tuple[float, ...], expected_label: str
) -> None:
    ensemble = EnsembleStanceModel(members=(LEANS_DENIAL, LEANS_NEUTRAL), weights=weights)
    assert ensemble.pooling == "geometric"  # the default
    ensemble.fit(QUOTES, LABELS_OF_QUOTES)
    probabilities = ensemble.predict_proba(QUOTES[:3])
    np.testing.assert_allclose(probabilities, np.tile(expected_row, (3, 1)), atol=2e-6)
    assert ensemble.predict(QUOTES[:3]) == [expected_label] * 3


def test_fit_builds_named_members_and_clones_instances() -> None:
    ensemble = EnsembleStanceModel(members=("rules", LEANS_DENIAL)).fit(QUOTES, LABELS_OF_QUOTES)
    named, cloned = ensemble.members_
    assert named.metadata_["name"] == "rules.v4"
    assert isinstance(cloned, FixedRow)
    assert cloned is not LEANS_DENIAL
    assert cloned.fitted_on_ == len(QUOTES)
    assert not hasattr(LEANS_DENIAL, "fitted_on_")  # the instance passed in stays unfitted


def test_real_members_average_to_what_they_predict_alone() -> None:
    ensemble = create("ensemble", members=("rules", "tfidf-svm"), pooling="mean")
    ensemble.fit(QUOTES, LABELS_OF_QUOTES)
    alone = [create(name).fit(QUOTES, LABELS_OF_QUOTES) for name in ("rules", "tfidf-svm")]
    expected = (alone[0].predict_proba(QUOTES) + alone[1].predict_proba(QUOTES)) / 2
    np.testing.assert_allclose(ensemble.predict_proba(QUOTES), expected)


@pytest.mark.parametrize(("random_state", "expected_seed"), [(5, 5), (None, 7)])
def test_random_state_reaches_every_member_that_takes_one(
    random_state: int | None, expected_seed: int
) -> None:
    members = (create("tfidf-svm", random_state=7), "rules")
    ensemble = create("ensemble", members=members, random_state=random_state)
    ensemble.fit(QUOTES, LABELS_OF_QUOTES)
    assert ensemble.members_[0].get_params()["random_state"] == expected_seed
    assert "random_state" not in ensemble.members_[1].get_params()
    assert ensemble.metadata_["seed"] == random_state


def test_params_work_with_clone_and_set_params() -> None:
    ensemble = create("ensemble", members=(LEANS_DENIAL, "rules"), weights=(1.0, 2.0))
    params = ensemble.get_params(deep=True)
    assert params["members"][1] == "rules"
    assert params["weights"] == (1.0, 2.0)
    copy = clone(ensemble).set_params(weights=(2.0, 1.0))
    assert copy.get_params()["weights"] == (2.0, 1.0)
    assert copy.get_params()["members"][0].get_params() == LEANS_DENIAL.get_params()
    assert ensemble.get_params()["weights"] == (1.0, 2.0)


@pytest.mark.parametrize(
    ("params", "error", "message"),
    [
        ({"members": ()}, ValueError, r"members is empty; pass a tuple of at least one"),
        ({"members": "tfidf-svm"}, TypeError, r"must be a tuple .* got str: 'tfidf-svm'"),
        ({"members": ("rules", 3)}, TypeError, r"registered model name or an unfitted .* int: 3"),
        (
            {"members": ("rules", "bert-large")},
            UnknownModelError,
            r"no model named 'bert-large'; the registered models are ensemble, ",
        ),
        ({"weights": (1.0,)}, ValueError, r"one number per member \(2\), got \(1.0,\)"),
        ({"weights": (1.0, -0.5)}, ValueError, r"non-negative with at least one positive"),
        ({"weights": (0.0, 0.0)}, ValueError, r"non-negative with at least one positive"),
        ({"weights": (1.0, float("nan"))}, ValueError, r"finite numbers, got \(1.0, nan\)"),
        (
            {"pooling": "median"},
            ValueError,
            r"pooling must be one of 'geometric', 'mean', got 'median'",
        ),
    ],
)
def test_bad_params_are_refused_at_fit(
    params: dict[str, object], error: type[Exception], message: str
) -> None:
    ensemble = create("ensemble", **({"members": ("rules", "tfidf-svm")} | params))
    with pytest.raises(error, match=message):
        ensemble.fit(QUOTES, LABELS_OF_QUOTES)
    assert not hasattr(ensemble, "members_")


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


def test_save_load_round_trip_gives_identical_probabilities(
    tmp_path: Path, tiny_encoder: Path
) -> None:
    finetune = create(
        "minilm-finetune",
        model_name_or_path=str(tiny_encoder),
        num_layers=2,
        epochs=1,
        calibrate=False,
        verbose=False,
    )
    ensemble = create("ensemble", members=(finetune, "tfidf-svm"), weights=(1.0, 3.0))
    ensemble.fit(QUOTES, LABELS_OF_QUOTES)
    folder = ensemble.save(tmp_path / "ensemble")
    assert json.loads((folder / "members.json").read_text()) == ["0-minilm-finetune", "1-tfidf-svm"]
    assert (folder / "members" / "0-minilm-finetune" / "adapter.safetensors").is_file()
    assert not [p for p in folder.rglob("*") if p.suffix in {".pkl", ".pickle", ".joblib", ".pt"}]

    reloaded = load(folder)
    np.testing.assert_array_equal(reloaded.predict_proba(QUOTES), ensemble.predict_proba(QUOTES))
    assert reloaded.metadata_ == ensemble.metadata_
    # An instance member is recorded by its versioned name; its own params come back with it.
    assert reloaded.get_params()["members"] == ("minilm-finetune.v4", "tfidf-svm")
    assert reloaded.get_params()["weights"] == (1.0, 3.0)
    assert reloaded.members_[0].get_params() == ensemble.members_[0].get_params()
    assert ensemble.get_params()["members"][0] is finetune  # saving left the params alone


def test_an_unregistered_member_cannot_be_saved(tmp_path: Path) -> None:
    ensemble = create("ensemble", members=(LEANS_DENIAL, "rules")).fit(QUOTES, LABELS_OF_QUOTES)
    with pytest.raises(TypeError, match="cannot save a FixedRow: it is not a registered model"):
        ensemble.save(tmp_path / "ensemble")
    assert not (tmp_path / "ensemble").exists()
    assert not list(tmp_path.iterdir())  # no staging folder left behind


def test_a_tampered_member_list_is_refused(tmp_path: Path) -> None:
    ensemble = create("ensemble", members=("rules", "tfidf-svm")).fit(QUOTES, LABELS_OF_QUOTES)
    saved = ensemble.save(tmp_path / "ensemble")
    (saved / "members.json").write_text(json.dumps(["../../elsewhere", "1-tfidf-svm"]))
    with pytest.raises(ValueError, match=r"expected a list of 2 member folder names"):
        load(saved)


def test_from_fitted_matches_fitting_the_ensemble() -> None:
    members = [create(name).fit(QUOTES, LABELS_OF_QUOTES) for name in ("rules", "tfidf-svm")]
    assembled = EnsembleStanceModel.from_fitted(members)
    fitted = create("ensemble", members=("rules.v4", "tfidf-svm.v4")).fit(QUOTES, LABELS_OF_QUOTES)
    np.testing.assert_allclose(assembled.predict_proba(QUOTES), fitted.predict_proba(QUOTES))
    assert assembled.metadata_ == fitted.metadata_
    assert assembled.get_params() == fitted.get_params()


def test_from_fitted_refuses_members_trained_on_different_data() -> None:
    first = create("rules").fit(QUOTES, LABELS_OF_QUOTES)
    other_quotes, other_labels = synthetic_quotes(seed=1)
    second = create("tfidf-svm").fit(other_quotes, other_labels)
    with pytest.raises(ValueError, match="the members were trained on different data"):
        EnsembleStanceModel.from_fitted([first, second])
    with pytest.raises(ValueError, match="members is empty"):
        EnsembleStanceModel.from_fitted([])


def test_stance_train_fits_and_saves_an_ensemble(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixtures = _write_fixtures(tmp_path / "fixtures")
    out = tmp_path / "model"
    arguments = ["--fixtures", str(fixtures), "--out", str(out), "--seed", "3"]
    members = ["--set", 'members=["rules", "tfidf-svm"]', "--set", "weights=[1, 2]"]
    assert main(["train", "--model", "ensemble", *arguments, *members]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"] == "ensemble.v2"
    assert report["trained_on"] == 24
    model = load(out)
    assert model.get_params()["members"] == ("rules", "tfidf-svm")
    assert model.get_params()["weights"] == (1, 2)
    assert model.members_[1].metadata_["seed"] == 3


@pytest.mark.slow
def test_pretrained_ensemble_pools_the_shipped_members() -> None:
    ensemble = load("ensemble")
    assert ensemble.metadata_["name"] == "ensemble.v2"
    assert tuple(ensemble.classes_) == LABELS
    texts = ["We categorically deny any involvement.", "The bridge reopens Monday."]
    product = load("minilm-finetune").predict_proba(texts) * load("tfidf-logreg").predict_proba(
        texts
    )
    expected = np.sqrt(product) / np.sqrt(product).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(ensemble.predict_proba(texts), expected, atol=1e-6)
