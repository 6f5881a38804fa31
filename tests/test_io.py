"""Atomic writes leave either the old file or the new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from stance._io import write_text_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "report.json"
    write_text_atomic(target, "one")
    write_text_atomic(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_refuses_to_overwrite_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "splits.json"
    target.write_text("original")
    with pytest.raises(FileExistsError, match=r"already exists and was left unchanged"):
        write_text_atomic(target, "new", overwrite=False)
    assert target.read_text() == "original"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    with pytest.raises(TypeError, match=r"must be str, not int"):
        write_text_atomic(target, 123)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
