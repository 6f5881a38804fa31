"""Agreement between the corpus labels and a blind second annotation of a sample.

Usage: python eval/agreement/kappa.py fixtures eval/agreement/second_pass.json

The second-pass file holds stance labels given blind (the annotator saw the article, the span,
its speaker and kind, but not the first label): {"labels": [{"article_id", "start", "end",
"stance"}, ...]}. Prints Cohen's kappa, raw agreement and the confusion between the two passes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

import stance


def main(fixtures: str, second_pass: str) -> None:
    gold = {
        (quote.article_id, quote.start, quote.end): quote.stance
        for article in stance.read_fixtures(fixtures)
        for quote in article.quotes
    }
    entries = json.loads(Path(second_pass).read_text(encoding="utf-8"))["labels"]
    missing = [e for e in entries if (e["article_id"], e["start"], e["end"]) not in gold]
    if missing:
        raise SystemExit(f"{len(missing)} second-pass labels match no fixture quote, e.g. {missing[0]}")
    first = [gold[(e["article_id"], e["start"], e["end"])] for e in entries]
    second = [e["stance"] for e in entries]
    labels = list(stance.LABELS)
    agreement = sum(a == b for a, b in zip(first, second, strict=True)) / len(entries)
    print(f"statements: {len(entries)} from {len({e['article_id'] for e in entries})} articles")
    print(f"raw agreement: {agreement:.3f}")
    print(f"Cohen's kappa: {cohen_kappa_score(first, second, labels=labels):.3f}")
    print("confusion (rows: corpus label, columns: blind second pass), order", labels)
    for label, row in zip(labels, confusion_matrix(first, second, labels=labels), strict=True):
        print(f"  {label:<8} {' '.join(f'{n:>4}' for n in row)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
