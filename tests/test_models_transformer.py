"""Transformer code paths on a tiny random BERT: LoRA, fine-tuning, quantisation, encoders.

Only the two slow-marked tests at the end touch the real all-MiniLM-L6-v2 encoder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from stance.models import create, load
from stance.models.base import StanceModel
from stance.models.encoders import encoder_path, quote_pair
from stance.models.lora import LoRALinear, add_adapters, merge_adapters
from stance.models.testing import synthetic_quotes, tiny_bert
from stance.records import LABELS, Quote


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


def _tiny_finetune(encoder: Path, **params: Any) -> StanceModel:
    """minilm-finetune on every layer of the 2-layer tiny BERT: one epoch, no calibration run."""
    defaults = {
        "model_name_or_path": str(encoder),
        "num_layers": 2,
        "epochs": 1,
        "calibrate": False,
    }
    return create("minilm-finetune", **(defaults | params))


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
    model = _tiny_finetune(tiny_encoder)
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
    short = _tiny_finetune(tiny_encoder)
    longer = _tiny_finetune(tiny_encoder, epochs=6, learning_rate=5e-3)
    first = short.fit(quotes, labels).predict_proba(quotes)
    second = longer.fit(quotes, labels).predict_proba(quotes)
    assert not np.allclose(first, second)


def test_head_only_training_with_rank_zero(tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes()
    model = _tiny_finetune(tiny_encoder, lora_rank=0).fit(quotes, labels)
    assert not any("lora_" in name for name in model.adapter_state_)


def test_fewer_layers_adapt_and_save_only_the_kept_layers(
    tiny_encoder: Path, tmp_path: Path
) -> None:
    quotes, labels = synthetic_quotes()
    model = _tiny_finetune(tiny_encoder, num_layers=1).fit(quotes, labels)
    layers = {
        name.split("layer.")[1].split(".")[0] for name in model.adapter_state_ if "layer." in name
    }
    assert layers == {"0"}
    model.save(tmp_path / "model")
    np.testing.assert_allclose(
        load(tmp_path / "model").predict_proba(quotes), model.predict_proba(quotes), atol=1e-6
    )


@pytest.mark.parametrize("num_layers", [0, 3])
def test_num_layers_beyond_the_encoder_is_refused(tiny_encoder: Path, num_layers: int) -> None:
    quotes, labels = synthetic_quotes(2)
    model = _tiny_finetune(tiny_encoder, num_layers=num_layers)
    with pytest.raises(ValueError, match=rf"num_layers={num_layers}, but .* has 2 layers"):
        model.fit(quotes, labels)


def test_mean_pooling_trains_a_head_on_the_token_mean(tiny_encoder: Path, tmp_path: Path) -> None:
    quotes, labels = synthetic_quotes()
    mean = _tiny_finetune(tiny_encoder, pooling="mean").fit(quotes, labels)
    first_token = _tiny_finetune(tiny_encoder, pooling="cls").fit(quotes, labels)
    assert not any("pooler" in name for name in mean.adapter_state_)
    assert not np.allclose(mean.predict_proba(quotes), first_token.predict_proba(quotes))
    mean.save(tmp_path / "model")
    np.testing.assert_allclose(
        load(tmp_path / "model").predict_proba(quotes), mean.predict_proba(quotes), atol=1e-6
    )


def test_an_unknown_pooling_is_refused(tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes(2)
    model = _tiny_finetune(tiny_encoder, pooling="max")
    with pytest.raises(ValueError, match="pooling='max'; pass one of cls, mean"):
        model.fit(quotes, labels)


@pytest.mark.parametrize("name", ["minilm-logreg", "minilm-finetune"])
def test_quantised_prediction_stays_close(name: str, tiny_encoder: Path) -> None:
    quotes, labels = synthetic_quotes()
    params = {"model_name_or_path": str(tiny_encoder)}
    if name == "minilm-finetune":
        params |= {"epochs": 1, "calibrate": False, "num_layers": 2}
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
    assert model.metadata_["name"] == f"{name}.v4"
