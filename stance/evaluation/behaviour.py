"""CheckList-style behavioural tests for stance models (Ribeiro et al., ACL 2020).

Three test types, each reported as a pass rate per model:

- **minimum functionality**: one-line canonical statements; a case passes when the model
  predicts the test's ``expected`` label.
- **invariance**: a template filled with each name in a filler list (speakers, countries);
  a case passes when every filled version gets the same label, whatever it is.
- **directional**: an original statement and a changed one (a denial with its negation
  removed); a case passes when the label of the changed statement differs from the label of
  the original, as in CheckList, where a directional expectation is judged against the
  model's own prediction on the original.

The cases live in ``checklist.json`` beside this module (or any file of the same shape passed
to :func:`load_checklist`). A sentence marks the statement span in ``[brackets]``; the
sentence becomes the quote's ``context`` so that a model reads cue and context as it does for
fixtures.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from stance.records import KINDS, LABELS, Quote

TestType = Literal["minimum_functionality", "invariance", "directional"]
TEST_TYPES: tuple[TestType, ...] = ("minimum_functionality", "invariance", "directional")
CHECKLIST_PATH = Path(__file__).with_name("checklist.json")
SCHEMA_VERSION = 1


class Predictor(Protocol):
    """Anything with the stance models' ``predict``."""

    def predict(self, quotes: Sequence[Quote]) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class BehaviourTest:
    """One named test: its type, and its cases as groups of quotes judged together."""

    name: str
    type: TestType
    cases: tuple[tuple[Quote, ...], ...]
    expected: str | None = None


def load_checklist(path: str | Path = CHECKLIST_PATH) -> list[BehaviourTest]:
    """Read and expand a checklist file; raise ``ValueError`` naming the file and the bad entry."""
    source = Path(path)
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"cannot read the checklist {str(source)!r}: {error}") from error
    if not isinstance(document, Mapping) or document.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(
            f"{str(source)!r} is not a checklist file: expected an object with "
            f"schema_version {SCHEMA_VERSION}, 'fillers' and 'tests'"
        )
    fillers = document.get("fillers", {})
    return [
        _parse_test(raw, fillers, where=f"{source}: test {index}")
        for index, raw in enumerate(document.get("tests", []))
    ]


def run_checklist(model: Predictor, tests: Sequence[BehaviourTest]) -> dict[str, Any]:
    """Run every test against ``model``; return pass rates per test and per test type.

    All the quotes are predicted in one batch. The result (JSON-ready) has ``tests`` (name ->
    type, cases, passed, pass_rate, failures) and ``by_type`` (type -> cases, passed, pass_rate).
    """
    quotes = [quote for test in tests for case in test.cases for quote in case]
    predictions = iter(model.predict(quotes)) if quotes else iter([])
    results: dict[str, Any] = {}
    for test in tests:
        failures = []
        for case in test.cases:
            labels = [next(predictions) for _ in case]
            if not _passes(test, labels):
                failures.append(
                    {"statements": [quote.context for quote in case], "predicted": labels}
                )
        results[test.name] = {
            "type": test.type,
            "cases": len(test.cases),
            "passed": len(test.cases) - len(failures),
            "pass_rate": 1 - len(failures) / len(test.cases),
            "failures": failures,
        }
    by_type = {}
    for test_type in TEST_TYPES:
        chosen = [result for result in results.values() if result["type"] == test_type]
        cases = sum(result["cases"] for result in chosen)
        if cases:
            passed = sum(result["passed"] for result in chosen)
            by_type[test_type] = {"cases": cases, "passed": passed, "pass_rate": passed / cases}
    return {"tests": results, "by_type": by_type}


def _passes(test: BehaviourTest, labels: Sequence[str]) -> bool:
    if test.type == "minimum_functionality":
        return labels[0] == test.expected
    if test.type == "invariance":
        return len(set(labels)) == 1
    original, changed = labels
    return changed != original


def _parse_test(raw: Any, fillers: Mapping[str, list[str]], *, where: str) -> BehaviourTest:
    if not isinstance(raw, Mapping) or raw.get("type") not in TEST_TYPES:
        got = raw.get("type") if isinstance(raw, Mapping) else raw
        raise ValueError(f"{where}: 'type' must be one of {', '.join(TEST_TYPES)}, got {got!r}")
    name, test_type, raw_cases = raw.get("name"), raw["type"], raw.get("cases")
    if not isinstance(name, str) or not isinstance(raw_cases, list) or not raw_cases:
        raise ValueError(f"{where}: needs a 'name' string and a non-empty 'cases' list")
    where = f"{where} ({name})"
    expected = raw.get("expected")
    if test_type == "minimum_functionality" and expected not in LABELS:
        raise ValueError(
            f"{where}: 'expected' must be one of {', '.join(LABELS)}, got {expected!r}"
        )
    slot = raw.get("fill")
    if test_type == "invariance" and (not isinstance(slot, str) or not fillers.get(slot)):
        raise ValueError(
            f"{where}: 'fill' must name a filler list ({', '.join(fillers)}), got {slot!r}"
        )
    cases: list[tuple[Quote, ...]] = []
    for index, case in enumerate(raw_cases):
        case_where = f"{where}: case {index}"
        if test_type == "minimum_functionality":
            cases.append((_quote(case, {}, where=case_where),))
        elif test_type == "invariance":
            cases.append(
                tuple(
                    _quote(case, {str(slot): value}, where=case_where)
                    for value in fillers[str(slot)]
                )
            )
        else:
            if not isinstance(case, Mapping) or set(case) != {"original", "changed"}:
                raise ValueError(f"{case_where}: a directional case has 'original' and 'changed'")
            cases.append(
                (
                    _quote(case["original"], {}, where=case_where),
                    _quote(case["changed"], {}, where=case_where),
                )
            )
    return BehaviourTest(name=name, type=test_type, cases=tuple(cases), expected=expected)


def _quote(case: Any, slots: Mapping[str, str], *, where: str) -> Quote:
    if not isinstance(case, Mapping) or not isinstance(case.get("sentence"), str):
        raise ValueError(f"{where}: expected an object with a 'sentence' string")
    if case.get("kind") not in KINDS:
        raise ValueError(
            f"{where}: 'kind' must be one of {', '.join(KINDS)}, got {case.get('kind')!r}"
        )
    try:
        sentence = case["sentence"].format_map(slots)
        speaker = str(case.get("speaker", "")).format_map(slots) or None
    except KeyError as error:
        raise ValueError(
            f"{where}: unknown placeholder {error}; fill only {sorted(slots)}"
        ) from None
    start, end = sentence.find("["), sentence.find("]")
    if start < 0 or end < start or sentence.count("[") != 1 or sentence.count("]") != 1:
        raise ValueError(
            f"{where}: mark the statement span with exactly one [ and one ]: {sentence!r}"
        )
    context = sentence[:start] + sentence[start + 1 : end] + sentence[end + 1 :]
    return Quote(
        text=sentence[start + 1 : end],
        start=start,
        end=end - 1,
        speaker=speaker,
        cue=case.get("cue"),
        kind=case["kind"],
        context=context,
        article_id="checklist",
    )
