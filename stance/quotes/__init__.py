"""Quotes out of articles: find each attributed statement, its speaker and its cue.

The modules of this package may be compiled with mypyc (``make compile``, ``STANCE_COMPILE=1``);
the public entry point below stays Python, so it can check its input and say what it got.
"""

from stance.quotes.extract import find_statements
from stance.records import Quote


def extract_quotes(text: str) -> list[Quote]:
    """Find every quoted or reported statement in ``text``, in reading order.

    Each :class:`~stance.Quote` has exact offsets (``text[q.start:q.end] == q.text``), a
    ``kind`` (direct, partial or indirect), the ``speaker`` resolved to the most specific name
    the article gives, the ``cue`` word as written (None when there is none) and the sentence
    around it as ``context``; ``stance`` is left None for a model to fill in.

    >>> [(q.text, q.speaker, q.kind) for q in extract_quotes('"We won," said Ana Ruiz.')]
    [('We won,', 'Ana Ruiz', 'direct')]
    """
    if not isinstance(text, str):
        raise TypeError(
            f"extract_quotes expects the article text as a str, got {type(text).__name__}; "
            "pass the text itself (for a file, read it first: Path(p).read_text())"
        )
    return find_statements(text)


__all__ = ["extract_quotes"]
