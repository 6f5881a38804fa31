"""What the speaker tests read from the extractor: the speakers of a text, a phrase's name."""

from __future__ import annotations

from stance import extract_quotes
from stance.quotes.speakers import reduce_speaker


def speakers_of(text: str) -> list[str | None]:
    """The speaker of every statement ``extract_quotes`` finds in ``text``, in order."""
    return [quote.speaker for quote in extract_quotes(text)]


def reduced_name(phrase: str) -> str:
    """The name ``reduce_speaker`` gives ``phrase``; fails the test when it finds no speaker."""
    speaker = reduce_speaker(phrase)
    assert speaker is not None, f"no speaker in {phrase!r}"
    return speaker.name
