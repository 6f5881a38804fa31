"""What a model reads from a quote: small pure functions shared by every model.

A model's input is a sequence of :class:`stance.Quote` (gold from a fixture or found by the
extractor) or of plain strings; a string becomes a quote with no cue and no context.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import cast

from stance.records import LABELS, Label, Quote

#: What the quote's own words are replaced with in its context, so that context features
#: describe the frame around the statement ("denied …", "blamed … for") and not the statement.
SPAN_MARK = "_quote_"


def as_quotes(inputs: Sequence[Quote | str]) -> list[Quote]:
    """Return ``inputs`` as a list of quotes; a plain string becomes a quote without cue/context.

    >>> as_quotes(["We did not do it."])[0].cue is None
    True
    """
    if isinstance(inputs, str | bytes):
        raise TypeError(
            "expected a sequence of quotes or strings, got a single "
            f"{type(inputs).__name__}; wrap it in a list: [text]"
        )
    quotes: list[Quote] = []
    for index, item in enumerate(inputs):
        if isinstance(item, Quote):
            quotes.append(item)
        elif isinstance(item, str):
            quotes.append(
                Quote(text=item, start=0, end=len(item), speaker=None, cue=None, kind="direct")
            )
        else:
            raise TypeError(
                f"item {index} is a {type(item).__name__}; a model accepts stance.Quote objects "
                "or plain strings"
            )
    return quotes


def check_labels(labels: Sequence[str], n_quotes: int) -> list[Label]:
    """Validate gold labels: one per quote, each in ``stance.LABELS``."""
    if isinstance(labels, str):
        raise TypeError(
            f"labels must be a sequence of label strings, got the single string {labels!r}"
        )
    checked = list(labels)
    if len(checked) != n_quotes:
        raise ValueError(
            f"got {n_quotes} quotes but {len(checked)} labels; pass exactly one label per quote"
        )
    for index, label in enumerate(checked):
        if label not in LABELS:
            raise ValueError(
                f"label {index} is {label!r}; every label must be one of {', '.join(LABELS)}"
            )
    return cast("list[Label]", checked)


def require_every_label(labels: Sequence[str]) -> None:
    """Raise when a learned model is asked to fit data that lacks one of the four labels."""
    missing = [label for label in LABELS if label not in set(labels)]
    if missing:
        raise ValueError(
            f"training data has no example of {', '.join(map(repr, missing))}; a learned model "
            f"needs at least one quote of every label in {', '.join(LABELS)}"
        )


def training_data_hash(quotes: Sequence[Quote], labels: Sequence[str]) -> str:
    """A SHA-256 over what a model learns from: each quote's text, cue, context and label, in order."""
    rows = [[q.text, q.cue, q.context, label] for q, label in zip(quotes, labels, strict=True)]
    payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "sha256:" + hashlib.sha256(payload).hexdigest()


def cue_text(quote: Quote) -> str:
    """The attribution cue, lower-cased and trimmed ("" when the quote has none)."""
    return (quote.cue or "").strip().lower()


def masked_context(quote: Quote) -> str:
    """The quote's context with its own words replaced by :data:`SPAN_MARK` ("" without context).

    >>> q = Quote("the bridge is safe", 0, 18, "X", "denied", "indirect", context="X denied the bridge is safe.")
    >>> masked_context(q)
    'X denied _quote_.'
    """
    if not quote.context:
        return ""
    return quote.context.replace(quote.text, SPAN_MARK, 1)


def cued_text(quote: Quote) -> str:
    """The statement prefixed by its cue ("blamed: the operator for the delays")."""
    cue = cue_text(quote)
    return f"{cue}: {quote.text}" if cue else quote.text
