"""extract_quotes: one table per pattern, each with negative cases.

Each row is ``(text, expected)`` with ``expected`` a list of ``(span, kind, speaker)``.
"""

from __future__ import annotations

import pytest

from stance import Quote, extract_quotes
from stance.text import sentence_context

Expected = list[tuple[str, str, str | None]]


def _found(text: str) -> Expected:
    return [(quote.text, quote.kind, quote.speaker) for quote in extract_quotes(text)]


DIRECT = [
    (
        '"We never signed that contract," said Orla Venn.',
        [("We never signed that contract,", "direct", "Orla Venn")],
    ),
    ("“We never signed,” Orla Venn said.", [("We never signed,", "direct", "Orla Venn")]),
    ("«Nous avons gagné», said Ana Ruiz.", [("Nous avons gagné", "direct", "Ana Ruiz")]),
    ("« Non », said Ana Ruiz.", [("Non", "direct", "Ana Ruiz")]),
    ("„Wir haben gewonnen“, said Jonas Weber.", [("Wir haben gewonnen", "direct", "Jonas Weber")]),
    (
        "‘We don’t comment on complaints,’ Olander said.",
        [("We don’t comment on complaints,", "direct", "Olander")],
    ),
    ("Mayor Ana Ruiz said: “The water is safe.”", [("The water is safe.", "direct", "Ana Ruiz")]),
    # a quote split around its attribution: one entry per run, same speaker
    (
        "“We did not,” Ana Ruiz said, “and we will not.”",
        [("We did not,", "direct", "Ana Ruiz"), ("and we will not.", "direct", "Ana Ruiz")],
    ),
    # multi-paragraph quote
    (
        "“We will rebuild the bridge.\n\n“And we will do it by spring,” said Ana Ruiz.",
        [
            ("We will rebuild the bridge.", "direct", "Ana Ruiz"),
            ("And we will do it by spring,", "direct", "Ana Ruiz"),
        ],
    ),
    # speaker in the previous paragraph
    (
        "Ana Ruiz, 71, a retired teacher, waited four hours.\n\n“They did everything right.”",
        [("They did everything right.", "direct", "Ana Ruiz")],
    ),
    # speaker in the next sentence
    (
        "“Nobody switched anything off.” That was the account of the director, Tomás Ibarra.",
        [("Nobody switched anything off.", "direct", "Tomás Ibarra")],
    ),
    # negatives: no marks, or an unclosed mark
    ("We never signed that contract, said nobody.", []),
    # an unclosed mark is no quotation; the reported clause is kept without it
    ("He said “we will see.\n\nThen he left.", [("we will see", "indirect", "he")]),
]

PARTIAL = [
    ("Venn called the report “a work of fiction”.", [("a work of fiction", "partial", "Venn")]),
    (
        "Podoliak said that Kiev is “observing the events, but has nothing to do with it.”",
        [("observing the events, but has nothing to do with it.", "partial", "Podoliak")],
    ),
    (
        "Kirby said the talks did not involve “outlining the consequences” but were “merely an "
        "acknowledgment” that they understood each other.",
        [
            ("outlining the consequences", "partial", "Kirby"),
            ("merely an acknowledgment", "partial", "Kirby"),
        ],
    ),
    (
        "The talks took place “very recently, literally on the last day,” a spokesman said.",
        [("very recently, literally on the last day,", "partial", "a spokesman")],
    ),
    (
        "Interior Minister Raúl Quintanilla called the accusation “an insult to the linemen”.",
        [("an insult to the linemen", "partial", "Raúl Quintanilla")],
    ),
    # negatives: scare quotes, titles, nicknames, quoted names
    ("The so-called “reform” passed on Monday.", []),
    ("Troops began the exercise “Northern Gate” at dawn.", []),
    ("Anton “the Hammer” Belić was arrested.", []),
    ("Passengers used the “Harbour Line” service.", []),
    ("The team, known to supporters as “the Herons”, won again.", []),
    ("He read “War and Peace” twice.", []),
    ("The dollar, which people call «blue», rose again.", []),
    ("The tribunal's “quick count”, a projection, was delayed.", []),
    ("The leaflet “What They Don't Tell You About the Jab” was handed out.", []),
    # a word or two quoted next to a verb of judgement is a partial quote
    (
        "The minister expressed «total solidarity» with the town.",
        [("total solidarity", "partial", None)],
    ),
]

INDIRECT = [
    # a second verb of the sentence's subject: the subject speaks
    (
        "The Association of Magistrates thanked investigators and said the case was closed.",
        [("the case was closed", "indirect", "The Association of Magistrates")],
    ),
    # ... but a prepositional phrase names no one: "posted" is no attribution of its own
    (
        "In a statement signed by all 23 players and posted on the captain’s account, the squad "
        "said the wages were four months late.",
        [("the wages were four months late", "indirect", "the squad")],
    ),
    (
        "The ministry said that the bridge would reopen on Monday.",
        [("the bridge would reopen on Monday", "indirect", "The ministry")],
    ),
    (
        "The ministry said the bridge would reopen on Monday.",
        [("the bridge would reopen on Monday", "indirect", "The ministry")],
    ),
    (
        "The bridge would reopen on Monday, the ministry said.",
        [("The bridge would reopen on Monday", "indirect", "the ministry")],
    ),
    (
        "At least 500 homes were damaged, said district chief Gennady Bondarev.",
        [("At least 500 homes were damaged", "indirect", "Gennady Bondarev")],
    ),
    (
        "According to the governor, Vyacheslav Gladkov, one resident was killed.",
        [("one resident was killed", "indirect", "Vyacheslav Gladkov")],
    ),
    (
        "One resident was killed, according to the governor.",
        [("One resident was killed", "indirect", "the governor")],
    ),
    (
        "The union blamed the operator for the delays.",
        [("the operator for the delays", "indirect", "The union")],
    ),
    (
        "The Kremlin accused Kiev of trying to divert attention.",
        [("Kiev of trying to divert attention", "indirect", "The Kremlin")],
    ),
    ("The company denied the allegations.", [("the allegations", "indirect", "The company")]),
    (
        "Mikhail Podoliak, adviser to the head of the office, said Kiev had nothing to do with it.",
        [("Kiev had nothing to do with it", "indirect", "Mikhail Podoliak")],
    ),
    (
        "Mayor Ana Ruiz told reporters the water was safe.",
        [("the water was safe", "indirect", "Ana Ruiz")],
    ),
    (
        "The governor wrote on Telegram that two drones were shot down.",
        [("two drones were shot down", "indirect", "The governor")],
    ),
    (
        "Kaya Bulk's statement says the crew is safe.",
        [("the crew is safe", "indirect", "Kaya Bulk")],
    ),
    (
        "The mayor's office: the water is safe to drink.",
        [("the water is safe to drink", "indirect", "The mayor's office")],
    ),
    (
        "The Ministry of Health said the water was safe and that no one fell ill.",
        [
            ("the water was safe", "indirect", "The Ministry of Health"),
            ("no one fell ill", "indirect", "The Ministry of Health"),
        ],
    ),
    (
        "The ministry said the plan was legal, adding that work would start soon.",
        [
            ("the plan was legal", "indirect", "The ministry"),
            ("work would start soon", "indirect", "The ministry"),
        ],
    ),
    # a colon after the cue and its listener introduces the statement
    (
        "A source in the ministry told the agency: the factory will stay open.",
        [("the factory will stay open", "indirect", "A source in the ministry")],
    ),
    # a group that names itself
    (
        "A group calling itself “Black Tide” said on Telegram that it had copied the files.",
        [("it had copied the files", "indirect", "Black Tide")],
    ),
    # a coordinated second cue starts a second statement of the same speaker
    (
        "Nordlink said hackers had accessed names, but insisted that no passwords were taken.",
        [
            ("hackers had accessed names", "indirect", "Nordlink"),
            ("no passwords were taken", "indirect", "Nordlink"),
        ],
    ),
    # "according to X" without a comma
    (
        "According to the Kellbacher Rundschau the attackers entered the server in March.",
        [("the attackers entered the server in March", "indirect", "the Kellbacher Rundschau")],
    ),
    # a trailing attribution reports the whole clause, cue verb and all
    (
        "The exchange denied the request to resume trading, spokesman Marek Zuraw said.",
        [("The exchange denied the request to resume trading", "indirect", "Marek Zuraw")],
    ),
    # "claimed" with a clause, not with an object
    (
        "Medilog claimed it had received only 30 percent of its order.",
        [("it had received only 30 percent of its order", "indirect", "Medilog")],
    ),
    # a clause conjoined to one holding a quoted fragment is reported on its own
    (
        "According to him, the drought is “a problem of the whole south” and it is not right "
        "to blame one town.",
        [
            ("a problem of the whole south", "partial", "him"),
            ("it is not right to blame one town", "indirect", "him"),
        ],
    ),
    # "disputed" reports speech when its object is an account, not a border
    (
        "Reto Hofmann disputed the cooperative's account.",
        [("the cooperative's account", "indirect", "Reto Hofmann")],
    ),
    ("The two states have disputed a stretch of their border since 1990.", []),
    # negatives: passive cues, non-speech senses, nothing reported
    ("The suspect was accused of theft.", []),
    ("The app added a dark mode last week.", []),
    ("Officials were told to leave the building.", []),
    ("The storm claimed the lives of three people, which was tragic.", []),
    ("The weather was fine and the match went ahead.", []),
    ("The storm claimed the lives of three people.", []),
    ("The project, which the minister announced on Monday, will cost 40 million.", []),
    (
        "“We won,” Ana Ruiz said on a visit to a hospital in the town.",
        [("We won,", "direct", "Ana Ruiz")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_direct_quotes(text: str, expected: Expected) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), PARTIAL)
def test_partial_quotes(text: str, expected: Expected) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_indirect_speech(text: str, expected: Expected) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“We won,” said Ana Ruiz.", "said"),
        ("Ana Ruiz told reporters the vote was fair.", "told reporters"),
        ("Ana Ruiz wrote on Telegram that the vote was fair.", "wrote on Telegram"),
        ("According to Ana Ruiz, the vote was fair.", "According to"),
        ("Ana Ruiz denied the allegations.", "denied"),
    ],
)
def test_fills_the_cue_as_written(text: str, cue: str) -> None:
    (quote,) = extract_quotes(text)
    assert quote.cue == cue


def test_every_quote_has_exact_offsets_context_and_no_stance() -> None:
    text = "Intro line.\n\n“We did not,” she said. The ministry said the bridge would reopen."
    quotes = extract_quotes(text)
    assert quotes
    for quote in quotes:
        assert isinstance(quote, Quote)
        assert text[quote.start : quote.end] == quote.text
        assert quote.stance is None
        assert quote.context == sentence_context(text, quote.start, quote.end)


def test_quotes_come_in_reading_order() -> None:
    text = "The bridge would reopen, the ministry said. “Good,” said Ana Ruiz."
    starts = [quote.start for quote in extract_quotes(text)]
    assert starts == sorted(starts)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_has_no_quotes(text: str) -> None:
    assert extract_quotes(text) == []


@pytest.mark.parametrize("value", [None, b"bytes", 42, ["a list"]])
def test_rejects_non_str_input(value: object) -> None:
    with pytest.raises(TypeError, match=r"extract_quotes expects the article text as a str, got "):
        extract_quotes(value)  # type: ignore[arg-type]


def test_type_error_names_what_was_passed() -> None:
    with pytest.raises(TypeError, match=r"got bytes; pass the text itself"):
        extract_quotes(b"text")  # type: ignore[arg-type]


def test_seed_article_spans_match_the_guideline() -> None:
    from stance import read_fixtures

    (article,) = read_fixtures("fixtures/seed/us-ukraine-belgorod.json")
    found = {(quote.start, quote.end) for quote in extract_quotes(article.text)}
    gold = {(quote.start, quote.end) for quote in article.quotes}
    # Exact spans for all but the garbled "According to New York At one time" sentence.
    assert len(gold & found) >= len(gold) - 1
