"""``stance.analyze`` and ``stance analyze``: extraction and classification end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import stance
from stance.cli import main

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "us-ukraine-belgorod.json"
SEED_TEXT = json.loads(SEED.read_text(encoding="utf-8"))["text"]
SHORT = 'The ministry denied the report. "We never signed that contract," said Orla Venn.'


def test_analyze_labels_every_extracted_quote() -> None:
    extracted = stance.extract_quotes(SEED_TEXT)
    analyzed = stance.analyze(SEED_TEXT, model="rules")
    assert [(q.start, q.end, q.speaker) for q in analyzed] == [
        (q.start, q.end, q.speaker) for q in extracted
    ]
    assert all(q.stance in stance.LABELS for q in analyzed)
    assert all(q.confidence is not None and 0.0 <= q.confidence <= 1.0 for q in analyzed)


def test_analyze_agrees_with_the_model_it_was_given() -> None:
    model = stance.load("rules")
    quotes = stance.extract_quotes(SHORT)
    analyzed = stance.analyze(SHORT, model=model)
    assert [q.stance for q in analyzed] == model.predict(quotes)
    probabilities = model.predict_proba(quotes)
    assert [q.confidence for q in analyzed] == pytest.approx(probabilities.max(axis=1).tolist())


def test_analyze_of_nothing_is_nothing() -> None:
    assert stance.analyze("") == []
    assert stance.analyze("No one is quoted in this sentence.") == []


def test_analyze_rejects_non_text() -> None:
    with pytest.raises(TypeError, match=r"expects the article text as a str, got bytes"):
        stance.analyze(b"bytes are not text")  # type: ignore[arg-type]


def test_gold_quotes_are_model_input_like_extracted_ones() -> None:
    (article,) = stance.read_fixtures(SEED)
    model = stance.load("rules")
    assert len(model.predict(article.quotes)) == len(article.quotes)
    assert len(model.predict(stance.extract_quotes(article.text))) == len(
        stance.extract_quotes(article.text)
    )


def test_cli_analyze_prints_a_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SHORT))
    assert main(["analyze", "-", "--model", "rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["speaker", "stance", "conf", "quote"]
    assert any(
        "Orla Venn" in line and "denial" in line and "We never signed" in line for line in lines[1:]
    )


def test_cli_analyze_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SHORT, encoding="utf-8")
    assert main(["analyze", str(article), "--json", "--model", "rules"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    for row in rows:
        assert SHORT[row["start"] : row["end"]] == row["text"]
        assert row["stance"] in stance.LABELS
    assert {
        "speaker",
        "stance",
        "confidence",
        "kind",
        "cue",
        "target",
        "start",
        "end",
        "text",
    } == set(rows[0])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"stance analyze: no such file '.*missing.txt'; pass a text file or - for stdin"),
        (
            b"caf\xe9",
            r"stance analyze: '.*missing.txt' is not UTF-8 \(byte 3\); convert it to UTF-8 first",
        ),
    ],
)
def test_cli_analyze_unreadable_input(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "missing.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SystemExit, match=message):
        main(["analyze", str(path)])
