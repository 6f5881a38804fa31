"""The evaluation harness behind ``stance eval``: metrics, intervals, reports, regression gate.

>>> from stance.evaluation import evaluate, format_report       # doctest: +SKIP
>>> report = evaluate(models=["rules"], fixtures=["fixtures"])  # doctest: +SKIP
>>> print(format_report(report))                                # doctest: +SKIP

Metric functions take keyword-only inputs and score in :data:`stance.LABELS` order; intervals
come from a bootstrap over articles, not quotes. Not imported by ``import stance``.
"""

from stance.evaluation.behaviour import load_checklist, run_checklist
from stance.evaluation.bootstrap import (
    Interval,
    McNemarTest,
    PairedTest,
    bootstrap_scores,
    mcnemar,
    paired_bootstrap,
)
from stance.evaluation.crossval import article_folds, cross_validate
from stance.evaluation.errors import misclassified
from stance.evaluation.extraction import (
    ExtractionScores,
    extraction_scores,
    match_quotes,
    normalize_speaker,
)
from stance.evaluation.gate import (
    GateResult,
    baseline_from_report,
    check_against_baseline,
    format_gate,
    read_baseline,
    write_baseline,
)
from stance.evaluation.metrics import (
    CalibrationBins,
    ClassificationScores,
    calibration_bins,
    classification_scores,
    confusion_matrix,
    expected_calibration_error,
)
from stance.evaluation.report import format_report, write_markdown_report
from stance.evaluation.runner import SECTIONS, Settings, content_hash, evaluate
from stance.evaluation.slices import SLICES
from stance.evaluation.suites import Suite, available_suites, load_suite

__all__ = [
    "SECTIONS",
    "SLICES",
    "CalibrationBins",
    "ClassificationScores",
    "ExtractionScores",
    "GateResult",
    "Interval",
    "McNemarTest",
    "PairedTest",
    "Settings",
    "Suite",
    "article_folds",
    "available_suites",
    "baseline_from_report",
    "bootstrap_scores",
    "calibration_bins",
    "check_against_baseline",
    "classification_scores",
    "confusion_matrix",
    "content_hash",
    "cross_validate",
    "evaluate",
    "expected_calibration_error",
    "extraction_scores",
    "format_gate",
    "format_report",
    "load_checklist",
    "load_suite",
    "match_quotes",
    "mcnemar",
    "misclassified",
    "normalize_speaker",
    "paired_bootstrap",
    "read_baseline",
    "run_checklist",
    "write_baseline",
    "write_markdown_report",
]
