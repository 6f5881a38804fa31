"""Quotes out of articles: find each attributed statement, its speaker and its cue."""

from stance.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
