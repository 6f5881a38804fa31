"""Pair quotation marks in one left-to-right pass.

Every common style is read: "…", “…”, «…», „…“, ‘…’, '…' and ‹…›, nested. Each paragraph is
scanned on its own, so a stray mark can never swallow the rest of the article, and the stack
holds at most one open mark per family (a second opener of the same family means the first was
stray), so the pass is linear in the length of the text whatever the marks.
"""

from __future__ import annotations

import re
from typing import NamedTuple

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
    if end > start:
        spans.append(QuotedSpan(start, end, open_at, close_at, continued))
