"""Read and validate labelled fixture articles.

A fixture is one article per UTF-8 ``.json`` file, a folder of them (searched recursively), or a
``.jsonl`` file with one article per line. The format is described by ``fixture.schema.json``
beside this module; the checks here enforce the same rules and add the ones a schema cannot
express (``text[start:end]`` must equal the quote's text, ids must be unique across files).

Validation collects every problem in one pass, so an annotator fixes a whole batch at once.
Nothing here ever writes to a fixture file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from stance.records import KINDS, LABELS, Article, Quote
from stance.text import sentence_context

Split = Literal["train", "dev", "test", "all"]
SPLITS: tuple[Split, ...] = ("train", "dev", "test", "all")
SPLITS_FILE = "splits.json"

_ARTICLE_STRINGS = ("title", "source", "language", "domain")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a fixture: where it is, what is wrong, and how to fix it."""

    path: Path
    message: str
    line: int | None = None
    quote_index: int | None = None

    def at(self, message: str, quote_index: int | None = None) -> Problem:
        """A problem at the same file (and line) as this one."""
        return Problem(self.path, message, line=self.line, quote_index=quote_index)

    def __str__(self) -> str:
        where = str(self.path) + (f":{self.line}" if self.line is not None else "")
        if self.quote_index is not None:
            where += f": quote {self.quote_index}"
        return f"{where}: {self.message}"


class FixtureError(ValueError):
    """Raised by :func:`read_fixtures` with every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(
            f"{len(problems)} problem(s) in the fixtures; fix them and load again:\n{lines}"
        )


def read_fixtures(path: str | Path, *, split: Split = "all") -> list[Article]:
    """Load labelled articles from a ``.json`` file, a ``.jsonl`` file or a folder.

    ``split`` picks articles listed in the folder's ``splits.json``; a folder without one
    counts as all test data. Raises :class:`FixtureError` listing every problem found.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}; got {split!r}")
    root = Path(path)
    articles, problems = _load(root)
    articles = _select_split(root, articles, split, problems)
    if problems:
        raise FixtureError(problems)
    return articles


def validate_fixtures(path: str | Path) -> list[Problem]:
    """Return every problem in the fixtures at ``path`` (an empty list when they are valid).

    A folder's ``splits.json`` is checked too: every article in exactly one split.
    """
    root = Path(path)
    articles, problems = _load(root)
    _assignment(root, articles, problems)
    return problems


def _load(root: Path) -> tuple[list[Article], list[Problem]]:
    if not root.exists():
        raise FileNotFoundError(
            f"no fixtures at {str(root)!r}: pass a .json file, a .jsonl file or a folder of .json files"
        )
    if root.is_file() and root.suffix not in (".json", ".jsonl"):
        raise ValueError(
            f"cannot read fixtures from {str(root)!r}: expected a .json file, a .jsonl file "
            "or a folder of .json files"
        )
    files = [root] if root.is_file() else _fixture_files(root)
    if not files:
        return [], [Problem(root, "no .json or .jsonl fixture files found in this folder")]

    articles: list[Article] = []
    problems: list[Problem] = []
    first_seen: dict[str, Problem] = {}
    for file in files:
        for document, location in _documents(file, problems):
            article = _parse_article(document, location, problems)
            if article is None:
                continue
            if article.id in first_seen:
                problems.append(
                    location.at(
                        f"duplicate article id {article.id!r}, also used at {first_seen[article.id]}; "
                        "give every article its own id"
                    )
                )
                continue
            first_seen[article.id] = location
            articles.append(article)
    return articles, problems


def _fixture_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in (".json", ".jsonl") and path.name != SPLITS_FILE
    )


def _documents(file: Path, problems: list[Problem]) -> Iterator[tuple[Any, Problem]]:
    """Yield each JSON document in ``file`` with its location; record decoding problems."""
    raw = file.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(
            Problem(
                file,
                f"not valid UTF-8 (byte {error.start} is 0x{raw[error.start]:02x}); "
                "re-save the file as UTF-8",
            )
        )
        return
    if file.suffix == ".jsonl":
        for number, line in enumerate(content.splitlines(), start=1):
            if line.strip():
                yield from _decode(line, Problem(file, "", line=number), problems)
    else:
        yield from _decode(content, Problem(file, ""), problems)


def _decode(
    content: str, location: Problem, problems: list[Problem]
) -> Iterator[tuple[Any, Problem]]:
    try:
        yield json.loads(content), location
    except json.JSONDecodeError as error:
        problems.append(
            location.at(
                f"broken JSON at line {error.lineno}, column {error.colno}: {error.msg}; "
                "fix the syntax (a JSON linter shows the exact spot)"
            )
        )


def _parse_article(document: Any, location: Problem, problems: list[Problem]) -> Article | None:
    if not isinstance(document, Mapping):
        problems.append(
            location.at(f"expected a JSON object for an article, got {_json_type(document)}")
        )
        return None
    found = len(problems)
    article_id: Any = document.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        problems.append(location.at(f"'id' must be a non-empty string, got {article_id!r}"))
    text: Any = document.get("text")
    if not isinstance(text, str) or not text:
        problems.append(
            location.at(f"'text' must be the article as a non-empty string, got {_short(text)}")
        )
        text = None
    for key in _ARTICLE_STRINGS:
        if document.get(key) is not None and not isinstance(document[key], str):
            problems.append(
                location.at(f"'{key}' must be a string or null, got {_short(document[key])}")
            )
    translated = document.get("translated", False)
    if not isinstance(translated, bool):
        problems.append(
            location.at(f"'translated' must be true or false, got {_short(translated)}")
        )
    raw_quotes = document.get("quotes")
    if not isinstance(raw_quotes, list):
        problems.append(
            location.at(f"'quotes' must be a list of quote objects, got {_short(raw_quotes)}")
        )
        raw_quotes = []
    quotes = [
        _parse_quote(raw, index, text, article_id, location, problems)
        for index, raw in enumerate(raw_quotes)
    ]
    if len(problems) > found:
        return None
    return Article(
        id=article_id,
        text=text,
        quotes=[quote for quote in quotes if quote is not None],
        title=document.get("title"),
        source=document.get("source"),
        language=document.get("language"),
        domain=document.get("domain"),
        translated=translated,
    )


def _parse_quote(
    raw: Any,
    index: int,
    article_text: str | None,
    article_id: Any,
    location: Problem,
    problems: list[Problem],
) -> Quote | None:
    def problem(message: str) -> None:
        problems.append(location.at(message, quote_index=index))

    if not isinstance(raw, Mapping):
        problem(f"expected a JSON object, got {_json_type(raw)}")
        return None
    found = len(problems)
    start: Any = raw.get("start")
    end: Any = raw.get("end")
    text: Any = raw.get("text")
    for key, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problem(f"'{key}' must be a non-negative integer character offset, got {_short(value)}")
    if not isinstance(text, str) or not text:
        problem(f"'text' must be the quoted words as a non-empty string, got {_short(text)}")
    speaker: Any = raw.get("speaker")
    if not isinstance(speaker, str) or not speaker.strip():
        problem(
            f"'speaker' is missing or empty (got {_short(speaker)}); name the source as the "
            'guideline says, e.g. "John Kirby" or "a source in the ministry"'
        )
    kind: Any = raw.get("kind")
    if kind not in KINDS:
        problem(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    label: Any = raw.get("stance")
    if label not in LABELS:
        problem(f"unknown stance {label!r}; use one of {', '.join(LABELS)}")
    for key in ("cue", "target"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            problem(f"'{key}' must be a string or null, got {_short(raw[key])}")
    if not isinstance(raw.get("hard", False), bool):
        problem(f"'hard' must be true or false, got {_short(raw['hard'])}")
    if len(problems) > found or article_text is None:
        return None
    if end <= start:
        problem(f"'end' ({end}) must be greater than 'start' ({start})")
        return None
    if end > len(article_text):
        problem(
            f"'end' ({end}) is past the end of the article text ({len(article_text)} characters)"
        )
        return None
    actual = article_text[start:end]
    if actual != text:
        hint = _offset_hint(article_text, text, start)
        problem(f"text[{start}:{end}] is {actual!r} but the quote's 'text' is {text!r}; {hint}")
        return None
    return Quote(
        text=text,
        start=start,
        end=end,
        speaker=speaker.strip(),
        cue=raw.get("cue"),
        kind=kind,
        stance=label,
        target=raw.get("target"),
        context=sentence_context(article_text, start, end),
        article_id=article_id,
        hard=raw.get("hard", False),
    )


def _offset_hint(article_text: str, quote_text: str, start: int) -> str:
    occurrences = list(_occurrences(article_text, quote_text))
    if not occurrences:
        return "the quote's text does not occur in the article: copy it from the article verbatim"
    nearest = min(occurrences, key=lambda index: abs(index - start))
    return f"it occurs at start={nearest}, end={nearest + len(quote_text)}: fix the offsets"


def _occurrences(haystack: str, needle: str) -> Iterator[int]:
    index = haystack.find(needle)
    while index >= 0:
        yield index
        index = haystack.find(needle, index + 1)


def article_splits(path: str | Path) -> dict[str, str]:
    """Map each article id to its split, from the folder's ``splits.json``.

    Returns an empty dict for a file or a folder without a split file (all of it is test data).
    Raises :class:`FixtureError` when the split file is broken or disagrees with the fixtures.
    """
    root = Path(path)
    articles, problems = _load(root)
    assignment = _assignment(root, articles, problems)
    if problems:
        raise FixtureError(problems)
    return assignment or {}


def _select_split(
    root: Path, articles: list[Article], split: Split, problems: list[Problem]
) -> list[Article]:
    assignment = _assignment(root, articles, problems)
    if assignment is None:
        if split in ("train", "dev"):
            raise ValueError(
                f"split {split!r} asked for, but {str(root)!r} has no {SPLITS_FILE}; such data "
                "counts as all test: use split='test' or 'all', or add a splits file"
            )
        return articles
    if split == "all":
        return articles
    return [article for article in articles if assignment.get(article.id) == split]


def _assignment(
    root: Path, articles: list[Article], problems: list[Problem]
) -> dict[str, str] | None:
    splits_file = root / SPLITS_FILE
    if not root.is_dir() or not splits_file.exists():
        return None
    return _read_splits(splits_file, {article.id for article in articles}, problems)


def _read_splits(file: Path, known_ids: set[str], problems: list[Problem]) -> dict[str, str]:
    """Map article id -> split name from a ``{"train": [ids], "dev": [...], "test": [...]}`` file."""
    location = Problem(file, "")
    try:
        content = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.append(location.at(f"cannot read the split file: {error}"))
        return {}
    expected = set(SPLITS) - {"all"}
    if not isinstance(content, Mapping) or set(content) != expected:
        got = sorted(content) if isinstance(content, Mapping) else _json_type(content)
        problems.append(
            location.at(f"expected an object with exactly the keys dev, test, train; got {got}")
        )
        return {}
    assignment: dict[str, str] = {}
    for name in sorted(expected):
        ids = content[name]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            problems.append(location.at(f"'{name}' must be a list of article ids"))
            continue
        for article_id in ids:
            if article_id in assignment:
                problems.append(
                    location.at(
                        f"article {article_id!r} is in both {assignment[article_id]!r} and {name!r}; "
                        "an article belongs to exactly one split"
                    )
                )
            elif article_id not in known_ids:
                problems.append(location.at(f"'{name}' lists {article_id!r}, which no fixture has"))
            assignment[article_id] = name
    for article_id in sorted(known_ids - set(assignment)):
        problems.append(
            location.at(f"article {article_id!r} is in no split; add it to train, dev or test")
        )
    return assignment


def _json_type(value: Any) -> str:
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }
    return names.get(type(value), "a number")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
