"""The ``rules`` model: which rule fires for which statement, negation, and explanations."""

from __future__ import annotations

from pathlib import Path

import pytest

from stance.articles import read_fixtures
from stance.models import create
from stance.models.rules import (
    RULES,
    RuleStanceModel,
    _fields,
    fire,
    rule_feature_matrix,
)
from stance.models.testing import synthetic_quotes
from stance.records import LABELS, Quote

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _quote(text: str, cue: str | None = None, context: str | None = None) -> Quote:
    return Quote(
        text=text, start=0, end=len(text), speaker="X", cue=cue, kind="indirect", context=context
    )


def _matching(quote: Quote) -> list[int]:
    """The indices into RULES of the rules that match ``quote``, from its rule features."""
    return [int(index) for index in rule_feature_matrix([quote])[0].nonzero()[0]]


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


@pytest.mark.parametrize(
    ("text", "expected_label"),
    [
        # first-person denial of one's own act
        ("We never took a single payment from that firm", "denial"),
        ("I did not sign that order and I have the calendar to show it", "denial"),
        ("The depot never stored fuel for anyone", "denial"),
        ("Our crews never stopped working and I am proud of them", "support"),  # not a denial
        ("The ballots were never delivered to the count", "denial"),  # negation, not own conduct
        # defending one's conduct with the record, discrediting the account
        ("Every contract was signed in full accordance with the law", "denial"),
        ("That figure was pulled out of thin air", "denial"),
        ("This is a fairy tale written for the tabloids", "denial"),
        ("The air quality report comes out on Monday", "neutral"),
        # blame without a blame word: choices and failures of others
        ("Somebody in that office decided the warnings could wait", "blame"),
        ("Someone from the council will visit the site on Monday", "neutral"),
        ("We wrote to the agency four times. Nobody answered", "blame"),
        ("A wall this new does not collapse by itself", "blame"),
        ("The council chose not to repair the pumps", "blame"),
        ("If the inspectors had checked the pumps, the village would be dry", "blame"),
        ("If the weather holds, the crews had better finish by June", "neutral"),
        ("Where was the ministry when the river rose?", "blame"),
        ("They knew about the cracks for a year", "blame"),
        ("Nobody at the regional office picked up the phone for a week", "blame"),
        ("Nobody from our staff called the newspaper", "denial"),
        ("That the river flooded twice in a month is not a coincidence", "blame"),
        ("It was their decision, not ours", "blame"),
        ("The managers who signed it must answer before the courts", "blame"),
        ("She will not be made the scapegoat for the board", "blame"),
        ("Staff will answer questions from parents at the school gate", "neutral"),
        ("Whatever this board is, it is not honest", "blame"),
        ("It is honest work and we are proud of it", "support"),
        # praise without a praise word
        ("The rescue crews did everything right", "support"),
        ("Closing the bridge was the only sensible decision", "support"),
        ("The passengers have been remarkably patient", "support"),
        ("The patient was moved to another ward", "neutral"),
        ("Families in the valley can count on us", "support"),
        # declining to assign blame, or to comment, is neutral
        ("Whose fault this is can be settled later; today we pump water", "neutral"),
        ("We are not here to blame anyone", "neutral"),
        ("The fault lies with the operator", "blame"),
        ("The ministry would not comment on the report", "neutral"),
        ("No one was hurt in the blast", "neutral"),
        ("We would not do such a thing", "denial"),
        # the order between the new rules: a self-clearing question is a denial, not blame; a
        # negation inside a counterfactual or a commitment is not a denial
        ("Why would I start doping now, at thirty-four?", "denial"),
        ("Who decided the repairs could wait?", "blame"),
        ("Had they read the report, we would not be counting the dead", "blame"),
        ("Without them we would not have one bed left in this town", "support"),
        ("The government will not stand in its way", "support"),
        ("The researcher greatly overstated how many customers were affected", "denial"),
        ("Our poll workers were magnificent all night", "support"),
        ("The umpire got it right", "support"),
        # a translator's gloss does not split a phrase
        ("the responsibility [Verantwortung] for the outage lies with the grid operator", "blame"),
    ],
)
def test_direct_quote_content(text: str, expected_label: str) -> None:
    rule_id, label, _ = fire(_quote(text, cue="said"))
    assert label == expected_label, rule_id


@pytest.mark.parametrize(
    ("quote_text", "context", "expected_rule"),
    [
        # calling the other side's account something disputes it
        (
            "a story for the insurers",
            "The ministry called the navy's account “a story for the insurers”.",
            "denial:discredited-claim",
        ),
        (
            "a brave step",
            "The mayor called the decision “a brave step”.",
            "support:lexicon",
        ),
        # a denial verb elsewhere in the sentence frames the quote
        (
            "checked twice by an outside firm",
            "The company insisted the tanks were sound and said they had been “checked twice by an"
            " outside firm”.",
            "denial:frame-verb",
        ),
        (
            "held in custody until Monday",
            "The court denied bail to both men, who will be “held in custody until Monday”.",
            "neutral:no-rule",
        ),
    ],
)
def test_the_frame_around_a_partial_quote(
    quote_text: str, context: str, expected_rule: str
) -> None:
    assert fire(_quote(quote_text, cue="said", context=context))[0] == expected_rule


def test_a_partial_quote_is_read_in_its_frame() -> None:
    quote = _quote(
        "outlining the consequences",
        cue="clarified",
        context="Kirby clarified that the talks did not involve “outlining the consequences”.",
    )
    assert fire(quote)[0] == "denial:negated-frame"


@pytest.mark.parametrize(
    ("rule_id", "text", "fires"),
    [
        # admissions are neutral (guideline §4)
        ("neutral:admission", "The outage happened on my watch and I will fix it", True),
        ("neutral:admission", "We made serious mistakes in the first week", True),
        ("neutral:admission", "The night watch made its rounds at two", False),
        # a negated abandonment commits to help
        ("support:negated-abandonment", "We will not abandon them, whatever the court says", True),
        ("support:negated-abandonment", "No tenant will be left without heating this winter", True),
        ("support:negated-abandonment", "The ferry will not leave before noon", False),
        # a support verb governing the quoted fragment
        ("support:frame-verb", "The council said it backed “_quote_” in full.", True),
        ("support:frame-verb", "The council said “_quote_” and went back to work.", False),
        # the record offered against an accusation
        ("denial:record", "Every shipment was checked twice at the border", True),
        ("denial:record", "The grant was paid in full and on time", True),
        ("denial:record", "I have every receipt from that trip", True),
        ("denial:record", "Anyone can verify the figures for themselves", True),
        ("denial:record", "The tanks were emptied within the legal limits", True),
        ("denial:record", "Every shipment will be delayed by the strike", False),
        ("denial:record", "I have the feeling this will take a while", False),
        ("denial:record", "Every bag is checked at the gate", False),  # a procedure
        ("denial:record", "The loan will be repaid in full by 2030", False),
        ("denial:record", "The records show a rise in burglaries", False),
        ("denial:record", "Forms must be submitted within the deadline", False),
        # blame told without a blame word
        ("blame:lexicon", "Who profits from a city without buses?", True),
        ("blame:lexicon", "The ambulance arrived far too late for him", True),
        ("blame:lexicon", "The ministry was slow to react to the warnings", True),
        ("blame:lexicon", "Crops failed because of the board's mismanagement", True),
        ("blame:lexicon", "The regulator looked away while the dam cracked", True),
        ("blame:lexicon", "This government has blood on its hands", True),
        ("blame:lexicon", "The operator put passengers' lives at risk", True),
        ("blame:lexicon", "The club still owes us three months of wages", True),
        ("blame:failure-to-act", "Why did nobody at the depot check the valves?", True),
        ("blame:failure-to-act", "Why didn't the board act on the first report?", True),
        ("blame:failure-to-act", "Why the river rose so fast is not yet clear", False),
        ("blame:lexicon", "Better an hour early than too late", False),
        ("blame:lexicon", "Who wins the cup is up to the players", False),
        ("blame:lexicon", "We sat on the bench and waited for the bus", False),
        # the same praise words keep their sense; owing thanks is not owing money
        ("support:lexicon", "This town is lucky to have a doctor like her", True),
        ("support:lexicon", "Importing the vaccine was the right call", True),
        ("support:lexicon", "It is the only way into the valley", False),
        ("support:lexicon", "I could not be prouder of the night shift", True),
        ("support:lexicon", "We owe the volunteers our thanks", True),
        ("support:lexicon", "The club owes us three months of wages", False),
        # non-stance senses of support and declining to comment
        ("neutral:support-as-noun", "The support convoys reached the valley at noon", True),
        ("neutral:reserved-negation", "We don't comment on ongoing cases", True),
        ("neutral:reserved-negation", "I'm not going to prejudge the inquiry", True),
        ("neutral:blame-deferred", "This isn't about blaming the drivers", True),
        # a counterfactual pins harm on an act; an inverted "had" must open a sentence
        ("blame:agency", "Had the council spent half of that on the roof, we would be open", True),
        ("blame:agency", "This would never have happened if the gate had been locked", True),
        ("blame:agency", "The plant had closed in March, and it would reopen in May", False),
        ("blame:agency", "The operator knew about the leak since 2022", True),
        ("blame:agency", "The contract went to his brother without a competition", True),
        ("blame:agency", "The contract went to the lowest bidder after a competition", False),
        # credit told as a counterfactual
        (
            "support:counterfactual-credit",
            "Without these volunteers the shelter would be shut",
            True,
        ),
        (
            "support:counterfactual-credit",
            "The deal would not have existed without the strike",
            True,
        ),
        ("support:counterfactual-credit", "Without a permit the works would be illegal", False),
        ("support:counterfactual-credit", "We cannot open the hall without them signing", False),
        # rhetorical questions: clearing oneself, accusing someone; a plain question is neither
        ("denial:rhetorical-question", "Why would we hide a report we published ourselves?", True),
        ("denial:rhetorical-question", "Who would burn down his own warehouse?", True),
        ("denial:rhetorical-question", "Why would the ferry be late today, he wondered", False),
        ("blame:rhetorical-question", "Who signed off on a bridge with cracks this wide?", True),
        (
            "blame:rhetorical-question",
            "How many more winters must the school run on a generator?",
            True,
        ),
        ("blame:rhetorical-question", "How many people came to the meeting?", False),
        ("blame:rhetorical-question", "Who will chair the committee is not yet decided", False),
        # evidence anyone can inspect, offered against an accusation
        ("denial:record", "The payslips show it line by line", True),
        ("denial:record", "Our logbook is public; anyone can check the times", True),
        ("denial:record", "Her alibi was confirmed by the hotel staff", True),
        ("denial:record", "The survey shows a rise in complaints", False),
        ("denial:record", "You can see the lake from the bridge", False),
        # the rulebook cited as the measure of one's conduct, not a procedure stated
        (
            "denial:by-the-rules",
            "The rise was announced a month ahead, as the contract provides",
            True,
        ),
        (
            "denial:by-the-rules",
            "Every letter was answered within the 30 days the law allows",
            True,
        ),
        ("denial:by-the-rules", "We followed every step of the permit, twice", True),
        ("denial:by-the-rules", "The new law requires every bus to carry a ramp", False),
        ("denial:by-the-rules", "The law allows fines of up to 4 percent of turnover", False),
        # blame told as stalling and as self-interest
        ("blame:stalling", "Three times the answer was next year", True),
        ("blame:stalling", "They kept the lab results in a drawer for eleven months", True),
        ("blame:stalling", "The ministry promised us a new radar in 2019", True),
        ("blame:stalling", "She answered every question from the floor", False),
        ("blame:stalling", "The minister promised to visit the valley on Friday", False),
        ("blame:self-interest", "They sold the club's fans to the highest bidder", True),
        ("blame:self-interest", "The canton cut our grant by nine million", True),
        ("blame:self-interest", "This is what happens when you close the night train", True),
        ("blame:self-interest", "The mayor cut the ribbon at noon", False),
        ("blame:self-interest", "The app helps families save money on heating", False),
        # where an attack came from names who made it
        ("blame:lexicon", "The shells came from the west bank of the river", True),
        ("blame:lexicon", "Most of the money came from donors", False),
        # a promise of help to those affected
        (
            "support:promise-of-help",
            "Every family that lost its home will receive a new flat",
            True,
        ),
        (
            "support:promise-of-help",
            "The district will pay for repairs until the insurers do",
            True,
        ),
        ("support:promise-of-help", "Every traveller can claim a full refund", True),
        ("support:promise-of-help", "Every driver will be tested for alcohol", False),
        ("support:promise-of-help", "Every bus will stop at the new terminal", False),
        # a negated abandonment or obstruction commits to help; not forgetting a wrong does not
        ("support:negated-abandonment", "My country will not forget who opened the doors", True),
        ("support:negated-abandonment", "The government will not stand in its way", True),
        ("support:negated-abandonment", "Not one family will stay without a flat", True),
        ("support:negated-abandonment", "We will not forget what they did to this town", False),
        # someone other than the speaker failed to pay, appear, look
        ("blame:failure-to-act", "The company has not paid wages for three months", True),
        ("blame:failure-to-act", "They cut our breaks and thought nobody would notice", True),
        ("blame:failure-to-act", "We have not paid the fine yet", False),
    ],
)
def test_pattern_fires_on_its_wording_and_not_on_near_misses(
    rule_id: str, text: str, fires: bool
) -> None:
    quote = _quote(text, cue="said")
    if "_quote_" in text:  # a frame pattern: the quote sits where _quote_ is
        fragment = "a fair deal for the valley"
        quote = _quote(fragment, cue="said", context=text.replace("_quote_", fragment))
    [index] = [i for i, rule in enumerate(RULES) if rule.id == rule_id]
    assert (index in _matching(quote)) is fires


def test_negation_rules_read_contractions_and_cannot() -> None:
    # "n't" has no word boundary before it, and "cannot" is one word.
    assert fire(_quote("We didn't support the strike", "said"))[0] == "denial:negated-support"
    assert fire(_quote("We cannot support the strike", "said"))[0] == "denial:negated-support"
    assert fire(_quote("This isn't about blaming the crew", "said"))[0] == "neutral:blame-deferred"
    assert fire(_quote("Nobody was hurt in the fire", "said"))[0] == "neutral:reserved-negation"


def test_rule_features_report_every_rule_not_only_the_first() -> None:
    quote = _quote("We never blamed anyone and we deny it", "said")
    fired = {RULES[index].id for index in _matching(quote)}
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


@pytest.mark.parametrize(
    "text",
    [
        "Nobody answered. Why did nobody at the depot check the valves?",
        "We did not support the strike and we never will",
        "Who would burn down his own warehouse? Nobody here, that much is clear",
        "At least 500 homes were damaged",
    ],
)
def test_rule_features_agree_with_each_rule_searched_alone(text: str) -> None:
    # rule_feature_matrix tests each set of anchors once for all the rules that share it.
    quote = _quote(text, cue="said")
    fields = _fields(quote)
    expected = [index for index, rule in enumerate(RULES) if rule.search(fields) is not None]
    assert _matching(quote) == expected


def test_rule_feature_matrix_has_a_row_per_quote_and_a_column_per_rule() -> None:
    quotes = [_quote("We deny it", "said"), _quote("At least 500 homes were damaged", "said")]
    features = rule_feature_matrix(quotes)
    assert features.shape == (2, len(RULES))
    assert features[0].sum() > 0
    assert features[1].sum() == 0
    assert rule_feature_matrix([]).shape == (0, len(RULES))


def test_every_match_contains_one_of_its_rules_anchors() -> None:
    # Anchors only skip work: a rule must never miss a match because of them.
    quotes = [
        quote for article in read_fixtures(FIXTURES, split="train") for quote in article.quotes
    ]
    for rule in RULES:
        if not rule.anchors:
            continue
        for quote in quotes:
            text = _fields(quote)[rule.where]
            match = rule.pattern.search(text)
            if match:
                assert any(anchor in text for anchor in rule.anchors), (rule.id, match.group(0))


def test_accented_letters_are_word_letters() -> None:
    quote = _quote(
        "a story for the insurers",
        cue="said",
        context="The ministry called Sénéchal’s accusations “a story for the insurers”.",
    )
    assert fire(quote)[0] == "denial:discredited-claim"
