"""The regression gate, proven both ways: a matching baseline passes, a higher one fails."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from stance import read_fixtures
from stance.cli import main
from stance.evaluation import (
    Settings,
    baseline_from_report,
    check_against_baseline,
    evaluate,
    format_gate,
    load_suite,
    read_baseline,
)
from tests.evaluation_support import GoldExtractor, KeywordModel, fake_load, fitted, write_corpus

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 12)


@pytest.fixture(scope="module")
def report(corpus: Path) -> dict[str, Any]:
    return evaluate(
        models=[fitted(KeywordModel())],
        fixtures=[corpus],
        settings=Settings(
            resamples=200, sections=("stance", "calibration", "extraction", "end_to_end")
        ),
        extractor=GoldExtractor(read_fixtures(corpus)),
    )


def raised(baseline: dict[str, Any], key: str, by: float) -> dict[str, Any]:
    """A copy of ``baseline`` whose metric ``key`` (and its interval) is ``by`` higher."""
    changed = copy.deepcopy(baseline)
    metric = changed["metrics"][key]
    for field in ("value", "ci_low", "ci_high"):
        metric[field] += by
    return changed


def test_a_baseline_of_the_same_run_passes(report: dict[str, Any]) -> None:
    result = check_against_baseline(report, baseline_from_report(report))
    assert result.passed
    assert {check.status for check in result.checks} == {"ok"}
    assert "gate passed" in format_gate(result, baseline_path="b.json")


def test_gated_metrics_cover_stance_calibration_extraction_and_end_to_end(
    report: dict[str, Any], corpus: Path
) -> None:
    metrics = baseline_from_report(report)["metrics"]
    prefix = f"keyword.v1 | {corpus}"
    assert {
        f"{prefix} | accuracy",
        f"{prefix} | macro_f1",
        f"{prefix} | f1:denial",
        f"{prefix} | ece",
        f"{prefix} | end_to_end_f1@0.3",
        f"extraction | {corpus} | f1@0.8",
    } <= set(metrics)


def test_the_tolerance_is_the_distance_to_the_worse_end_of_the_interval(
    report: dict[str, Any], corpus: Path
) -> None:
    metrics = baseline_from_report(report)["metrics"]
    accuracy = metrics[f"keyword.v1 | {corpus} | accuracy"]
    assert accuracy["tolerance"] == pytest.approx(accuracy["value"] - accuracy["ci_low"])
    assert accuracy["tolerance"] > 0
    ece = metrics[f"keyword.v1 | {corpus} | ece"]
    assert ece["higher_is_better"] is False
    assert ece["tolerance"] == pytest.approx(ece["ci_high"] - ece["value"])


def test_a_baseline_above_the_current_scores_fails_with_a_readable_diff(
    report: dict[str, Any], corpus: Path
) -> None:
    key = f"keyword.v1 | {corpus} | macro_f1"
    baseline = baseline_from_report(report)
    tolerance = baseline["metrics"][key]["tolerance"]
    result = check_against_baseline(report, raised(baseline, key, tolerance + 0.05))
    assert not result.passed
    (failed,) = [check for check in result.checks if check.status == "regressed"]
    assert failed.metric == key
    text = format_gate(result, baseline_path="eval/baselines/x.json")
    line = next(line for line in text.splitlines() if line.startswith(key))
    current = report["results"][0]["stance"]["macro_f1"]
    assert f"{current:.4f}" in line
    assert f"{current + tolerance + 0.05:.4f}" in line  # the baseline value
    assert f"{-(tolerance + 0.05):+.4f}" in line  # the change
    assert "REGRESSED" in line
    assert text.splitlines()[-1] == "gate FAILED: 1 metric(s) regressed or missing, 0 problem(s)"


def test_a_drop_within_the_tolerance_passes(report: dict[str, Any], corpus: Path) -> None:
    key = f"keyword.v1 | {corpus} | accuracy"
    baseline = baseline_from_report(report)
    within = baseline["metrics"][key]["tolerance"] * 0.9
    assert check_against_baseline(report, raised(baseline, key, within)).passed


def test_a_worse_calibration_error_fails(report: dict[str, Any], corpus: Path) -> None:
    key = f"keyword.v1 | {corpus} | ece"
    baseline = baseline_from_report(report)
    lowered = raised(baseline, key, -(baseline["metrics"][key]["tolerance"] + 0.01))
    result = check_against_baseline(report, lowered)
    assert [check.metric for check in result.checks if check.status == "regressed"] == [key]
    assert "<= " in format_gate(result, baseline_path="b.json")


def test_a_metric_the_run_no_longer_produces_fails_and_a_new_one_passes(
    report: dict[str, Any],
) -> None:
    baseline = baseline_from_report(report)
    baseline["metrics"]["retired-model | data | accuracy"] = baseline["metrics"].popitem()[1]
    result = check_against_baseline(report, baseline)
    statuses = {check.metric: check.status for check in result.checks}
    assert statuses["retired-model | data | accuracy"] == "missing"
    assert list(statuses.values()).count("new") == 1
    assert not result.passed
    assert "MISSING" in format_gate(result, baseline_path="b.json")


def test_other_data_or_another_split_cannot_be_compared(
    report: dict[str, Any], corpus: Path
) -> None:
    baseline = baseline_from_report(report)
    baseline["datasets"][str(corpus)] = "sha256:" + "0" * 64
    baseline["split"] = "dev"
    result = check_against_baseline(report, baseline)
    assert not result.passed
    assert any("changed since the baseline was made" in problem for problem in result.problems)
    assert any("made on split 'dev'" in problem for problem in result.problems)
    assert "problem: the data at" in format_gate(result, baseline_path="b.json")


def test_a_new_model_version_is_noted_without_failing(report: dict[str, Any]) -> None:
    baseline = baseline_from_report(report)
    baseline["models"]["keyword.v1"]["name"] = "keyword.v0"
    result = check_against_baseline(report, baseline)
    assert result.passed
    assert "note: model 'keyword.v1' is keyword.v1 now, keyword.v0 in the baseline" in format_gate(
        result, baseline_path="b.json"
    )


def test_reading_a_baseline_that_is_missing_or_not_a_baseline(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no baseline file .*write one with: stance eval"):
        read_baseline(tmp_path / "missing.json")
    (tmp_path / "other.json").write_text('{"schema": "something-else"}', encoding="utf-8")
    with pytest.raises(ValueError, match="is not a version 1 stance-evaluation-baseline file"):
        read_baseline(tmp_path / "other.json")


SUITE = """
description = "gate test"
models = ["keyword"]
fixtures = ["{corpus}"]
resamples = 200
sections = ["stance", "calibration", "errors"]
"""


def test_the_cli_gate_both_ways(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("stance.models.load", fake_load)
    suite = tmp_path / "gate.toml"
    suite.write_text(SUITE.format(corpus=corpus), encoding="utf-8")
    baseline = tmp_path / "baselines" / "gate.json"
    arguments = ["eval", "--suite", str(suite), "--baseline", str(baseline), "--no-progress"]

    assert main([*arguments, "--update-baseline"]) == 0
    assert f"wrote the baseline {baseline}" in capsys.readouterr().out
    assert read_baseline(baseline)["suite"] == "gate"
    assert list(baseline.parent.iterdir()) == [baseline]  # no temporary file left behind

    assert main(arguments) == 0
    assert "gate passed" in capsys.readouterr().out

    stored = json.loads(baseline.read_text(encoding="utf-8"))
    key = f"keyword | {corpus} | accuracy"
    for field in ("value", "ci_low", "ci_high"):
        stored["metrics"][key][field] += 0.5
    baseline.write_text(json.dumps(stored), encoding="utf-8")
    assert main(arguments) == 1
    output = capsys.readouterr().out
    assert "gate FAILED" in output
    assert next(line for line in output.splitlines() if line.startswith(key)).endswith("REGRESSED")


@pytest.mark.parametrize(
    "path", sorted((REPOSITORY / "eval" / "baselines").glob("*.json")), ids=str
)
def test_committed_baselines_are_readable_and_belong_to_a_suite(path: Path) -> None:
    baseline = read_baseline(path)
    suite = load_suite(path.stem, folder=REPOSITORY / "eval" / "suites")
    assert baseline["split"] == suite.split
    assert baseline["metrics"]
    for metric in baseline["metrics"].values():
        assert metric["tolerance"] >= 0
