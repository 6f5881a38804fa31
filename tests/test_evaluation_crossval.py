"""Grouped k-fold cross-validation by article."""

from __future__ import annotations

from pathlib import Path

import pytest

from stance import read_fixtures
from stance.evaluation import article_folds, cross_validate
from tests.evaluation_support import MajorityModel, write_corpus


@pytest.fixture
def articles(tmp_path: Path) -> list:
    return read_fixtures(write_corpus(tmp_path / "corpus", 10))


def test_folds_partition_the_articles_and_balance_quotes(articles: list) -> None:
    folds = article_folds(articles, folds=3, seed=0)
    ids = [article_id for fold in folds for article_id in fold]
    assert sorted(ids) == sorted(article.id for article in articles)
    assert sorted(len(fold) for fold in folds) == [3, 3, 4]  # 4 quotes per article


def test_folds_depend_on_the_seed_only(articles: list) -> None:
    assert article_folds(articles, folds=3, seed=1) == article_folds(articles, folds=3, seed=1)
    assert article_folds(articles, folds=3, seed=1) != article_folds(articles, folds=3, seed=2)


@pytest.mark.parametrize(
    ("folds", "message"),
    [(1, "folds must be at least 2, got 1"), (11, "cannot make 11 folds from 10 article")],
)
def test_impossible_fold_counts_are_errors(articles: list, folds: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        article_folds(articles, folds=folds)


def test_no_article_is_scored_by_a_model_that_trained_on_it(
    articles: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    fitted_models: list[MajorityModel] = []
    original_fit = MajorityModel.fit

    def recording_fit(self: MajorityModel, quotes: list, labels: list) -> MajorityModel:
        fitted_models.append(self)
        return original_fit(self, quotes, labels)

    monkeypatch.setattr(MajorityModel, "fit", recording_fit)
    result = cross_validate(MajorityModel(), articles, folds=5, seed=0, resamples=50)
    assert len(fitted_models) == 5
    for model, fold in zip(fitted_models, result["folds"], strict=True):
        assert model.seen_articles_.isdisjoint(fold["articles"])
        assert len(model.seen_articles_) == 10 - len(fold["articles"])
    assert sum(fold["quotes"] for fold in result["folds"]) == 40
    assert result["pooled"]["labels"] == ["denial", "support", "blame", "neutral"]
    pooled = result["intervals"]["macro_f1"]
    assert pooled["ci_low"] <= pooled["value"] <= pooled["ci_high"]
