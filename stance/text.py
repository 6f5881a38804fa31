"""Small text helpers shared by the fixture loader and the extractor."""

from __future__ import annotations

import re

# A sentence ends at ., ! or ? (optionally followed by closing marks) before whitespace, or at a
# line break. Deliberately simple: context only has to give a model the clause around a quote.
_SENTENCE_END = re.compile(r"[.!?][\"”’»›)\]]*\s+|\n+")
_CONTEXT_LIMIT = 400  # characters kept on each side of a span, so one run-on line stays cheap


def sentence_context(text: str, start: int, end: int) -> str:
    """Return the sentence(s) of ``text`` that contain ``text[start:end]``, stripped.

    >>> sentence_context("One. He said it was fine. Two.", 13, 24)
    'He said it was fine.'
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(
            f"span [{start}:{end}] is outside a text of {len(text)} characters; "
            "pass offsets with 0 <= start <= end <= len(text)"
        )
    window_start = max(0, start - _CONTEXT_LIMIT)
    left = window_start
    for match in _SENTENCE_END.finditer(text, window_start, start):
        left = match.end()
    # Search from one character before the end so a span that ends on its own full stop
    # ("... these wishes.") closes its sentence there instead of running into the next one.
    search_end = min(len(text), end + _CONTEXT_LIMIT)
    right_match = _SENTENCE_END.search(text, max(start, end - 1), search_end)
    right = right_match.end() if right_match else search_end
    return text[left:right].strip()


# Opening mark -> style name, for slicing scores and corpus statistics by quotation style.
QUOTE_MARK_STYLES = {
    '"': "straight double",
    "“": "curly double",
    "”": "curly double",
    "«": "guillemets",
    "»": "guillemets",
    "„": "low double",
    "‚": "low single",
    "‘": "curly single",
    "'": "straight single",
    "‹": "single guillemets",
    "›": "single guillemets",
}
NO_MARKS = "no marks"


def quote_mark_style(text: str, start: int) -> str:
    """Name the quotation-mark style that opens a span starting at ``start`` in ``text``.

    Spans exclude their marks, so the opening mark is the character just before ``start``
    (a space is allowed in between). Reported speech has none: :data:`NO_MARKS`.
    """
    before = text[max(0, start - 2) : start].rstrip()
    return QUOTE_MARK_STYLES.get(before[-1:], NO_MARKS) if before else NO_MARKS
