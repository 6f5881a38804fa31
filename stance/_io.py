"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def write_atomic(
    path: str | Path, write: Callable[[Path], None], *, overwrite: bool = True
) -> Path:
    """Call ``write(temporary_path)``, then move the finished file onto ``path``.

    The temporary file sits in the target folder, so :func:`os.replace` is a same-filesystem
    rename. On any error the temporary file is removed and ``path`` is left as it was. With
    ``overwrite=False`` an existing ``path`` is left alone and FileExistsError is raised.
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise FileExistsError(
            f"{str(target)!r} already exists and was left unchanged; remove it or choose another path"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(descriptor)
    temporary_path = Path(temporary)
    try:
        write(temporary_path)
        # mkstemp creates the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary_path, 0o666 & ~_umask())
        os.replace(temporary_path, target)
    finally:
        temporary_path.unlink(missing_ok=True)
    return target


def _umask() -> int:
    mask = os.umask(0)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str, *, overwrite: bool = True) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically (never over an existing file if asked)."""

    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    return write_atomic(path, write, overwrite=overwrite)


def write_json_atomic(path: str | Path, document: Any) -> Path:
    """Write ``document`` as indented UTF-8 JSON (with a final newline) to ``path`` atomically."""
    return write_text_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
