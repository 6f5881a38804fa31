"""The shipped JSON Schema and the loader must agree on what a valid fixture is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from stance.articles import fixture_schema, validate_fixtures
from tests.test_articles_fixtures import article_document, with_quote, write_json

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Documents whose validity the schema can express: both must accept or both must reject.
SHARED_RULES = [
    ("valid", article_document(), True),
    ("extra keys", dict(with_quote(why="note"), reviewer="x"), True),
    ("null optionals", article_document(title=None, domain=None, source=None, language=None), True),
    ("no cue or target", with_quote(cue=None, target=None), True),
    ("hard flag", with_quote(hard=True), True),
    ("translated", article_document(translated=True), True),
    ("no quotes", article_document(quotes=[]), True),
    ("missing id", {k: v for k, v in article_document().items() if k != "id"}, False),
    ("blank id", article_document(id="   "), False),
    ("missing text", {k: v for k, v in article_document().items() if k != "text"}, False),
    ("empty text", article_document(text=""), False),
    ("quotes not a list", article_document(quotes={}), False),
    ("quote not an object", article_document(quotes=[1]), False),
    ("unknown stance", with_quote(stance="anger"), False),
    ("unknown kind", with_quote(kind="quoted"), False),
    ("missing stance", with_quote(stance=None), False),
    ("missing speaker", with_quote(speaker=None), False),
    ("blank speaker", with_quote(speaker=" "), False),
    ("negative start", with_quote(start=-1), False),
    ("string offset", with_quote(end="9"), False),
    ("boolean offset", with_quote(start=True), False),
    ("empty quote text", with_quote(text=""), False),
    ("numeric cue", with_quote(cue=1), False),
    ("string hard flag", with_quote(hard="yes"), False),
    ("numeric domain", article_document(domain=3), False),
    ("string translated", article_document(translated="yes"), False),
    ("array document", [article_document()], False),
]

# Rules only the loader can check: the schema accepts these documents, the loader must not.
LOADER_ONLY_RULES = [
    ("span differs from text", with_quote(text="We never signed")),
    ("end before start", with_quote(start=20, end=10)),
    ("end past the article", with_quote(end=10_000)),
]


def schema_accepts(document: Any) -> bool:
    errors = list(jsonschema.Draft202012Validator(fixture_schema()).iter_errors(document))
    return not errors


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(fixture_schema())


@pytest.mark.parametrize(
    ("name", "document", "valid"), SHARED_RULES, ids=[case[0] for case in SHARED_RULES]
)
def test_schema_and_loader_agree(tmp_path: Path, name: str, document: Any, valid: bool) -> None:
    loader_accepts = not validate_fixtures(write_json(tmp_path / f"{name}.json", document))
    assert schema_accepts(document) is valid
    assert loader_accepts is valid


@pytest.mark.parametrize(
    ("name", "document"), LOADER_ONLY_RULES, ids=[case[0] for case in LOADER_ONLY_RULES]
)
def test_loader_checks_what_the_schema_cannot(tmp_path: Path, name: str, document: Any) -> None:
    assert schema_accepts(document)
    assert validate_fixtures(write_json(tmp_path / f"{name}.json", document))


def test_every_committed_fixture_follows_the_schema() -> None:
    files = [path for path in FIXTURES.rglob("*.json") if path.name != "splits.json"]
    assert files, "the repository ships fixtures"
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = [
            error.message
            for error in jsonschema.Draft202012Validator(fixture_schema()).iter_errors(document)
        ]
        assert errors == [], f"{path}: {errors}"


def test_committed_fixtures_are_valid() -> None:
    assert [str(problem) for problem in validate_fixtures(FIXTURES)] == []
