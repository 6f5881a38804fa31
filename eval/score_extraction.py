"""Print quote-extraction scores for a fixture path and split.

    python eval/score_extraction.py fixtures --split dev
    python eval/score_extraction.py fixtures/seed/us-ukraine-belgorod.json --split all --errors

Scores follow the harness's definition (:mod:`stance.evaluation.extraction`): a prediction
matches a gold quote when it covers at least a share t of its characters, one-to-one, best
overlap first; precision, recall and F1 per threshold and kind, and speaker accuracy on matches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from stance import extract_quotes, read_fixtures
from stance.articles import SPLITS
from stance.evaluation.extraction import extraction_scores, match_quotes, speakers_match
from stance.records import KINDS, Article, Quote


def main(argv: Sequence[str] | None = None) -> int:
    """Score ``extract_quotes`` on the fixtures and print one table per threshold."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a fixture file or folder")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument(
        "--errors", action="store_true", help="also list misses, false alarms and wrong speakers"
    )
    arguments = parser.parse_args(argv)
    articles = read_fixtures(arguments.path, split=arguments.split)
    if not articles:
        print(
            f"no articles in split {arguments.split!r} of {arguments.path}; pick another split "
            "(a folder without splits.json, or a single file, is all test data: --split all)",
            file=sys.stderr,
        )
        return 2
    predicted = [extract_quotes(article.text) for article in articles]
    scores = extraction_scores(gold=articles, predicted=predicted)
    gold_count = sum(len(article.quotes) for article in articles)
    print(f"{len(articles)} articles, {gold_count} gold quotes ({arguments.split})")
    for threshold, result in scores.thresholds.items():
        overall = result.overall
        print(
            f"t={threshold}: P={overall.precision:.3f} R={overall.recall:.3f} F1={overall.f1:.3f}"
            f"  speaker strict={result.speaker_strict:.3f} lenient={result.speaker_lenient:.3f}"
        )
        for kind in KINDS:
            part = result.per_kind[kind]
            print(
                f"    {kind:9} P={part.precision:.3f} R={part.recall:.3f} F1={part.f1:.3f}"
                f"  (gold {part.gold}, predicted {part.predicted})"
            )
    if arguments.errors:
        for article, quotes in zip(articles, predicted, strict=True):
            _print_errors(article, quotes)
    return 0


def _print_errors(article: Article, predicted: Sequence[Quote], threshold: float = 0.3) -> None:
    pairs = match_quotes(gold=article.quotes, predicted=predicted, threshold=threshold)
    matched_gold = {gold_index for gold_index, _ in pairs}
    matched_predicted = {predicted_index for _, predicted_index in pairs}
    for index, quote in enumerate(article.quotes):
        if index not in matched_gold:
            print(f"{article.id}: MISS {quote.kind} [{quote.speaker}] {quote.text!r}")
    for index, quote in enumerate(predicted):
        if index not in matched_predicted:
            print(f"{article.id}: FALSE {quote.kind} [{quote.speaker}] {quote.text!r}")
    for gold_index, predicted_index in pairs:
        gold, guess = article.quotes[gold_index], predicted[predicted_index]
        if not speakers_match(gold.speaker, guess.speaker):
            print(
                f"{article.id}: SPEAKER gold={gold.speaker!r} predicted={guess.speaker!r} "
                f"{gold.text[:60]!r}"
            )


if __name__ == "__main__":
    sys.exit(main())
