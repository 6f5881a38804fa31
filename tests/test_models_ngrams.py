"""word_tfidf computes what a fitted scikit-learn TfidfVectorizer computes, for a whole batch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from stance.models.ngrams import char_tfidf, word_tfidf

TOKEN_PATTERN = r"(?u)\b\w\w+\b|n't"
CORPUS = [
    "We did not order the strike and we never would.",
    "The ministry blamed the contractor for the delays.",
    "Residents don't trust the council's figures",
    "ΟΔΟΣ ΣΟΦΙΑΣ: the mayor's office denied it",
]


def _fitted(corpus: list[str], ngram_range: tuple[int, int]) -> TfidfVectorizer:
    vectorizer = TfidfVectorizer(
        token_pattern=TOKEN_PATTERN, ngram_range=ngram_range, sublinear_tf=True, dtype=np.float32
    )
    return vectorizer.fit(corpus)


def _ours(vectorizer: TfidfVectorizer, texts: list[str]) -> np.ndarray:
    matrix = word_tfidf(
        texts,
        vocabulary=vectorizer.vocabulary_,
        idf=vectorizer.idf_,
        ngram_range=vectorizer.ngram_range,
        token_pattern=TOKEN_PATTERN,
    )
    return matrix.toarray()


@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2), (2, 2), (1, 3)])
@pytest.mark.parametrize(
    "texts",
    [
        CORPUS,
        ["we did not", "order the strike"],  # a bigram across two texts must not count
        ["", "the the the delays", ""],  # empty texts and repeated terms
        ["nothing in the vocabulary: zebra quokka"],
        ["did\x00not order", "a\x00"],  # the batch's boundary character inside a text
        ["ΣΟΦΙΑΣ", "σοφιασ"],  # Greek final sigma lower-cases by position
    ],
)
def test_matches_scikit_learn(texts: list[str], ngram_range: tuple[int, int]) -> None:
    vectorizer = _fitted(CORPUS, ngram_range)
    expected = vectorizer.transform(texts).toarray()
    np.testing.assert_allclose(_ours(vectorizer, texts), expected, rtol=1e-6)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40), min_size=1, max_size=6
    ),
    ngram_range=st.sampled_from([(1, 1), (1, 2), (2, 3)]),
)
def test_matches_scikit_learn_on_arbitrary_text(
    texts: list[str], ngram_range: tuple[int, int]
) -> None:
    vectorizer = _fitted([*CORPUS, *texts], ngram_range)  # the texts' own n-grams are known
    expected = vectorizer.transform(texts).toarray()
    np.testing.assert_allclose(_ours(vectorizer, texts), expected, rtol=1e-6)


def _fitted_chars(corpus: list[str], ngram_range: tuple[int, int]) -> TfidfVectorizer:
    vectorizer = TfidfVectorizer(
        analyzer="char_wb", ngram_range=ngram_range, sublinear_tf=True, dtype=np.float32
    )
    return vectorizer.fit(corpus)


def _ours_chars(vectorizer: TfidfVectorizer, texts: list[str]) -> np.ndarray:
    matrix = char_tfidf(
        texts,
        vocabulary=vectorizer.vocabulary_,
        idf=vectorizer.idf_,
        ngram_range=vectorizer.ngram_range,
    )
    return matrix.toarray()


@pytest.mark.parametrize("ngram_range", [(1, 1), (2, 4), (3, 5), (4, 4)])
@pytest.mark.parametrize(
    "texts",
    [
        CORPUS,
        ["a", "to", "the", "door"],  # words shorter than, as long as and longer than an n-gram
        ["", "  spaced\tout\n\nwords  ", "repeat repeat repeat"],
        ["zebra quokka"],  # nothing in the vocabulary
        ["ΟΔΟΣ ΣΟΦΙΑΣ", "did\x00not"],
    ],
)
def test_character_ngrams_match_scikit_learn(
    texts: list[str], ngram_range: tuple[int, int]
) -> None:
    vectorizer = _fitted_chars(CORPUS, ngram_range)
    expected = vectorizer.transform(texts).toarray()
    np.testing.assert_allclose(_ours_chars(vectorizer, texts), expected, rtol=1e-6)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40), min_size=1, max_size=6
    ),
    ngram_range=st.sampled_from([(1, 2), (2, 4), (3, 5)]),
)
def test_character_ngrams_match_scikit_learn_on_arbitrary_text(
    texts: list[str], ngram_range: tuple[int, int]
) -> None:
    vectorizer = _fitted_chars([*CORPUS, *texts], ngram_range)
    expected = vectorizer.transform(texts).toarray()
    np.testing.assert_allclose(_ours_chars(vectorizer, texts), expected, rtol=1e-6)


def test_an_empty_batch_gives_no_rows() -> None:
    vectorizer = _fitted(CORPUS, (1, 2))
    assert _ours(vectorizer, []).shape == (0, len(vectorizer.vocabulary_))
    characters = _fitted_chars(CORPUS, (2, 3))
    assert _ours_chars(characters, []).shape == (0, len(characters.vocabulary_))


def test_a_bad_ngram_range_is_refused() -> None:
    with pytest.raises(ValueError, match=r"ngram_range must be .* got \(2, 1\)"):
        word_tfidf(["x"], vocabulary={}, idf=np.ones(0), ngram_range=(2, 1), token_pattern=r"\w+")
    with pytest.raises(ValueError, match=r"ngram_range must be .* got \(0, 3\)"):
        char_tfidf(["x"], vocabulary={}, idf=np.ones(0), ngram_range=(0, 3))
