"""stance: find the quoted statements in a news article, who made them, and their stance.

>>> import stance
>>> quotes = stance.analyze(article_text, model="rules")   # doctest: +SKIP
>>> [(q.speaker, q.stance, q.text) for q in quotes]         # doctest: +SKIP

Importing this package is cheap: torch, transformers, datasets and scikit-learn are imported
only by the functions that need them.
"""

from stance.articles.fixtures import read_fixtures
from stance.models import load
from stance.pipeline import analyze
from stance.quotes import extract_quotes
from stance.records import KINDS, LABELS, Article, Quote

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "LABELS",
    "Article",
    "Quote",
    "__version__",
    "analyze",
    "extract_quotes",
    "load",
    "read_fixtures",
]
