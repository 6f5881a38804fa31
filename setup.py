"""Build hook: compile the quote extractor (``stance/quotes``) to C with mypyc on request.

``STANCE_COMPILE=1 pip install .`` (or ``make compile`` in a checkout, which builds in place)
turns each module below into a C extension: the same code, about 1.4 times faster. Without the
variable the package installs as pure Python and behaves the same. Everything else about the
package is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import os

from setuptools import setup

#: The extractor's modules, in the order they run; ``__init__`` stays Python.
COMPILED_MODULES = [
    "stance/quotes/marks.py",
    "stance/quotes/sentences.py",
    "stance/quotes/cues.py",
    "stance/quotes/reported.py",
    "stance/quotes/speakers.py",
    "stance/quotes/context.py",
    "stance/quotes/extract.py",
]


def _extensions() -> list[object]:
    if os.environ.get("STANCE_COMPILE", "0") != "1":
        return []
    from mypyc.build import mypycify  # a build requirement (pyproject.toml [build-system])

    # The runtime the compiled modules share goes inside the package (stance/quotes__mypyc),
    # not at the top level, where an editable install could not import it.
    return list(mypycify(COMPILED_MODULES, opt_level="3", group_name="stance.quotes"))


setup(ext_modules=_extensions())
