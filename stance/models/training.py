"""``stance train``: fit a registered model on labelled fixtures, report dev scores, save it.

Training reads only the requested split (``train`` by default); when the fixtures have a dev
split the trained model is scored on it, which is what model selection should look at. The
test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stance._optional import require
from stance.articles.fixtures import Split, article_splits, read_fixtures
from stance.models import available, create
from stance.records import LABELS, Quote

if TYPE_CHECKING:
    from stance.models.base import StanceModel


def labelled_quotes(path: str | Path, split: Split) -> tuple[list[Quote], list[str]]:
    """Every gold quote of ``split`` in the fixtures at ``path``, and its stance label."""
    quotes = [quote for article in read_fixtures(path, split=split) for quote in article.quotes]
    labels: list[str] = []
    for quote in quotes:
        if quote.stance is None:
            raise ValueError(
                f"a quote of article {quote.article_id!r} ({quote.text[:40]!r}) has no stance; "
                "training needs every quote labelled"
            )
        labels.append(quote.stance)
    return quotes, labels


def train_model(
    name: str,
    fixtures: str | Path,
    *,
    split: Split = "train",
    params: dict[str, Any] | None = None,
) -> StanceModel:
    """Create the registered model ``name`` with ``params`` and fit it on ``split`` of ``fixtures``."""
    quotes, labels = labelled_quotes(fixtures, split)
    if not quotes:
        raise ValueError(
            f"the {split!r} split of {str(fixtures)!r} has no labelled quotes to train on"
        )
    return create(name, **(params or {})).fit(quotes, labels)


def score_model(
    model: StanceModel, quotes: Sequence[Quote], labels: Sequence[str]
) -> dict[str, Any]:
    """Macro-F1, per-class F1, accuracy and ECE of ``model`` on ``quotes``, and its speed."""
    from stance.evaluation.metrics import classification_scores, expected_calibration_error

    started = time.perf_counter()
    probabilities = model.predict_proba(quotes)
    seconds = time.perf_counter() - started
    predictions = [LABELS[index] for index in probabilities.argmax(axis=1)]
    scores = classification_scores(references=labels, predictions=predictions)
    return {
        "n": len(labels),
        "macro_f1": scores.macro_f1,
        "accuracy": scores.accuracy,
        "f1": scores.f1,
        "ece": expected_calibration_error(references=labels, probabilities=probabilities),
        "quotes_per_s": len(labels) / seconds if seconds > 0 else float("inf"),
    }


def parse_params(assignments: Sequence[str]) -> dict[str, Any]:
    """``["C=2.0", "use_context=false"]`` -> ``{"C": 2.0, "use_context": False}`` (JSON values;
    a value that is not JSON is taken as a string)."""
    params: dict[str, Any] = {}
    for assignment in assignments:
        key, separator, raw = assignment.partition("=")
        if not separator or not key:
            raise ValueError(f"--set expects PARAM=VALUE, got {assignment!r}")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        params[key] = tuple(value) if isinstance(value, list) else value
    return params


def add_train_command(commands: Any) -> None:
    """Register ``stance train`` on the CLI's subcommand parsers."""
    train = commands.add_parser(
        "train", help="train a stance model on labelled fixtures and save it to a new folder"
    )
    train.add_argument(
        "--model", required=True, help=f"a registered model name: {', '.join(available())}"
    )
    train.add_argument(
        "--fixtures", required=True, help="a fixture folder (its splits.json picks the split)"
    )
    train.add_argument("--out", required=True, help="a new folder to save the trained model in")
    train.add_argument(
        "--split",
        default="train",
        choices=("train", "all"),
        help="what to train on (default train; all: every article, e.g. a folder without splits)",
    )
    train.add_argument("--seed", type=int, default=None, help="random_state of the model")
    train.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PARAM=VALUE",
        help="override a model parameter, value as JSON (repeatable), e.g. --set C=2.0",
    )
    train.set_defaults(handler=run_train)


def run_train(args: argparse.Namespace) -> int:
    """The ``stance train`` command: train, score on dev when there is one, save."""
    tqdm = require("tqdm", purpose="the stance train progress bar").tqdm

    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SystemExit(f"stance train: {str(out)!r} already exists; pass a new --out folder")
    params = parse_params(args.set)
    if args.seed is not None:
        params["random_state"] = args.seed
    if "verbose" in create(args.model).get_params():
        params.setdefault("verbose", True)  # models that train for minutes show their own bar
    steps = tqdm(total=3, desc=f"stance train {args.model}", unit="step")
    steps.set_postfix_str(f"fitting on the {args.split} split")
    model = train_model(args.model, args.fixtures, split=args.split, params=params)
    steps.update(1)
    report: dict[str, Any] = {
        "model": model.metadata_["name"],
        "trained_on": model.metadata_["n_train"],
    }
    if args.split == "train" and "dev" in article_splits(args.fixtures).values():
        steps.set_postfix_str("scoring on the dev split")
        dev_quotes, dev_labels = labelled_quotes(args.fixtures, "dev")
        report["dev"] = score_model(model, dev_quotes, dev_labels)
    steps.update(1)
    steps.set_postfix_str(f"saving to {out}")
    model.save(out)
    steps.update(1)
    steps.close()
    print(json.dumps(report, indent=2))
    return 0
