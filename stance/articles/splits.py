"""Assign articles to train/dev/test: by article, stratified by stance, deterministic per seed."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence

from stance.records import LABELS, Article

DEFAULT_SHARES: Mapping[str, float] = {"train": 0.70, "dev": 0.15, "test": 0.15}


def make_splits(
    articles: Sequence[Article],
    *,
    shares: Mapping[str, float] = DEFAULT_SHARES,
    seed: int = 0,
    keep: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """Return ``{split: [article ids]}`` with every article in exactly one split.

    Articles are shuffled with ``seed``, then each goes to the split whose stance counts are
    furthest below their target share of the corpus, so each split gets about its share of
    every stance and of the statements overall. ``keep`` (article id -> split) fixes the split of
    articles that already have one, so a growing corpus never moves an article between splits:
    only the new articles are placed, where they bring each split closest to its share.
    """
    if not articles:
        raise ValueError("make_splits needs at least one article; got none")
    if abs(sum(shares.values()) - 1.0) > 1e-9 or any(share < 0 for share in shares.values()):
        raise ValueError(f"split shares must be non-negative and sum to 1; got {dict(shares)}")
    keep = keep or {}
    unknown = sorted(set(keep.values()) - set(shares))
    if unknown:
        raise ValueError(
            f"kept splits {unknown} are not among the shares {sorted(shares)}; "
            "pass shares for every split the kept assignment uses"
        )
    totals: Counter[str | None] = Counter(q.stance for article in articles for q in article.quotes)
    filled: dict[str, Counter[str | None]] = {name: Counter() for name in shares}
    assignment: dict[str, list[str]] = {name: [] for name in shares}
    for article in articles:
        if article.id in keep:
            filled[keep[article.id]].update(quote.stance for quote in article.quotes)
            assignment[keep[article.id]].append(article.id)

    order = sorted((a for a in articles if a.id not in keep), key=lambda article: article.id)
    random.Random(seed).shuffle(order)
    # Place the articles with the most statements first, while every split still has room.
    order.sort(key=lambda article: len(article.quotes), reverse=True)
    for article in order:
        counts: Counter[str | None] = Counter(quote.stance for quote in article.quotes)
        best = max(shares, key=lambda name: _deficit(name, counts, filled, totals, shares))
        filled[best].update(counts)
        assignment[best].append(article.id)
    return {name: sorted(ids) for name, ids in assignment.items()}


def _deficit(
    name: str,
    counts: Counter[str | None],
    filled: Mapping[str, Counter[str | None]],
    totals: Counter[str | None],
    shares: Mapping[str, float],
) -> float:
    """How far ``name`` is below its share, weighted by the stances this article brings."""
    gap = 0.0
    for label in LABELS:
        if counts[label] and totals[label]:
            target = shares[name] * totals[label]
            gap += counts[label] * (target - filled[name][label]) / totals[label]
    return gap
