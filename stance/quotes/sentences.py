"""Split an article into sentences and paragraphs without breaking a quotation apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from stance.quotes.cues import ABBREVIATIONS
from stance.quotes.marks import QuotedSpan

# End punctuation, closing marks ("“" closes in the „…“ style) and brackets, then blank space;
# or a line break. Opening with one character class lets the regex engine skip to candidate
# characters instead of trying each branch at every position (several times faster).
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<!\n)[.!?…]*[\"”’»›“‘)\]]*[ \t\u00a0]+)")
_WORD_BEFORE = re.compile(r"([\w.]++)$")  # possessive: a shorter run never ends at $
_LOOKBACK = 12  # characters read back for an abbreviation; keeps each check constant-time


# A NamedTuple: immutable like a frozen dataclass, and built several times faster (one per
# sentence of every article).
class Sentence(NamedTuple):
    """A sentence's offsets and the paragraph (0-based) it belongs to."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str, quoted: Sequence[QuotedSpan]) -> list[Sentence]:
    """Split ``text`` into sentences; full stops inside a quotation do not end a sentence.

    A line break always ends a sentence and a paragraph. Leading and trailing blanks are left
    out of each sentence; empty lines give no sentence.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    quote_index = 0
    for match in _BOUNDARY.finditer(text):
        line_break = "\n" in match.group()
        if not line_break:
            while quote_index < len(quoted) and quoted[quote_index].end <= match.start():
                quote_index += 1
            if _inside_quote(quoted, quote_index, match.start()):
                continue
            if not _ends_sentence(text, match.start(), match.end()):
                continue
        end = match.start() if line_break else match.end()
        _append(text, start, end, paragraph, sentences)
        start = match.end()
        if line_break:
            paragraph += 1
    _append(text, start, len(text), paragraph, sentences)
    return sentences


def _inside_quote(quoted: Sequence[QuotedSpan], index: int, at: int) -> bool:
    # The last character of a quote may end the sentence ("… wishes.” “We …"): only earlier
    # punctuation is inside.
    return index < len(quoted) and quoted[index].start <= at < quoted[index].end - 1


def _ends_sentence(text: str, punctuation_at: int, next_at: int) -> bool:
    following = text[next_at : next_at + 1]
    if following and following.islower():
        return False
    if text[punctuation_at] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, punctuation_at - _LOOKBACK), punctuation_at)
    if word is None:
        return True
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha():
        return not _is_initial(text, punctuation_at - 1)
    return token not in ABBREVIATIONS


def _is_initial(text: str, letter_at: int) -> bool:
    """A single letter is an initial ("John F. Kennedy", "J. R. Ward") unless a lower-case word
    stands right before it: "she wrote on X." ends a sentence."""
    before = _WORD_BEFORE.search(text[max(0, letter_at - _LOOKBACK) : letter_at].rstrip())
    return before is None or not before.group(1)[:1].islower() or before.group(1).endswith(".")


def _append(text: str, start: int, end: int, paragraph: int, sentences: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph))
