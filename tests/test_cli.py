"""The ``stance`` command line: exit codes and what it prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stance.cli import main
from tests.test_articles_fixtures import article_document, with_quote, write_json

SEED_FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "seed"


def test_validate_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_json(tmp_path / "a.json", article_document())
    assert main(["fixtures", "validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "ok: 1 article(s) valid\n"


def test_validate_reports_every_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_json(tmp_path / "a.json", with_quote(stance="anger"))
    write_json(tmp_path / "b.json", with_quote(kind="quoted"))
    assert main(["fixtures", "validate", str(tmp_path), str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith(
        "a.json: quote 0: unknown stance 'anger'; use one of denial, support, blame, neutral"
    )
    assert err[1].endswith(
        "b.json: quote 0: unknown kind 'quoted'; use one of direct, partial, indirect"
    )
    assert "missing: no fixtures at" in err[2]
    assert err[-1] == "3 problem(s) found; the fixture files were not changed"


def test_stats_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_json(tmp_path / "a.json", article_document(id="a"))
    write_json(tmp_path / "b.json", with_quote(stance="blame", hard=True) | {"id": "b"})
    write_json(tmp_path / "splits.json", {"train": ["a"], "dev": [], "test": ["b"]})
    assert main(["fixtures", "stats", str(tmp_path), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["statements"] == 2
    assert stats["by_stance"] == {"denial": 1, "support": 0, "blame": 1, "neutral": 0}
    assert stats["by_kind"] == {"direct": 2, "partial": 0, "indirect": 0}
    assert stats["by_quote_mark"] == {"straight double": 2}
    assert stats["by_difficulty"] == {"hard": 1, "easy": 1}
    assert stats["by_split"]["test"] == {"articles": 1, "statements": 1, "blame": 1}


def test_stats_table_on_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fixtures", "stats", str(SEED_FOLDER)]) == 0
    out = capsys.readouterr().out
    assert "articles: 1  (translated style: 1)" in out
    assert "curly double" in out
    assert "unsplit" in out


def test_console_script_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stance", "fixtures", "validate", str(SEED_FOLDER)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: 1 article(s) valid\n"


def test_unknown_command_exits_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err
