"""``evaluate``: models x fixture sets into one versioned, JSON-ready report."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

import stance.evaluation
from stance import LABELS, read_fixtures
from stance.evaluation import SECTIONS, Settings, classification_scores, content_hash, evaluate
from tests.evaluation_support import (
    GoldExtractor,
    KeywordModel,
    MajorityModel,
    fitted,
    keyword_label,
    write_corpus,
)

FAST = Settings(resamples=200)
REPORT_SCHEMA = Path(stance.evaluation.__file__).with_name("report.schema.json")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 12)


@pytest.fixture(scope="module")
def report(corpus: Path) -> dict[str, Any]:
    return evaluate(
        models=[fitted(KeywordModel()), fitted(MajorityModel())],
        fixtures=[corpus],
        settings=FAST,
        extractor=GoldExtractor(read_fixtures(corpus)),
    )


def test_report_is_versioned_json_with_provenance(report: dict[str, Any], corpus: Path) -> None:
    round_trip = json.loads(json.dumps(report, allow_nan=False))
    assert round_trip["schema"] == "stance-evaluation-report"
    assert round_trip["schema_version"] == 1
    assert round_trip["split"] == "test"
    assert round_trip["settings"]["resampling_unit"] == "article"
    assert round_trip["settings"]["seed"] == 0
    assert "numpy" in round_trip["environment"]["packages"]
    assert {"python", "git_commit", "git_dirty"} <= set(round_trip["environment"])
    (dataset,) = round_trip["datasets"]
    assert dataset["path"] == str(corpus)
    assert (dataset["articles"], dataset["quotes"]) == (12, 48)
    assert dataset["content_hash"] == content_hash(read_fixtures(corpus))
    assert [result["model"]["id"] for result in round_trip["results"]] == [
        "keyword.v1",
        "majority.v1",
    ]
    assert round_trip["timings"]["total_s"] > 0


def test_report_matches_its_published_json_schema(report: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(json.dumps(report)), schema)
    broken = json.loads(json.dumps(report)) | {"schema_version": 2}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_stance_scores_are_the_metric_functions_on_the_gold_quotes(
    report: dict[str, Any], corpus: Path
) -> None:
    quotes = [quote for article in read_fixtures(corpus) for quote in article.quotes]
    expected = classification_scores(
        references=[str(quote.stance) for quote in quotes],
        predictions=[keyword_label(quote) for quote in quotes],
    )
    stance = report["results"][0]["stance"]
    assert stance["accuracy"] == expected.accuracy
    assert stance["confusion"] == [list(row) for row in expected.confusion]
    for name in ("accuracy", "macro_f1", *(f"f1:{label}" for label in LABELS)):
        interval = stance["intervals"][name]
        assert interval["ci_low"] <= interval["value"] <= interval["ci_high"]
    assert report["results"][0]["timings"]["quotes_per_s"] > 0


def test_errors_are_the_misclassified_quotes_most_confident_first(report: dict[str, Any]) -> None:
    keyword, majority = report["results"]
    assert len(keyword["errors"]) == round(48 * (1 - keyword["stance"]["accuracy"]))
    assert all(error["gold"] != error["predicted"] for error in keyword["errors"])
    assert {"article_id", "gold", "predicted", "confidence", "text"} <= set(keyword["errors"][0])
    confidences = [error["confidence"] for error in majority["errors"] + keyword["errors"]]
    assert confidences[: len(majority["errors"])] == sorted(
        confidences[: len(majority["errors"])], reverse=True
    )


def test_slices_cover_every_quote_and_show_where_a_model_fails(report: dict[str, Any]) -> None:
    slices = report["results"][0]["slices"]
    assert set(slices) == {"kind", "domain", "quote_mark", "difficulty"}
    for values in slices.values():
        assert sum(value["quotes"] for value in values.values()) == 48
    assert set(slices["kind"]) == {"direct", "indirect"}
    assert set(slices["quote_mark"]) == {"curly double", "no marks"}
    # The keyword model needs cue words, which the hard statements lack by construction.
    assert slices["difficulty"]["easy"]["accuracy"]["value"] == 1.0
    assert slices["difficulty"]["hard"]["accuracy"]["value"] == 0.0


def test_calibration_bins_hold_every_quote(report: dict[str, Any]) -> None:
    calibration = report["results"][0]["calibration"]
    assert sum(calibration["bins"]["count"]) == 48
    # Every keyword prediction has confidence 0.7, right half of the time here.
    accuracy = report["results"][0]["stance"]["accuracy"]
    assert calibration["ece"]["value"] == pytest.approx(abs(0.7 - accuracy))


def test_every_two_models_get_a_paired_comparison(report: dict[str, Any]) -> None:
    (comparison,) = report["comparisons"]
    assert (comparison["model_a"], comparison["model_b"]) == ("keyword.v1", "majority.v1")
    difference = comparison["paired_bootstrap"]["macro_f1"]["difference"]
    results = report["results"]
    assert difference == pytest.approx(
        results[0]["stance"]["macro_f1"] - results[1]["stance"]["macro_f1"]
    )
    assert comparison["mcnemar"]["only_a_correct"] > 0


def test_extraction_and_end_to_end_scores_at_both_thresholds(report: dict[str, Any]) -> None:
    extraction = report["datasets"][0]["extraction"]
    assert set(extraction["thresholds"]) == {"0.3", "0.8"}
    for scores in extraction["thresholds"].values():
        # The test extractor finds 3 of the 4 gold quotes of each article and nothing else.
        assert (scores["precision"], scores["recall"]) == (1.0, 0.75)
        assert scores["f1_interval"]["value"] == pytest.approx(2 * 0.75 / 1.75)
        assert scores["f1_interval"]["ci_low"] <= scores["f1_interval"]["value"]
    assert extraction["timings"]["articles_per_s"] > 0
    for result in report["results"]:
        for threshold, scores in result["end_to_end"]["thresholds"].items():
            extracted = extraction["thresholds"][threshold]
            # A statement counts end to end only if it was also found.
            assert scores["correct"] <= extracted["matched"]
            assert scores["f1"] <= extracted["f1"] + 1e-12
            assert scores["f1_interval"]["value"] == pytest.approx(scores["f1"])


def test_behaviour_pass_rates_per_model(report: dict[str, Any]) -> None:
    assert set(report["behaviour"]) == {"keyword.v1", "majority.v1"}
    assert report["behaviour"]["majority.v1"]["by_type"]["invariance"]["pass_rate"] == 1.0


def test_sections_can_be_left_out(corpus: Path) -> None:
    report = evaluate(
        models=[fitted(KeywordModel())],
        fixtures=[corpus],
        settings=Settings(resamples=50, sections=("stance",)),
    )
    (result,) = report["results"]
    assert set(result) == {"model", "dataset", "quotes", "stance", "timings"}
    assert "extraction" not in report["datasets"][0]
    assert report["behaviour"] == {}
    assert report["comparisons"] == []


def test_several_fixture_sets_are_scored_separately(corpus: Path, tmp_path: Path) -> None:
    other = write_corpus(tmp_path / "other", 3, offset=100)
    report = evaluate(
        models=[fitted(KeywordModel())],
        fixtures=[corpus, other],
        settings=Settings(resamples=50, sections=("stance",)),
    )
    assert [(r["dataset"], r["quotes"]) for r in report["results"]] == [
        (str(corpus), 48),
        (str(other), 12),
    ]


def test_one_seed_gives_one_report(corpus: Path) -> None:
    def scores(seed: int) -> Any:
        settings = Settings(resamples=100, seed=seed, sections=("stance",))
        report = evaluate(models=[fitted(KeywordModel())], fixtures=[corpus], settings=settings)
        return report["results"][0]["stance"]

    assert scores(3) == scores(3)


def test_content_hash_depends_on_content_not_on_file_layout(corpus: Path, tmp_path: Path) -> None:
    articles = read_fixtures(corpus)
    jsonl = tmp_path / "all.jsonl"
    jsonl.write_text(
        "\n".join(path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.json"))[::-1]),
        encoding="utf-8",
    )
    assert content_hash(read_fixtures(jsonl)) == content_hash(articles)
    first = articles[0]
    relabelled_quote = dataclasses.replace(first.quotes[0], stance="neutral")
    relabelled = [
        dataclasses.replace(first, quotes=[relabelled_quote, *first.quotes[1:]]),
        *articles[1:],
    ]
    assert first.quotes[0].stance != "neutral"
    assert content_hash(relabelled) != content_hash(articles)
    recontextualised = [
        dataclasses.replace(
            first, quotes=[dataclasses.replace(q, context="x") for q in first.quotes]
        ),
        *articles[1:],
    ]
    assert content_hash(recontextualised) == content_hash(articles)


def test_progress_bar_goes_to_standard_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluate(
        models=[fitted(KeywordModel())],
        fixtures=[corpus],
        settings=Settings(resamples=20, sections=("stance",)),
        progress=True,
    )
    captured = capsys.readouterr()
    assert "stance eval" in captured.err
    assert captured.out == ""


class WrongOrderModel(KeywordModel):
    def fit(self, quotes: Any, labels: Any) -> WrongOrderModel:
        super().fit(quotes, labels)
        self.classes_ = tuple(reversed(LABELS))
        return self


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"models": []}, ValueError, "no models to evaluate"),
        ({"fixtures": []}, ValueError, "no fixtures to evaluate on"),
        (
            {"models": [fitted(WrongOrderModel())]},
            ValueError,
            r"has classes_ \('neutral'.*needs \('denial'",
        ),
        ({"fixtures": ["no/such/folder"]}, FileNotFoundError, "no fixtures at 'no/such/folder'"),
        (
            {"models": [fitted(KeywordModel()), fitted(KeywordModel())]},
            ValueError,
            "model 'keyword.v1' is given more than once",
        ),
    ],
)
def test_bad_inputs_fail_with_a_useful_message(
    corpus: Path, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    arguments: dict[str, Any] = {"models": [fitted(KeywordModel())], "fixtures": [corpus]}
    with pytest.raises(error, match=message):
        evaluate(**(arguments | kwargs), settings=Settings(resamples=10, sections=("stance",)))


def test_settings_reject_unknown_sections_and_splits() -> None:
    with pytest.raises(
        ValueError, match=r"unknown report section\(s\) \['vibes'\]; choose from stance"
    ):
        Settings(sections=("vibes",))
    with pytest.raises(
        ValueError, match="split must be one of train, dev, test, all; got 'holdout'"
    ):
        Settings(split="holdout")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="confidence must be between 0 and 1, got 95"):
        Settings(confidence=95)
    assert "stance" in SECTIONS
