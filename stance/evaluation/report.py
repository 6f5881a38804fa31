"""Render a report (the dict from :func:`stance.evaluation.evaluate`) for people.

:func:`format_report` gives the terminal tables; :func:`write_markdown_report` writes a Markdown
page with a confusion-matrix heatmap and a reliability diagram per model and dataset (PNG,
drawn with matplotlib's Agg canvas, imported only here). Every file is written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stance._io import write_atomic, write_text_atomic
from stance._optional import require
from stance.records import KINDS, LABELS

REPORT_FILE = "report.md"
_TOP_ERRORS_IN_TABLE = 5
_TOP_ERRORS_IN_MARKDOWN = 20


def format_report(report: Mapping[str, Any]) -> str:
    """The report as plain-text tables: scores, calibration, extraction, tests, slices, errors."""
    return "\n\n".join(section for section in _sections(report, markdown=False) if section)


def write_markdown_report(report: Mapping[str, Any], directory: str | Path) -> Path:
    """Write ``report.md`` and its PNG figures into ``directory``; return the Markdown path."""
    folder = Path(directory)
    figures = []
    for result in report["results"]:
        stem = f"{_slug(result['model']['id'])}--{_slug(result['dataset'])}"
        title = f"{result['model']['id']} on {result['dataset']}"
        confusion_png = folder / f"confusion--{stem}.png"
        _plot_confusion(
            result["stance"]["confusion"], result["stance"]["labels"], title, confusion_png
        )
        figure = f"### {title}\n\n![confusion matrix, {title}]({confusion_png.name})"
        if "calibration" in result:
            reliability_png = folder / f"reliability--{stem}.png"
            _plot_reliability(result["calibration"], title, reliability_png)
            figure += f" ![reliability diagram, {title}]({reliability_png.name})"
        figures.append(figure)
    body = "\n\n".join(section for section in _sections(report, markdown=True) if section)
    text = f"{_markdown_header(report)}\n\n{body}\n\n## Figures\n\n" + "\n\n".join(figures) + "\n"
    return write_text_atomic(folder / REPORT_FILE, text)


# -- tables ---------------------------------------------------------------------------------


def _sections(report: Mapping[str, Any], *, markdown: bool) -> list[str]:
    return [
        _stance_table(report, markdown),
        _extraction_table(report, markdown),
        _end_to_end_table(report, markdown),
        _comparison_table(report, markdown),
        _behaviour_table(report, markdown),
        _slice_tables(report, markdown),
        _error_tables(report, markdown),
    ]


def _stance_table(report: Mapping[str, Any], markdown: bool) -> str:
    settings = report["settings"]
    share = f"{settings['confidence']:.0%}"
    title = (
        f"Stance on gold quotes, split {report['split']!r} ({share} intervals from "
        f"{settings['resamples']} article resamples)"
    )
    header = [
        "model",
        "data",
        "quotes",
        "accuracy",
        "macro-F1",
        *(f"F1 {label}" for label in LABELS),
    ]
    header += ["ECE", "quotes/s"]
    rows = []
    for result in report["results"]:
        stance = result["stance"]
        intervals = stance["intervals"]
        calibration = result.get("calibration")
        rows.append(
            [
                result["model"]["id"],
                result["dataset"],
                str(result["quotes"]),
                _with_interval(intervals["accuracy"]),
                _with_interval(intervals["macro_f1"]),
                *(f"{stance['per_class'][label]['f1']:.3f}" for label in LABELS),
                _with_interval(calibration["ece"]) if calibration else "-",
                _rate(result["timings"]["quotes_per_s"]),
            ]
        )
    return _table(title, header, rows, markdown)


def _extraction_table(report: Mapping[str, Any], markdown: bool) -> str:
    rows = []
    header = ["data", "threshold", "precision", "recall", "F1"]
    header += [f"{kind} P/R" for kind in KINDS] + [
        "speaker strict",
        "speaker lenient",
        "articles/s",
    ]
    for dataset in report["datasets"]:
        extraction = dataset.get("extraction", {})
        for threshold, scores in extraction.get("thresholds", {}).items():
            per_kind = scores["per_kind"]
            rows.append(
                [
                    dataset["path"],
                    threshold,
                    f"{scores['precision']:.3f}",
                    f"{scores['recall']:.3f}",
                    _with_interval(scores["f1_interval"]),
                    *(
                        f"{per_kind[kind]['precision']:.3f}/{per_kind[kind]['recall']:.3f}"
                        for kind in KINDS
                    ),
                    f"{scores['speaker_strict']:.3f}",
                    f"{scores['speaker_lenient']:.3f}",
                    _rate(extraction["timings"]["articles_per_s"]),
                ]
            )
    title = (
        "Quote extraction (a prediction matches a gold quote covering at least the threshold's "
        "share of its characters; per kind: precision by predicted kind, recall by gold kind)"
    )
    return _table(title, header, rows, markdown) if rows else ""


def _end_to_end_table(report: Mapping[str, Any], markdown: bool) -> str:
    header = ["model", "data", "threshold", "precision", "recall", "F1"]
    rows = []
    for result in report["results"]:
        for threshold, scores in result.get("end_to_end", {}).get("thresholds", {}).items():
            rows.append(
                [
                    result["model"]["id"],
                    result["dataset"],
                    threshold,
                    f"{scores['precision']:.3f}",
                    f"{scores['recall']:.3f}",
                    _with_interval(scores["f1_interval"]),
                ]
            )
    title = (
        "End to end (extract, classify, match: a statement counts if found and correctly labelled)"
    )
    return _table(title, header, rows, markdown) if rows else ""


def _comparison_table(report: Mapping[str, Any], markdown: bool) -> str:
    header = [
        "data",
        "A",
        "B",
        "Δ accuracy [CI] p",
        "Δ macro-F1 [CI] p",
        "McNemar (A only / B only) p",
    ]
    rows = []
    for comparison in report.get("comparisons", []):
        tests = comparison["paired_bootstrap"]
        mcnemar = comparison["mcnemar"]
        rows.append(
            [
                comparison["dataset"],
                comparison["model_a"],
                comparison["model_b"],
                *(
                    f"{tests[m]['difference']:+.3f} [{tests[m]['ci_low']:+.3f}, {tests[m]['ci_high']:+.3f}] "
                    f"p={tests[m]['p_value']:.3f}"
                    for m in ("accuracy", "macro_f1")
                ),
                f"{mcnemar['only_a_correct']} / {mcnemar['only_b_correct']} p={mcnemar['p_value']:.3f}",
            ]
        )
    title = "Paired tests (A minus B on the same quotes; paired article bootstrap, McNemar exact)"
    return _table(title, header, rows, markdown) if rows else ""


def _behaviour_table(report: Mapping[str, Any], markdown: bool) -> str:
    behaviour = report.get("behaviour", {})
    if not behaviour:
        return ""
    test_names = list(next(iter(behaviour.values()))["tests"])
    header = ["model", *test_names]
    rows = [
        [
            model_id,
            *(
                f"{result['tests'][name]['pass_rate']:.0%} ({result['tests'][name]['passed']}/"
                f"{result['tests'][name]['cases']})"
                for name in test_names
            ),
        ]
        for model_id, result in behaviour.items()
    ]
    return _table("Behavioural tests (CheckList-style pass rates)", header, rows, markdown)


def _slice_tables(report: Mapping[str, Any], markdown: bool) -> str:
    results = [result for result in report["results"] if "slices" in result]
    if not results:
        return ""
    tables = []
    for dataset in dict.fromkeys(result["dataset"] for result in results):
        chosen = [result for result in results if result["dataset"] == dataset]
        header = ["slice", "value", "quotes", "articles"]
        header += [result["model"]["id"] for result in chosen]
        rows = []
        for slice_name, values in chosen[0]["slices"].items():
            for value, first in values.items():
                accuracies = [result["slices"][slice_name][value]["accuracy"] for result in chosen]
                counts = [str(first["quotes"]), str(first["articles"])]
                rows.append([slice_name, value, *counts, *map(_with_interval, accuracies)])
        title = (
            f"Accuracy by slice on {dataset} (a slice from one article has no spread to resample)"
        )
        tables.append(_table(title, header, rows, markdown))
    return "\n\n".join(tables)


def _error_tables(report: Mapping[str, Any], markdown: bool) -> str:
    limit = _TOP_ERRORS_IN_MARKDOWN if markdown else _TOP_ERRORS_IN_TABLE
    tables = []
    for result in report["results"]:
        errors = result.get("errors")
        if errors is None:
            continue
        header = ["conf", "gold", "predicted", "article", "quote"]
        rows = [
            [
                f"{error['confidence']:.2f}",
                error["gold"],
                error["predicted"],
                str(error["article_id"]),
                _shorten(error["text"], 70),
            ]
            for error in errors[:limit]
        ]
        title = (
            f"Most confident mistakes of {result['model']['id']} on {result['dataset']} "
            f"({len(errors)} misclassified; the JSON report lists all)"
        )
        tables.append(_table(title, header, rows, markdown))
    return "\n\n".join(tables)


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> str:
    if markdown:
        lines = [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += [
            "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows
        ]
        return "\n".join(lines)
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [
        title,
        "  ".join(f"{cell:<{width}}" for cell, width in zip(header, widths, strict=True)),
    ]
    lines.append("  ".join("-" * width for width in widths))
    lines += [
        "  ".join(f"{cell:<{width}}" for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _markdown_header(report: Mapping[str, Any]) -> str:
    environment = report["environment"]
    datasets = ", ".join(
        f"`{d['path']}` ({d['articles']} articles, {d['quotes']} quotes, {d['content_hash'][:19]}…)"
        for d in report["datasets"]
    )
    commit = environment.get("git_commit") or "unknown"
    dirty = " (with uncommitted changes)" if environment.get("git_dirty") else ""
    return "\n".join(
        [
            f"# Evaluation report{': suite ' + report['suite'] if report.get('suite') else ''}",
            "",
            f"- created {report['created']}, split `{report['split']}`, seed {report['settings']['seed']}",
            f"- data: {datasets}",
            f"- commit `{commit}`{dirty}; Python {environment['python']}; "
            + ", ".join(f"{name} {version}" for name, version in environment["packages"].items()),
            f"- total time {report['timings']['total_s']:.1f} s",
        ]
    )


def _with_interval(interval: Mapping[str, float]) -> str:
    return f"{interval['value']:.3f} [{interval['ci_low']:.3f}, {interval['ci_high']:.3f}]"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-.") or "x"


# -- figures --------------------------------------------------------------------------------


def _figure(width: float, height: float) -> Any:
    # The Figure API with an explicit Agg canvas: no pyplot, no global backend, no display.
    figure_module = require("matplotlib.figure", purpose="the Markdown report's figures")
    agg = require("matplotlib.backends.backend_agg", purpose="the Markdown report's figures")
    figure = figure_module.Figure(figsize=(width, height), dpi=100)
    agg.FigureCanvasAgg(figure)
    return figure


def _plot_confusion(
    confusion: Sequence[Sequence[int]], labels: Sequence[str], title: str, path: Path
) -> None:
    figure = _figure(5.0, 4.4)
    axes = figure.add_subplot()
    image = axes.imshow(confusion, cmap="Blues")
    figure.colorbar(image, ax=axes)
    axes.set_xticks(range(len(labels)), labels, rotation=30)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("gold")
    axes.set_title(f"Confusion matrix\n{title}", fontsize=9)
    peak = max(max(row) for row in confusion) or 1
    for row, counts in enumerate(confusion):
        for column, count in enumerate(counts):
            colour = "white" if count > peak / 2 else "black"
            axes.text(column, row, str(count), ha="center", va="center", color=colour)
    figure.tight_layout()
    write_atomic(path, lambda temporary: figure.savefig(temporary, format="png"))


def _plot_reliability(calibration: Mapping[str, Any], title: str, path: Path) -> None:
    bins = calibration["bins"]
    edges = bins["edges"]
    width = edges[1] - edges[0]
    figure = _figure(5.0, 4.4)
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    filled = [i for i, accuracy in enumerate(bins["accuracy"]) if accuracy is not None]
    axes.bar(
        [edges[i] for i in filled],
        [bins["accuracy"][i] for i in filled],
        width=width,
        align="edge",
        edgecolor="black",
        alpha=0.7,
        label="accuracy in bin",
    )
    axes.plot(
        [bins["mean_confidence"][i] for i in filled],
        [bins["accuracy"][i] for i in filled],
        marker="o",
        color="darkred",
        label="(mean confidence, accuracy)",
    )
    for i in filled:
        axes.text(edges[i] + width / 2, 0.02, str(bins["count"][i]), ha="center", fontsize=7)
    ece = calibration["ece"]
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_xlabel("confidence (probability of the predicted label)")
    axes.set_ylabel("accuracy")
    axes.set_title(f"Reliability, ECE {ece['value']:.3f}\n{title}", fontsize=9)
    axes.legend(loc="upper left", fontsize=7)
    figure.tight_layout()
    write_atomic(path, lambda temporary: figure.savefig(temporary, format="png"))
