"""``ensemble``: soft voting over several stance models' probabilities.

The registered recipe pools ``minilm-finetune`` and ``tfidf-logreg``: a transformer and a sparse
linear model make different mistakes, so their pooled probabilities score above either one on dev.
Pooling is geometric by default (the weighted mean of log-probabilities, renormalised): the
arithmetic mean of two calibrated models is under-confident wherever they disagree, and on dev the
geometric pool has the lower calibration error at the same or better macro-F1.

Persistence: each fitted member is saved through its own ``save`` into a subfolder
``members/<index>-<family>/`` (so it holds only JSON, npz and safetensors, like any model);
``members.json`` lists those subfolders in member order, and loading reads each one back with
:func:`stance.models.persistence.load_folder`.
"""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Sequence
from numbers import Real
from pathlib import Path
from typing import Any, Literal

import numpy as np
from sklearn.base import clone

from stance.models.base import StanceModel, read_json, write_json
from stance.models.persistence import load_folder
from stance.records import LABELS, Label, Quote

MEMBERS_FILE = "members.json"
MEMBERS_DIR = "members"

#: A member as ``fit`` takes it: a registered model name, or an unfitted model to clone.
Member = str | StanceModel
Pooling = Literal["geometric", "mean"]
POOLINGS: tuple[Pooling, ...] = ("geometric", "mean")
# the floor for a member's probability before its logarithm: a zero would veto a label outright
_PROBABILITY_FLOOR = 1e-9


class EnsembleStanceModel(StanceModel):
    """Soft voting: the members' ``predict_proba`` pooled, its argmax as label.

    Parameters
    ----------
    members:
        A tuple of members, each a registered model name (``"tfidf-svm"``, ``"rules.v4"``),
        created with its registered defaults, or an unfitted :class:`StanceModel`, which is
        cloned. Member hyperparameters are not exposed as nested parameters: pass a model
        instance to change them.
    weights:
        ``None`` for equal weights, or one non-negative number per member (they need not sum
        to one; at least one must be positive).
    pooling:
        ``"geometric"``: the weighted mean of the members' log-probabilities, renormalised (a
        label all members find likely wins; calibrated members stay calibrated). ``"mean"``:
        the weighted mean of their probabilities.
    random_state:
        Passed to every member that takes a ``random_state``, so one seed makes the whole
        ensemble deterministic; ``None`` leaves each member's own seed alone.

    A saved ensemble records a member given as an instance by its registered versioned name
    (``"tfidf-svm.v4"``); that member's own parameters are in its subfolder and in
    ``members_``.
    """

    def __init__(
        self,
        *,
        members: tuple[Member, ...] = ("minilm-finetune", "tfidf-logreg"),
        weights: tuple[float, ...] | None = None,
        pooling: Pooling = "geometric",
        random_state: int | None = 0,
    ) -> None:
        self.members = members
        self.weights = weights
        self.pooling = pooling
        self.random_state = random_state

    # -- fit ------------------------------------------------------------------------------------

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        _check_pooling(self.pooling)
        unfitted = [self._new_member(member) for member in _checked_members(self.members)]
        self.weights_ = _normalized_weights(self.weights, len(unfitted))
        self.members_ = tuple(member.fit(quotes, labels) for member in unfitted)

    def _new_member(self, member: Member) -> StanceModel:
        from stance.models import create

        model = create(member) if isinstance(member, str) else clone(member)
        if self.random_state is not None and "random_state" in model.get_params(deep=False):
            model.set_params(random_state=self.random_state)
        return model

    # -- forward / postprocess --------------------------------------------------------------

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        stacked = np.stack([member.predict_proba(quotes) for member in self.members_])
        if _check_pooling(self.pooling) == "mean":
            pooled: np.ndarray = np.tensordot(self.weights_, stacked, axes=1)
            return pooled
        logs = np.tensordot(self.weights_, np.log(np.maximum(stacked, _PROBABILITY_FLOOR)), axes=1)
        unnormalised = np.exp(logs - logs.max(axis=1, keepdims=True))  # shifted: no overflow
        normalised: np.ndarray = unnormalised / unnormalised.sum(axis=1, keepdims=True)
        return normalised

    # -- persistence ------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the fitted ensemble to a new folder ``path``, each member in a subfolder.

        Members given as instances are recorded in ``config.json`` by their registered
        versioned name, since a model instance is not JSON.
        """
        self._check_fitted()
        recorded = copy.copy(self)  # a shallow copy, so saving leaves this model's params alone
        recorded.members = tuple(
            given if isinstance(given, str) else fitted.metadata_["name"]
            for given, fitted in zip(self.members, self.members_, strict=True)
        )
        return StanceModel.save(recorded, path)

    def _save_state(self, folder: Path) -> None:
        names = [
            f"{index}-{member.metadata_['family']}" for index, member in enumerate(self.members_)
        ]
        for name, member in zip(names, self.members_, strict=True):
            member.save(folder / MEMBERS_DIR / name)
        write_json(folder / MEMBERS_FILE, names)

    def _load_state(self, folder: Path, config: dict[str, Any]) -> None:
        names = read_json(folder / MEMBERS_FILE)
        if (
            not isinstance(names, list)
            or len(names) != len(self.members)
            or not all(isinstance(name, str) and Path(name).name == name for name in names)
        ):
            raise ValueError(
                f"{folder / MEMBERS_FILE}: expected a list of {len(self.members)} member folder "
                f"names (one per member in config.json), got {names!r}; save the ensemble again"
            )
        self.members_ = tuple(load_folder(folder / MEMBERS_DIR / name) for name in names)
        self.weights_ = _normalized_weights(self.weights, len(self.members_))

    @classmethod
    def from_fitted(
        cls,
        members: Sequence[StanceModel],
        *,
        weights: tuple[float, ...] | None = None,
        pooling: Pooling = "geometric",
    ) -> EnsembleStanceModel:
        """An ensemble of already fitted, registered models, as ``fit`` would have built it.

        Every member must have been trained on the same data (the same training-data hash), as
        ``fit`` trains them; the ensemble's ``members`` are their versioned names and its
        ``random_state`` the seed their trained members share (``None`` if they differ).
        """
        fitted = list(members)
        for member in fitted:
            member._check_fitted()
        if not fitted:
            raise ValueError(_EMPTY)
        hashes = {member.metadata_["training_data_hash"] for member in fitted}
        if len(hashes) != 1:
            raise ValueError(
                f"the members were trained on different data (training-data hashes "
                f"{sorted(hashes)}); an ensemble needs members fitted on the same quotes, so "
                "retrain them on one split or fit the ensemble instead"
            )
        # Members without randomness (seed None) do not constrain the common seed.
        seeds = {member.metadata_["seed"] for member in fitted} - {None}
        ensemble = cls(
            members=tuple(member.metadata_["name"] for member in fitted),
            weights=weights,
            pooling=_check_pooling(pooling),
            random_state=seeds.pop() if len(seeds) == 1 else None,
        )
        ensemble.weights_ = _normalized_weights(weights, len(fitted))
        ensemble.members_ = tuple(fitted)
        ensemble.classes_ = LABELS
        ensemble.metadata_ = ensemble._metadata(hashes.pop(), fitted[0].metadata_["n_train"])
        return ensemble


_EMPTY = (
    "members is empty; pass a tuple of at least one registered model name (e.g. 'tfidf-svm') "
    "or unfitted StanceModel"
)


def _checked_members(members: object) -> tuple[Member, ...]:
    """``members`` as a tuple, refusing a bare string, an empty tuple and non-model items."""
    if isinstance(members, str) or not isinstance(members, Sequence):
        raise TypeError(
            f"members must be a tuple of model names or StanceModel instances, got "
            f"{type(members).__name__}: {members!r}; e.g. members=('minilm-finetune', 'tfidf-svm')"
        )
    if not members:
        raise ValueError(_EMPTY)
    for member in members:
        if not isinstance(member, str | StanceModel):
            raise TypeError(
                f"each member must be a registered model name or an unfitted StanceModel, got "
                f"{type(member).__name__}: {member!r}"
            )
    return tuple(members)


def _check_pooling(pooling: object) -> Pooling:
    if pooling not in POOLINGS:
        raise ValueError(
            f"pooling must be one of {', '.join(map(repr, POOLINGS))}, got {pooling!r}"
        )
    return pooling


def _normalized_weights(weights: Sequence[float] | None, n_members: int) -> np.ndarray:
    """One weight per member, summing to one; ``None`` gives equal weights."""
    if weights is None:
        return np.full(n_members, 1.0 / n_members)
    if not isinstance(weights, Sequence) or isinstance(weights, str) or len(weights) != n_members:
        raise ValueError(
            f"weights must hold one number per member ({n_members}), got {weights!r}; pass "
            "None for equal weights"
        )
    if not all(isinstance(weight, Real) and math.isfinite(weight) for weight in weights):
        raise ValueError(f"weights must be finite numbers, got {weights!r}")
    if any(weight < 0 for weight in weights) or sum(weights) <= 0:
        raise ValueError(
            f"weights must be non-negative with at least one positive, got {weights!r}; pass "
            "None for equal weights"
        )
    array = np.asarray(weights, dtype=float)
    normalized: np.ndarray = array / array.sum()
    return normalized
