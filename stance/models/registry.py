"""The one place where stance models are registered, by versioned name.

A registered name is ``family.vN`` (spaCy style): ``tfidf-logreg.v1`` is one exact model recipe
and its pretrained weights; the bare family name ``tfidf-logreg`` resolves to the family's latest
version. A new recipe (new features, new defaults, retrained weights that change predictions) gets
a new version instead of silently replacing the old one, so a saved result that names
``tfidf-logreg.v1`` keeps meaning the same thing.

This module imports nothing heavy: looking up or listing names must stay cheap, and the class
behind a name is imported only when a model is created or loaded.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stance._optional import require

if TYPE_CHECKING:
    from stance.models.base import StanceModel

#: Where the pretrained folders of the registered models are shipped (package data).
PRETRAINED_DIR = Path(__file__).parent / "pretrained"

_VERSIONED = re.compile(r"^(?P<family>[a-z0-9-]+)\.v(?P<version>[1-9][0-9]*)$")


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A registered recipe: its family, version, the class that implements it and its params."""

    family: str
    version: int
    factory: str  # "module:ClassName", imported lazily
    params: dict[str, Any] = field(default_factory=dict)  # what makes this recipe this recipe
    defaults: dict[str, Any] = field(default_factory=dict)  # hyperparameters chosen on dev
    description: str = ""

    @property
    def name(self) -> str:
        """The exact versioned name, e.g. ``tfidf-logreg.v1``."""
        return f"{self.family}.v{self.version}"

    @property
    def pretrained_path(self) -> Path:
        """The shipped folder with this recipe's pretrained model."""
        return PRETRAINED_DIR / self.name

    def model_class(self) -> type[StanceModel]:
        """Import and return the class behind this name."""
        module_name, class_name = self.factory.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name is None:
                raise
            # Re-raise as an ImportError that names the pip install providing the module.
            require(error.name, purpose=f"the {self.name!r} stance model")
            raise
        cls: type[StanceModel] = getattr(module, class_name)
        return cls


# Registration happens here and only here.
_SPECS: tuple[ModelSpec, ...] = (
    ModelSpec(
        "rules",
        4,
        "stance.models.rules:RuleStanceModel",
        description="cue-verb and lexicon patterns with negation handling; explains itself",
    ),
    ModelSpec(
        "tfidf-logreg",
        4,
        "stance.models.tfidf:TfidfStanceModel",
        {"classifier": "logreg"},
        {"C": 16.0},
        description=(
            "word n-grams of quote, cue and the sentence around it plus rule-pattern features, "
            "logistic regression"
        ),
    ),
    ModelSpec(
        "tfidf-svm",
        4,
        "stance.models.tfidf:TfidfStanceModel",
        {"classifier": "svm"},
        {"C": 1.0},
        description="the same features with a linear SVM, temperature-calibrated",
    ),
    ModelSpec(
        "minilm-logreg",
        4,
        "stance.models.embedding:EmbeddingStanceModel",
        defaults={"C": 4.0, "use_context": False},
        description="frozen all-MiniLM-L6-v2 sentence embeddings with a logistic-regression head",
    ),
    ModelSpec(
        "minilm-finetune",
        4,
        "stance.models.finetune:FineTunedStanceModel",
        defaults={
            "num_layers": 3,
            "pooling": "mean",
            "epochs": 3,
            "batch_size": 32,
            "learning_rate": 3e-3,
            "lora_rank": 16,
            "lora_targets": ("query", "key", "value", "dense"),
        },
        description=(
            "the first 3 layers of all-MiniLM-L6-v2 fine-tuned with LoRA adapters, mean-pooled "
            "into a linear classifier"
        ),
    ),
    ModelSpec(
        "ensemble",
        2,
        "stance.models.ensemble:EnsembleStanceModel",
        defaults={"members": ("minilm-finetune.v4", "tfidf-logreg.v4"), "pooling": "geometric"},
        description=(
            "soft voting: minilm-finetune's and tfidf-logreg's probabilities pooled geometrically"
        ),
    ),
)

_BY_NAME: dict[str, ModelSpec] = {spec.name: spec for spec in _SPECS}
_LATEST: dict[str, ModelSpec] = {}
for _spec in _SPECS:
    if _spec.family not in _LATEST or _spec.version > _LATEST[_spec.family].version:
        _LATEST[_spec.family] = _spec


def available() -> list[str]:
    """The family names that :func:`resolve` accepts (each also accepts ``NAME.vN``)."""
    return sorted(_LATEST)


class UnknownModelError(KeyError):
    """No registered model has this name; the message lists the ones that exist."""

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of the message, quotes and escapes included.
        return str(self.args[0])


def is_registered(name: str) -> bool:
    """Whether ``name`` is a registered family or exact ``family.vN`` name."""
    return name in _BY_NAME or name in _LATEST


def resolve(name: str) -> ModelSpec:
    """Return the spec for ``name`` (``family`` = its latest version, or ``family.vN``).

    Raises :class:`UnknownModelError` (a ``KeyError``) naming every registered model when ``name`` is unknown.
    """
    if not isinstance(name, str):
        raise TypeError(f"a model name must be a str, got {type(name).__name__}: {name!r}")
    spec = _BY_NAME.get(name) or _LATEST.get(name)
    if spec is not None:
        return spec
    match = _VERSIONED.match(name)
    if match and match["family"] in _LATEST:
        versions = sorted(s.name for s in _SPECS if s.family == match["family"])
        raise UnknownModelError(
            f"no model {name!r}: {match['family']!r} has the versions {', '.join(versions)}; "
            f"use one of them or the bare name {match['family']!r} for the latest"
        )
    raise UnknownModelError(
        f"no model named {name!r}; the registered models are {', '.join(available())} "
        "(each also as NAME.vN), or pass a folder written by model.save()"
    )


def spec_for(model: StanceModel) -> ModelSpec | None:
    """The registered recipe that ``model``'s class and parameters belong to (``None``: none).

    The most specific match wins: a ``TfidfStanceModel(classifier="svm")`` is ``tfidf-svm``.
    """
    factory = f"{type(model).__module__}:{type(model).__name__}"
    params = model.get_params(deep=False)
    matches = [
        spec
        for spec in _LATEST.values()
        if spec.factory == factory
        and all(params.get(key) == value for key, value in spec.params.items())
    ]
    if not matches:
        return None
    return max(matches, key=lambda spec: len(spec.params))
