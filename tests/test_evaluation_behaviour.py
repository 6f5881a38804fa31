"""CheckList-style behavioural tests: the shipped case tables and how pass rates are judged."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from stance import LABELS, Quote
from stance.evaluation import load_checklist, run_checklist
from tests.evaluation_support import KeywordModel, fitted


class ConstantModel:
    """Predicts one label for everything."""

    def __init__(self, label: str) -> None:
        self.label = label

    def predict(self, quotes: Sequence[Quote]) -> list[str]:
        return [self.label] * len(quotes)


class SpeakerSensitiveModel:
    """Says blame whenever the speaker is John Kirby: the bias invariance tests must catch."""

    def predict(self, quotes: Sequence[Quote]) -> list[str]:
        return ["blame" if quote.speaker == "John Kirby" else "neutral" for quote in quotes]


def test_shipped_checklist_has_every_test_type_and_every_stance() -> None:
    tests = load_checklist()
    assert {test.type for test in tests} == {"minimum_functionality", "invariance", "directional"}
    assert {test.expected for test in tests if test.type == "minimum_functionality"} == set(LABELS)
    for test in tests:
        for case in test.cases:
            for quote in case:
                assert quote.context is not None
                assert quote.context[quote.start : quote.end] == quote.text
                assert "{" not in quote.context
                assert "[" not in quote.context


def test_invariance_cases_are_filled_with_every_filler() -> None:
    speaker_swap = next(test for test in load_checklist() if test.name == "speaker name swap")
    first_case = speaker_swap.cases[0]
    assert len(first_case) == 8
    assert {quote.speaker for quote in first_case} >= {"John Kirby", "Maria Zakharova"}
    assert first_case[0].text == "We did not order the strike"


def test_a_constant_model_passes_only_its_own_minimum_functionality_and_invariance() -> None:
    result = run_checklist(ConstantModel("neutral"), load_checklist())
    rates = {name: test["pass_rate"] for name, test in result["tests"].items()}
    assert rates["canonical neutral statements"] == 1.0
    assert rates["canonical denials"] == rates["canonical blame"] == 0.0
    assert rates["speaker name swap"] == rates["country swap"] == 1.0
    assert rates["negating a denial"] == 0.0  # the label never changes
    by_type = result["by_type"]
    assert by_type["minimum_functionality"]["pass_rate"] == pytest.approx(8 / 32)
    assert by_type["directional"]["cases"] == 8


def test_invariance_catches_a_model_that_reads_the_speakers_name() -> None:
    result = run_checklist(SpeakerSensitiveModel(), load_checklist())
    speaker_swap = result["tests"]["speaker name swap"]
    assert speaker_swap["pass_rate"] == 0.0
    assert speaker_swap["failures"][0]["predicted"][0] == "blame"  # John Kirby comes first
    assert result["tests"]["country swap"]["pass_rate"] == 1.0


def test_directional_passes_when_removing_the_negation_changes_the_label() -> None:
    result = run_checklist(fitted(KeywordModel()), load_checklist())
    negation = result["tests"]["negating a denial"]
    # "not"/"never" make the keyword model say denial, and it checks them first; every
    # changed statement lacks them, so its label moves away from denial.
    assert negation["pass_rate"] == 1.0


def write_checklist(path: Path, tests: list[dict[str, Any]], **extra: Any) -> Path:
    document = {"schema_version": 1, "fillers": {"speaker": ["A", "B"]}, "tests": tests} | extra
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


CASE = {"sentence": "[We never did it], said A.", "speaker": "A", "cue": "said", "kind": "indirect"}


@pytest.mark.parametrize(
    ("tests", "message"),
    [
        (
            [{"name": "x", "type": "vibes", "cases": [CASE]}],
            "'type' must be one of minimum_functionality",
        ),
        ([{"name": "x", "type": "minimum_functionality", "cases": []}], "non-empty 'cases' list"),
        (
            [{"name": "x", "type": "minimum_functionality", "expected": "anger", "cases": [CASE]}],
            r"\(x\): 'expected' must be one of denial",
        ),
        (
            [{"name": "x", "type": "invariance", "fill": "country", "cases": [CASE]}],
            r"'fill' must name a filler list \(speaker\), got 'country'",
        ),
        (
            [
                {
                    "name": "x",
                    "type": "minimum_functionality",
                    "expected": "denial",
                    "cases": [CASE | {"sentence": "We never did it, said A."}],
                }
            ],
            "mark the statement span with exactly one",
        ),
        (
            [
                {
                    "name": "x",
                    "type": "minimum_functionality",
                    "expected": "denial",
                    "cases": [CASE | {"sentence": "[{nobody}] said"}],
                }
            ],
            "unknown placeholder 'nobody'",
        ),
        (
            [{"name": "x", "type": "directional", "cases": [{"original": CASE}]}],
            "a directional case has 'original' and 'changed'",
        ),
    ],
)
def test_a_broken_checklist_file_names_the_test_and_the_problem(
    tmp_path: Path, tests: list[dict[str, Any]], message: str
) -> None:
    path = write_checklist(tmp_path / "checklist.json", tests)
    with pytest.raises(ValueError, match=message):
        load_checklist(path)


def test_a_file_that_is_not_a_checklist_is_rejected(tmp_path: Path) -> None:
    path = write_checklist(tmp_path / "c.json", [], schema_version=2)
    with pytest.raises(
        ValueError, match="is not a checklist file: expected an object with schema_version 1"
    ):
        load_checklist(path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read the checklist"):
        load_checklist(tmp_path / "broken.json")
