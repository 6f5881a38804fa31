"""Stance models behind one scikit-learn contract, chosen by a registered, versioned name.

>>> from stance.models import available, create, load       # doctest: +SKIP
>>> available()                                              # doctest: +SKIP
['ensemble', 'minilm-finetune', 'minilm-logreg', 'rules', 'tfidf-logreg', 'tfidf-svm']
>>> model = load("tfidf-logreg")         # pretrained, offline  # doctest: +SKIP
>>> model.predict(["We never signed that contract."])      # doctest: +SKIP
['denial']
>>> fresh = create("tfidf-svm", C=1.0).fit(quotes, labels)   # doctest: +SKIP

Names are ``family`` (the latest version) or ``family.vN`` (one exact version); see
``stance/models/registry.py``. Importing this package is cheap: scikit-learn, numpy and torch
are imported only when a model is created or loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stance.models.registry import available, is_registered, resolve

if TYPE_CHECKING:
    from stance.models.base import StanceModel

#: The model ``stance.analyze`` uses when none is named; docs/evaluation.md says how it is chosen.
DEFAULT_MODEL = "ensemble"

__all__ = ["DEFAULT_MODEL", "StanceModel", "available", "create", "load"]


def create(name: str, **params: Any) -> StanceModel:
    """A new, unfitted model of the registered recipe ``name``; ``params`` override its defaults."""
    spec = resolve(name)
    return spec.model_class()(**(spec.params | spec.defaults | params))


def load(name_or_path: str | os.PathLike[str]) -> StanceModel:
    """A fitted model: a registered name's pretrained weights, or a folder written by ``save``.

    A registered name wins over a folder of the same name (pass ``./name`` for the folder).
    Nothing is downloaded: pretrained weights ship with the package.
    """
    from stance.models.persistence import load_folder

    if isinstance(name_or_path, str) and is_registered(name_or_path):
        spec = resolve(name_or_path)
        if not spec.pretrained_path.is_dir():
            raise FileNotFoundError(
                f"the pretrained weights of {spec.name!r} are missing from this install "
                f"({spec.pretrained_path}); reinstall stance-news, or train them with "
                f"`stance train --model {spec.family} --fixtures fixtures --out DIR` and load DIR"
            )
        return load_folder(spec.pretrained_path)
    path = Path(name_or_path)
    if not path.exists() and isinstance(name_or_path, str) and os.sep not in name_or_path:
        resolve(name_or_path)  # not a folder and not a name: raises, listing the names
    return load_folder(path)


def __getattr__(name: str) -> Any:
    # The base class imports scikit-learn, so it is imported only when someone asks for it.
    if name == "StanceModel":
        from stance.models.base import StanceModel

        return StanceModel
    raise AttributeError(f"module 'stance.models' has no attribute {name!r}")
