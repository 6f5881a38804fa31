"""The ``rules`` model: which rule fires for which statement, negation, and explanations."""

from __future__ import annotations

import pytest

from stance.models import create
from stance.models.rules import RULES, RuleStanceModel, fire, rule_matches
from stance.models.testing import synthetic_quotes
from stance.records import LABELS, Quote


def _quote(text: str, cue: str | None = None, context: str | None = None) -> Quote:
    return Quote(
        text=text, start=0, end=len(text), speaker="X", cue=cue, kind="indirect", context=context
    )


@pytest.mark.parametrize(
    ("text", "cue", "expected_rule"),
    [
        # the cue verb carries the stance
        ("the operator for the delays", "blamed", "blame:cue"),
        ("any role in the leak", "denied", "denial:cue"),
        ("the volunteers for their work", "praised", "support:cue"),
        # negation turns support or responsibility into a denial
        ("The US does not support attacks on Russian territory", "said", "denial:negated-support"),
        ("We were not involved in any way", "said", "denial:negated-responsibility"),
        ("We don’t want to encourage this", "said", "denial:negated-support"),
        ("Our people have nothing to do with the fire", "said", "denial:negated-responsibility"),
        # lexicons
        ("The report is a fabrication from start to finish", "said", "denial:lexicon"),
        ("The floods were caused by years of negligence", "said", "blame:lexicon"),
        ("They have the right to self-defense", "said", "support:lexicon"),
        # non-stance senses of stance words are neutral (guideline §5)
        ("support vessels arrived at dawn", "said", "neutral:support-as-noun"),
        ("officials denied entry to the site", "said", "neutral:denied-access"),
        ("the blame game will not restore power", "said", "neutral:blame-game"),
        ("responsibility for the attack", "claimed", "neutral:claim-of-responsibility"),
        # no rule: a figure
        ("at least 500 homes were damaged", "said", "neutral:no-rule"),
    ],
)
def test_the_expected_rule_fires(text: str, cue: str, expected_rule: str) -> None:
    rule_id, label, _ = fire(_quote(text, cue))
    assert rule_id == expected_rule
    assert label == expected_rule.split(":")[0]


def test_a_partial_quote_is_read_in_its_frame() -> None:
    quote = _quote(
        "outlining the consequences",
        cue="clarified",
        context="Kirby clarified that the talks did not involve “outlining the consequences”.",
    )
    assert fire(quote)[0] == "denial:negated-frame"


def test_rule_matches_reports_every_rule() -> None:
    matches = rule_matches(_quote("We never blamed anyone and we deny it", "said"))
    assert len(matches) == len(RULES)
    fired = {rule.id for rule, hit in zip(RULES, matches, strict=True) if hit}
    assert {"denial:lexicon", "blame:lexicon", "denial:negation"} <= fired
    assert "support:lexicon" not in fired


def test_explain_names_the_rule_and_the_words() -> None:
    quotes, labels = synthetic_quotes()
    model = create("rules").fit(quotes, labels)
    assert isinstance(model, RuleStanceModel)
    [denial, figure] = model.explain(
        ["We do not support these attacks.", "At least 500 homes were damaged."]
    )
    assert denial == "denial:negated-support: 'not support'"
    assert figure == "neutral:no-rule"


def test_fit_learns_how_far_to_trust_each_rule() -> None:
    quote = _quote("the operator for the delays", "blamed")
    trusting = RuleStanceModel().fit([quote] * 10, ["blame"] * 10)
    doubting = RuleStanceModel().fit([quote] * 10, ["blame"] * 5 + ["neutral"] * 5)
    blame = LABELS.index("blame")
    assert trusting.predict_proba([quote])[0, blame] > doubting.predict_proba([quote])[0, blame]
    assert trusting.predict([quote]) == ["blame"]


def test_the_prior_keeps_a_rule_label_for_rules_never_seen_in_training() -> None:
    model = RuleStanceModel(prior_strength=4.0).fit([_quote("a figure")], ["neutral"])
    probabilities = model.predict_proba([_quote("The report is a fabrication")])[0]
    assert LABELS[probabilities.argmax()] == "denial"
    assert probabilities.min() > 0
