"""Pair quotation marks in one left-to-right pass.

Every common style is read: "…", “…”, «…», „…“, ‘…’, '…' and ‹…›, nested. Each paragraph is
scanned on its own, so a stray mark can never swallow the rest of the article, and the stack
holds at most one open mark per family (a second opener of the same family means the first was
stray), so the pass is linear in the length of the text whatever the marks.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from stance.quotes.cues import INVERTIBLE_VERBS

# Which family each mark belongs to; nesting alternates families, so two open marks of one
# family at once mean one of them is stray.
_FAMILY = {
    '"': "double",
    "“": "double",
    "”": "double",
    "„": "double",
    "'": "single",
    "‘": "single",
    "’": "single",
    "‚": "single",
    "«": "guillemet",
    "»": "guillemet",
    "‹": "single guillemet",
    "›": "single guillemet",
}
# Marks that may close an open mark.
_CLOSERS = {
    '"': '"',
    "“": "”“",
    "„": "“”",
    "'": "'’",
    "‘": "’",
    "‚": "‘’",
    "«": "»",
    "‹": "›",
}
_SPACED_MARKS = frozenset("«»‹›\u00a0")
# Every mark and line break, except an apostrophe between two letters or digits (don't,
# Bakhmut’s): that one can neither open nor close, and there are many of them.
_MARK = re.compile("[\"'“”„‘’‚«»‹›\n](?:(?<!['’])|(?<![^\\W_].)|(?![^\\W_]))")
_OPENING_CONTEXT = frozenset(" \t\r\n([{—\u2013-/\u00a0\u2009\u202f")  # before an opening mark
_CLOSING_CONTEXT = frozenset(" \t\r\n)]}.,;:!?—\u2013-/…\u00a0\u2009\u202f")  # after a closing mark


# A NamedTuple: immutable like a frozen dataclass, and built several times faster (one per
# quotation of every article).
class QuotedSpan(NamedTuple):
    """The text between a pair of top-level quotation marks.

    ``start``/``end`` exclude the marks and surrounding blanks; ``open_at`` is the offset of the
    opening mark. ``continued`` is true for a paragraph whose quote runs on into the next
    paragraph (no closing mark; the next paragraph opens again).
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    continued: bool = False


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Return the top-level quoted spans of ``text`` in order; nested quotes stay inside."""
    spans: list[QuotedSpan] = []
    stack: list[tuple[str, int]] = []  # (mark, offset) of the open marks, outermost first
    length = len(text)
    for match in _MARK.finditer(text):
        at = match.start()
        mark = match.group()
        if mark == "\n":
            if stack:
                _close_paragraph(text, stack[0], at, spans)
                stack.clear()
            continue
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < length else "\n"
        closes = _closing_index(stack, mark, before, after)
        if closes is not None:
            open_mark, open_at = stack[closes]
            del stack[closes:]
            if not stack:
                _add(text, open_at + 1, at, open_at, at, spans)
            continue
        if _opens(mark, before, after):
            family = _FAMILY[mark]
            for index, (open_mark, _) in enumerate(stack):
                if _FAMILY[open_mark] == family:
                    del stack[index:]  # the earlier opener of this family was stray
                    break
            stack.append((mark, at))
    if stack:
        _close_paragraph(text, stack[0], length, spans)
    return spans


def _closing_index(stack: list[tuple[str, int]], mark: str, before: str, after: str) -> int | None:
    """The index in ``stack`` of the open mark that ``mark`` closes, or None."""
    if not stack or (before in " \t\r\n" and mark not in _SPACED_MARKS):
        return None  # a closing mark hugs the word before it (French « … » may be spaced)
    if mark in '"“' and after not in _CLOSING_CONTEXT and after.isalnum():
        return None  # mid-word straight or curly quote is not closing
    for index in range(len(stack) - 1, -1, -1):
        if mark in _CLOSERS[stack[index][0]]:
            return index
    return None


def _opens(mark: str, before: str, after: str) -> bool:
    if mark not in _CLOSERS or (after in " \t\r\n" and mark not in _SPACED_MARKS):
        return False
    if mark in "'‘‚" and (after.isdigit() or before.isalnum()):
        return False  # ’90s, rock'n'roll, O'Brien
    return mark not in '"' or before in _OPENING_CONTEXT or not before.isalnum()


def _close_paragraph(
    text: str, outer: tuple[str, int], paragraph_end: int, spans: list[QuotedSpan]
) -> None:
    """Keep an unclosed quote only when the next paragraph opens a quote of the same family."""
    next_start = paragraph_end
    length = len(text)
    while next_start < length and text[next_start] in " \t\r\n\u00a0":
        next_start += 1
    if next_start < length and _FAMILY.get(text[next_start]) == _FAMILY[outer[0]]:
        _add(text, outer[1] + 1, paragraph_end, outer[1], None, spans, continued=True)


def _add(
    text: str,
    start: int,
    end: int,
    open_at: int,
    close_at: int | None,
    spans: list[QuotedSpan],
    *,
    continued: bool = False,
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    inside = _dash_attribution(text, start, end)
    if inside is not None:
        # «We take the blame, — said the chief. — But not for the key»: two runs, and the
        # attribution between them is the reporter's, as if the marks closed and reopened
        # at the dashes.
        first_dash, second_dash = inside
        spans.append(QuotedSpan(start, _before_blanks(text, first_dash), open_at, first_dash))
        second_start = second_dash + 1
        while text[second_start].isspace():
            second_start += 1
        spans.append(QuotedSpan(second_start, end, second_dash, close_at, continued))
        return
    spans.append(QuotedSpan(start, end, open_at, close_at, continued))


# Russian-style attribution inside one quotation: "…, — said X. — …" (a dash on either side).
_DASH_ATTRIBUTION = re.compile(
    r"(?<=[,.!?…])[ \t]+(?P<first>[—\u2013])[ \t]+(?P<words>[^—\u2013\n«»“”\"„‹›]{3,150}?)[,.]?"
    r"[ \t]+(?P<second>[—\u2013])[ \t]+(?=\S)"
)


def _dash_attribution(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets of the two dashes around an attribution inside the quotation ``start:end``
    (a speech verb among its first three words), or None."""
    if "—" not in text[start:end] and "\u2013" not in text[start:end]:  # a cheap test first
        return None
    match = _DASH_ATTRIBUTION.search(text, start, end)
    if match is None:
        return None
    words = [word.strip(",.").lower() for word in match.group("words").split()[:3]]
    if not any(word in INVERTIBLE_VERBS for word in words):
        return None  # a dash inside what was said: «we waited — two days — for the bus»
    first_dash, second_dash = match.start("first"), match.start("second")
    if not (_has_word(text, start, first_dash) and _has_word(text, second_dash, end)):
        return None  # «, — said X. — …»: no words on one side
    return first_dash, second_dash


def _has_word(text: str, start: int, end: int) -> bool:
    return any(character.isalnum() for character in text[start:end])


def _before_blanks(text: str, at: int) -> int:
    while text[at - 1].isspace():
        at -= 1
    return at
