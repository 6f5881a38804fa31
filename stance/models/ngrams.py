"""TF-IDF of n-grams for a whole batch at once: what a fitted ``TfidfVectorizer`` computes.

scikit-learn's ``transform`` walks the texts one by one in Python and pays for an exception on
every n-gram outside the vocabulary, and the ``tfidf-*`` models spend most of their prediction
time there. :func:`word_tfidf` tokenises the batch in one regular-expression pass and looks the
n-grams up with C-level ``map``; :func:`char_tfidf` computes each distinct word's character
n-grams once per batch. The results are the same matrices (the tests compare them with
scikit-learn's on arbitrary text). Fitting still uses scikit-learn: only the transform is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import repeat

import numpy as np
from scipy import sparse

# Joins the texts of a batch. It is not a word character, so no token crosses it; the tokenizer
# returns it as a token of its own, which marks where the next text starts and which no n-gram
# in a vocabulary can contain.
_BOUNDARY = "\x00"


def word_tfidf(
    texts: Sequence[str],
    *,
    vocabulary: Mapping[str, int],
    idf: np.ndarray,
    ngram_range: tuple[int, int],
    token_pattern: str,
) -> sparse.csr_matrix:
    """One L2-normalised row per text: sublinear term frequency times ``idf`` of each n-gram.

    Matches ``TfidfVectorizer(lowercase=True, sublinear_tf=True, norm="l2", dtype=float32)``
    with the same vocabulary, idf, n-gram range and (group-free) token pattern.
    """
    min_n, max_n = _checked(ngram_range)
    joined = _BOUNDARY.join(texts)
    if joined.count(_BOUNDARY) != max(len(texts) - 1, 0):
        # A boundary character inside a text: a space splits tokens exactly as it does.
        joined = _BOUNDARY.join(text.replace(_BOUNDARY, " ") for text in texts)
    tokenize = re.compile(f"{token_pattern}|{_BOUNDARY}").findall
    tokens = tokenize(joined.lower())
    # the row of each token: how many boundaries came before it
    is_boundary = np.fromiter(map(_BOUNDARY.__eq__, tokens), dtype=np.int32, count=len(tokens))
    rows_of_tokens = np.cumsum(is_boundary, dtype=np.int32)
    rows, columns = [], []
    for n in range(min_n, max_n + 1):
        if n == 1:
            grams = tokens
        else:
            # An n-gram spanning a boundary contains it, so it is never in the vocabulary. The
            # shifted copies differ in length on purpose: zip stops at the last whole n-gram.
            shifted = [tokens[k:] for k in range(n)]
            grams = list(map(" ".join, zip(*shifted, strict=False)))
        found = np.fromiter(
            map(vocabulary.get, grams, repeat(-1)), dtype=np.int32, count=len(grams)
        )
        known = found >= 0
        rows.append(rows_of_tokens[: len(grams)][known])
        columns.append(found[known])
    return _tfidf(np.concatenate(rows), np.concatenate(columns), len(texts), idf)


def char_tfidf(
    texts: Sequence[str],
    *,
    vocabulary: Mapping[str, int],
    idf: np.ndarray,
    ngram_range: tuple[int, int],
) -> sparse.csr_matrix:
    """As :func:`word_tfidf`, for ``TfidfVectorizer(analyzer="char_wb")``: character n-grams
    inside each whitespace-separated word, padded with one space on either side."""
    min_n, max_n = _checked(ngram_range)
    known_grams: dict[str, list[int]] = {}  # a word's n-grams in the vocabulary, once per batch
    rows: list[int] = []
    columns: list[int] = []
    for row, text in enumerate(texts):
        for word in text.lower().split():
            found = known_grams.get(word)
            if found is None:
                found = [
                    vocabulary[gram]
                    for gram in _padded_char_grams(word, min_n, max_n)
                    if gram in vocabulary
                ]
                known_grams[word] = found
            columns.extend(found)
            rows.extend(repeat(row, len(found)))
    return _tfidf(
        np.asarray(rows, dtype=np.int32), np.asarray(columns, dtype=np.int32), len(texts), idf
    )


def _padded_char_grams(word: str, min_n: int, max_n: int) -> list[str]:
    """scikit-learn's ``char_wb`` n-grams of one word: a word shorter than an n-gram size gives
    itself, padded, once, and no longer n-grams."""
    padded = f" {word} "
    grams = []
    for n in range(min_n, max_n + 1):
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[start : start + n] for start in range(len(padded) - n + 1))
    return grams


def _tfidf(
    rows: np.ndarray, columns: np.ndarray, n_texts: int, idf: np.ndarray
) -> sparse.csr_matrix:
    """Counts at (row, column) as L2-normalised rows of sublinear tf times idf (float32)."""
    counts = sparse.csr_matrix(
        (np.ones(len(columns), dtype=np.float32), (rows, columns)), shape=(n_texts, len(idf))
    )
    counts.sum_duplicates()
    np.log(counts.data, out=counts.data)
    counts.data += 1.0
    counts.data *= idf.astype(np.float32)[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1), dtype=np.float32).ravel())
    norms[norms == 0] = 1.0  # a text with no known n-gram stays a row of zeros
    counts.data /= np.repeat(norms, np.diff(counts.indptr))
    return counts


def _checked(ngram_range: tuple[int, int]) -> tuple[int, int]:
    min_n, max_n = ngram_range
    if not 1 <= min_n <= max_n:
        raise ValueError(
            f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n; got {ngram_range}"
        )
    return min_n, max_n
