"""Read a model folder written by :meth:`StanceModel.save`: JSON config plus safe weight files.

The class to build is looked up in the registry by the folder's recorded name, never imported
from a path found in the file, and weights are read only from JSON, ``.npz`` (with pickle
refused) and safetensors, so loading a model cannot run code that came with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stance.models.base import CONFIG_FILE, FORMAT, FORMAT_VERSION, StanceModel
from stance.models.registry import resolve


def load_folder(folder: Path) -> StanceModel:
    """Rebuild the fitted model saved in ``folder``."""
    config_path = folder / CONFIG_FILE
    if not config_path.is_file():
        raise FileNotFoundError(
            f"{str(folder)!r} is not a saved stance model: it has no {CONFIG_FILE}; pass a "
            "registered name (see stance.models.available()) or a folder written by model.save()"
        )
    config = read_config(config_path)
    spec = resolve(config["metadata"]["name"])
    params = {
        key: tuple(value) if isinstance(value, list) else value
        for key, value in config["params"].items()
    }
    model = spec.model_class()(**params)
    model._restore(folder, config)
    return model


def read_config(path: Path) -> dict[str, Any]:
    """Read and check a model's ``config.json``."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a readable JSON model config ({error})") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise ValueError(f'{path}: not a stance model config (expected "format": "{FORMAT}")')
    if config.get("format_version") != FORMAT_VERSION:
        raise ValueError(
            f"{path}: model format version {config.get('format_version')!r}, this stance reads "
            f"version {FORMAT_VERSION}; retrain the model with this version of stance"
        )
    for key in ("metadata", "params"):
        if not isinstance(config.get(key), dict):
            raise ValueError(f"{path}: the config has no {key!r} object")
    return config
