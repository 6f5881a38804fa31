"""The shared contract checks (stance.models.checks) against every registered model.

Transformer models run on a tiny randomly initialised BERT built here, never the real encoder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stance.models import available, create
from stance.models.base import StanceModel
from stance.models.checks import CHECKS, Check, model_checks
from stance.models.testing import tiny_bert

# Fewer epochs keep the fine-tuning checks to seconds; the contract does not depend on them.
# The tiny BERT has 2 layers, fewer than the shipped recipe's num_layers=3. The ensemble gets
# two fast members by name (instances would not compare equal after clone or reload).
_FAST = {
    "minilm-finetune": {"epochs": 2, "batch_size": 8, "num_layers": 1},
    "ensemble": {"members": ("rules", "tfidf-svm")},
}


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


def _model(name: str, encoder: Path) -> StanceModel:
    params = dict(_FAST.get(name, {}))
    if "model_name_or_path" in create(name).get_params():
        params["model_name_or_path"] = str(encoder)
    return create(name, **params)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
@pytest.mark.parametrize("name", available())
def test_model_contract(name: str, check: Check, tiny_encoder: Path) -> None:
    check(_model(name, tiny_encoder))


def test_model_checks_yields_every_check_by_name() -> None:
    names = [name for name, _ in model_checks(create("rules"))]
    assert names == [check.__name__ for check in CHECKS]
    assert len(set(names)) == len(names)


def test_a_broken_model_fails_the_checks() -> None:
    class AlwaysDenial(StanceModel):
        """Breaks the contract: probabilities do not sum to one."""

        def __init__(self, *, random_state: int = 0) -> None:
            self.random_state = random_state

        def _fit(self, quotes: object, labels: object) -> None:
            pass

        def _predict_proba(self, quotes: list[object]) -> object:
            import numpy as np

            return np.full((len(quotes), 4), 0.5)

    from stance.models import checks

    with pytest.raises(AssertionError):
        checks.check_predict_proba(AlwaysDenial())
