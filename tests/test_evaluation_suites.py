"""Suite files: the committed ones parse, and a broken one says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from stance.evaluation import SECTIONS, available_suites, load_suite

REPOSITORY_SUITES = Path(__file__).resolve().parent.parent / "eval" / "suites"


@pytest.mark.parametrize("name", available_suites(REPOSITORY_SUITES))
def test_committed_suites_parse(name: str) -> None:
    suite = load_suite(name, folder=REPOSITORY_SUITES)
    assert suite.fixtures
    assert suite.split in ("train", "dev", "test", "all")


def test_the_ci_gate_suite_scores_the_test_split() -> None:
    assert "default" in available_suites(REPOSITORY_SUITES)
    assert load_suite("default", folder=REPOSITORY_SUITES).split == "test"


def test_defaults_fill_what_a_suite_leaves_out(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('fixtures = ["data"]\n', encoding="utf-8")
    suite = load_suite(str(path))
    assert (suite.name, suite.models, suite.split, suite.seed, suite.sections) == (
        "mine",
        (),
        "test",
        0,
        SECTIONS,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('fixtures = ["x"]\nmodel = ["rules"]\n', r"unknown key\(s\) \['model'\]"),
        ("models = []\n", "'fixtures' must list at least one fixture path"),
        ('fixtures = "x"\n', "'fixtures' must be a list of strings, got 'x'"),
        ('fixtures = ["x"]\nsplit = "holdout"\n', "'split' must be one of train, dev, test, all"),
        ('fixtures = ["x"]\nsections = ["vibes"]\n', r"unknown section\(s\) \['vibes'\]"),
        ('fixtures = ["x"]\nresamples = 0\n', "'resamples' must be a positive integer, got 0"),
        ('fixtures = ["x"\n', "cannot read the suite"),
    ],
)
def test_a_broken_suite_says_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_suite(str(path))


def test_an_unknown_suite_lists_the_known_ones(tmp_path: Path) -> None:
    (tmp_path / "alpha.toml").write_text('fixtures = ["x"]\n', encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"no suite 'beta'.*the suites in .* are: alpha"):
        load_suite("beta", folder=tmp_path)
