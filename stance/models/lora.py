"""Low-rank adapters (LoRA, Hu et al. 2021) for ``torch.nn.Linear`` layers, without extra deps.

Fine-tuning trains two small matrices per adapted layer (``W + scale * B @ A``) instead of the
whole encoder, so the saved model is a few MB at most next to the 90 MB base encoder. For
prediction the adapters are merged into the base weights, so they cost nothing at inference.

Imported only by the fine-tuned model, never by ``import stance``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch


class LoRALinear(torch.nn.Module):
    """``base(x) + scale * x @ A.T @ B.T`` with ``base`` frozen and B starting at zero."""

    def __init__(self, base: torch.nn.Linear, rank: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        self.lora_a = torch.nn.Parameter(torch.empty(rank, base.in_features))
        # B starts at zero, so the adapted model starts exactly as the base model.
        self.lora_b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
        torch.nn.init.kaiming_uniform_(self.lora_a, a=math.sqrt(5))

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        low_rank = (inputs @ self.lora_a.T) @ self.lora_b.T
        result: torch.Tensor = self.base(inputs) + low_rank * self.scale
        return result

    def merged(self) -> torch.nn.Linear:
        """The base layer with the adapter folded into its weight."""
        with torch.no_grad():
            self.base.weight += self.scale * (self.lora_b @ self.lora_a)
        return self.base


def add_adapters(
    model: torch.nn.Module, targets: Sequence[str], rank: int, alpha: float
) -> list[str]:
    """Wrap every ``nn.Linear`` whose attribute name is in ``targets``; return the wrapped names.

    Raises when nothing matches, since a silent no-op would train only the head.
    """
    wrapped = []
    for parent_name, parent in list(model.named_modules()):
        for child_name, child in list(parent.named_children()):
            if child_name in targets and isinstance(child, torch.nn.Linear):
                setattr(parent, child_name, LoRALinear(child, rank, alpha))
                wrapped.append(f"{parent_name}.{child_name}".lstrip("."))
    if not wrapped:
        raise ValueError(
            f"no nn.Linear layer is named any of {list(targets)} in {type(model).__name__}; "
            "set lora_targets to the attention projection names of this architecture "
            "(BERT/RoBERTa: query, value; DeBERTa: query_proj, value_proj)"
        )
    return wrapped


def merge_adapters(model: torch.nn.Module) -> None:
    """Fold every adapter into its base layer and put the plain ``nn.Linear`` back."""
    for parent in list(model.modules()):
        for child_name, child in list(parent.named_children()):
            if isinstance(child, LoRALinear):
                setattr(parent, child_name, child.merged())
