"""The shape of a fixture corpus at a glance: counts by stance, kind, domain, mark style, ..."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from stance.records import KINDS, LABELS, Article
from stance.text import quote_mark_style


def corpus_stats(articles: Sequence[Article], *, splits: Mapping[str, str]) -> dict[str, Any]:
    """Count statements by stance, kind, domain, quotation-mark style, difficulty and split.

    ``splits`` maps article id to split name (empty when the corpus has no split file).
    """
    quotes = [(article, quote) for article in articles for quote in article.quotes]
    by_split: dict[str, Counter[str]] = {}
    for article in articles:
        split = splits.get(article.id, "unsplit")
        counts = by_split.setdefault(split, Counter())
        counts["articles"] += 1
        counts["statements"] += len(article.quotes)
        counts.update(quote.stance for quote in article.quotes if quote.stance)
    return {
        "articles": len(articles),
        "statements": len(quotes),
        "translated_articles": sum(article.translated for article in articles),
        "by_stance": _ordered(Counter(q.stance for _, q in quotes if q.stance), LABELS),
        "by_kind": _ordered(Counter(q.kind for _, q in quotes), KINDS),
        "by_domain": dict(Counter(a.domain or "unknown" for a, _ in quotes).most_common()),
        "by_quote_mark": dict(
            Counter(quote_mark_style(a.text, q.start) for a, q in quotes).most_common()
        ),
        "by_difficulty": {
            "hard": sum(q.hard for _, q in quotes),
            "easy": sum(not q.hard for _, q in quotes),
        },
        "by_split": {name: dict(counts) for name, counts in sorted(by_split.items())},
    }


def format_stats(stats: Mapping[str, Any]) -> str:
    """Render :func:`corpus_stats` as plain-text tables with shares of the total."""
    total = stats["statements"]
    lines = [
        f"articles: {stats['articles']}  (translated style: {stats['translated_articles']})",
        f"statements: {total}",
    ]
    for title in ("by_stance", "by_kind", "by_domain", "by_quote_mark", "by_difficulty"):
        lines.append("")
        lines.append(title.replace("_", " ") + ":")
        for name, count in stats[title].items():
            share = count / total if total else 0.0
            lines.append(f"  {name:<22} {count:>6}  {share:6.1%}")
    lines.append("")
    lines.append("by split:")
    header = ["articles", "statements", *LABELS]
    lines.append(f"  {'':<10}" + "".join(f"{name:>11}" for name in header))
    for split, counts in stats["by_split"].items():
        lines.append(f"  {split:<10}" + "".join(f"{counts.get(name, 0):>11}" for name in header))
    return "\n".join(lines)


def _ordered(counts: Counter[str], order: Sequence[str]) -> dict[str, int]:
    return {name: counts.get(name, 0) for name in order}
