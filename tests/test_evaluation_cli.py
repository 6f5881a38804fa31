"""``stance eval`` and ``stance bench`` on the command line: outputs, exit codes, messages."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from stance.cli import main
from tests.evaluation_support import MajorityModel, fake_load, write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", 6)


@pytest.fixture(autouse=True)
def tiny_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("stance.models.load", fake_load)
    monkeypatch.setattr("stance.models.available", lambda: ["keyword", "majority"])
    # The extractor is another component; these tests check the harness around it.
    monkeypatch.setattr("stance.evaluation.runner.extract_quotes", lambda text: [])


def test_eval_prints_tables_and_writes_json_and_markdown(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    json_out, report_dir = tmp_path / "out" / "report.json", tmp_path / "report"
    code = main(
        [
            "eval",
            "--fixtures",
            str(corpus),
            "--resamples",
            "50",
            "--json-out",
            str(json_out),
            "--report-dir",
            str(report_dir),
            "--no-progress",
        ]
    )
    assert code == 0
    output = capsys.readouterr().out
    assert "Stance on gold quotes, split 'test'" in output
    assert "Behavioural tests" in output
    report = json.loads(json_out.read_text(encoding="utf-8"))
    # Without --model every registered model is scored.
    assert [result["model"]["id"] for result in report["results"]] == ["keyword", "majority"]
    assert report["settings"]["resamples"] == 50
    assert (report_dir / "report.md").is_file()
    assert len(list(report_dir.glob("*.png"))) == 4


def test_eval_with_one_model_and_the_dev_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "split", 6)
    ids = sorted(path.stem for path in corpus.glob("*.json"))
    (corpus / "splits.json").write_text(
        json.dumps({"train": ids[:2], "dev": ids[2:4], "test": ids[4:]}), encoding="utf-8"
    )
    json_out = tmp_path / "dev.json"
    arguments = ["eval", "--fixtures", str(corpus), "--model", "majority", "--split", "dev"]
    assert (
        main([*arguments, "--resamples", "20", "--json-out", str(json_out), "--no-progress"]) == 0
    )
    report = json.loads(json_out.read_text(encoding="utf-8"))
    assert report["split"] == "dev"
    assert report["datasets"][0]["articles"] == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["eval"], "no data to score: pass --fixtures PATH"),
        (
            ["eval", "--fixtures", "{corpus}", "--update-baseline"],
            "--update-baseline needs --baseline FILE",
        ),
        (["eval", "--suite", "no-such-suite"], "no suite 'no-such-suite'"),
        (["eval", "--fixtures", "{corpus}/missing"], "no fixtures at"),
        (
            ["eval", "--fixtures", "{corpus}", "--model", "nonsense"],
            "no model named 'nonsense'; the registered",
        ),
        (
            ["eval", "--fixtures", "{corpus}", "--split", "dev"],
            "split 'dev' asked for, but .* has no splits.json",
        ),
        (
            ["eval", "--fixtures", "{corpus}", "--baseline", "{corpus}/none.json"],
            "no baseline file",
        ),
        (
            ["eval", "--fixtures", "{corpus}", "--cv", "3", "--baseline", "b.json"],
            "--cv reports fold",
        ),
    ],
)
def test_eval_input_errors_exit_2_with_a_message(
    corpus: Path, arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([argument.format(corpus=corpus) for argument in arguments] + ["--no-progress"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("stance eval: error: ")
    assert re.search(message, err)


def test_eval_cross_validation_trains_fresh_models(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("stance.models.create", lambda name: MajorityModel(name=f"{name}.v1"))
    json_out = tmp_path / "cv.json"
    code = main(
        [
            "eval",
            "--fixtures",
            str(corpus),
            "--model",
            "majority",
            "--cv",
            "3",
            "--resamples",
            "20",
            "--json-out",
            str(json_out),
        ]
    )
    assert code == 0
    assert "majority on" in capsys.readouterr().out
    result = json.loads(json_out.read_text(encoding="utf-8"))["cross_validation"][0]
    assert len(result["folds"]) == 3


@pytest.fixture
def pytest_commands(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    commands: list[list[str]] = []

    def run(command: list[str], check: bool) -> Any:
        commands.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr("stance.evaluation.cli.subprocess.run", run)
    return commands


@pytest.mark.parametrize(
    ("arguments", "present", "absent"),
    [
        (
            [],
            ["eval/benchmarks", "--benchmark-only", "--benchmark-autosave"],
            ["--benchmark-disable"],
        ),
        (["--smoke"], ["--benchmark-disable"], ["--benchmark-only"]),
        (["--compare"], ["--benchmark-compare"], []),
        (["--compare", "0003"], ["--benchmark-compare=0003"], []),
        (["--json-out", "b.json", "-k", "tfidf"], ["--benchmark-json=b.json", "-k", "tfidf"], []),
    ],
)
def test_bench_runs_pytest_benchmark(
    pytest_commands: list[list[str]], arguments: list[str], present: list[str], absent: list[str]
) -> None:
    assert main(["bench", *arguments]) == 0
    (command,) = pytest_commands
    assert command[1:3] == ["-m", "pytest"]
    for flag in present:
        assert flag in command
    for flag in absent:
        assert flag not in command
