"""The regression gate: compare a report with a committed baseline, metric by metric.

**Tolerance.** Each gated metric is stored in the baseline with its article-bootstrap interval
(95% by default). A metric *regresses* when its new value is worse than the baseline's value by
more than the baseline's own sampling uncertainty on the low side:

    higher is better (accuracy, F1):  fails when new < baseline_ci_low
    lower is better  (ECE):           fails when new > baseline_ci_high

i.e. tolerance = |baseline value - the interval's end on the "worse" side|. A drop smaller than
that is within what re-drawing the test articles would change, so it is not evidence that the
change cost accuracy; a larger drop moves the score outside the range the baseline itself
supports. The tolerance is written into the baseline next to each metric, so the rule a CI run
applied can be read off the committed file. More test articles give narrower intervals and so a
stricter gate; no number in this rule is hand-picked.

A baseline also records the content hash of the data it was made on. A run on other data cannot
be compared with it: that is reported as a failure, with the command that refreshes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from stance._io import write_json_atomic

BASELINE_SCHEMA = "stance-evaluation-baseline"
BASELINE_SCHEMA_VERSION = 1

Status = Literal["ok", "regressed", "missing", "new"]


@dataclass(frozen=True, slots=True)
class GatedMetric:
    """One metric the gate watches: its value, interval and which direction is better."""

    value: float
    low: float
    high: float
    higher_is_better: bool

    @property
    def tolerance(self) -> float:
        """How far this value may get worse: the distance to the interval's "worse" end."""
        return self.value - self.low if self.higher_is_better else self.high - self.value

    def to_dict(self) -> dict[str, Any]:
        """The metric as it is stored in a baseline."""
        return {
            "value": self.value,
            "ci_low": self.low,
            "ci_high": self.high,
            "higher_is_better": self.higher_is_better,
            "tolerance": self.tolerance,
        }


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome for one metric: baseline and current values and the verdict."""

    metric: str
    status: Status
    baseline: float | None
    current: float | None
    limit: float | None
    higher_is_better: bool


@dataclass(frozen=True, slots=True)
class GateResult:
    """Every metric's check, problems that make the comparison itself impossible, and notes
    that explain a difference without failing the gate (a model's version changed)."""

    checks: tuple[Check, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """True when nothing regressed, nothing is missing and the data matches."""
        return not self.problems and all(c.status in ("ok", "new") for c in self.checks)


def gated_metrics(report: Mapping[str, Any]) -> dict[str, GatedMetric]:
    """The metrics with bootstrap intervals in ``report``, keyed ``"<model> | <data> | <metric>"``.

    Per model and dataset: accuracy, macro-F1 and each class's F1 (higher is better), ECE
    (lower is better) and end-to-end F1 per overlap threshold; per dataset: extraction F1 per
    threshold (keyed ``"extraction | <data> | f1@<t>"``).
    """
    return dict(_iter_gated(report))


def _iter_gated(report: Mapping[str, Any]) -> Iterator[tuple[str, GatedMetric]]:
    for result in report["results"]:
        prefix = f"{result['model']['id']} | {result['dataset']}"
        for name, interval in result["stance"]["intervals"].items():
            yield f"{prefix} | {name}", _metric(interval, higher_is_better=True)
        if "calibration" in result:
            yield f"{prefix} | ece", _metric(result["calibration"]["ece"], higher_is_better=False)
        for threshold, scores in result.get("end_to_end", {}).get("thresholds", {}).items():
            yield (
                f"{prefix} | end_to_end_f1@{threshold}",
                _metric(scores["f1_interval"], higher_is_better=True),
            )
    for dataset in report["datasets"]:
        for threshold, scores in dataset.get("extraction", {}).get("thresholds", {}).items():
            yield (
                f"extraction | {dataset['path']} | f1@{threshold}",
                _metric(scores["f1_interval"], higher_is_better=True),
            )


def _metric(interval: Mapping[str, float], *, higher_is_better: bool) -> GatedMetric:
    return GatedMetric(
        value=float(interval["value"]),
        low=float(interval["ci_low"]),
        high=float(interval["ci_high"]),
        higher_is_better=higher_is_better,
    )


def baseline_from_report(report: Mapping[str, Any]) -> dict[str, Any]:
    """The baseline document for ``report``: its gated metrics, tolerances and provenance."""
    return {
        "schema": BASELINE_SCHEMA,
        "schema_version": BASELINE_SCHEMA_VERSION,
        "created": report["created"],
        "suite": report.get("suite"),
        "split": report["split"],
        "settings": report["settings"],
        "git_commit": report["environment"].get("git_commit"),
        "models": {
            result["model"]["id"]: {
                "name": result["model"]["name"],
                "version": result["model"]["version"],
            }
            for result in report["results"]
        },
        "datasets": {dataset["path"]: dataset["content_hash"] for dataset in report["datasets"]},
        "tolerance_rule": (
            "a metric fails when it is worse than 'value' by more than 'tolerance', the distance "
            "from the value to the worse end of its bootstrap interval (see stance.evaluation.gate)"
        ),
        "metrics": {key: metric.to_dict() for key, metric in gated_metrics(report).items()},
    }


def read_baseline(path: str | Path) -> dict[str, Any]:
    """Read a baseline file; raise ``ValueError`` saying what is wrong and how to make one."""
    source = Path(path)
    remedy = "write one with: stance eval --suite NAME --baseline FILE --update-baseline"
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"no baseline file {str(source)!r}; {remedy}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"cannot read the baseline {str(source)!r} ({error}); {remedy}") from None
    if (
        not isinstance(document, dict)
        or document.get("schema") != BASELINE_SCHEMA
        or document.get("schema_version") != BASELINE_SCHEMA_VERSION
    ):
        raise ValueError(
            f"{str(source)!r} is not a version {BASELINE_SCHEMA_VERSION} {BASELINE_SCHEMA} file; "
            f"{remedy}"
        )
    return document


def write_baseline(path: str | Path, report: Mapping[str, Any]) -> Path:
    """Write the baseline for ``report`` to ``path`` atomically."""
    return write_json_atomic(path, baseline_from_report(report))


def check_against_baseline(report: Mapping[str, Any], baseline: Mapping[str, Any]) -> GateResult:
    """Compare every metric of ``baseline`` with ``report`` under the tolerance rule above."""
    problems = []
    current_hashes = {dataset["path"]: dataset["content_hash"] for dataset in report["datasets"]}
    for path, expected in baseline["datasets"].items():
        actual = current_hashes.get(path)
        if actual is not None and actual != expected:
            problems.append(
                f"the data at {path!r} changed since the baseline was made (content hash "
                f"{actual[:19]}… vs {expected[:19]}…); if the change is intended, refresh the "
                "baseline with --update-baseline and commit it together with the data"
            )
    if report["split"] != baseline["split"]:
        problems.append(
            f"the baseline was made on split {baseline['split']!r} but this run used "
            f"{report['split']!r}; run the same split"
        )
    current = gated_metrics(report)
    checks = []
    for key, stored in baseline["metrics"].items():
        reference = GatedMetric(
            value=stored["value"],
            low=stored["ci_low"],
            high=stored["ci_high"],
            higher_is_better=stored["higher_is_better"],
        )
        limit = (
            reference.value - reference.tolerance
            if reference.higher_is_better
            else (reference.value + reference.tolerance)
        )
        if key not in current:
            checks.append(
                Check(key, "missing", reference.value, None, limit, reference.higher_is_better)
            )
            continue
        value = current[key].value
        worse = value < limit if reference.higher_is_better else value > limit
        checks.append(
            Check(
                key,
                "regressed" if worse else "ok",
                reference.value,
                value,
                limit,
                reference.higher_is_better,
            )
        )
    for key, metric in current.items():
        if key not in baseline["metrics"]:
            checks.append(Check(key, "new", None, metric.value, None, metric.higher_is_better))
    notes = [
        f"model {result['model']['id']!r} is {result['model']['name']} now, "
        f"{baseline['models'][result['model']['id']]['name']} in the baseline"
        for result in report["results"]
        if result["model"]["id"] in baseline.get("models", {})
        and result["model"]["name"] != baseline["models"][result["model"]["id"]]["name"]
    ]
    return GateResult(checks=tuple(checks), problems=tuple(problems), notes=tuple(notes))


def format_gate(result: GateResult, *, baseline_path: str | Path) -> str:
    """A per-metric diff: baseline, current, change, the allowed limit and the verdict."""
    header = ("metric", "baseline", "current", "change", "allowed", "status")
    rows = []
    for check in sorted(
        result.checks, key=lambda c: (c.status == "ok", c.status == "new", c.metric)
    ):
        change = (
            f"{check.current - check.baseline:+.4f}"
            if check.current is not None and check.baseline is not None
            else "-"
        )
        allowed = (
            "-"
            if check.limit is None
            else f"{'>=' if check.higher_is_better else '<='} {check.limit:.4f}"
        )
        rows.append(
            (
                check.metric,
                _number(check.baseline),
                _number(check.current),
                change,
                allowed,
                check.status.upper() if check.status in ("regressed", "missing") else check.status,
            )
        )
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = [
        f"regression gate against {baseline_path} (a metric may fall to the worse end of the "
        "baseline's bootstrap interval, no further)",
        "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)).rstrip(),
    ]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines += [f"note: {note}" for note in result.notes]
    lines += [f"problem: {problem}" for problem in result.problems]
    failed = [c for c in result.checks if c.status in ("regressed", "missing")]
    if result.passed:
        lines.append(f"gate passed: {len(result.checks)} metric(s) within tolerance")
    else:
        lines.append(
            f"gate FAILED: {len(failed)} metric(s) regressed or missing, {len(result.problems)} problem(s)"
        )
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"
