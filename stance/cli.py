"""The ``stance`` command line. Every subcommand is registered in :func:`build_parser`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from stance._io import write_text_atomic
from stance.articles.fixtures import article_splits, read_fixtures, validate_fixtures
from stance.articles.splits import make_splits
from stance.articles.stats import corpus_stats, format_stats
from stance.records import Quote


def build_parser() -> argparse.ArgumentParser:
    """The ``stance`` parser with every subcommand; each sets ``handler`` to the function it runs."""
    parser = argparse.ArgumentParser(
        prog="stance",
        description="Find quoted statements in news articles, their speakers and their stance.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="print every quote in an article with its stance")
    analyze.add_argument("file", help="a UTF-8 text file with the article, or - for standard input")
    analyze.add_argument(
        "--model", default=None, help="a registered model name or a saved model folder"
    )
    analyze.add_argument("--json", action="store_true", help="print one JSON object per quote")
    analyze.set_defaults(handler=_run_analyze)

    fixtures = commands.add_parser("fixtures", help="check and describe labelled fixture articles")
    fixture_commands = fixtures.add_subparsers(
        dest="fixtures_command", required=True, metavar="ACTION"
    )
    validate = fixture_commands.add_parser("validate", help="report every problem in the fixtures")
    validate.add_argument(
        "paths", nargs="+", help="a .json or .jsonl file, or a folder of .json files"
    )
    validate.set_defaults(handler=_run_validate)
    stats = fixture_commands.add_parser(
        "stats", help="count statements by stance, kind, domain, ..."
    )
    stats.add_argument("path", help="a .json or .jsonl file, or a folder of .json files")
    stats.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    stats.set_defaults(handler=_run_stats)
    split = fixture_commands.add_parser(
        "split", help="assign articles to train/dev/test, by article and stratified by stance"
    )
    split.add_argument("path", help="a folder (or file) of fixture articles")
    split.add_argument("--seed", type=int, default=0, help="shuffle seed (default 0)")
    split.add_argument("--out", help="write the splits here (never over an existing file)")
    split.add_argument(
        "--keep",
        metavar="SPLITS_FILE",
        help="keep every article's split from this file and place only the articles it lacks",
    )
    split.set_defaults(handler=_run_split)

    # Imported when the parser is built, not with this module: the evaluation package pulls in
    # numpy, and importing stance.cli (e.g. for main() in a test) should stay light.
    from stance.evaluation.cli import add_bench_command, add_eval_command
    from stance.models.training import add_train_command

    add_train_command(commands)
    add_eval_command(commands)
    add_bench_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.handler(args)
    return code


def _run_analyze(args: argparse.Namespace) -> int:
    from stance.models import DEFAULT_MODEL
    from stance.pipeline import analyze

    text = _read_article(args.file)
    quotes = analyze(text, model=args.model or DEFAULT_MODEL)
    if args.json:
        for quote in quotes:
            print(json.dumps(_quote_json(quote), ensure_ascii=False))
    else:
        print(_quote_table(quotes))
    return 0


def _read_article(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SystemExit(
            f"stance analyze: no such file {file!r}; pass a text file or - for stdin"
        ) from None
    except UnicodeDecodeError as error:
        raise SystemExit(
            f"stance analyze: {file!r} is not UTF-8 (byte {error.start}); convert it to UTF-8 first"
        ) from None


def _quote_json(quote: Quote) -> dict[str, object]:
    keys = ("speaker", "stance", "confidence", "kind", "cue", "target", "start", "end", "text")
    return {key: getattr(quote, key) for key in keys}


def _quote_table(quotes: Sequence[Quote], width: int = 70) -> str:
    if not quotes:
        return "no quoted statements found"
    speaker_width = max(len("speaker"), *(len(q.speaker or "?") for q in quotes))
    rows = [f"{'speaker':<{speaker_width}}  {'stance':<8} {'conf':>5}  quote"]
    for quote in quotes:
        shown = quote.text if len(quote.text) <= width else quote.text[: width - 1] + "…"
        confidence = f"{quote.confidence:.2f}" if quote.confidence is not None else "-"
        rows.append(
            f"{quote.speaker or '?':<{speaker_width}}  {quote.stance or '-':<8} {confidence:>5}  {shown}"
        )
    return "\n".join(rows)


def _run_validate(args: argparse.Namespace) -> int:
    problems = [problem for path in args.paths for problem in _validate_path(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            f"{len(problems)} problem(s) found; the fixture files were not changed", file=sys.stderr
        )
        return 1
    articles = sum(len(read_fixtures(path)) for path in args.paths)
    print(f"ok: {articles} article(s) valid")
    return 0


def _validate_path(path: str) -> list[object]:
    try:
        return list(validate_fixtures(path))
    except (FileNotFoundError, ValueError) as error:
        return [f"{path}: {error}"]


def _run_stats(args: argparse.Namespace) -> int:
    stats = corpus_stats(read_fixtures(args.path), splits=article_splits(args.path))
    print(json.dumps(stats, indent=2, ensure_ascii=False) if args.json else format_stats(stats))
    return 0


def _run_split(args: argparse.Namespace) -> int:
    keep = _kept_splits(args.keep) if args.keep else None
    splits = make_splits(read_fixtures(args.path), seed=args.seed, keep=keep)
    text = json.dumps(splits, indent=1, ensure_ascii=False) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        write_text_atomic(args.out, text, overwrite=False)
    except FileExistsError as error:
        print(f"stance fixtures split: {error}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: " + ", ".join(f"{name} {len(ids)}" for name, ids in splits.items()))
    return 0


def _kept_splits(file: str) -> dict[str, str]:
    """Read ``{"train": [ids], ...}`` as article id -> split name."""
    try:
        content = json.loads(Path(file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SystemExit(f"stance fixtures split: cannot read --keep {file!r}: {error}") from None
    if not isinstance(content, dict) or not all(isinstance(ids, list) for ids in content.values()):
        raise SystemExit(
            f"stance fixtures split: --keep {file!r} must map split names to lists of article ids"
        )
    return {article_id: name for name, ids in content.items() for article_id in ids}


if __name__ == "__main__":
    raise SystemExit(main())
