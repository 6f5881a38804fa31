"""Transformer code paths on a tiny random BERT: LoRA, fine-tuning, quantisation, encoders.

Only the two slow-marked tests at the end touch the real all-MiniLM-L6-v2 encoder.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from stance.models import create, load
from stance.models.encoders import encoder_path, quote_pair
from stance.models.lora import LoRALinear, add_adapters, merge_adapters
from stance.models.testing import synthetic_quotes, tiny_bert
from stance.records import LABELS, Quote


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


def test_merged_adapters_compute_what_the_adapted_layers_did() -> None:
    torch.manual_seed(0)
    network = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    wrapped = add_adapters(network, targets=("0",), rank=2, alpha=4.0)
    assert wrapped == ["0"]
    adapter = network[0]
    assert isinstance(adapter, LoRALinear)
    with torch.no_grad():
        adapter.lora_b.normal_()
    inputs = torch.randn(5, 8)
    adapted = network(inputs)
    merge_adapters(network)
    assert isinstance(network[0], torch.nn.Linear)
    assert not isinstance(network[0], LoRALinear)
    torch.testing.assert_close(network(inputs), adapted)


def test_a_fresh_adapter_leaves_the_layer_unchanged() -> None:
    layer = torch.nn.Linear(4, 4)
    inputs = torch.randn(3, 4)
    torch.testing.assert_close(LoRALinear(layer, rank=2, alpha=2.0)(inputs), layer(inputs))


def test_add_adapters_refuses_targets_that_match_nothing() -> None:
    with pytest.raises(ValueError, match=r"no nn.Linear layer is named any of \['q_proj'\]"):
        add_adapters(
            torch.nn.Sequential(torch.nn.Linear(2, 2)), targets=("q_proj",), rank=2, alpha=2.0
        )


def test_fine_tuning_saves_only_adapters_and_head(tiny_encoder: Path, tmp_path: Path) -> None:
    quotes, labels = synthetic_quotes()
    model = create(
        "minilm-finetune", model_name_or_path=str(tiny_encoder), epochs=1, calibrate=False
    )
    model.fit(quotes, labels).save(tmp_path / "model")
    from safetensors.torch import load_file

    names = set(load_file(str(tmp_path / "model" / "adapter.safetensors")))
    assert names
    assert all(
        "lora_" in n or "classifier" in n or "pooler" in n or n == "temperature" for n in names
    )
    assert not any("embeddings" in name for name in names)


def test_fine_tuning_changes_the_predictions(tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes(16)
    short = create(
        "minilm-finetune", model_name_or_path=str(tiny_encoder), epochs=1, calibrate=False
    )
    longer = create(
        "minilm-finetune",
        model_name_or_path=str(tiny_encoder),
        epochs=6,
        calibrate=False,
        learning_rate=5e-3,
    )
    first = short.fit(quotes, labels).predict_proba(quotes)
    second = longer.fit(quotes, labels).predict_proba(quotes)
    assert not np.allclose(first, second)


def test_head_only_training_with_rank_zero(tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes()
    model = create(
        "minilm-finetune",
        model_name_or_path=str(tiny_encoder),
        epochs=1,
        lora_rank=0,
        calibrate=False,
    ).fit(quotes, labels)
    assert not any("lora_" in name for name in model.adapter_state_)


@pytest.mark.parametrize("name", ["minilm-logreg", "minilm-finetune"])
def test_quantised_prediction_stays_close(name: str, tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes()
    params = {"model_name_or_path": str(tiny_encoder)}
    if name == "minilm-finetune":
        params |= {"epochs": 1, "calibrate": False}
    full = create(name, **params).fit(quotes, labels)
    quantised = create(name, **params, quantize=True).fit(quotes, labels)
    difference = np.abs(full.predict_proba(quotes) - quantised.predict_proba(quotes)).max()
    assert 0 < difference < 0.2


def test_embeddings_are_unit_length_and_independent_of_batching(tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes()
    model = create("minilm-logreg", model_name_or_path=str(tiny_encoder), batch_size=3).fit(
        quotes, labels
    )
    embeddings = model.embed(quotes)
    np.testing.assert_allclose(np.linalg.norm(embeddings, axis=1), 1.0, atol=1e-5)
    model.set_params(batch_size=64)
    np.testing.assert_allclose(model.embed(quotes), embeddings, atol=1e-5)


def test_encoder_path_refuses_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="is not a local Hugging Face model folder"):
        encoder_path(str(tmp_path))


def test_quote_pair_reads_cue_and_masked_context() -> None:
    quote = Quote(
        "the operator", 0, 12, "X", "blamed", "indirect", context="X blamed the operator."
    )
    assert quote_pair(quote, use_context=True) == ("blamed: the operator", "X blamed _quote_.")
    assert quote_pair(quote, use_context=False) == ("blamed: the operator", None)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["minilm-logreg", "minilm-finetune"])
def test_pretrained_transformer_models_load_offline(name: str) -> None:
    model = load(name)
    predicted = model.predict(
        ["We categorically deny any involvement.", "The bridge reopens Monday."]
    )
    assert all(label in LABELS for label in predicted)
    assert model.metadata_["name"] == f"{name}.v1"
