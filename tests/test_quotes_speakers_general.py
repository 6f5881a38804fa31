"""General speaker rules: titles, clauses, datelines, units of a body, news items in a digest.

Each table pairs a phrase or a text with the speaker it must give, and holds cases where the
rule must not fire (a first name that looks like an occupation, a real organisation name).
"""

from __future__ import annotations

import pytest

from stance import extract_quotes
from stance.quotes.speakers import find_mentions
from tests.quotes_support import reduced_name, speakers_of


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a capitalised occupation before a full name is a title (guideline §3)
        ("Rancher Dolores Inyang", "Dolores Inyang"),
        ("Parent Sunniva Okafor", "Sunniva Okafor"),
        ("Striker Kofi Mensah-Bright", "Kofi Mensah-Bright"),
        ("Businesswoman Maren Aalto", "Maren Aalto"),
        ("Chipmaker Aurel Semiconductor", "Aurel Semiconductor"),
        ("Chipmaker Aurel Semiconductor Works", "Aurel Semiconductor Works"),
        ("Vice-chancellor Rosalind Achebe", "Rosalind Achebe"),
        ("Fr Declan Moss", "Declan Moss"),
        ("Brother Anselm Kowal", "Anselm Kowal"),
        # not a title: a first name, a surname that is an occupation, one name word only
        ("Walter Smith", "Walter Smith"),
        ("Jasper Walter Banks", "Jasper Walter Banks"),
        ("Adam Driver", "Adam Driver"),
        ("Farmer Smith", "Farmer Smith"),
        ("Minister of Interior of Dravonia", "Minister of Interior of Dravonia"),
    ],
)
def test_drops_an_occupation_written_as_a_title(phrase: str, expected: str) -> None:
    assert reduced_name(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a speaker is a noun phrase: a finite verb ends it, a later subordinator restarts it
        (
            "GELDORP — The Geldorp finance ministry froze the assets of the private lender",
            "The Geldorp finance ministry",
        ),
        (
            "Officials in the district of Sarnau halted dredging at Tallis Point on Friday after "
            "residents",
            "residents",
        ),
        (
            "Jockey Aled Morgan was banned for 21 days on Saturday after the stewards",
            "the stewards",
        ),
        (
            "The society of consumer protection states that the plant",
            "The society of consumer protection",
        ),
        (
            "The ombudsman of the Tamsk region Marina Solntseva published a report",
            "Marina Solntseva",
        ),
        (
            "The prefect of department of the Islands Hélène Marchetti-Roux",
            "Hélène Marchetti-Roux",
        ),
        ("During the stoppage the company", "the company"),
        # no finite verb: participles and adjectives stay in the noun phrase
        ("residents who were evacuated", "residents who were evacuated"),
        ("people affected by the cuts", "people affected by the cuts"),
        ("a retired teacher", "a retired teacher"),
        ("In the Office of the President", "the Office of the President"),
    ],
)
def test_keeps_the_noun_phrase_of_a_clause(phrase: str, expected: str) -> None:
    assert reduced_name(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a dateline opens a news item and is never part of a speaker
        ("KASPAR FELL, Norland — The federation", "The federation"),
        ("VELLMAR — The Vellmar foreign ministry", "The Vellmar foreign ministry"),
        ("NATO", "NATO"),
        ("BBC News", "BBC News"),
        # a unit that speaks for its body is the body (guideline §6)
        ("The press service of the interior ministry", "the interior ministry"),
        (
            "the press office of the Ministry of Consumer Affairs",
            "the Ministry of Consumer Affairs",
        ),
        ("a ministry spokeswoman", "a ministry spokeswoman"),
        ("Press Secretary Anna Lind", "Anna Lind"),
        # a source's data speak for the source; a document that opens the sentence goes
        ("data of the prefecture", "the prefecture"),
        ("In a statement on Monday the company", "the company"),
        ("In a short statement the fund", "the fund"),
        ("In a statement it", "it"),
        # a level of government stays with the body's name, other words before it do not
        ("the regional Ministry of Health", "the regional Ministry of Health"),
        ("the provincial Public Health Office", "the provincial Public Health Office"),
        ("regional Ministry of Health", "Ministry of Health"),
        ("the Russian Ministry of Defense", "the Russian Ministry of Defense"),
    ],
)
def test_reduces_datelines_units_and_documents(phrase: str, expected: str) -> None:
    assert reduced_name(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farmer Thorvald Nakashima sprays at night.", ["Thorvald Nakashima"]),
        ("The President Vesna Kralj reacted on Facebook.", ["Vesna Kralj"]),
        ("The Minister of Interior Bastien Leclercq gave an interview.", ["Bastien Leclercq"]),
        (
            "Both sides met, said Saffra's foreign minister, Khalid al-Mansour.",
            ["Khalid al-Mansour"],
        ),
        ("Walter Brandt sprays at night.", ["Walter Brandt"]),
        # a company's name is no person's, whatever title comes before it
        (
            "Alasdair Penrose-Udeh, chief executive of Kestle Farm Foods, spoke.",
            ["Alasdair Penrose-Udeh"],
        ),
        ("The Royal Pennard hotel reopened.", []),
        # a kind of business before a name introduces a company, not a person
        ("The regional carrier Nordlys Air cut flights.", []),
        # names that open with an accented capital (translated Central European copy)
        ("The mayor Radka Šimková-Hollá spoke.", ["Radka Šimková-Hollá"]),
        ("Minister Łukasz Żak and Ömer Çelik met.", ["Łukasz Żak", "Ömer Çelik"]),
        ("Élise Durand-Öberg arrived.", ["Élise Durand-Öberg"]),
        ("The Minister spoke.", []),
    ],
)
def test_finds_full_names_after_titles(text: str, expected: list[str]) -> None:
    assert [person.name for _, person in find_mentions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where or how a statement was made is not its speaker
        (
            "“We found cracks on three aircraft,” the authority's director, Ragnhild Eide, told "
            "reporters in Tromsø.",
            ["Ragnhild Eide"],
        ),
        (
            "“We never paid a penny,” its managing director, Tomasz Wrona, said by telephone "
            "from Gdańsk.",
            ["Tomasz Wrona"],
        ),
        (
            "«The update was approved by a supplier's engineer,» Altivo's chief executive, Luc "
            "Perrenoud, told a news conference in Lausanne.",
            ["Luc Perrenoud"],
        ),
        # … unless the speaker follows the place
        (
            "“The bridge is safe,” informed at a press conference in Radomsk the Minister of "
            "Infrastructure Bartosz Nowak.",
            ["Bartosz Nowak"],
        ),
        # an appositive about a place, with its own relative clause, is skipped
        (
            "Kari Brekke, mayor of Vardøya, an island that depends on three daily flights, said "
            "she wanted the planes back.",
            ["Kari Brekke"],
        ),
        # "the airport" is the body the text names with capitalised words before the noun
        (
            "Flights at Haverlock airport were cancelled for a day. The airport said the "
            "breakdown started in a conveyor motor.",
            ["Haverlock airport"],
        ),
        (
            "The President Vesna Kralj reacted on Facebook. “The officers did their duty,” "
            "Kralj wrote.",
            ["Vesna Kralj"],
        ),
        (
            "“Both delegations showed courage,” said Saffra's foreign minister, Khalid al-Mansour.",
            ["Khalid al-Mansour"],
        ),
        (
            "Farmer Thorvald Nakashima said he sprayed strictly at night. “We need the bees,” "
            "Nakashima said.",
            ["Thorvald Nakashima", "Thorvald Nakashima"],
        ),
    ],
)
def test_attributes_statements(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph that opens with a dateline is a new news item: "it" stays inside it
        (
            "ALDER BAY — The Harbour Authority said the quay would reopen in May.\n\n"
            "KESTON — Fire crews of the Keston Rescue Service worked through the night. In a "
            "statement, it said that nobody had been hurt.",
            ["The Harbour Authority", "Keston Rescue Service"],
        ),
        # without datelines the paragraphs are one story: the earlier source is kept
        (
            "The Harbour Authority said the quay would reopen in May.\n\n"
            "Fire crews of the Keston Rescue Service worked through the night. In a statement, "
            "it said that nobody had been hurt.",
            ["The Harbour Authority", "The Harbour Authority"],
        ),
    ],
)
def test_antecedents_stay_in_their_news_item(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leading word written elsewhere as a common noun or at the end of a name belongs to
        # the body or place before the person
        (
            "Below Dolní Kresno the river was low. The mayor of Dolní Kresno Jaroslava Hrubá "
            "sees it another way. “Every summer is hot,” she said.",
            ["Jaroslava Hrubá"],
        ),
        (
            "The pilots met on Monday. “We are not against the company,” said the president of "
            "the Union of Civil Pilots Goran Vlašić.",
            ["Goran Vlašić"],
        ),
        (
            "Since Kamenolom Vrh opened the quarry, the slope cracks. The director of Kamenolom "
            "Vrh Nenad Ilić denied that the quarry had caused it. „Our works are far away,“ he said.",
            ["Nenad Ilić", "Nenad Ilić"],
        ),
        # a three-word name whose first word the text uses only as a first name stays whole
        (
            "Ana Marta Ruiz took office in May. “We will rebuild,” said the mayor of Kelso "
            "Ana Marta Ruiz.",
            ["Ana Marta Ruiz"],
        ),
    ],
)
def test_separates_a_person_from_the_place_before_the_name(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # more occupations written as titles
        ("Skipper Alasdair Rennie", "Alasdair Rennie"),
        ("Harbourmaster Piet Aalders", "Piet Aalders"),
        ("Solicitor Ayo Bankole", "Ayo Bankole"),
        # a person's party or age in brackets is no part of the name; a body keeps its bracket
        ("the deputy Hélène Ravier (ecologists)", "Hélène Ravier"),
        ("Jan Novak (45),", "Jan Novak"),
        ("the Board of Arbitration (old rules)", "the Board of Arbitration (old rules)"),
        # a sentence adverb before the subject
        ("Earlier the opposition", "the opposition"),
        ("Separately, the ministry", "the ministry"),
        ("Later he", "he"),
        # a hyphenated title before the body and the person
        ("Secretary-General of the Northern Sea Council Tomas Liepiņš", "Tomas Liepiņš"),
        ("The editor-in-chief of El Farol Digital Marisol Echeverría", "Marisol Echeverría"),
        # a body's name alone after a title is no person's
        (
            "The director-general of Meridian Public Broadcasting",
            "The director-general of Meridian Public Broadcasting",
        ),
        # an auxiliary and an adverb left from the verb, a possessive before a noun cue
        ("The Kostaran Armed Forces have always", "The Kostaran Armed Forces"),
        ("Ramaswamy's", "Ramaswamy"),
        # the document, its platform and a company's legal form are no part of the source
        ("The firm in a written comment", "The firm"),
        ("In a post on LinkedIn the company", "the company"),
        ('the press service of JSC "Kraslinugol"', "Kraslinugol"),
        ("the company JSC «Teplovik»", "Teplovik"),
        ("JSC", "JSC"),
        # the one told first, then the speaker (translated copy); not a time after the subject
        ("the organisation a 19-year-old detainee", "a 19-year-old detainee"),
        ("to the agency one of the passengers", "one of the passengers"),
        ("the company a day later", "the company a day"),
    ],
)
def test_drops_words_around_the_speaker(phrase: str, expected: str) -> None:
    assert reduced_name(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare definite role: the latest unnamed source with that role in the item
        (
            "‘We never told anyone to close it,’ said a spokesperson for the Department for "
            "Transport. The spokesperson added that the plan was ‘credible and costed’.",
            [
                "a spokesperson for the Department for Transport",
                "a spokesperson for the Department for Transport",
            ],
        ),
        # a named spokesperson is found by role as before
        (
            "Ministry spokesman Ivo Brandt said the depot was closed. The spokesman added that "
            "“nobody was hurt”.",
            ["Ivo Brandt", "Ivo Brandt"],
        ),
    ],
)
def test_a_bare_role_stands_for_the_latest_source_with_it(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the force" is the police force named before
        (
            "Calder Bay Police said the footage had been overwritten. The force said it had "
            "referred the matter to its standards department.",
            ["Calder Bay Police", "the Calder Bay Police"],
        ),
        # "In the company they called …": the place is the source (a translated calque)
        (
            "The city accused the carrier Avtolain of delays. In the company they called the "
            "accusations “an attempt to shift the responsibility”.",
            ["The city", "Avtolain"],
        ),
        # but "In a statement they" is the document's issuer, not a place
        ("In a statement they said the plant was safe.", ["they"]),
    ],
)
def test_bodies_named_by_a_generic_word_or_a_place(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun after an unnamed source described by a role is that source
        (
            "Tomislav Barić, a dealer, said he was angry. “The first report reached us on 9 "
            "January,” a Veltra spokesman said. He added that no injuries had been reported.",
            ["Tomislav Barić", "a Veltra spokesman", "a Veltra spokesman"],
        ),
        # but not after an unnamed source without a role
        (
            "Tomislav Barić, a dealer, said he was angry. “It was a bad week,” a source said. He "
            "added that sales had fallen.",
            ["Tomislav Barić", "a source", "Tomislav Barić"],
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_source_with_a_role(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's office speaks for the person; the platform is no part of the source
        (
            "The Union froze the assets of the general Oumar Sall. «The general has no account "
            "abroad,» wrote his office on Facebook.",
            ["Oumar Sall"],
        ),
        ("«We never sold it,» the company wrote on Telegram.", ["the company"]),
        # an occupation is a role: "the referee" is the one introduced as the referee
        (
            "The committee suspended the referee Joaquín Prats for two weeks. The referee wrote "
            "on X: “I accept the decision.”",
            ["Joaquín Prats"],
        ),
    ],
)
def test_offices_platforms_and_occupations(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an untranslated title before "of the district": the place, then the person
        (
            "«We would speak about a profit,» said the Landrätin of the district Ried-Tannfeld "
            "Ute Kässbohrer.",
            ["Ute Kässbohrer"],
        ),
        # a lower-case rank before the name in an appositive
        (
            "‹Our officers push nobody,› said the spokesman of the Border Guard, major Tadeusz "
            "Wilk.",
            ["Tadeusz Wilk"],
        ),
        # "it" after a thing that spoke in the same paragraph is that thing
        (
            "The detention order says the ship acted “in defiance of an instruction.” It adds "
            "that the delay “kept a patrol vessel away.”",
            ["The detention order", "The detention order"],
        ),
        # but a named body that spoke last stays the body
        (
            "The company Orbex said the ship was late. It added that nobody was hurt.",
            ["Orbex", "Orbex"],
        ),
    ],
)
def test_titles_ranks_and_things_that_speak(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


def test_both_runs_around_a_dash_attribution_are_direct_and_the_speakers() -> None:
    text = (
        "«We take the responsibility for the communication, — said the chief of Lockwerk Jonas "
        "Brändli-Aydin on the press conference, — but not for a key which we did not send»."
    )
    quotes = extract_quotes(text)
    assert [(quote.text, quote.kind, quote.speaker) for quote in quotes] == [
        ("We take the responsibility for the communication,", "direct", "Jonas Brändli-Aydin"),
        ("but not for a key which we did not send", "direct", "Jonas Brändli-Aydin"),
    ]


def test_a_role_finds_a_name_with_accented_capitals() -> None:
    text = (
        "“The heat is back,” said the mayor Radka Šimková-Hollá on Tuesday. „The fitters stood "
        "two nights in a pit,“ the mayor said."
    )
    assert speakers_of(text) == ["Radka Šimková-Hollá", "Radka Šimková-Hollá"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause's own appositive is no speaker
        (
            "Nadia Farouk, who represented the youngest defendant, 19-year-old Kieran Doyle, said "
            "her client had been on remand “for a bag he had never seen”.",
            ["Nadia Farouk"],
        ),
        # a surname before the noun it qualifies is no mention of the person
        (
            "Gareth Pellow runs the plant. Idris Mabey, who leads the town council, said the "
            "Pellow family had ‘kept this town working’. ‘They will put this right,’ he said.",
            ["Idris Mabey", "Idris Mabey"],
        ),
        # but a surname alone still is
        (
            "Gareth Pellow runs the plant. Idris Mabey said the plant was safe. Pellow agreed. "
            "‘We will put this right,’ he said.",
            ["Idris Mabey", "Gareth Pellow"],
        ),
    ],
)
def test_relative_clauses_and_names_used_as_modifiers(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's name that opens a sentence with "The" is no person "of" a body
        (
            "The Diocese of Wyvern said in a statement that refunds would follow.",
            ["The Diocese of Wyvern"],
        ),
        # the first of two surnames names the person too
        (
            "Rodrigo Alcántara Pineda took questions. “The voice is not mine,” Alcántara said.",
            ["Rodrigo Alcántara Pineda"],
        ),
        # but a company's legal form is no surname
        (
            "Gerstl Umwelt GmbH bid for the contract. “Our bid was the cheapest,” Gerstl Umwelt "
            "said.",
            ["Gerstl Umwelt"],
        ),
    ],
)
def test_bodies_opening_a_sentence_and_double_surnames(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the party" is the party named before, though "party" is also a title's word
        (
            "Alcántara sits for the Party of National Renewal. The party expressed him «full "
            "confidence».",
            ["the Party of National Renewal"],
        ),
        # a body's head before "for" names it too
        (
            "The National Commission for Data Protection opened a procedure. In its communiqué "
            "the Commission said that it «does not take position».",
            ["the National Commission for Data Protection"],
        ),
    ],
)
def test_short_names_of_bodies_named_before(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next paragraph names the source of a standalone quotation when it says so
        (
            "Etzold said the paper was a list.\n\n„Eleven years the viaduct stood on the list.“"
            "\n\nThe post came from Jörg Wendeborn, chairman of the railway union.",
            ["Etzold", "Jörg Wendeborn"],
        ),
        (
            "Etzold said the paper was a list.\n\n„Eleven years the viaduct stood on the list.“"
            "\n\nThese words come from Jörg Wendeborn, chairman of the railway union.",
            ["Etzold", "Jörg Wendeborn"],
        ),
        # a next paragraph that only mentions someone does not
        (
            "Etzold said the paper was a list.\n\n„Eleven years the viaduct stood on the list.“"
            "\n\nJörg Wendeborn chairs the railway union.",
            ["Etzold", "Etzold"],
        ),
    ],
)
def test_a_next_paragraph_that_names_the_source(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attribution set off by commas inside the reporter's sentence
        (
            "Rory Ashdown-Pike opened the exchange. The Minster, he wrote, had ‘folded the moment "
            "three churchwardens found our lyrics’.",
            [
                (
                    "folded the moment three churchwardens found our lyrics",
                    "partial",
                    "wrote",
                    "Rory Ashdown-Pike",
                )
            ],
        ),
        # without quotation marks, what follows the second comma, without the comma
        (
            "Ana Ruiz spoke. The council, she said, had failed the town.",
            [("had failed the town", "indirect", "said", "Ana Ruiz")],
        ),
        # a long phrase between commas is no parenthetical attribution
        (
            "The council, which the mayor said had failed the town, met on Monday.",
            [],
        ),
    ],
)
def test_parenthetical_attributions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = [(quote.text, quote.kind, quote.cue, quote.speaker) for quote in extract_quotes(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hospital's name is a body's, though "General" is also a rank
        (
            "Kilbrae General Hospital said on Sunday that a man remained in a stable condition.",
            ["Kilbrae General Hospital"],
        ),
        # "the same paper", "the paper": the newspaper named last
        (
            "“I put it in the book,” Abellán told The Ribera Herald.\n\nThe same paper reported "
            "on Sunday that the company had applied to raise the heap.",
            ["Abellán", "The Ribera Herald"],
        ),
        # "answered within the hour": when, not who
        (
            "Lantern's founder, Callum Deverill, answered within the hour on Bluesky. “We had the "
            "rate card on Friday,” he wrote.",
            ["Callum Deverill"],
        ),
        # "The words were those of X" names the source of the quotation before it
        (
            "Carys Ondaatje spoke first. “Iñigo laid cable to more villages than any minister.” "
            "The words were those of Paulina Reyes-Mott, a councillor.",
            ["Paulina Reyes-Mott"],
        ),
    ],
)
def test_bodies_outlets_times_and_named_words(text: str, expected: list[str]) -> None:
    assert speakers_of(text) == expected
