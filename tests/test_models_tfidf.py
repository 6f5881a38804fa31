"""The tfidf-* models' features: the batch transforms against scikit-learn's, and min_df."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from stance.models import create
from stance.models.rules import rule_feature_matrix
from stance.models.testing import synthetic_quotes
from stance.models.tfidf import _FIELDS, TfidfStanceModel

QUOTES, LABELS_OF_QUOTES = synthetic_quotes()


@pytest.mark.parametrize(
    "params",
    [{}, {"char_ngrams": (3, 5)}, {"context_ngrams": (1, 2), "char_ngrams": (2, 4)}],
)
def test_features_equal_scikit_learns_transform_of_every_field(params: dict[str, object]) -> None:
    model = create("tfidf-logreg", **params).fit(QUOTES, LABELS_OF_QUOTES)
    assert isinstance(model, TfidfStanceModel)
    quotes = QUOTES[:40]
    expected = sparse.hstack(
        [
            vectorizer.transform([_FIELDS[field](quote) for quote in quotes])
            for field, vectorizer in model.vectorizers_.items()
        ]
        + [sparse.csr_matrix(rule_feature_matrix(quotes))]
    )
    np.testing.assert_allclose(model._features(quotes).toarray(), expected.toarray(), rtol=1e-6)
    assert ("chars" in model.vectorizers_) == ("char_ngrams" in params)


def test_min_df_keeps_only_ngrams_of_several_training_quotes() -> None:
    everything = create("tfidf-logreg").fit(QUOTES, LABELS_OF_QUOTES)
    pruned = create("tfidf-logreg", min_df=2).fit(QUOTES, LABELS_OF_QUOTES)
    assert isinstance(everything, TfidfStanceModel)
    assert isinstance(pruned, TfidfStanceModel)
    full, kept = everything.vectorizers_["text"], pruned.vectorizers_["text"]
    assert set(kept.vocabulary_) < set(full.vocabulary_)
    counts = (full.transform([quote.text for quote in QUOTES]) > 0).sum(axis=0).A1
    rare = {term for term, index in full.vocabulary_.items() if counts[index] < 2}
    assert rare
    assert not rare & set(kept.vocabulary_)
