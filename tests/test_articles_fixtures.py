"""Reading and validating fixtures: the format, every bad-input case, splits and the dataset view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import stance
from stance.articles import (
    FixtureError,
    article_splits,
    read_fixtures,
    to_dataset,
    validate_fixtures,
)

TEXT = 'Officials met on Monday. "We never signed that contract," said Orla Venn.'
START = TEXT.index("We never")
END = TEXT.index(',"') + 1


def article_document(**overrides: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": "venn-contract",
        "title": "Venn denies contract",
        "source": "written for the tests",
        "language": "en",
        "domain": "corporate-scandal",
        "text": TEXT,
        "quotes": [
            {
                "start": START,
                "end": END,
                "text": TEXT[START:END],
                "speaker": "Orla Venn",
                "cue": "said",
                "kind": "direct",
                "stance": "denial",
                "target": "the contract",
            }
        ],
    }
    document.update(overrides)
    return document


def with_quote(**overrides: Any) -> dict[str, Any]:
    document = article_document()
    document["quotes"][0].update(overrides)
    return document


def write_json(path: Path, document: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [str(problem) for problem in validate_fixtures(path)]


def test_reads_one_article(tmp_path: Path) -> None:
    articles = read_fixtures(write_json(tmp_path / "a.json", article_document()))
    assert len(articles) == 1
    article = articles[0]
    assert (article.id, article.title, article.domain) == (
        "venn-contract",
        "Venn denies contract",
        "corporate-scandal",
    )
    quote = article.quotes[0]
    assert TEXT[quote.start : quote.end] == quote.text == "We never signed that contract,"
    assert (quote.speaker, quote.cue, quote.kind, quote.stance) == (
        "Orla Venn",
        "said",
        "direct",
        "denial",
    )
    assert quote.article_id == "venn-contract"
    assert quote.context == '"We never signed that contract," said Orla Venn.'
    assert quote.hard is False


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    document = with_quote(why="flat denial", hard=True)
    document["reviewer"] = "second pass"
    quote = read_fixtures(write_json(tmp_path / "a.json", document))[0].quotes[0]
    assert quote.hard is True


def test_reads_folders_recursively_and_jsonl(tmp_path: Path) -> None:
    write_json(tmp_path / "one" / "a.json", article_document(id="a"))
    write_json(tmp_path / "one" / "two" / "b.json", article_document(id="b"))
    lines = [json.dumps(article_document(id=name)) for name in ("c", "d")]
    (tmp_path / "more.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert sorted(article.id for article in read_fixtures(tmp_path)) == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            with_quote(start=START + 1),
            r"quote 0: text\[27:56\] is 'e never signed that contract,' but the quote's 'text' is "
            r"'We never signed that contract,'; it occurs at start=26, end=56: fix the offsets",
        ),
        (
            with_quote(text="We signed it"),
            r"does not occur in the article: copy it from the article verbatim",
        ),
        (
            with_quote(stance="anger"),
            r"quote 0: unknown stance 'anger'; use one of denial, support, blame, neutral",
        ),
        (
            with_quote(kind="quoted"),
            r"quote 0: unknown kind 'quoted'; use one of direct, partial, indirect",
        ),
        (
            with_quote(speaker=None),
            r"quote 0: 'speaker' is missing or empty \(got None\); name the source",
        ),
        (with_quote(speaker="  "), r"quote 0: 'speaker' is missing or empty"),
        (
            with_quote(start="3"),
            r"quote 0: 'start' must be a non-negative integer character offset, got '3'",
        ),
        (with_quote(end=START), r"quote 0: 'end' \(\d+\) must be greater than 'start'"),
        (
            with_quote(end=10_000, text="x"),
            r"'end' \(10000\) is past the end of the article text \(\d+ characters\)",
        ),
        (with_quote(hard="yes"), r"quote 0: 'hard' must be true or false, got 'yes'"),
        (with_quote(cue=3), r"quote 0: 'cue' must be a string or null, got 3"),
        (article_document(id=""), r"'id' must be a non-empty string, got ''"),
        (article_document(text=""), r"'text' must be the article as a non-empty string"),
        (article_document(quotes={"a": 1}), r"'quotes' must be a list of quote objects"),
        (article_document(quotes=["a quote"]), r"quote 0: expected a JSON object, got a string"),
        (article_document(translated="no"), r"'translated' must be true or false, got 'no'"),
        (article_document(domain=5), r"'domain' must be a string or null, got 5"),
        ([article_document()], r"expected a JSON object for an article, got an array"),
    ],
)
def test_each_bad_input_is_reported(tmp_path: Path, document: Any, message: str) -> None:
    path = write_json(tmp_path / "bad.json", document)
    found = messages(path)
    assert len(found) == 1, found
    assert found[0].startswith(str(path))
    with pytest.raises(FixtureError, match=message):
        read_fixtures(path)


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "a",\n "text": }', encoding="utf-8")
    with pytest.raises(
        FixtureError, match=r"broken.json: broken JSON at line 2, column 10: Expecting value"
    ):
        read_fixtures(path)


def test_non_utf8_bytes_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        json.dumps(article_document(title="Caf\u00e9"), ensure_ascii=False).encode("latin-1")
    )
    with pytest.raises(
        FixtureError, match=r"latin1.json: not valid UTF-8 \(byte \d+ is 0xe9\); re-save"
    ):
        read_fixtures(path)


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write_json(tmp_path / "a.json", article_document())
    write_json(tmp_path / "b.json", article_document())
    with pytest.raises(
        FixtureError, match=r"b.json: duplicate article id 'venn-contract', also used at .*a.json"
    ):
        read_fixtures(tmp_path)


def test_jsonl_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(
        json.dumps(article_document(id="a")) + "\n" + json.dumps(with_quote(kind="x")) + "\n"
    )
    assert messages(path) == [
        f"{path}:2: quote 0: unknown kind 'x'; use one of direct, partial, indirect"
    ]


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    document = article_document()
    document["quotes"].append(dict(document["quotes"][0], stance="anger", speaker=""))
    write_json(tmp_path / "a.json", document)
    write_json(tmp_path / "b.json", with_quote(kind="quoted"))
    (tmp_path / "c.json").write_text("{", encoding="utf-8")
    found = messages(tmp_path)
    assert len(found) == 4
    with pytest.raises(
        FixtureError, match=r"^4 problem\(s\) in the fixtures; fix them and load again"
    ):
        read_fixtures(tmp_path)


def test_validation_never_rewrites_a_fixture(tmp_path: Path) -> None:
    good = write_json(tmp_path / "good.json", article_document(id="good"))
    bad = write_json(tmp_path / "bad.json", with_quote(stance="anger"))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in (good, bad)}
    validate_fixtures(tmp_path)
    with pytest.raises(FixtureError):
        read_fixtures(tmp_path)
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in (good, bad)} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.json", "good.json"]


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        (
            "missing",
            FileNotFoundError,
            r"no fixtures at '.*missing': pass a .json file, a .jsonl file or a folder",
        ),
        (
            "notes.txt",
            ValueError,
            r"cannot read fixtures from '.*notes.txt': expected a .json file",
        ),
    ],
)
def test_unreadable_paths(tmp_path: Path, path: str, error: type[Exception], message: str) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(error, match=message):
        read_fixtures(tmp_path / path)


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(
        FixtureError, match=r"no .json or .jsonl fixture files found in this folder"
    ):
        read_fixtures(tmp_path)


def test_split_must_be_known(tmp_path: Path) -> None:
    with pytest.raises(
        ValueError, match=r"split must be one of train, dev, test, all; got 'validation'"
    ):
        read_fixtures(tmp_path, split="validation")  # type: ignore[arg-type]


def write_split_corpus(root: Path, splits: Any) -> None:
    for name in ("a", "b", "c"):
        write_json(root / f"{name}.json", article_document(id=name))
    write_json(root / "splits.json", splits)


def test_splits_select_articles(tmp_path: Path) -> None:
    write_split_corpus(tmp_path, {"train": ["a", "b"], "dev": [], "test": ["c"]})
    assert [a.id for a in read_fixtures(tmp_path, split="train")] == ["a", "b"]
    assert [a.id for a in read_fixtures(tmp_path, split="test")] == ["c"]
    assert read_fixtures(tmp_path, split="dev") == []
    assert len(read_fixtures(tmp_path)) == 3
    assert article_splits(tmp_path) == {"a": "train", "b": "train", "c": "test"}


def test_a_folder_without_splits_is_all_test(tmp_path: Path) -> None:
    write_json(tmp_path / "a.json", article_document(id="a"))
    assert [a.id for a in read_fixtures(tmp_path, split="test")] == ["a"]
    assert article_splits(tmp_path) == {}
    with pytest.raises(ValueError, match=r"split 'train' asked for, but '.*' has no splits.json"):
        read_fixtures(tmp_path, split="train")


@pytest.mark.parametrize(
    ("splits", "message"),
    [
        (
            {"train": ["a", "b"], "dev": ["b"], "test": ["c"]},
            r"article 'b' is in both 'dev' and 'train'",
        ),
        (
            {"train": ["a", "b"], "dev": ["zz"], "test": ["c"]},
            r"'dev' lists 'zz', which no fixture has",
        ),
        (
            {"train": ["a"], "dev": [], "test": ["c"]},
            r"article 'b' is in no split; add it to train, dev or test",
        ),
        (
            {"train": ["a", "b", "c"]},
            r"expected an object with exactly the keys dev, test, train; got \['train'\]",
        ),
    ],
)
def test_split_file_problems(tmp_path: Path, splits: Any, message: str) -> None:
    write_split_corpus(tmp_path, splits)
    with pytest.raises(FixtureError, match=message):
        read_fixtures(tmp_path, split="test")
    assert any(problem.path.name == "splits.json" for problem in validate_fixtures(tmp_path))


def test_dataset_has_one_row_per_quote_and_fixed_label_order(tmp_path: Path) -> None:
    document = article_document()
    document["quotes"].append(
        {
            "start": 0,
            "end": 9,
            "text": "Officials",
            "speaker": "x",
            "kind": "indirect",
            "stance": "neutral",
        }
    )
    document["quotes"].sort(key=lambda quote: quote["start"])
    write_json(tmp_path / "a.json", document)
    write_json(tmp_path / "b.json", article_document(id="b"))
    dataset = to_dataset(read_fixtures(tmp_path))
    assert dataset.num_rows == 3
    assert dataset.features["stance"].names == list(stance.LABELS)
    assert dataset["article_id"] == ["venn-contract", "venn-contract", "b"]
    assert dataset["stance"] == [
        stance.LABELS.index(label) for label in ("neutral", "denial", "denial")
    ]
    assert dataset["cue"] == [None, "said", "said"]


def test_dataset_needs_labelled_quotes() -> None:
    quote = stance.Quote(text="x", start=0, end=1, speaker=None, cue=None, kind="direct")
    article = stance.Article(id="raw", text="x", quotes=[quote])
    with pytest.raises(ValueError, match=r"article 'raw' has a quote with no stance"):
        to_dataset([article])
