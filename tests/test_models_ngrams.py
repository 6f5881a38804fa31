"""word_tfidf and char_tfidf compute what a fitted scikit-learn TfidfVectorizer computes, for a
whole batch."""

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


def _fitted(corpus: list[str], ngram_range: tuple[int, int], analyzer: str) -> TfidfVectorizer:
    # the token pattern is the word analyzer's only: scikit-learn warns when it is given to others
    pattern = {"token_pattern": TOKEN_PATTERN} if analyzer == "word" else {}
    vectorizer = TfidfVectorizer(
        analyzer=analyzer, ngram_range=ngram_range, sublinear_tf=True, dtype=np.float32, **pattern
    )
    return vectorizer.fit(corpus)


def _ours(vectorizer: TfidfVectorizer, texts: list[str]) -> np.ndarray:
    common = {
        "vocabulary": vectorizer.vocabulary_,
        "idf": vectorizer.idf_,
        "ngram_range": vectorizer.ngram_range,
    }
    if vectorizer.analyzer == "char_wb":
        return char_tfidf(texts, **common).toarray()
    return word_tfidf(texts, token_pattern=TOKEN_PATTERN, **common).toarray()


def _assert_matches_scikit_learn(
    corpus: list[str], texts: list[str], ngram_range: tuple[int, int], analyzer: str
) -> None:
    vectorizer = _fitted(corpus, ngram_range, analyzer)
    expected = vectorizer.transform(texts).toarray()
    np.testing.assert_allclose(_ours(vectorizer, texts), expected, rtol=1e-6)


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
    _assert_matches_scikit_learn(CORPUS, texts, ngram_range, "word")


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
    # the texts' own n-grams are known
    _assert_matches_scikit_learn([*CORPUS, *texts], texts, ngram_range, "word")


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
    _assert_matches_scikit_learn(CORPUS, texts, ngram_range, "char_wb")


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
    _assert_matches_scikit_learn([*CORPUS, *texts], texts, ngram_range, "char_wb")


def test_an_empty_batch_gives_no_rows() -> None:
    vectorizer = _fitted(CORPUS, (1, 2), "word")
    assert _ours(vectorizer, []).shape == (0, len(vectorizer.vocabulary_))
    characters = _fitted(CORPUS, (2, 3), "char_wb")
    assert _ours(characters, []).shape == (0, len(characters.vocabulary_))


def test_a_bad_ngram_range_is_refused() -> None:
    with pytest.raises(ValueError, match=r"ngram_range must be .* got \(2, 1\)"):
        word_tfidf(["x"], vocabulary={}, idf=np.ones(0), ngram_range=(2, 1), token_pattern=r"\w+")
    with pytest.raises(ValueError, match=r"ngram_range must be .* got \(0, 3\)"):
        char_tfidf(["x"], vocabulary={}, idf=np.ones(0), ngram_range=(0, 3))
