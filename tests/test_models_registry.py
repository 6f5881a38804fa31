"""The model registry: versioned names, lookup errors, create/load, safe folders, cheap import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from stance.models import DEFAULT_MODEL, available, create, load
from stance.models.registry import is_registered, resolve
from stance.models.testing import synthetic_quotes
from stance.records import LABELS

REGISTERED = [
    "ensemble",
    "minilm-finetune",
    "minilm-logreg",
    "rules",
    "tfidf-logreg",
    "tfidf-svm",
]


def test_available_lists_the_registered_families() -> None:
    assert available() == REGISTERED
    assert DEFAULT_MODEL in available()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tfidf-logreg", "tfidf-logreg.v4"),
        ("tfidf-logreg.v4", "tfidf-logreg.v4"),
        ("rules", "rules.v4"),
        ("minilm-finetune", "minilm-finetune.v4"),
    ],
)
def test_resolve_maps_a_family_to_its_latest_version(name: str, expected: str) -> None:
    assert resolve(name).name == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bert-large", r"no model named 'bert-large'; the registered models are ensemble, "),
        ("tfidf-logreg.v9", r"'tfidf-logreg' has the versions tfidf-logreg.v4"),
        # A retired recipe is not silently mapped to the new one.
        ("tfidf-logreg.v1", r"'tfidf-logreg' has the versions tfidf-logreg.v4"),
        ("TFIDF-LOGREG", r"no model named 'TFIDF-LOGREG'"),
    ],
)
def test_unknown_names_list_what_is_available(name: str, message: str) -> None:
    with pytest.raises(KeyError, match=message):
        create(name)
    assert not is_registered(name)


def test_load_of_an_unknown_name_lists_the_models() -> None:
    with pytest.raises(KeyError, match="the registered models are"):
        load("no-such-model")


def test_create_returns_an_unfitted_model_with_overridden_params() -> None:
    model = create("tfidf-svm", C=0.5)
    assert model.get_params()["classifier"] == "svm"
    assert model.get_params()["C"] == 0.5
    assert not hasattr(model, "classes_")


def test_fitted_metadata_names_the_registered_recipe() -> None:
    quotes, labels = synthetic_quotes()
    model = create("tfidf-svm").fit(quotes, labels)
    assert model.metadata_["name"] == "tfidf-svm.v4"
    assert model.metadata_["seed"] == 0
    assert model.metadata_["training_data_hash"].startswith("sha256:")


def test_training_hash_changes_with_the_data() -> None:
    quotes, labels = synthetic_quotes()
    first = create("rules").fit(quotes, labels).metadata_["training_data_hash"]
    second = create("rules").fit(quotes[::-1], labels[::-1]).metadata_["training_data_hash"]
    assert first != second


def test_load_rejects_a_folder_without_config(tmp_path: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=r"is not a saved stance model: it has no config\.json"
    ):
        load(tmp_path)


def test_load_rejects_a_config_of_another_format(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"format": "pickle"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a stance model config"):
        load(tmp_path)


def test_save_never_overwrites_an_existing_model(tmp_path: Path) -> None:
    quotes, labels = synthetic_quotes()
    model = create("tfidf-logreg").fit(quotes, labels)
    model.save(tmp_path / "model")
    before = (tmp_path / "model" / "config.json").read_bytes()
    with pytest.raises(FileExistsError, match="already exists and is not an empty folder"):
        model.save(tmp_path / "model")
    assert (tmp_path / "model" / "config.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # no staging folder left


def test_saved_weights_refuse_pickle(tmp_path: Path) -> None:
    quotes, labels = synthetic_quotes()
    create("tfidf-logreg").fit(quotes, labels).save(tmp_path / "model")
    weights = tmp_path / "model" / "weights.npz"
    arrays = dict(np.load(weights, allow_pickle=False))
    arrays["coef"] = np.array([object()], dtype=object)
    np.savez(weights, **arrays)
    with pytest.raises(ValueError, match="allow_pickle=False"):
        load(tmp_path / "model")


@pytest.mark.parametrize("name", ["rules", "tfidf-logreg", "tfidf-svm"])
def test_pretrained_classical_models_load_offline_and_predict(name: str) -> None:
    model = load(name)
    assert tuple(model.classes_) == LABELS
    assert model.metadata_["name"] == resolve(name).name
    predicted = model.predict(
        ["We categorically deny any involvement.", "The bridge reopens Monday."]
    )
    assert all(label in LABELS for label in predicted)


def test_import_stance_stays_light() -> None:
    code = (
        "import sys, stance, stance.models; "
        "print(sorted(m for m in ('torch', 'transformers', 'sklearn', 'datasets') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
