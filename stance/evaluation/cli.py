"""The ``stance eval`` and ``stance bench`` subcommands (registered in :mod:`stance.cli`).

Exit codes of ``stance eval``: 0 when everything ran (and the gate, if asked for, passed);
1 when the regression gate failed; 2 when the inputs are wrong (the message says how to fix).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

from stance.articles.fixtures import SPLITS

DEFAULT_BENCHMARKS = Path("eval") / "benchmarks"


def add_eval_command(commands: Any) -> None:
    """Register ``stance eval`` on an ``add_subparsers()`` object."""
    parser = commands.add_parser(
        "eval",
        help="score models on fixtures: intervals, slices, errors, reports, regression gate",
        description=(
            "Score stance models on labelled fixtures. Without --model, every registered model "
            "is evaluated. A fixture folder without splits.json counts as all test data."
        ),
    )
    parser.add_argument(
        "--fixtures",
        action="append",
        metavar="PATH",
        help="a fixture .json/.jsonl file or folder (repeat for several sets)",
    )
    parser.add_argument(
        "--model",
        action="append",
        metavar="NAME_OR_PATH",
        help="a registered model name or a saved model folder (repeat; default: all registered)",
    )
    parser.add_argument(
        "--split", choices=list(SPLITS), help="which split to score (default: test)"
    )
    parser.add_argument("--json-out", metavar="FILE", help="write the full JSON report here")
    parser.add_argument(
        "--suite", metavar="NAME", help="read models, data and sections from eval/suites/NAME.toml"
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="fail (exit 1) when a metric regresses past this baseline",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="write this run's scores to the --baseline file instead of checking them",
    )
    parser.add_argument(
        "--report-dir",
        metavar="DIR",
        help="write report.md with confusion and reliability PNGs here",
    )
    parser.add_argument("--seed", type=int, help="bootstrap seed (default: the suite's, or 0)")
    parser.add_argument(
        "--resamples", type=int, help="article-bootstrap resamples (default: the suite's, or 1000)"
    )
    parser.add_argument(
        "--cv",
        type=int,
        metavar="K",
        help="grouped K-fold cross-validation by article: train fresh models (by name) per fold",
    )
    parser.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    parser.set_defaults(handler=run_eval)


def add_bench_command(commands: Any) -> None:
    """Register ``stance bench`` on an ``add_subparsers()`` object."""
    parser = commands.add_parser(
        "bench",
        help="run the pytest-benchmark suites in eval/benchmarks and save their JSON",
        description=(
            "Run the benchmark suites with pytest-benchmark. Each run is saved under .benchmarks/ "
            "so that a later run can --compare against it."
        ),
    )
    parser.add_argument(
        "path", nargs="?", default=str(DEFAULT_BENCHMARKS), help="benchmark folder or file"
    )
    parser.add_argument(
        "--json-out", metavar="FILE", help="also write pytest-benchmark's JSON here"
    )
    parser.add_argument(
        "--compare",
        nargs="?",
        const="",
        metavar="RUN",
        help="compare with a saved run (default: the latest one), as --benchmark-compare does",
    )
    parser.add_argument(
        "-k",
        dest="keyword",
        metavar="EXPR",
        help="only benchmarks matching this pytest -k expression",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="run every benchmark body once without timing (what CI does so the suites cannot rot)",
    )
    parser.set_defaults(handler=run_bench)


def run_eval(args: argparse.Namespace) -> int:
    """Handle ``stance eval``."""
    from stance.evaluation.bootstrap import DEFAULT_RESAMPLES
    from stance.evaluation.gate import read_baseline
    from stance.evaluation.runner import SECTIONS, Settings, evaluate
    from stance.evaluation.suites import load_suite

    try:
        suite = load_suite(args.suite) if args.suite else None
    except (FileNotFoundError, ValueError) as error:
        return _usage_error(str(error))
    fixtures = args.fixtures or (list(suite.fixtures) if suite else [])
    if not fixtures:
        return _usage_error("no data to score: pass --fixtures PATH (repeatable) or --suite NAME")
    if args.update_baseline and not args.baseline:
        return _usage_error("--update-baseline needs --baseline FILE: the file to write")
    models = args.model or (list(suite.models) if suite and suite.models else _registered_models())
    split = args.split or (suite.split if suite else "test")
    seed = args.seed if args.seed is not None else (suite.seed if suite else 0)
    if args.cv is not None:
        if args.baseline or args.report_dir:
            return _usage_error("--cv reports fold scores only; drop --baseline and --report-dir")
        return _run_cross_validation(args, models, fixtures, split, seed)
    try:
        # Read the baseline first: a broken one should fail before a long run, not after it.
        baseline = (
            read_baseline(args.baseline) if args.baseline and not args.update_baseline else None
        )
        settings = Settings(
            split=split,
            seed=seed,
            resamples=args.resamples or (suite.resamples if suite else DEFAULT_RESAMPLES),
            sections=suite.sections if suite else SECTIONS,
        )
        report = evaluate(
            models=models,
            fixtures=fixtures,
            settings=settings,
            suite=suite.name if suite else None,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    except (FileNotFoundError, KeyError, ValueError) as error:
        return _usage_error(str(error.args[0]) if isinstance(error, KeyError) else str(error))
    return _write_outputs(args, report, baseline)


def _write_outputs(
    args: argparse.Namespace, report: dict[str, Any], baseline: dict[str, Any] | None
) -> int:
    from stance._io import write_json_atomic
    from stance.evaluation.gate import check_against_baseline, format_gate, write_baseline
    from stance.evaluation.report import format_report, write_markdown_report

    print(format_report(report))
    if args.json_out:
        print(f"\nwrote the JSON report to {write_json_atomic(args.json_out, report)}")
    if args.report_dir:
        print(f"wrote the Markdown report to {write_markdown_report(report, args.report_dir)}")
    if args.update_baseline:
        print(f"wrote the baseline {write_baseline(args.baseline, report)}")
        return 0
    if baseline is None:
        return 0
    result = check_against_baseline(report, baseline)
    print()
    print(format_gate(result, baseline_path=args.baseline))
    return 0 if result.passed else 1


def _run_cross_validation(
    args: argparse.Namespace, models: list[str], fixtures: list[str], split: str, seed: int
) -> int:
    from stance._io import write_json_atomic
    from stance.articles.fixtures import read_fixtures
    from stance.evaluation.bootstrap import DEFAULT_RESAMPLES
    from stance.evaluation.crossval import cross_validate
    from stance.models import create

    results = []
    try:
        for path in fixtures:
            articles = read_fixtures(path, split=split)  # type: ignore[arg-type]
            for name in models:
                summary = cross_validate(
                    create(name),
                    articles,
                    folds=args.cv,
                    seed=seed,
                    resamples=args.resamples or DEFAULT_RESAMPLES,
                )
                intervals = summary["intervals"]
                print(
                    f"{name} on {path} ({args.cv}-fold by article): macro-F1 per fold "
                    f"{summary['macro_f1_mean']:.3f} ± {summary['macro_f1_std']:.3f}; pooled "
                    f"macro-F1 {intervals['macro_f1']['value']:.3f} "
                    f"[{intervals['macro_f1']['ci_low']:.3f}, {intervals['macro_f1']['ci_high']:.3f}], "
                    f"accuracy {intervals['accuracy']['value']:.3f}"
                )
                results.append({"model": name, "dataset": path, "split": split, **summary})
    except (FileNotFoundError, KeyError, ValueError) as error:
        return _usage_error(str(error.args[0]) if isinstance(error, KeyError) else str(error))
    if args.json_out:
        write_json_atomic(
            args.json_out, {"cross_validation": results, "folds": args.cv, "seed": seed}
        )
        print(f"wrote {args.json_out}")
    return 0


def _registered_models() -> list[str]:
    from stance.models import available

    return list(available())


def run_bench(args: argparse.Namespace) -> int:
    """Handle ``stance bench``: run pytest-benchmark in a child process; return its exit code."""
    command = [sys.executable, "-m", "pytest", args.path, "-p", "no:cacheprovider", "-q"]
    if args.smoke:
        command.append("--benchmark-disable")
    else:
        command += ["--benchmark-only", "--benchmark-autosave"]
        if args.json_out:
            command.append(f"--benchmark-json={args.json_out}")
        if args.compare is not None:
            command.append(
                f"--benchmark-compare={args.compare}" if args.compare else "--benchmark-compare"
            )
    if args.keyword:
        command += ["-k", args.keyword]
    print("running:", " ".join(command), file=sys.stderr)
    return subprocess.run(command, check=False).returncode


def _usage_error(message: str) -> int:
    print(f"stance eval: error: {message}", file=sys.stderr)
    return 2
