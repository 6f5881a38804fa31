"""Inter-annotator agreement on the corpus's stance labels.

Usage: python eval/agreement/kappa.py [eval/agreement/second_pass.json]

The file records, for a sample of statements, the first annotator's label and a second
annotator's blind label (see its "description"). Prints raw agreement, Cohen's kappa and the
confusion between the two passes in stance.LABELS order.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

import stance

DEFAULT = Path(__file__).with_name("second_pass.json")


def main(path: Path) -> None:
    pairs = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    first = [pair["first_pass"] for pair in pairs]
    second = [pair["second_pass"] for pair in pairs]
    labels = list(stance.LABELS)
    agreement = sum(a == b for a, b in zip(first, second, strict=True)) / len(pairs)
    print(f"statements: {len(pairs)} from {len({pair['article_id'] for pair in pairs})} articles")
    print(f"raw agreement: {agreement:.3f}")
    print(f"Cohen's kappa: {cohen_kappa_score(first, second, labels=labels):.3f}")
    print(f"confusion (rows: first pass, columns: blind second pass), order {labels}")
    for label, row in zip(labels, confusion_matrix(first, second, labels=labels), strict=True):
        print(f"  {label:<8} {' '.join(f'{count:>4}' for count in row)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
