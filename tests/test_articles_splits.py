"""Making train/dev/test splits: by article, stratified, deterministic, never overwriting."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from stance import LABELS, Article, Quote
from stance.articles.splits import make_splits
from stance.cli import main
from tests.test_articles_fixtures import article_document, write_json


def synthetic_corpus(count: int = 60) -> list[Article]:
    articles = []
    for number in range(count):
        labels = [LABELS[(number + offset) % 4] for offset in range(number % 5 + 3)]
        quotes = [
            Quote(text="x", start=i, end=i + 1, speaker="s", cue=None, kind="direct", stance=label)
            for i, label in enumerate(labels)
        ]
        articles.append(Article(id=f"a{number:03d}", text="x" * 20, quotes=quotes))
    return articles


def test_every_article_in_exactly_one_split() -> None:
    articles = synthetic_corpus()
    splits = make_splits(articles)
    assigned = [article_id for ids in splits.values() for article_id in ids]
    assert sorted(assigned) == sorted(article.id for article in articles)
    assert set(splits) == {"train", "dev", "test"}


def test_splits_follow_shares_for_every_stance() -> None:
    articles = synthetic_corpus()
    splits = make_splits(articles)
    stance_of = {a.id: Counter(q.stance for q in a.quotes) for a in articles}
    totals = sum(stance_of.values(), Counter())
    for name, share in (("train", 0.70), ("dev", 0.15), ("test", 0.15)):
        counts = sum((stance_of[article_id] for article_id in splits[name]), Counter())
        for label in LABELS:
            assert abs(counts[label] / totals[label] - share) < 0.06, (name, label)


def test_same_seed_same_split_and_seeds_differ() -> None:
    articles = synthetic_corpus()
    assert make_splits(articles, seed=3) == make_splits(list(reversed(articles)), seed=3)
    assert make_splits(articles, seed=3) != make_splits(articles, seed=4)


@pytest.mark.parametrize(
    ("articles", "shares", "message"),
    [
        ([], {"train": 1.0}, r"make_splits needs at least one article; got none"),
        (
            synthetic_corpus(3),
            {"train": 0.8, "test": 0.1},
            r"split shares must be non-negative and sum to 1",
        ),
    ],
)
def test_bad_split_requests(
    articles: list[Article], shares: dict[str, float], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        make_splits(articles, shares=shares)


def test_cli_writes_a_new_split_file_but_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b", "c"):
        write_json(tmp_path / "corpus" / f"{name}.json", article_document(id=name))
    out = tmp_path / "splits.json"
    assert main(["fixtures", "split", str(tmp_path / "corpus"), "--out", str(out)]) == 0
    written = json.loads(out.read_text())
    assert sorted(article_id for ids in written.values() for article_id in ids) == ["a", "b", "c"]
    out.write_text("keep me")
    assert main(["fixtures", "split", str(tmp_path / "corpus"), "--out", str(out)]) == 1
    assert "already exists and was left unchanged" in capsys.readouterr().err
    assert out.read_text() == "keep me"


def test_kept_articles_stay_and_new_ones_fill_the_gaps() -> None:
    articles = synthetic_corpus(80)
    first = make_splits(articles[:50])
    keep = {article_id: name for name, ids in first.items() for article_id in ids}
    grown = make_splits(articles, keep=keep)
    for name, ids in first.items():
        assert set(ids) <= set(grown[name])
    assert sorted(i for ids in grown.values() for i in ids) == sorted(a.id for a in articles)
    stance_of = {a.id: Counter(q.stance for q in a.quotes) for a in articles}
    totals = sum(stance_of.values(), Counter())
    for name, share in (("train", 0.70), ("dev", 0.15), ("test", 0.15)):
        counts = sum((stance_of[article_id] for article_id in grown[name]), Counter())
        for label in LABELS:
            assert abs(counts[label] / totals[label] - share) < 0.07, (name, label)


def test_kept_split_names_must_be_known() -> None:
    with pytest.raises(ValueError, match=r"kept splits \['validation'\] are not among the shares"):
        make_splits(synthetic_corpus(3), keep={"a000": "validation"})


def test_cli_keep_places_only_new_articles(tmp_path: Path) -> None:
    for name in ("a", "b", "c", "d"):
        write_json(tmp_path / "corpus" / f"{name}.json", article_document(id=name))
    kept = write_json(tmp_path / "old.json", {"train": ["a"], "dev": ["b"], "test": ["c"]})
    out = tmp_path / "new.json"
    assert (
        main(
            ["fixtures", "split", str(tmp_path / "corpus"), "--keep", str(kept), "--out", str(out)]
        )
        == 0
    )
    written = json.loads(out.read_text())
    assert "a" in written["train"]
    assert "b" in written["dev"]
    assert "c" in written["test"]
    assert sorted(i for ids in written.values() for i in ids) == ["a", "b", "c", "d"]


def test_cli_keep_must_be_a_split_file(tmp_path: Path) -> None:
    write_json(tmp_path / "corpus" / "a.json", article_document(id="a"))
    bad = write_json(tmp_path / "bad.json", ["a"])
    with pytest.raises(SystemExit, match=r"--keep '.*bad.json' must map split names to lists"):
        main(["fixtures", "split", str(tmp_path / "corpus"), "--keep", str(bad)])
