"""Fixtures as a Hugging Face ``datasets.Dataset``: one row per quote."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from stance._optional import require
from stance.records import LABELS, Article

if TYPE_CHECKING:
    import datasets


def to_dataset(articles: Sequence[Article]) -> datasets.Dataset:
    """Return one row per labelled quote, ``stance`` as a ClassLabel in ``stance.LABELS`` order.

    ``article_id`` is kept on every row so that splits and cross-validation can group by article.
    """
    hf = require("datasets", purpose="stance.articles.to_dataset")
    features = hf.Features(
        {
            "article_id": hf.Value("string"),
            "domain": hf.Value("string"),
            "text": hf.Value("string"),
            "context": hf.Value("string"),
            "speaker": hf.Value("string"),
            "cue": hf.Value("string"),
            "kind": hf.Value("string"),
            "target": hf.Value("string"),
            "start": hf.Value("int32"),
            "end": hf.Value("int32"),
            "hard": hf.Value("bool"),
            "stance": hf.ClassLabel(names=list(LABELS)),
        }
    )
    rows = [
        {
            "article_id": article.id,
            "domain": article.domain,
            "text": quote.text,
            "context": quote.context,
            "speaker": quote.speaker,
            "cue": quote.cue,
            "kind": quote.kind,
            "target": quote.target,
            "start": quote.start,
            "end": quote.end,
            "hard": quote.hard,
            "stance": _label_of(quote.stance, article.id),
        }
        for article in articles
        for quote in article.quotes
    ]
    columns = {name: [row[name] for row in rows] for name in features}
    return hf.Dataset.from_dict(columns, features=features)


def _label_of(label: str | None, article_id: str) -> str:
    if label is None:
        raise ValueError(
            f"article {article_id!r} has a quote with no stance; a dataset needs labelled quotes "
            "(read them from fixtures, or run a model over the quotes first)"
        )
    return label
