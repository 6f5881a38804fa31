"""Each quote's ``context`` from one scan of the article.

:func:`stance.text.sentence_context` scans up to 400 characters on each side of a span; with
twenty-odd quotes an article is scanned many times over. :func:`sentence_contexts` finds the
sentence ends of the whole text once and answers each span from them with a binary search. It
returns exactly what :func:`~stance.text.sentence_context` returns (the fixture loader gives
gold quotes that context, and models read it): where a sentence end straddles one of the
edges that function's bounded scan uses, the answer could differ, so that span is handed to
:func:`~stance.text.sentence_context` itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from stance.text import sentence_context

# The sentence end of stance.text, ``[.!?]["”’»›)\]]*\s+|\n+``, written to open with one
# character class: the regex engine then skips to candidate characters instead of trying both
# branches at every position. The matches are the same (tests pin the contexts).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<!\n)[\"”’»›)\]]*\s+)")
_CONTEXT_LIMIT = 400  # stance.text's window on each side of a span


def sentence_contexts(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """``[sentence_context(text, start, end) for start, end in spans]``, from one scan."""
    starts: list[int] = []
    ends: list[int] = []
    # The offsets strictly inside a sentence end (the blank of ". "): an edge there straddles it.
    inside: set[int] = set()
    for match in _SENTENCE_END.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
        inside.update(range(match.start() + 1, match.end()))
    return [_context(text, starts, ends, inside, start, end) for start, end in spans]


def _context(
    text: str, starts: list[int], ends: list[int], inside: set[int], start: int, end: int
) -> str:
    if not 0 <= start <= end <= len(text):
        return sentence_context(text, start, end)  # raises its own error, with the offsets
    window_start = max(0, start - _CONTEXT_LIMIT)
    search_from = max(start, end - 1)
    search_end = min(len(text), end + _CONTEXT_LIMIT)
    if not inside.isdisjoint((window_start, start, search_from, search_end)):
        return sentence_context(text, start, end)
    # The last sentence end that lies in [window_start, start], else the window's start.
    last = bisect.bisect_right(ends, start) - 1
    left = ends[last] if last >= 0 and starts[last] >= window_start else window_start
    # The first sentence end from search_from on that closes before search_end.
    following = bisect.bisect_left(starts, search_from)
    right = (
        ends[following] if following < len(starts) and ends[following] <= search_end else search_end
    )
    return text[left:right].strip()
