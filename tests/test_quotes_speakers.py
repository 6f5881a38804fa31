"""Speaker phrases reduced to names, and names resolved across the article."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance import extract_quotes
from stance.quotes.speakers import _PERSON_MENTION, _word_starts, reduce_speaker


@pytest.mark.parametrize(
    ("phrase", "name", "kind"),
    [
        ("White House National Security Council spokesman John Kirby", "John Kirby", "person"),
        ("Interior Minister Dana Roos", "Dana Roos", "person"),
        ("Grayvoron district chief Gennady Bondarev", "Gennady Bondarev", "person"),
        ("Chief Constable Sarah Lindgren", "Sarah Lindgren", "person"),
        ("Roderick Haines of the Unity Party", "Roderick Haines", "person"),
        ("the Deputy Minister of Defence of Kavran Timur Aldanov", "Timur Aldanov", "person"),
        ("Kasimir Dobrev on press conference late in the evening", "Kasimir Dobrev", "person"),
        ("Kirby also", "Kirby", "person"),
        ("the White House once again", "the White House", "organisation"),
        ("The Russian Ministry of Defense", "The Russian Ministry of Defense", "organisation"),
        (
            "The Russian Freedom Legion and the Russian Volunteer Corps (RDK)",
            "The Russian Freedom Legion and the Russian Volunteer Corps (RDK)",
            "organisation",
        ),
        ("The Kremlin", "The Kremlin", "organisation"),
        ("a source in the ministry", "a source in the ministry", "description"),
        (
            "two officials familiar with the talks",
            "two officials familiar with the talks",
            "description",
        ),
        (
            "a senior official at the Medicines Agency",
            "a senior official at the Medicines Agency",
            "description",
        ),
        (
            "residents who gathered behind the police tape",
            "residents who gathered behind the police tape",
            "description",
        ),
        ("Foreign Minister Tariq al-Hazmi", "Tariq al-Hazmi", "person"),
        # a plural possessive is no closing quotation mark; a quoted name's mark is
        ("The Independent Drivers’ Guild", "The Independent Drivers’ Guild", "organisation"),
        ("Association of observers ‘Clean Votes’", "Clean Votes", "organisation"),
        ("Procter & Gamble", "Procter & Gamble", "organisation"),
        ("King Idris bin Harun", "Idris bin Harun", "person"),
        ("deputy from faction „Solidarity“ Taras Hrytsenko", "Taras Hrytsenko", "person"),
        ("Association of observers “Clean Vote” [Saubere Wahl]", "Clean Vote", "organisation"),
        ("A group calling itself «Black Tide»", "Black Tide", "person"),
        ("the communiqué of the movement", "the movement", "description"),
        ("The authority in its communiqué", "The authority", "description"),
        ("But Dalsgaard", "Dalsgaard", "person"),
        ("Minister of Foreign Affairs Ilona Rusz", "Ilona Rusz", "person"),
        ("the Labour Compact", "the Labour Compact", "organisation"),
        ("he", "he", "pronoun"),
        # a subject pronoun ends the phrase: it is the speaker; an object pronoun is not
        ("In a statement it", "it", "pronoun"),
        ("On Monday she", "she", "pronoun"),
        ("Those close to him", "Those close to him", "description"),
        ("\u2013 she", "she", "pronoun"),
    ],
)
def test_reduces_speaker_phrases(phrase: str, name: str, kind: str) -> None:
    speaker = reduce_speaker(phrase)
    assert speaker is not None
    assert (speaker.name, speaker.kind) == (name, kind)


@pytest.mark.parametrize("phrase", ["", "   ", ", ;", " ".join(["word"] * 30)])
def test_no_speaker_in_empty_or_clause_like_phrases(phrase: str) -> None:
    assert reduce_speaker(phrase) is None


def _speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in extract_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pronoun -> the last full name
        (
            "Mayor Ana Ruiz said the bridge would open. She added that it was safe.",
            ["Ana Ruiz", "Ana Ruiz"],
        ),
        # pronoun gender: "she" skips the man named last
        ("Priya Ramsden met Tom Hale and his team. “We agree,” she said.", ["Priya Ramsden"]),
        # surname -> full name, even when the full name comes later
        ("Kirby said talks went well. Later, spokesman John Kirby left.", ["John Kirby"]),
        # description -> the person introduced with that role and affiliation
        (
            "“We are clear,” said White House spokesman John Kirby. "
            "“Very recently,” a White House spokesman said.",
            ["John Kirby", "John Kirby"],
        ),
        # a bare indefinite description is someone else
        (
            "Spokesman John Kirby spoke first. A spokesman said the talks would resume.",
            ["A spokesman"],
        ),
        # "the tribunal" -> the full organisation name in the article
        (
            "Valdera's Supreme Electoral Tribunal met. The tribunal said 41 stations lost power.",
            ["the Supreme Electoral Tribunal"],
        ),
        # "the statement" -> who issued it
        (
            "The ministry of health issued rules. “We act now,” the ministry said. “Stay home,” the statement said.",
            ["the ministry", "the ministry"],
        ),
        # "the bank" -> the bank's full name in the article
        (
            "The National Bank of Vessaria raised rates. The bank said inflation was too high.",
            ["the National Bank of Vessaria"],
        ),
        # "the company" -> the company the article names most often
        (
            "Orsolo recalled 9,000 bikes. Orsolo said the fault was rare. "
            "The Cycle Federation said shops were ready. The company said refunds would follow.",
            ["Orsolo", "The Cycle Federation", "Orsolo"],
        ),
        # a one-word name -> its longer form in the article
        (
            "Smart-heating firm Calido Home faced outages. Calido said all devices were restored.",
            ["Calido Home"],
        ),
        # unnamed sources stay as written
        ("A source in the ministry said the talks had failed.", ["A source in the ministry"]),
        # no earlier name: the pronoun is kept as written
        ("He said the talks had failed.", ["he"]),
        # a pronoun goes to the person named last, by surname alone too
        (
            "Alex Hale and Sam Reed met on Monday. Hale left early. He said the deal was off.",
            ["Alex Hale"],
        ),
        # ... but not to a longer word that starts with the surname
        (
            "Alex Hale and Sam Reed met on Monday. Haley left early. He said the deal was off.",
            ["Sam Reed"],
        ),
        # ... nor to a surname inside a quotation or inside someone's reported statement
        (
            "Alex Hale and Sam Reed met on Monday. “Hale left early,” a witness said. "
            "He said the deal was off.",
            ["a witness", "Sam Reed"],
        ),
        (
            "The developer Stanko Vuleta insisted he had every stamp. Regional prosecutor Mirela "
            "Dan said documents were seized. Vuleta has been denied permission to leave the "
            "country, she added.",
            ["Stanko Vuleta", "Mirela Dan", "Mirela Dan"],
        ),
        # "the company" -> the name the text introduced with that noun
        (
            "The drone is made by the Norvalian company Brenner Aerotech. The company said it "
            "sold the model abroad.",
            ["Brenner Aerotech"],
        ),
        (
            "Falkenried & Cie, a private bank based in Lauzenberg, said it had complied. The bank "
            "said it gave no such instruction.",
            ["Falkenried & Cie", "Falkenried & Cie"],
        ),
        # ... not a person's name, nor a name before a role in that body, nor a capitalised noun
        (
            "Dr Ana Ruiz, the department head, arrived on Monday. The department said nurses "
            "were sent to the ward.",
            ["The department"],
        ),
        (
            "Liesl Vandermeer, a spokeswoman for the union, spoke on Monday. The union said "
            "prices rose sharply.",
            ["The union"],
        ),
        (
            "The Company Board met on Monday. The company said it would appeal the ruling.",
            ["The company"],
        ),
        # "the tax agency" -> the name that ends with those words
        (
            "The errors came from the National Tax Agency. The tax agency said the files were "
            "identical in format.",
            ["the National Tax Agency"],
        ),
        ("The tax agency said the files were identical in format.", ["The tax agency"]),
        # a name inside someone's quotation is not the reporter's antecedent for a pronoun
        (
            "Mayor Ana Ruiz did not hide her anger. “We wrote to Tom Hale four times,” she said.",
            ["Ana Ruiz"],
        ),
        ("Mayor Ana Ruiz met Tom Hale on Monday. He said the deal was off.", ["Tom Hale"]),
        # "the statement" -> who made that statement; not a different kind of document
        (
            "Foreign minister Henrik Solberg made a statement late on Thursday. «We do not "
            "support attacks», the statement says.",
            ["Henrik Solberg"],
        ),
        (
            "Henrik Solberg made a statement late on Thursday. «We do not support attacks», the "
            "letter says.",
            ["the letter"],
        ),
        # a possessive ends a name: "Nadia Rahmani’s Instagram account" names Nadia Rahmani
        (
            "The squad posted on captain Nadia Rahmani’s Instagram account. Rahmani said the "
            "players had no quarrel with the coach.",
            ["Nadia Rahmani"],
        ),
        # a document of a source: "The fire service’s advice: …" is the fire service's
        (
            "The Kelsborough Fire Service checked homes on Monday. The fire service’s advice: "
            "every household should test its alarms this week.",
            ["the Kelsborough Fire Service"],
        ),
    ],
)
def test_resolves_speakers(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister Ana Ruiz met John Kirby.", ["Minister Ana Ruiz", "John Kirby"]),
        ("McDonald Smith spoke", ["McDonald Smith"]),
        # Negative cases: a run that starts inside a word is not a mention of its own.
        ("xAna Ruiz", []),
        ("iPhone Pro Max", ["Pro Max"]),
        ("snake_Case Words", []),
        ("one Word", []),
    ],
)
def test_capitalised_runs_start_at_a_word_start(text: str, expected: list[str]) -> None:
    assert [m.group() for m in _word_starts(_PERSON_MENTION, text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Ab", "cD", "McD", "X.", " ", "\t", "’", "-", "_", "É", "1"])))
def test_capitalised_runs_equal_a_word_boundary_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    with_boundary = re.compile(r"\b(?:" + _PERSON_MENTION.pattern + ")")
    assert [m.span() for m in _word_starts(_PERSON_MENTION, text)] == [
        m.span() for m in with_boundary.finditer(text)
    ]
