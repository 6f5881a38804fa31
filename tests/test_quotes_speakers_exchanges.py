"""Speaker rules, round 2: headline labels, questions and answers, apposed descriptions, the
latest role introduced, occupations written as titles.

Each table pairs a phrase or a text with the speakers it must give, and holds cases where the
rule must not fire.
"""

from __future__ import annotations

import pytest

from stance import extract_quotes
from tests.quotes_support import reduced_name, speakers_of


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # an occupation by its ending, or after a modifier, is a title before a full name
        ("Psychologist Anja Hovde", "Anja Hovde"),
        ("Ecologist Marina Zaitseva", "Marina Zaitseva"),
        ("Politician Ana Wrona", "Ana Wrona"),
        ("Rapporteur Tomislav Barić", "Tomislav Barić"),
        ("Local GP Asha Menon", "Asha Menon"),
        ("Former Mayor Jan Berg", "Jan Berg"),
        # a group named by where it is keeps the place …
        ("Shopkeepers on Harbour Street", "Shopkeepers on Harbour Street"),
        ("Farmers around Penrose Quay", "Farmers around Penrose Quay"),
        ("Passengers on the Lakeline coach service", "Passengers on the Lakeline coach service"),
        # … not when it spoke, nor a person's name before a place
        ("Observers on Monday", "Observers"),
        ("Giorgi on Harbour Street", "Giorgi"),
        # not a title: a surname ending like an occupation, a modifier before a body's name
        ("Walter Lindqvist Berg", "Walter Lindqvist Berg"),
        ("Local Authority Pension Fund", "Local Authority Pension Fund"),
        ("Local Council Asha Menon", "Local Council Asha Menon"),
    ],
)
def test_reduces_titles_and_groups(phrase: str, expected: str) -> None:
    assert reduced_name(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare label in the headline is the named subject of the lead (datelines skipped) …
        (
            "Pram maker denies hinge defect was known before recall\n\n"
            "HARWICK — Brannock & Lyle, the family-owned firm behind the pram, is taking back "
            "about 41,000 prams.\n\n"
            "The National Product Safety Office said nine children had been hurt.",
            ["Brannock & Lyle", "The National Product Safety Office"],
        ),
        (
            "Exam board defends decision to let leaked maths paper stand\n\n"
            "HARWICK - The National Examinations Council will not order a resit of the paper.",
            ["The National Examinations Council"],
        ),
        # … or, for a role, the first person with it among the article's sources
        (
            "Council leader defends closing four branch libraries\n\n"
            "BRACKENFORD, 24 November — Four of the town’s nine branch libraries will shut by "
            "April.\n\n"
            "“Closing them is the least bad choice,” said council leader Margaret Ashdown-Pryce.",
            ["Margaret Ashdown-Pryce", "Margaret Ashdown-Pryce"],
        ),
        # one capitalised word the article never writes again is a label, not a name
        (
            "Militia says it fired on aid convoy\n\n"
            "KESSA — Four drivers were killed on Tuesday. In a statement posted on Telegram, "
            "the Amrat Defence Front said its fighters had opened fire.",
            ["the Amrat Defence Front", "the Amrat Defence Front"],
        ),
        (
            "Orlenia says trawler fished in its zone\n\n"
            "The Ministry of Foreign Affairs of Vastoria rejected the claim of Orlenia.",
            ["Orlenia", "The Ministry of Foreign Affairs of Vastoria"],
        ),
        # not a label: a name or a determiner in the headline; no headline at all
        (
            "Vantor Aero says gearboxes passed every test\n\n"
            "HOLLIN — Defence officials questioned the helicopter maker on Thursday.",
            ["Vantor Aero"],
        ),
        (
            "The union says pilots were never consulted\n\n"
            "HOLLIN — Kestrel Air cut its summer schedule on Monday.",
            ["The union"],
        ),
        (
            "Pilots union said maintenance was postponed. Kestrel Air cut its schedule.",
            ["Pilots union"],
        ),
    ],
)
def test_headline_labels_name_the_lead(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the asker of a question named after it, the one who answers after that
        (
            "The committee questioned Dr Tobias Lindqvist on Tuesday. ‘How many hours did "
            "crews spend waiting?’ asked committee member Yasmin Farouk.",
            ["Yasmin Farouk"],
        ),
        (
            "Members pressed Sunita Okafor on Wednesday. ‘Which part of your timetable did "
            "you expect passengers to rely on?’ asked the committee chair, Gareth Pryce.",
            ["Gareth Pryce"],
        ),
        (
            "The committee heard the Minister of Health Eliza Novak. „Where will the women give "
            "birth now?“ asked deputy Rafał Zieliński. „In a small ward, the doctors lose their "
            "skills,“ the minister answered.",
            ["Rafał Zieliński", "Eliza Novak"],
        ),
        (
            "The union met on Monday. «We are not against the company,» answered Goran Vlašić "
            "already in the evening.",
            ["Goran Vlašić"],
        ),
        # "assured" comes before its speaker like "said"
        (
            "Shareholders held a picket. „The construction will resume in spring,“ assured the "
            "representative of the developer Denis Yakovlev.",
            ["Denis Yakovlev"],
        ),
        (
            "The minister assured investors that the bank was safe.",
            ["The minister"],
        ),
        # a pronoun that answers a question is not the asker
        (
            "The committee questioned Dr Tobias Lindqvist on Tuesday. ‘How many hours did "
            "crews spend waiting?’ asked committee member Yasmin Farouk. ‘Just over nine "
            "thousand,’ he said. ‘The crews are not the problem,’ Lindqvist added.",
            ["Yasmin Farouk", "Tobias Lindqvist", "Tobias Lindqvist"],
        ),
        # … but a pronoun after a statement that is no question may be its speaker
        (
            "The committee questioned Dr Tobias Lindqvist on Tuesday. ‘Crews waited nine "
            "thousand hours,’ said committee member Yasmin Farouk. ‘That is too long,’ she said.",
            ["Yasmin Farouk", "Yasmin Farouk"],
        ),
        # a clause that says what the speaker was asked is no speaker and reports nothing
        (
            "The line will be ready in June. Asked about the price, the minister Tariq al-Nuri "
            'smiled and answered: "Brothers do not count the kilowatts."',
            ["Tariq al-Nuri"],
        ),
        (
            "Ayaan Farah spoke in the spring. Asked whether aid groups blamed the government, "
            "she said: “The queue matters less to me.”",
            ["Ayaan Farah"],
        ),
        ("Asked Foods said prices would rise.", ["Asked Foods"]),
        # "asked" elsewhere reports nothing
        (
            "Olu Bankole was asked about the delay on Monday and left without comment.",
            [],
        ),
    ],
)
def test_questions_and_answers(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description set off before a name is the speaker's, not a reported clause
        (
            "The secretary general of SYNTEL, Patrice Ondoua, replied in the same evening. "
            "«Nobody from our union touched those towers,» he said.",
            [("Nobody from our union touched those towers,", "Patrice Ondoua")],
        ),
        # a verb that describes a document is no cue: the sentence's own cue follows
        (
            "In a statement posted on Telegram, the Amrat Defence Front said its fighters had "
            "opened fire.",
            [("its fighters had opened fire", "the Amrat Defence Front")],
        ),
        (
            "The ministry in a statement posted online denied the claim.",
            [("the claim", "The ministry")],
        ),
        # a clause before the name is still reported
        (
            "The towers are safe, Patrice Ondoua said.",
            [("The towers are safe", "Patrice Ondoua")],
        ),
        (
            "The towers were never touched, the union leader, Patrice Ondoua, said.",
            [("The towers were never touched, the union leader", "Patrice Ondoua")],
        ),
    ],
)
def test_descriptions_of_the_speaker_report_nothing(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(quote.text, quote.speaker) for quote in extract_quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the minister" is the minister introduced last, not an earlier one who spoke
        (
            "Minister Lech Bartos said the budget was fixed. Later the committee heard the "
            "Minister of Health Eliza Novak. The minister said the wards would close.",
            ["Lech Bartos", "Eliza Novak"],
        ),
        # without a later introduction the minister who spoke is kept
        (
            "The Minister of Health Eliza Novak opened the debate. Minister Lech Bartos said the "
            "budget was fixed. The minister said the wards would close.",
            ["Lech Bartos", "Lech Bartos"],
        ),
    ],
)
def test_role_is_the_latest_person_introduced_with_it(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bank's regulator is the central or national bank the text names
        (
            "The National Bank of Dravia withdrew the licence of Agroprombank. According to the "
            "regulator, the bank hid loans to its own shareholders.",
            ["the National Bank of Dravia"],
        ),
        (
            "Depositors queued outside Severny Kredit. In the Central Bank the words of the owner "
            "were called «an attempt to distract attention». The regulator stressed that the "
            "bank had hidden its losses.",
            ["the Central Bank", "the Central Bank"],
        ),
        # no central bank named: "the regulator" stays as written
        (
            "Kestrel Bank closed 40 branches. According to the regulator, the bank hid losses.",
            ["the regulator"],
        ),
    ],
)
def test_a_banks_regulator_is_the_central_bank(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected
