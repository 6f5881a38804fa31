"""The contract every stance model follows: a scikit-learn classifier over quotes.

Subclasses implement three steps and inherit the rest (validation, ``predict``, metadata,
persistence): ``_fit(quotes, labels)`` learns state ending in ``_``; ``_predict_proba(quotes)``
returns an ``(n, 4)`` array in ``stance.LABELS`` order; ``_save_state(folder)`` /
``_load_state(folder, config)`` write and read that state in safe formats only (JSON, npz,
safetensors), never pickle.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import NotFittedError

from stance.models.inputs import as_quotes, check_labels, training_data_hash
from stance.records import LABELS, Label, Quote

#: Identifies a folder written by :meth:`StanceModel.save`; bumped when the layout changes.
FORMAT = "stance-model"
FORMAT_VERSION = 1
CONFIG_FILE = "config.json"


class StanceModel(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """A stance classifier: quotes (or strings) in, one of ``stance.LABELS`` per quote out.

    Use it as any scikit-learn classifier (``clone``, ``GridSearchCV``, ``cross_val_predict``
    with the default ``method="predict"``). After ``fit`` or :func:`stance.models.load`,
    ``classes_`` is ``stance.LABELS`` and ``metadata_`` records the registered name, version,
    label order, training-data hash and seed.
    """

    classes_: tuple[Label, ...]
    metadata_: dict[str, Any]

    # -- the public contract ---------------------------------------------------------------

    def fit(self, quotes: Sequence[Quote | str], labels: Sequence[str]) -> StanceModel:
        """Learn from ``quotes`` and their gold ``labels``; returns ``self``."""
        checked_quotes = as_quotes(quotes)
        checked_labels = check_labels(labels, len(checked_quotes))
        self._fit(checked_quotes, checked_labels)
        self.classes_ = LABELS
        self.metadata_ = self._metadata(
            training_data_hash(checked_quotes, checked_labels), len(checked_quotes)
        )
        return self

    def predict_proba(self, quotes: Sequence[Quote | str]) -> np.ndarray:
        """Return an ``(n, 4)`` array of probabilities, columns in ``classes_`` order."""
        self._check_fitted()
        checked = as_quotes(quotes)
        if not checked:
            return np.zeros((0, len(LABELS)))
        return self._predict_proba(checked)

    def predict(self, quotes: Sequence[Quote | str]) -> list[str]:
        """Return the most probable label for each quote, as a list of strings."""
        probabilities = self.predict_proba(quotes)
        return [LABELS[index] for index in probabilities.argmax(axis=1)]

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the fitted model to a new folder ``path`` (JSON + npz/safetensors, no pickle).

        The folder is written beside its final place and moved there in one step, so a reader
        never sees half a model; an existing non-empty folder is never overwritten.
        """
        self._check_fitted()
        if self.metadata_["name"] is None:
            raise TypeError(
                f"cannot save a {type(self).__name__}: it is not a registered model, so load() "
                "could not rebuild it; register it in stance/models/registry.py"
            )
        target = Path(path)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise FileExistsError(
                f"cannot save to {str(target)!r}: it already exists and is not an empty folder; "
                "choose a new path or remove the old model first"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.parent / f".{target.name}.{uuid.uuid4().hex}.tmp"
        staging.mkdir()
        try:
            config = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "metadata": self.metadata_,
                "params": _json_params(self.get_params(deep=False)),
            }
            (staging / CONFIG_FILE).write_text(
                json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            self._save_state(staging)
            os.replace(staging, target)
        finally:
            if staging.exists():
                shutil.rmtree(staging)
        return target

    # -- what subclasses implement -----------------------------------------------------------

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        raise NotImplementedError

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        raise NotImplementedError

    def _save_state(self, folder: Path) -> None:
        raise NotImplementedError

    def _load_state(self, folder: Path, config: dict[str, Any]) -> None:
        raise NotImplementedError

    def _seed(self) -> int | None:
        """The seed that made training deterministic (``None`` for a model with no randomness)."""
        seed = self.get_params(deep=False).get("random_state")
        return seed if isinstance(seed, int) else None

    # -- shared machinery ----------------------------------------------------------------------

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.one_d_labels = True
        return tags

    def _check_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise NotFittedError(
                f"this {type(self).__name__} is not fitted yet; call fit(quotes, labels) first, "
                "or use stance.models.load(name) for a pretrained model"
            )

    def _metadata(self, data_hash: str, n_train: int) -> dict[str, Any]:
        from stance import __version__
        from stance.models.registry import spec_for

        spec = spec_for(self)
        return {
            # An unregistered subclass can be fitted and used, but not saved (see save()).
            "name": spec.name if spec else None,
            "family": spec.family if spec else None,
            "version": spec.version if spec else None,
            "class": type(self).__name__,
            "labels": list(LABELS),
            "training_data_hash": data_hash,
            "n_train": n_train,
            "seed": self._seed(),
            "stance_version": __version__,
        }

    def _restore(self, folder: Path, config: dict[str, Any]) -> None:
        """Fill in learned state from a saved folder (used by :func:`load_folder`)."""
        self._load_state(folder, config)
        self.classes_ = tuple(config["metadata"]["labels"])
        self.metadata_ = dict(config["metadata"])


def _json_params(params: dict[str, Any]) -> dict[str, Any]:
    """Params as JSON values; every model parameter is a str, number, bool, None or tuple."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, tuple):
            value = list(value)
        if not isinstance(value, str | int | float | bool | list | type(None)):
            raise TypeError(
                f"cannot save parameter {key}={value!r}: only JSON-safe values "
                "(str, number, bool, None, tuple) can be stored"
            )
        out[key] = value
    return out


def save_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write numeric arrays to an ``.npz`` (refusing object arrays, which would need pickle)."""
    for key, array in arrays.items():
        if array.dtype == object:
            raise TypeError(f"array {key!r} has dtype object, which npz can only store with pickle")
    np.savez(path, **arrays)  # type: ignore[arg-type]


def load_arrays(path: Path) -> dict[str, np.ndarray]:
    """Read an ``.npz`` written by :func:`save_arrays`; pickled content is refused."""
    with np.load(path, allow_pickle=False) as archive:
        return {key: archive[key] for key in archive.files}


def read_json(path: Path) -> Any:
    """Read a UTF-8 JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as UTF-8 JSON."""
    path.write_text(json.dumps(value, ensure_ascii=False) + "\n", encoding="utf-8")
