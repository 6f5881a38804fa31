"""The records every stage passes along: a :class:`Quote` and the :class:`Article` it came from.

These are plain frozen dataclasses with no third-party imports, so that ``import stance`` stays
fast and a gold quote read from a fixture is the same type as a quote found by the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Label = Literal["denial", "support", "blame", "neutral"]
Kind = Literal["direct", "partial", "indirect"]

#: The stance labels, in the one order used for ``classes_``, probability columns and reports.
LABELS: tuple[Label, ...] = get_args(Label)
#: How a statement is quoted: inside marks, as a quoted fragment, or in reported speech.
KINDS: tuple[Kind, ...] = get_args(Kind)


def _require_str(owner: str, name: str, value: object, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        allowed = "a str or None" if optional else "a str"
        raise TypeError(f"{owner}.{name} must be {allowed}, got {type(value).__name__}: {value!r}")


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement in an article.

    ``start``/``end`` are character offsets into the article text, so that
    ``article.text[start:end] == text``. ``stance`` is ``None`` until a model fills it in;
    ``confidence`` is that model's probability for the label it chose. ``context`` is the
    sentence (or sentences) the statement sits in, which models read together with ``cue``
    because the stance is often carried by the attribution verb ("X blamed Y for ...").
    """

    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    kind: Kind
    stance: Label | None = None
    target: str | None = None
    confidence: float | None = None
    context: str | None = None
    article_id: str | None = None
    hard: bool = False

    def __post_init__(self) -> None:
        _require_str("Quote", "text", self.text, optional=False)
        for name in ("speaker", "cue", "target", "context", "article_id"):
            _require_str("Quote", name, getattr(self, name), optional=True)
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"Quote.{name} must be a non-negative int, got {value!r}")
        if self.end < self.start:
            raise ValueError(
                f"Quote.end ({self.end}) is before Quote.start ({self.start}); "
                "offsets are a half-open range text[start:end]"
            )
        if self.kind not in KINDS:
            raise ValueError(f"Quote.kind must be one of {', '.join(KINDS)}; got {self.kind!r}")
        if self.stance is not None and self.stance not in LABELS:
            raise ValueError(
                f"Quote.stance must be one of {', '.join(LABELS)} or None; got {self.stance!r}"
            )
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"Quote.confidence must be in [0, 1] or None, got {self.confidence!r}")


@dataclass(frozen=True, slots=True)
class Article:
    """A news article and the statements quoted in it (gold from a fixture, or extracted)."""

    id: str
    text: str
    quotes: list[Quote] = field(default_factory=list)
    title: str | None = None
    source: str | None = None
    language: str | None = None
    domain: str | None = None
    translated: bool = False

    def __post_init__(self) -> None:
        _require_str("Article", "id", self.id, optional=False)
        _require_str("Article", "text", self.text, optional=False)
        for quote in self.quotes:
            if not isinstance(quote, Quote):
                raise TypeError(
                    f"Article.quotes must hold stance.Quote objects, got {type(quote).__name__}"
                )
