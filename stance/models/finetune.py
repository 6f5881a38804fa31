"""``minilm-finetune``: a transformer sequence classifier fine-tuned with LoRA adapters.

The encoder (all-MiniLM-L6-v2 by default, or any local Hugging Face folder: RoBERTa, DeBERTa …)
gets low-rank adapters on its linear layers (the shipped recipe: attention query/key/value and
the dense projections); the adapters and the classification head are trained, everything else
stays frozen. Only those trained tensors are saved (``adapter.safetensors``, about 1.3 MB for the
shipped recipe); the base encoder is read from its own folder.

The shipped recipe keeps the first 3 of the encoder's 6 layers (half the time to train and to
predict; dev macro-F1 was the same with 2 to 6 layers, within seed noise) and classifies the
mean of the token vectors, the pooling all-MiniLM-L6-v2 was trained with: on top of its
first-token pooler, a short fine-tuning run scored lower or collapsed to one class.

Probabilities are calibrated with a temperature fitted on held-out training articles: the
recipe is first trained without them and scored on them, then retrained on everything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from sklearn.model_selection import GroupShuffleSplit, StratifiedShuffleSplit

from stance._optional import require
from stance.models.base import StanceModel
from stance.models.calibration import fit_temperature, label_indices, softmax
from stance.models.encoders import (
    encoder_path,
    forward_in_batches,
    length_buckets,
    load_tokenizer,
    mean_pool,
    quantize_linear_layers,
    quiet_loading,
    quote_pair,
    token_lengths,
    tokenize,
    torch_threads,
)
from stance.models.inputs import require_every_label
from stance.models.lora import add_adapters, merge_adapters
from stance.records import LABELS, Label, Quote

ADAPTER_FILE = "adapter.safetensors"
# Parameters of the task head (BERT/DeBERTa: pooler + classifier; RoBERTa: classifier), which
# are trained in full next to the adapters.
_HEAD_NAMES = ("classifier", "pooler", "score")
POOLINGS = ("cls", "mean")


class LogitsOnly(torch.nn.Module):
    """A Hugging Face sequence classifier that returns just its logits tensor."""

    def __init__(self, classifier: torch.nn.Module) -> None:
        super().__init__()
        self.model = classifier

    def forward(self, **inputs: torch.Tensor) -> torch.Tensor:
        logits: torch.Tensor = self.model(**inputs).logits
        return logits


class MeanPooledClassifier(torch.nn.Module):
    """A linear classifier (after dropout) on the mean of an encoder's token vectors."""

    def __init__(self, encoder: Any, n_labels: int) -> None:
        """``encoder``: a Hugging Face base model (``AutoModel``) returning ``last_hidden_state``."""
        super().__init__()
        if hasattr(encoder, "pooler"):
            encoder.pooler = None  # its first-token pooler would go unused (and untrained)
        self.encoder = encoder
        self.dropout = torch.nn.Dropout(encoder.config.hidden_dropout_prob)
        self.classifier = torch.nn.Linear(encoder.config.hidden_size, n_labels)

    def forward(self, **inputs: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(**inputs).last_hidden_state
        pooled = mean_pool(hidden, inputs["attention_mask"])
        logits: torch.Tensor = self.classifier(self.dropout(pooled))
        return logits


class FineTunedStanceModel(StanceModel):
    """A sequence classifier over (cued statement, masked context), fine-tuned with LoRA.

    Parameters
    ----------
    model_name_or_path:
        A local Hugging Face model folder; ``None`` is the packaged all-MiniLM-L6-v2.
    use_context:
        Read the sentence around the quote (quote masked) as the second segment.
    max_length:
        Tokens per quote before truncation (the context is cut first).
    pooling:
        ``"cls"``: the architecture's own sequence-classification head (BERT: the pooled first
        token); ``"mean"``: a linear classifier on the mean of the token vectors, the pooling
        sentence-transformers encoders such as all-MiniLM-L6-v2 were trained with.
    num_layers:
        Keep only the encoder's first ``num_layers`` layers (``None``: all); fewer layers train
        and predict proportionally faster.
    epochs, batch_size, learning_rate, weight_decay, warmup_ratio:
        The optimiser schedule (AdamW, linear warm-up then decay).
    lora_rank, lora_alpha, lora_targets:
        Adapter rank, scale numerator and the attribute names of the adapted ``nn.Linear``
        layers. ``lora_rank=0`` trains the head only.
    calibrate, calibration_fraction:
        Fit a softmax temperature on this fraction of the training articles (held out from a
        first training run), then retrain on all of them.
    quantize:
        Run prediction with int8 dynamic quantisation of the linear layers.
    predict_batch_size, num_threads:
        Prediction batch size (length-bucketed) and torch threads (``None``: unchanged).
    verbose:
        Show a progress bar while training.
    random_state:
        Seed for initialisation, dropout, shuffling and the calibration split.
    """

    def __init__(
        self,
        *,
        model_name_or_path: str | None = None,
        use_context: bool = True,
        max_length: int = 128,
        num_layers: int | None = None,
        pooling: str = "cls",
        epochs: int = 6,
        batch_size: int = 16,
        learning_rate: float = 1e-3,
        weight_decay: float = 0.01,
        warmup_ratio: float = 0.1,
        lora_rank: int = 8,
        lora_alpha: float = 16.0,
        lora_targets: tuple[str, ...] = ("query", "value"),
        calibrate: bool = True,
        calibration_fraction: float = 0.2,
        quantize: bool = False,
        predict_batch_size: int = 32,
        num_threads: int | None = None,
        verbose: bool = False,
        random_state: int = 0,
    ) -> None:
        self.model_name_or_path = model_name_or_path
        self.use_context = use_context
        self.max_length = max_length
        self.num_layers = num_layers
        self.pooling = pooling
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.warmup_ratio = warmup_ratio
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha
        self.lora_targets = lora_targets
        self.calibrate = calibrate
        self.calibration_fraction = calibration_fraction
        self.quantize = quantize
        self.predict_batch_size = predict_batch_size
        self.num_threads = num_threads
        self.verbose = verbose
        self.random_state = random_state

    # -- fit ------------------------------------------------------------------------------------

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        require_every_label(labels)
        folder = encoder_path(self.model_name_or_path)
        self.tokenizer_ = load_tokenizer(folder)
        targets = label_indices(labels)
        with torch_threads(self.num_threads):
            temperature = (
                self._held_out_temperature(folder, quotes, targets) if self.calibrate else 1.0
            )
            self.adapter_state_ = self._train(quotes, targets, "training")
            self.network_ = self._network(folder, self.adapter_state_)
        self.temperature_ = temperature

    def _held_out_temperature(
        self, folder: Path, quotes: Sequence[Quote], targets: np.ndarray
    ) -> float:
        """The temperature fitted on held-out articles, scored by a run trained without them.

        The calibration run's network is dropped on return, before the final run trains.
        """
        fit_rows, held_out_rows = self._calibration_split(quotes, targets)
        state = self._train([quotes[i] for i in fit_rows], targets[fit_rows], "calibration run")
        held_out = [quotes[i] for i in held_out_rows]
        logits = self._logits(self._network(folder, state), held_out)
        return fit_temperature(logits, targets[held_out_rows])

    def _calibration_split(
        self, quotes: Sequence[Quote], targets: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Hold out whole articles when they are known (quotes of one article are alike)."""
        rows = np.arange(len(quotes))
        groups = [quote.article_id for quote in quotes]
        splitter: GroupShuffleSplit | StratifiedShuffleSplit
        if all(group is not None for group in groups) and len(set(groups)) >= 5:
            splitter = GroupShuffleSplit(
                n_splits=1, test_size=self.calibration_fraction, random_state=self.random_state
            )
            fit_rows, held_out_rows = next(splitter.split(rows, targets, groups=groups))
        else:
            splitter = StratifiedShuffleSplit(
                n_splits=1, test_size=self.calibration_fraction, random_state=self.random_state
            )
            fit_rows, held_out_rows = next(splitter.split(rows, targets))
        missing = set(range(len(LABELS))) - set(targets[fit_rows].tolist())
        if missing:
            raise ValueError(
                f"the calibration split left no training quote of {[LABELS[i] for i in missing]}; "
                "add data, change random_state, or pass calibrate=False"
            )
        return fit_rows, held_out_rows

    def _train(
        self, quotes: Sequence[Quote], targets: np.ndarray, stage: str
    ) -> dict[str, torch.Tensor]:
        """Train adapters and head from the base encoder; return the trained tensors by name.

        The seed is applied inside a forked RNG, so training does not reset the caller's torch
        random state.
        """
        with torch.random.fork_rng():
            return self._train_seeded(quotes, targets, stage)

    def _train_seeded(
        self, quotes: Sequence[Quote], targets: np.ndarray, stage: str
    ) -> dict[str, torch.Tensor]:
        tqdm = require("tqdm", purpose="the training progress bar").tqdm
        transformers = require("transformers", purpose="minilm-finetune")
        torch.manual_seed(self.random_state)
        rng = np.random.default_rng(self.random_state)
        network = self._base_network(encoder_path(self.model_name_or_path))
        for parameter in network.parameters():
            parameter.requires_grad = False
        if self.lora_rank > 0:
            add_adapters(network, self.lora_targets, self.lora_rank, self.lora_alpha)
        trainable = [
            (name, parameter)
            for name, parameter in network.named_parameters()
            if "lora_" in name or any(part in name.split(".") for part in _HEAD_NAMES)
        ]
        for _, parameter in trainable:
            parameter.requires_grad = True
        optimizer = torch.optim.AdamW(
            [parameter for _, parameter in trainable],
            lr=self.learning_rate,
            weight_decay=self.weight_decay,
        )
        steps_per_epoch = math.ceil(len(quotes) / self.batch_size)
        total_steps = steps_per_epoch * self.epochs
        scheduler = transformers.get_linear_schedule_with_warmup(
            optimizer, int(self.warmup_ratio * total_steps), total_steps
        )
        counts = np.bincount(targets, minlength=len(LABELS))
        class_weights = torch.tensor(
            len(targets) / (len(LABELS) * np.maximum(counts, 1)), dtype=torch.float32
        )
        loss_function = torch.nn.CrossEntropyLoss(weight=class_weights)
        pairs = [quote_pair(quote, self.use_context) for quote in quotes]
        lengths = np.asarray(token_lengths(self.tokenizer_, pairs), dtype=np.float64)
        label_tensor = torch.as_tensor(targets, dtype=torch.long)
        network.train()
        progress = tqdm(
            total=total_steps, desc=f"minilm-finetune {stage}", disable=not self.verbose
        )
        for _ in range(self.epochs):
            # Bucket by length with random jitter, then shuffle the batches: batches stay
            # compact but differ from epoch to epoch.
            jittered = lengths + rng.uniform(0, 8, size=len(lengths))
            batches = length_buckets(jittered.tolist(), self.batch_size)
            for index in rng.permutation(len(batches)):
                batch = batches[index]
                inputs = tokenize(self.tokenizer_, [pairs[i] for i in batch], self.max_length)
                loss = loss_function(network(**inputs), label_tensor[batch])
                loss.backward()
                torch.nn.utils.clip_grad_norm_([p for _, p in trainable], 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
                progress.update(1)
                progress.set_postfix(loss=f"{loss.item():.3f}")
        progress.close()
        return {name: parameter.detach().clone().contiguous() for name, parameter in trainable}

    # -- the network --------------------------------------------------------------------------

    def _base_network(self, folder: Path) -> Any:
        transformers = require("transformers", purpose="minilm-finetune")
        layers: dict[str, int] = {}
        if self.num_layers is not None:
            available = transformers.AutoConfig.from_pretrained(str(folder)).num_hidden_layers
            if not 1 <= self.num_layers <= available:
                raise ValueError(
                    f"num_layers={self.num_layers!r}, but the encoder in {str(folder)!r} has "
                    f"{available} layers; pass an int from 1 to {available}, or None for all"
                )
            # Only the first num_layers layers' weights are read; the rest are never built.
            layers["num_hidden_layers"] = self.num_layers
        if self.pooling not in POOLINGS:
            raise ValueError(f"pooling={self.pooling!r}; pass one of {', '.join(POOLINGS)}")
        with quiet_loading():
            if self.pooling == "mean":
                encoder = transformers.AutoModel.from_pretrained(str(folder), **layers)
                return MeanPooledClassifier(encoder, len(LABELS))
            return LogitsOnly(
                transformers.AutoModelForSequenceClassification.from_pretrained(
                    str(folder),
                    num_labels=len(LABELS),
                    id2label=dict(enumerate(LABELS)),
                    label2id={label: index for index, label in enumerate(LABELS)},
                    **layers,
                )
            )

    def _network(self, folder: Path, state: dict[str, torch.Tensor]) -> Any:
        """The base encoder with trained ``state`` applied and adapters merged, for inference."""
        network = self._base_network(folder)
        if self.lora_rank > 0:
            add_adapters(network, self.lora_targets, self.lora_rank, self.lora_alpha)
        known = dict(network.named_parameters())
        unknown = sorted(set(state) - set(known))
        if unknown:
            raise ValueError(
                f"the saved adapter has tensors {unknown[:5]} that {type(network).__name__} "
                "lacks; load it with the model_name_or_path and lora settings it was trained with"
            )
        with torch.no_grad():
            for name, tensor in state.items():
                known[name].copy_(tensor)
        merge_adapters(network)
        network.eval()
        if self.quantize:
            network = quantize_linear_layers(network)
        return network

    # -- forward / postprocess --------------------------------------------------------------

    def _logits(self, network: Any, quotes: Sequence[Quote]) -> np.ndarray:
        return forward_in_batches(
            lambda inputs: network(**inputs),
            self.tokenizer_,
            quotes,
            use_context=self.use_context,
            max_length=self.max_length,
            batch_size=self.predict_batch_size,
            num_threads=self.num_threads,
            width=len(LABELS),
            dtype=np.float64,
        )

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        return softmax(self._logits(self.network_, quotes), self.temperature_)

    # -- persistence ------------------------------------------------------------------------

    def _save_state(self, folder: Path) -> None:
        tensors = dict(self.adapter_state_)
        tensors["temperature"] = torch.tensor([self.temperature_], dtype=torch.float64)
        save_file(tensors, str(folder / ADAPTER_FILE))

    def _load_state(self, folder: Path, config: dict[str, Any]) -> None:
        tensors = load_file(str(folder / ADAPTER_FILE))
        self.temperature_ = float(tensors.pop("temperature").item())
        self.adapter_state_ = tensors
        base = encoder_path(self.model_name_or_path)
        self.tokenizer_ = load_tokenizer(base)
        self.network_ = self._network(base, tensors)
