"""``stance train`` and the training helpers: split handling, params, saving, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance.cli import main
from stance.models import create, load
from stance.models.testing import synthetic_quotes
from stance.models.training import labelled_quotes, parse_params, score_model, train_model


def _write_fixtures(folder: Path, articles: int = 8) -> Path:
    """A fixture folder of synthetic articles with a splits.json (6 train, 2 dev)."""
    quotes, labels = synthetic_quotes(n_per_label=articles)
    folder.mkdir()
    ids = []
    for index in range(articles):
        rows = range(index * 4, index * 4 + 4)
        text, entries = "", []
        for quote, label in ((quotes[row], labels[row]) for row in rows):
            context = quote.context or ""
            start = len(text) + context.index(quote.text)
            entries.append(
                {
                    "text": quote.text,
                    "start": start,
                    "end": start + len(quote.text),
                    "speaker": quote.speaker,
                    "cue": quote.cue,
                    "kind": "indirect",
                    "stance": label,
                }
            )
            text += context + " "
        article_id = f"synthetic-{index}"
        ids.append(article_id)
        document = {"id": article_id, "text": text, "quotes": entries}
        (folder / f"{article_id}.json").write_text(json.dumps(document), encoding="utf-8")
    splits = {"train": ids[:6], "dev": ids[6:], "test": []}
    (folder / "splits.json").write_text(json.dumps(splits), encoding="utf-8")
    return folder


def test_stance_train_saves_a_loadable_model_and_scores_dev(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixtures = _write_fixtures(tmp_path / "fixtures")
    out = tmp_path / "model"
    code = main(
        [
            "train",
            "--model",
            "tfidf-svm",
            "--fixtures",
            str(fixtures),
            "--out",
            str(out),
            "--seed",
            "3",
            "--set",
            "C=0.5",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"] == "tfidf-svm.v4"
    assert report["trained_on"] == 24
    assert 0.0 <= report["dev"]["macro_f1"] <= 1.0
    model = load(out)
    assert model.metadata_["seed"] == 3
    assert model.get_params()["C"] == 0.5


def test_stance_train_refuses_an_existing_output_folder(tmp_path: Path) -> None:
    fixtures = _write_fixtures(tmp_path / "fixtures")
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="already exists; pass a new --out folder"):
        main(
            [
                "train",
                "--model",
                "rules",
                "--fixtures",
                str(fixtures),
                "--out",
                str(tmp_path / "model"),
            ]
        )
    assert (tmp_path / "model" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_training_reads_only_the_train_split(tmp_path: Path) -> None:
    fixtures = _write_fixtures(tmp_path / "fixtures")
    train, _ = labelled_quotes(fixtures, "train")
    dev, _ = labelled_quotes(fixtures, "dev")
    model = train_model("rules", fixtures)
    assert model.metadata_["n_train"] == len(train) == 24
    assert not {q.article_id for q in train} & {q.article_id for q in dev}


def test_score_model_reports_macro_f1_per_class_and_ece() -> None:
    quotes, labels = synthetic_quotes()
    model = create("rules").fit(quotes, labels)
    scores = score_model(model, quotes, labels)
    assert set(scores["f1"]) == {"denial", "support", "blame", "neutral"}
    assert 0.0 <= scores["ece"] <= 1.0
    assert scores["n"] == len(quotes)


@pytest.mark.parametrize(
    ("assignments", "expected"),
    [
        (["C=2.0"], {"C": 2.0}),
        (
            ["use_context=false", "word_ngrams=[1, 3]"],
            {"use_context": False, "word_ngrams": (1, 3)},
        ),
        (["classifier=svm"], {"classifier": "svm"}),
        ([], {}),
    ],
)
def test_parse_params(assignments: list[str], expected: dict[str, object]) -> None:
    assert parse_params(assignments) == expected


def test_parse_params_refuses_a_missing_equals_sign() -> None:
    with pytest.raises(ValueError, match="--set expects PARAM=VALUE, got 'C'"):
        parse_params(["C"])
