"""Reports for people: the terminal tables and the Markdown page with its figures."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from stance import read_fixtures
from stance.evaluation import Settings, evaluate, format_report, write_markdown_report
from tests.evaluation_support import (
    GoldExtractor,
    KeywordModel,
    MajorityModel,
    fitted,
    write_corpus,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    corpus = write_corpus(tmp_path_factory.mktemp("corpus"), 8)
    document = evaluate(
        models=[fitted(KeywordModel()), fitted(MajorityModel())],
        fixtures=[corpus],
        settings=Settings(resamples=100),
        extractor=GoldExtractor(read_fixtures(corpus)),
    )
    # Rendering works from the JSON alone, as it would from a saved report.
    loaded: dict[str, Any] = json.loads(json.dumps(document))
    return loaded


def test_terminal_report_has_every_section(report: dict[str, Any]) -> None:
    text = format_report(report)
    for title in (
        "Stance on gold quotes, split 'test' (95% intervals from 100 article resamples)",
        "Quote extraction (a prediction matches a gold quote covering",
        "End to end (extract, classify, match",
        "Paired tests (A minus B on the same quotes",
        "Behavioural tests (CheckList-style pass rates)",
        "Accuracy by slice on",
        "Most confident mistakes of keyword.v1",
    ):
        assert title in text
    stance_rows = text.split("\n\n")[0].splitlines()
    keyword_row = next(row for row in stance_rows if row.startswith("keyword.v1"))
    accuracy = report["results"][0]["stance"]["intervals"]["accuracy"]
    assert (
        f"{accuracy['value']:.3f} [{accuracy['ci_low']:.3f}, {accuracy['ci_high']:.3f}]"
        in keyword_row
    )


def test_terminal_report_shows_only_the_sections_that_ran(report: dict[str, Any]) -> None:
    trimmed = {**report, "comparisons": [], "behaviour": {}}
    trimmed["results"] = [
        {key: value for key, value in result.items() if key not in ("slices", "errors")}
        for result in report["results"]
    ]
    text = format_report(trimmed)
    assert "Paired tests" not in text
    assert "Behavioural tests" not in text
    assert "Most confident mistakes" not in text


def test_markdown_report_with_confusion_and_reliability_figures(
    report: dict[str, Any], tmp_path: Path
) -> None:
    path = write_markdown_report(report, tmp_path / "report")
    assert path == tmp_path / "report" / "report.md"
    markdown = path.read_text(encoding="utf-8")
    assert markdown.startswith("# Evaluation report")
    assert "| model | data | quotes | accuracy | macro-F1 |" in markdown
    figures = sorted(p.name for p in path.parent.glob("*.png"))
    assert len(figures) == 4
    assert {name.split("--")[0] for name in figures} == {"confusion", "reliability"}
    for name in figures:
        assert f"]({name})" in markdown
        assert (path.parent / name).read_bytes().startswith(PNG_SIGNATURE)
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([*figures, "report.md"])


def test_plotting_does_not_select_a_global_matplotlib_backend(
    report: dict[str, Any], tmp_path: Path
) -> None:
    write_markdown_report(report, tmp_path)
    assert "matplotlib.pyplot" not in sys.modules


def test_report_files_get_the_usual_permissions_not_private_temp_ones(
    report: dict[str, Any], tmp_path: Path
) -> None:
    path = write_markdown_report(report, tmp_path)
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
