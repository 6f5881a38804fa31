"""Classical models: TF-IDF n-grams of the quote, its cue and its context, with a linear classifier.

Registered as ``tfidf-logreg`` (logistic regression) and ``tfidf-svm`` (linear SVM). Both are
class-balanced and temperature-calibrated on out-of-fold scores, and both predict with one sparse
matrix product, so prediction runs at tens of thousands of quotes a second (word n-grams are
counted for the whole batch at once, :mod:`stance.models.ngrams`).

Persistence: each vectorizer's vocabulary goes to ``vocabulary.json``; idf weights, coefficients,
intercepts and the temperature go to ``weights.npz``. Loading rebuilds the vectorizers from these.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from stance.models.base import StanceModel, load_arrays, read_json, save_arrays, write_json
from stance.models.calibration import label_indices
from stance.models.inputs import cue_text, masked_context, require_every_label
from stance.models.linear import LinearHead, fit_linear_head
from stance.models.ngrams import char_tfidf, word_tfidf
from stance.models.rules import RULES, rule_feature_matrix
from stance.records import Label, Quote

if TYPE_CHECKING:
    from collections.abc import Sequence

Classifier = Literal["logreg", "svm"]
CLASSIFIERS: tuple[Classifier, ...] = ("logreg", "svm")

# Words of two or more characters, plus the span mark and contractions' "n't", which carries
# negation ("didn't support" is a denial).
_TOKEN_PATTERN = r"(?u)\b\w\w+\b|n't"

# field name -> what it reads from a quote
_FIELDS: dict[str, Callable[[Quote], str]] = {
    "text": lambda quote: quote.text,
    "chars": lambda quote: quote.text,
    "context": masked_context,
    "cue": cue_text,
}


class TfidfStanceModel(StanceModel):
    """TF-IDF features of quote text, cue and masked context; a class-balanced linear classifier.

    Parameters
    ----------
    classifier:
        ``"logreg"`` (logistic regression) or ``"svm"`` (linear SVM).
    C:
        Inverse regularisation strength of the classifier.
    word_ngrams:
        ``(min_n, max_n)`` word n-grams of the quote text.
    char_ngrams:
        ``(min_n, max_n)`` character n-grams (inside word boundaries) of the quote text, or
        ``None`` for none: they carry word forms the training data never showed.
    use_context:
        Read the sentence around the quote (with the quote itself masked) as a field of its
        own: the frame ("denied …", "called the accusations …") often carries the stance of a
        partial quote.
    context_ngrams:
        ``(min_n, max_n)`` word n-grams of the context; single words score as well as pairs
        on grouped cross-validation and keep prediction fast.
    min_df:
        Keep only n-grams found in at least this many training quotes: rarer ones are mostly
        names and typos, and dropping them keeps the saved model small.
    rule_features:
        Add one binary feature per pattern of the ``rules`` model (cue verbs, negation,
        stance lexicons), which carries stance words the training data never showed.
    calibrate:
        Fit a softmax temperature on out-of-fold scores, so probabilities are calibrated.
    random_state:
        Seed for the cross-validation folds and the solver.
    """

    def __init__(
        self,
        *,
        classifier: Classifier = "logreg",
        C: float = 4.0,  # noqa: N803 (scikit-learn's name for it)
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] | None = None,
        use_context: bool = True,
        context_ngrams: tuple[int, int] = (1, 1),
        min_df: int = 1,
        rule_features: bool = True,
        calibrate: bool = True,
        random_state: int = 0,
    ) -> None:
        self.classifier = classifier
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.use_context = use_context
        self.context_ngrams = context_ngrams
        self.min_df = min_df
        self.rule_features = rule_features
        self.calibrate = calibrate
        self.random_state = random_state

    # -- preprocess ---------------------------------------------------------------------------

    def _fields(self) -> list[str]:
        fields = ["text", "cue"]
        if self.char_ngrams is not None:
            fields.append("chars")
        if self.use_context:
            fields.append("context")
        return fields

    def _vectorizer(self, field: str, vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
        common: dict[str, Any] = {
            "sublinear_tf": True,
            "dtype": np.float32,
            "vocabulary": vocabulary,
            "min_df": self.min_df,
        }
        if field == "chars":
            return TfidfVectorizer(
                analyzer="char_wb", ngram_range=tuple(self.char_ngrams or ()), **common
            )
        ngrams = {"cue": (1, 2), "text": self.word_ngrams, "context": self.context_ngrams}[field]
        return TfidfVectorizer(token_pattern=_TOKEN_PATTERN, ngram_range=tuple(ngrams), **common)

    def _features(self, quotes: Sequence[Quote]) -> sparse.csr_matrix:
        blocks = [
            _transform(vectorizer, [_FIELDS[field](q) for q in quotes])
            for field, vectorizer in self.vectorizers_.items()
        ]
        if self.rule_features:
            blocks.append(sparse.csr_matrix(rule_feature_matrix(quotes)))
        return sparse.hstack(blocks, format="csr")

    # -- fit ------------------------------------------------------------------------------------

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        if self.classifier not in CLASSIFIERS:
            raise ValueError(
                f"classifier must be one of {', '.join(CLASSIFIERS)}; got {self.classifier!r}"
            )
        require_every_label(labels)
        self.vectorizers_ = {}
        for field in self._fields():
            vectorizer = self._vectorizer(field)
            texts = [_FIELDS[field](q) for q in quotes]
            # An empty field everywhere (no quote has a cue) leaves nothing to learn from it.
            if any(texts) and _has_tokens(vectorizer, texts):
                vectorizer.fit(texts)
                self.vectorizers_[field] = vectorizer
        self.head_ = fit_linear_head(
            self._new_classifier,
            self._features(quotes),
            label_indices(labels),
            groups=[quote.article_id for quote in quotes],
            calibrate=self.calibrate,
            seed=self.random_state,
        )

    def _new_classifier(self) -> LogisticRegression | LinearSVC:
        if self.classifier == "svm":
            return LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
        # tol=1e-3: a tighter tolerance triples the fit time without changing dev scores.
        return LogisticRegression(
            C=self.C,
            class_weight="balanced",
            max_iter=2000,
            tol=1e-3,
            random_state=self.random_state,
        )

    # -- forward / postprocess --------------------------------------------------------------

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        return self.head_.predict_proba(self._features(quotes))

    # -- persistence ------------------------------------------------------------------------

    def _save_state(self, folder: Path) -> None:
        vocabularies = {
            field: {term: int(index) for term, index in vectorizer.vocabulary_.items()}
            for field, vectorizer in self.vectorizers_.items()
        }
        write_json(folder / "vocabulary.json", vocabularies)
        arrays = {f"idf_{field}": v.idf_ for field, v in self.vectorizers_.items()}
        arrays |= self.head_.arrays()
        save_arrays(folder / "weights.npz", arrays)

    def _load_state(self, folder: Path, config: dict[str, Any]) -> None:
        vocabularies: dict[str, dict[str, int]] = read_json(folder / "vocabulary.json")
        arrays = load_arrays(folder / "weights.npz")
        self.vectorizers_ = {}
        for field, vocabulary in vocabularies.items():
            vectorizer = self._vectorizer(field, vocabulary)
            vectorizer.idf_ = arrays[f"idf_{field}"]
            self.vectorizers_[field] = vectorizer
        self.head_ = LinearHead.from_arrays(arrays)
        width = sum(len(v) for v in vocabularies.values()) + (
            len(RULES) if self.rule_features else 0
        )
        if self.head_.coef.shape[1] != width:
            raise ValueError(
                f"{folder}: the weights expect {self.head_.coef.shape[1]} features but this version "
                f"of stance builds {width} (the rule set changed?); retrain the model with "
                "`stance train`"
            )


def _transform(vectorizer: TfidfVectorizer, texts: list[str]) -> sparse.csr_matrix:
    if vectorizer.analyzer == "char_wb":
        return char_tfidf(
            texts,
            vocabulary=vectorizer.vocabulary_,
            idf=vectorizer.idf_,
            ngram_range=vectorizer.ngram_range,
        )
    return word_tfidf(
        texts,
        vocabulary=vectorizer.vocabulary_,
        idf=vectorizer.idf_,
        ngram_range=vectorizer.ngram_range,
        token_pattern=vectorizer.token_pattern,
    )


def _has_tokens(vectorizer: TfidfVectorizer, texts: list[str]) -> bool:
    analyze = vectorizer.build_analyzer()
    return any(analyze(text) for text in texts)
