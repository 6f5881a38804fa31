"""Suites: small TOML files in ``eval/suites/`` that name the models, data and report sections.

A suite file looks like::

    description = "what this suite is for"
    models = ["rules", "tfidf-logreg"]   # optional: every registered model
    fixtures = ["fixtures"]             # paths in the fixture format, relative to the cwd
    split = "test"                      # optional, default "test"
    seed = 0                            # optional: bootstrap seed
    resamples = 1000                    # optional: article-bootstrap resamples
    sections = ["stance", "calibration"]  # optional: every section

``stance eval --suite NAME`` reads ``eval/suites/NAME.toml`` under the current folder (run it
from the repository root), or the file itself when NAME is a path ending in ``.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stance.articles.fixtures import SPLITS, Split
from stance.evaluation.bootstrap import DEFAULT_RESAMPLES
from stance.evaluation.runner import SECTIONS

SUITES_DIR = Path("eval") / "suites"
_KEYS = {"description", "models", "fixtures", "split", "seed", "resamples", "sections"}


@dataclass(frozen=True, slots=True)
class Suite:
    """A named evaluation recipe read from a suite file."""

    name: str
    path: Path
    description: str
    models: tuple[str, ...]
    fixtures: tuple[str, ...]
    split: Split = "test"
    seed: int = 0
    resamples: int = DEFAULT_RESAMPLES
    sections: tuple[str, ...] = SECTIONS


def available_suites(folder: str | Path = SUITES_DIR) -> list[str]:
    """The suite names in ``folder`` (file names without ``.toml``)."""
    return sorted(path.stem for path in Path(folder).glob("*.toml"))


def load_suite(name_or_path: str, *, folder: str | Path = SUITES_DIR) -> Suite:
    """Read a suite by name (from ``folder``) or by path; raise an error that lists the suites."""
    path = (
        Path(name_or_path)
        if name_or_path.endswith(".toml")
        else Path(folder) / f"{name_or_path}.toml"
    )
    if not path.is_file():
        known = ", ".join(available_suites(folder)) or "none"
        raise FileNotFoundError(
            f"no suite {name_or_path!r} (looked for {str(path)!r}); the suites in "
            f"{str(folder)!r} are: {known}; run from the repository root or pass a .toml path"
        )
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"cannot read the suite {str(path)!r}: {error}") from None
    return _parse(path, document)


def _parse(path: Path, document: Mapping[str, Any]) -> Suite:
    where = f"suite {str(path)!r}"
    unknown = sorted(set(document) - _KEYS)
    if unknown:
        raise ValueError(
            f"{where}: unknown key(s) {unknown}; the keys are {', '.join(sorted(_KEYS))}"
        )
    fixtures = _strings(document, "fixtures", where)
    if not fixtures:
        raise ValueError(f"{where}: 'fixtures' must list at least one fixture path")
    split = document.get("split", "test")
    if split not in SPLITS:
        raise ValueError(f"{where}: 'split' must be one of {', '.join(SPLITS)}, got {split!r}")
    sections = _strings(document, "sections", where) or SECTIONS
    unknown_sections = sorted(set(sections) - set(SECTIONS))
    if unknown_sections:
        raise ValueError(
            f"{where}: unknown section(s) {unknown_sections}; choose from {', '.join(SECTIONS)}"
        )
    for key in ("seed", "resamples"):
        value = document.get(key, 0 if key == "seed" else DEFAULT_RESAMPLES)
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or value < (0 if key == "seed" else 1)
        ):
            raise ValueError(
                f"{where}: '{key}' must be a {'non-negative' if key == 'seed' else 'positive'} integer, got {value!r}"
            )
    description = document.get("description", "")
    if not isinstance(description, str):
        raise ValueError(f"{where}: 'description' must be a string, got {description!r}")
    return Suite(
        name=path.stem,
        path=path,
        description=description,
        models=_strings(document, "models", where),
        fixtures=fixtures,
        split=split,
        seed=document.get("seed", 0),
        resamples=document.get("resamples", DEFAULT_RESAMPLES),
        sections=tuple(sections),
    )


def _strings(document: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = document.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{where}: '{key}' must be a list of strings, got {value!r}")
    return tuple(value)
