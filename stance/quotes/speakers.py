"""Speakers: reduce the words before or after a cue to a name, then resolve it in the article.

A speaker phrase is reduced to the name it carries ("White House National Security Council
spokesman John Kirby" -> "John Kirby"); organisations and unnamed sources are kept as written
("the Russian Ministry of Defense", "a source in the ministry"). Resolution then replaces
pronouns, surnames and role descriptions ("he", "Kirby", "a White House spokesman") with the
most specific name the article gives that source.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal, NamedTuple

from stance.quotes.cues import (
    CAPITAL_LETTERS,
    CLAUSE_OPENERS,
    NAME_CONNECTORS,
    ORGANISATION_WORDS,
    OTHER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PORTFOLIOS,
    PRESSED_OPENINGS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEAKER_TRAILERS,
    TITLES,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

SpeakerKind = Literal["person", "organisation", "pronoun", "description"]

_EDGE_PUNCTUATION = "\"'“”‘’«»„‹›,;:.!?\u2013—-"
_PREPOSITIONS = frozenset(
    ["for", "of", "at", "in", "from", "with", "to", "on", "by", "within", "inside"]
)
# A prepositional phrase after a name is not part of it: "Kasimir Dobrev on press conference".
_CUT_AFTER_NAME = frozenset(
    [
        "on",
        "to",
        "at",
        "in",
        "during",
        "via",
        "outside",
        "after",
        "before",
        "late",
        "earlier",
        "last",
        "with",
        "from",
        "told",
        "later",
        "already",
    ]
)
_PERSON_OF = frozenset(["of", "from", "at"])
_GROUP_PLACE_PREPOSITIONS = frozenset(["on", "around", "near", "along"])
_ARTICLES = frozenset(["a", "an", "the"])
# "a University of Caldera study published on Monday", "The council now": words after the source.
_WORDS_AFTER_SOURCE = frozenset(["published", "released", "issued", "now"])
# "Observers from the Network", "Analysts at Hollin": the phrase names an unnamed source.
_SOURCE_PREPOSITIONS = frozenset(["from", "at", "with", "in"])
# Particles inside names: "Idris bin Harun", "Tariq al-Hazmi", "Ludwig van Dam".
_NAME_PARTICLES = frozenset(
    [
        "bin",
        "ibn",
        "ben",
        "bint",
        "al",
        "el",
        "van",
        "von",
        "der",
        "de",
        "da",
        "di",
        "du",
        "le",
        "la",
        "dos",
        "das",
    ]
)
_PARTICLE_NAME = re.compile(rf"(?:al|el|ad|as|ash|at|az|ibn|bin|d|l)[-'’][{CAPITAL_LETTERS}]")
# Words that open a sentence before its subject ("Earlier the newspaper … wrote").
_LEADING_CONJUNCTIONS = frozenset(
    [
        *("but", "and", "yet", "so", "also", "however", "meanwhile", "still", "earlier"),
        *("later", "previously", "separately", "likewise", "similarly", "instead", "moreover"),
        *("finally", "now", "then", "yesterday"),
    ]
)
_PRONOUNS = PERSONAL_PRONOUNS | OTHER_PRONOUNS
_SUBJECT_PRONOUNS = frozenset(["he", "she", "it", "they", "we"])
_PREPOSITIONS_AND_CONNECTORS = _PREPOSITIONS | NAME_CONNECTORS
_EDGE_AND_BRACKETS = _EDGE_PUNCTUATION + "()"
_ALPHANUMERIC = re.compile(r"[^\W_]")  # a letter or digit: what str.isalnum accepts
_MAX_SPEAKER_TOKENS = 14
# Titles written before a name that the shared title list lacks: "Auditor Kwame Asante-Lind".
_MORE_TITLES = frozenset(["auditor", "ombudsman", "monsignor", "bishop", "prefect"])
# Nouns for people, besides titles, that a description names before the person's name: "the
# passenger from Samara Yulia Kovrigina".
_PERSON_NOUNS = (
    ROLE_NOUNS
    | _MORE_TITLES
    | frozenset(
        [
            "passenger",
            "resident",
            "witness",
            "farmer",
            "worker",
            "driver",
            "doctor",
            "nurse",
            "teacher",
            "student",
            "member",
            "engineer",
            "shareholder",
            "deputy",
            "citizen",
            "pensioner",
            "mother",
            "father",
            "son",
            "daughter",
            "widow",
            "owner",
            "vicar",
        ]
    )
)
# Words that end a company's name, never a person's: "Kestle Farm Foods", "Hollin Securities".
# Legal forms written before a company's quoted name in translated copy: "JSC «Kraslinugol»".
_LEGAL_FORMS = frozenset(["JSC", "OJSC", "PJSC", "CJSC", "LLC", "OOO", "ZAO", "OAO", "PAO"])
_COMPANY_WORDS = frozenset(
    [
        *("foods", "airline", "technology", "logistics", "pharma", "pharmaceuticals"),
        *("shipping", "networks", "securities", "resources", "mining", "insurance"),
        *("assurance", "semiconductor", "semiconductors", "electronics", "software", "telecom"),
        *("analytics", "consulting", "construction", "solutions", "broadcasting", "media"),
        *("holdings", "airways", "motors", "systems", "services", "partners", "publishing"),
        *("gmbh", "ltd", "inc", "plc", "llc", "srl", "spa", "bv", "nv", "oy", "ab"),
    ]
)
# Occupations and roles that a reporter writes capitalised at a sentence's start, in front of a
# name, as a title: "Rancher Dolores Inyang", "Editor Mila Jovanović". A lexicon, not a suffix
# test: "-er" would eat first names ("Walter", "Jasper").
_OCCUPATIONS = _PERSON_NOUNS | frozenset(
    [
        "parent",
        "rancher",
        "grower",
        "fisherman",
        "presenter",
        "broadcaster",
        "journalist",
        "reporter",
        "editor",
        "columnist",
        "photographer",
        "author",
        "novelist",
        "writer",
        "poet",
        "artist",
        "singer",
        "musician",
        "actor",
        "actress",
        "jockey",
        "trainer",
        "striker",
        "goalkeeper",
        "defender",
        "midfielder",
        "defenceman",
        "player",
        "athlete",
        "cyclist",
        "rider",
        "swimmer",
        "grandmaster",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "investor",
        "landlord",
        "tenant",
        "shopkeeper",
        "chef",
        "surgeon",
        "midwife",
        "paramedic",
        "pharmacist",
        "historian",
        "architect",
        "pilot",
        "commuter",
        "voter",
        "neighbour",
        "survivor",
        "volunteer",
        "brother",
        "sister",
        "fr",
        "gp",
        "rapporteur",
        *("skipper", "harbourmaster", "ferryman", "boatman", "trucker", "cabbie", "crofter"),
        *("solicitor", "barrister", "lecturer", "headmaster", "headmistress", "dentist"),
        *("vet", "veterinarian", "firefighter", "lifeguard", "caretaker", "stewardess"),
        *("plumber", "mechanic", "welder", "builder", "carpenter", "baker", "butcher"),
        *("miner", "shepherd", "beekeeper", "warden", "ranger", "steward", "translator"),
        *("interpreter", "accountant", "consultant", "contractor", "referee", "umpire", "coach"),
    ]
)
# Endings only occupations have ("Psychologist", "Physician", "Geographer"); unlike "-er" or
# "-ist" alone, no first name or surname ends so ("Walter", "Lindqvist").
_OCCUPATION_SUFFIXES = ("ologist", "ician", "ographer")
_OCCUPATION_MODIFIERS = frozenset(["local", "former", "retired", "senior", "veteran"])


# A NamedTuple: immutable like a frozen dataclass, and built several times faster (one per
# speaker phrase and name of every article).
class Speaker(NamedTuple):
    """A reduced speaker phrase: the name as written and what kind of source it is.

    ``roles`` are the role nouns written around a person's name ("spokesman", "adviser") and
    ``affiliation`` the capitalised words there ("white", "house"), so a later "a White House
    spokesman" can be tied back to that person.
    """

    name: str
    kind: SpeakerKind
    roles: frozenset[str] = frozenset()
    affiliation: frozenset[str] = frozenset()


# The same phrases come back in article after article ("he", "the company", "officials") and a
# reduction is pure, so it is cached; Speaker is frozen, so sharing one is safe.
_CACHED_PHRASES = 8192


@functools.lru_cache(maxsize=_CACHED_PHRASES)
def reduce_speaker(phrase: str, appositive: str = "") -> Speaker | None:
    """Reduce a speaker phrase (and an optional appositive after it) to a :class:`Speaker`.

    Returns None when ``phrase`` holds no usable source (empty, or too long to be a name).
    Results are cached (pure function of its arguments).
    """
    if phrase.lstrip().lower().startswith(("within ", "until ")):
        return None  # "answered within the hour on Bluesky": when, not who
    located = _SOURCE_IN_PLACE.match(phrase)
    if located is not None and _LEADING_DOCUMENT.match(phrase) is None:
        # "In the company they called the accusations …": a calque of the Russian "in the
        # company [they] declared"; the place is the source.
        return reduce_speaker(located.group("source"), appositive)
    bracketed = _TRAILING_PARENTHETICAL.search(phrase)
    if bracketed is not None and not bracketed.group("inside").isupper():
        # "Hélène Ravier (ecologists)", "Jan Novak (45)": a person's party or age is no part
        # of the name. An acronym ("(SNE)") is left to the acronym rules.
        person = reduce_speaker(phrase[: bracketed.start()], appositive)
        if person is not None and person.kind == "person":
            return person
    raw = _trim(_name_tokens(_subject_of_clause(_rewrite_phrase(_GLOSS.sub(" ", phrase)))))
    if raw and raw[-1].endswith(("'s", "’s")) and len(raw[-1]) > 2:
        # "Ramaswamy's reply was four words long: …": the owner of the reply speaks
        raw = [*raw[:-1], raw[-1][:-2]]
    tokens = [token.strip(_EDGE_AND_BRACKETS) or token for token in raw]
    if not tokens or len(tokens) > _MAX_SPEAKER_TOKENS:
        return None
    lowered = [token.lower() for token in tokens]
    if len(tokens) == 1 and lowered[0] in _PRONOUNS:
        return Speaker(lowered[0], "pronoun")
    if lowered[0] in {"his", "her"} and " ".join(lowered[1:]) in _PERSONS_OFFICE:
        # "wrote his office on Facebook": a person's office speaks for that person
        return Speaker("he" if lowered[0] == "his" else "she", "pronoun")
    if lowered[-1] in _SUBJECT_PRONOUNS and lowered[-2] not in _LEADING_CONJUNCTIONS:
        # "In a statement it added", "On Monday she said": the pronoun is the subject.
        return Speaker(lowered[-1], "pronoun")
    run_start = _final_run_start(tokens)
    if run_start is None or _group_by_place(tokens):
        # No capitalised name at the end: an unnamed source or a description, as written.
        return Speaker(_joined(raw), "description", _roles(lowered), _capitalised_words(tokens))
    opened = any("‘" in token for token in raw)
    tail_start = len(tokens)
    while (
        tail_start > run_start
        and not _closes_quotation(raw[tail_start - 1], opened=opened)
        and (
            _is_name_word(tokens[tail_start - 1])
            or (
                lowered[tail_start - 1] in _NAME_PARTICLES
                and tail_start - 1 > run_start
                and _is_name_word(tokens[tail_start - 2])
            )
        )
    ):
        tail_start -= 1
    # "Rancher Dolores Inyang", "Chipmaker Aurel Semiconductor", "Local GP Asha Menon": a
    # capitalised occupation (and a modifier before it) before a name of two or more words is
    # a title.
    while len(tokens) - tail_start > 2 and (
        _is_occupation(lowered[tail_start])
        or (
            lowered[tail_start] in _OCCUPATION_MODIFIERS
            and len(tokens) - tail_start > 3
            and _is_occupation(lowered[tail_start + 1])
        )
    ):
        tail_start += 1
    word_before_tail = lowered[tail_start - 1].rstrip(".") if tail_start > 0 else ""
    tail_length = len(tokens) - tail_start
    title_of_place = (
        word_before_tail in NAME_CONNECTORS and tail_start > run_start and tail_length >= 3
    )
    # "the director of OraNet Viktor Halas", "the chairman of the CEC Lyubomir Obretenov", "the
    # governor of the province Urcuhuasi Paola Linares": a person's name after their role and
    # the body or place they serve.
    role_before = any(
        word.rstrip(".,") in TITLES or _is_occupation(word.rstrip(".,"))  # "editor-in-chief"
        for word in lowered[:tail_start]
    )
    after_body = tail_length >= 2 and (
        word_before_tail in ORGANISATION_WORDS
        or word_before_tail in PORTFOLIOS
        or _is_acronym(tokens[tail_start - 1])
        or word_before_tail in _NAME_OF_A_THING
        # "a spokesman for Quantis Analytics" is no person: after a preposition, only a name of
        # three or more words starts with a place or body ("of OraNet Viktor Halas").
        or (
            tail_start == run_start
            and word_before_tail in _PREPOSITIONS_AND_CONNECTORS
            and tail_length >= 3
        )
    )
    role_and_body = after_body and (
        role_before
        # "the Landrätin of the district Ried-Tannfeld Ute Kässbohrer": whatever the untranslated
        # title, "the X of the district" before a run of names is a role and a place
        or (word_before_tail in _NAME_OF_A_THING and lowered[0] in _ARTICLES and "of" in lowered)
    )
    if role_and_body and tail_length >= 3:
        if word_before_tail in _NAME_OF_A_THING:
            # "the party Civic Renewal Tadeusz Wroński": the thing's name comes first.
            tail_start, tail_length = len(tokens) - 2, 2
        elif word_before_tail in _PREPOSITIONS_AND_CONNECTORS:
            title_of_place = True
    if title_of_place:
        # "Minister of Defence of Kavran Timur Aldanov": the place goes with the title.
        tail_start += 1
        tail_length -= 1
    if (
        role_before
        and tail_length <= 1
        and lowered[0] in _ARTICLES
        and set(lowered[:run_start]) & _PREPOSITIONS
    ):
        # "A former test engineer at electric-bike maker Orsolo": a person described by where
        # they work, not the body.
        return Speaker(_joined(raw), "description", _roles(lowered), _capitalised_words(tokens))
    titled_run = any(word.rstrip(".") in TITLES for word in lowered[run_start:tail_start])
    after_quoted_name = tail_start > 0 and _closes_quotation(raw[tail_start - 1], opened=opened)
    if tail_length and (
        title_of_place
        or role_and_body
        or after_quoted_name
        or word_before_tail in TITLES
        or word_before_tail in _MORE_TITLES
        or (tail_start > run_start and _is_occupation(word_before_tail))
        or (word_before_tail in PORTFOLIOS and titled_run)
        or (tail_start == run_start and word_before_tail not in _PREPOSITIONS_AND_CONNECTORS)
    ):
        roles = _roles(lowered[:tail_start]) | _roles(appositive.lower().split()[:4])
        affiliation = frozenset(
            token.lower()
            for token in tokens[:tail_start] + appositive.split()
            if _capitalised(token)
        )
        return Speaker(_joined(raw[tail_start:]), "person", roles, affiliation)
    if all(
        word in TITLES or word in _MORE_TITLES or word in _DEFINITE for word in lowered[run_start:]
    ):
        # "The Ombudsman", "the Mayor": a title alone describes a person.
        return Speaker(_joined(raw), "description", _roles(lowered), frozenset())
    before_run = [word for word in lowered[max(0, run_start - 2) : run_start] if word != "the"]
    if before_run and before_run[-1] in _PREPOSITIONS:
        # "a senior official at the Medicines Agency": an unnamed source, as written.
        return Speaker(_joined(raw), "description", _roles(lowered), _capitalised_words(tokens))
    start = run_start
    if run_start > 1 and lowered[run_start - 1] in _LEVELS and lowered[run_start - 2] == "the":
        # "the regional Ministry of Health" is not the national one: the level stays.
        start = run_start - 1
    start = start - 1 if start > 0 and lowered[start - 1] == "the" else start
    if start == 0 and len(tokens) > 2 and _is_occupation(lowered[0]) and _is_name_word(tokens[1]):
        start = 1  # "Chipmaker Aurel Semiconductor": the trade is a title
    if len(tokens) - start > 1 and tokens[start] in _LEGAL_FORMS:
        start += 1  # "JSC «Kraslinugol»": the company is named by what follows its legal form
    return Speaker(_joined(raw[start:]), "organisation")


_GLOSS = re.compile(r"\[[^\]]{0,80}\]")  # a translator's gloss: "Clean Vote [Saubere Wahl]"
_SOURCE_IN_PLACE = re.compile(r"^\s*(?:in|at)\s+(?P<source>\S.*?)\s+they\s*$", re.IGNORECASE)
# "Hélène Ravier (ecologists),": a bracket that ends the phrase
_TRAILING_PARENTHETICAL = re.compile(r"\s*\((?P<inside>[^()]{1,40})\)[\s,.;:]*$")
_QUOTE_ENDS = ("”", "“", "»", "’", '"', "›")
_SELF_NAMED = re.compile(
    r"\b(?:calling|calls|called|named|known\s+as)\s+(?:itself|themselves\s+)?\s*"
    r"[\"“«„‘'‹]?\s*(?P<name>[^\"”»“‘’'›]+)"
)
_DOCUMENT_OF = re.compile(
    r"^(?:the|a|an|its|their)?\s*(?:statement|communiqué|communique|note|report|letter|message|"
    r"press[\s-]release|release|analysis|study|survey|poll|review|audit|investigation|data|"
    r"figures|estimates)\s+"
    r"(?:of|by|from|signed\s+by)\s+(?P<source>.+)$",
    re.IGNORECASE,
)
# "The regulator's decision notice", "Auditor Kwame Asante-Lind's report": the owner speaks.
_OWNERS_DOCUMENT = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?:statement|communiqué|communique|note|"
    r"notice|report|letter|message|release|update|advice|post|bulletin|website|figures|data|"
    r"filing)(?:\s+(?:on|in|at|from|of)\s.*)?$"
)
# "Thursday the veterinary service", "24-year-old Giorgi": a date or an age is no part of a name.
_LEADING_DATE_OR_AGE = re.compile(
    r"^(?:(?:on\s+)?(?:" + WEEKDAY_NAMES + r")\s+(?=the\s)|"
    r"\d+-year-old\s+)",
    re.IGNORECASE,
)
_NEWSPAPER_NOUNS = frozenset(["paper", "newspaper", "daily", "weekly", "tabloid"])
# Words that end newspapers' names: "The Ribera Herald", "the Kalvik Post"
_OUTLET_WORDS = frozenset(
    [
        *("herald", "times", "post", "gazette", "courier", "tribune", "journal", "news"),
        *("chronicle", "observer", "echo", "express", "mail", "telegraph", "standard", "star"),
        *("mirror", "record", "bulletin", "rundschau", "zeitung", "vestnik", "pravda", "gazeta"),
    ]
)
_THE_SAME = re.compile(r"^(?P<article>[Tt]he\s+)same\s+(?=\S)")
# "… told the organisation a 19-year-old detainee", "told to the agency one of the passengers":
# in translated copy the one told comes first, then the speaker (not "the company a day later").
_ADDRESSEE_BEFORE_SPEAKER = re.compile(
    r"^(?:to\s+)?the\s+[a-z]+\s+(?=(?:an?|one\s+of)\s+(?!(?:day|week|month|year|few|while|"
    r"moment|decade|time)s?\b))"
)
# "The Superior Court (TSC)": the acronym in brackets repeats the name; after "X and the Y" it
# is Y's alone and stays.
_TRAILING_ACRONYM = re.compile(r"^(?!.*\band\s+the\s)(?P<name>.+?)\s+\([A-Z][A-Z0-9&.-]{1,9}\)$")
# "GELDORP — The Geldorp finance ministry", "KASPAR FELL, Norland — …": a dateline opens a news
# item; it is never part of a speaker.
# "HARWICK - …" and "BRACKENFORD, 24 November — …" too: a spaced hyphen, a date after the place.
_DATELINE_TEXT = (
    r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*"
    r"(?:,[ \t]+(?:[A-Z][\w'’.-]*|\d{1,2}[ \t]+[A-Z][a-z]+))*[ \t]+[—\u2013-][ \t]+"
)
_DATELINE = re.compile("^" + _DATELINE_TEXT)
# A paragraph that opens with a dateline starts a new news item (in a digest of short items).
_DATELINE_PARAGRAPH = re.compile(r"[ \t]*" + _DATELINE_TEXT)
# "the press service of the interior ministry": a unit that speaks for its body is the body.
_UNIT_OF = re.compile(
    r"^(?:the|a|its)?\s*(?:press|information|media)\s+(?:service|office|centre|center|"
    r"department|secretary)\s+of\s+(?P<body>.+)$",
    re.IGNORECASE,
)
# "In a statement on Monday the company": the document and its date open the sentence; the
# subject follows.
# The platforms a document or a post goes out on, as a (case-insensitive) alternation
_PLATFORM_NAMES = r"linkedin|facebook|telegram|instagram|x|twitter|tiktok|youtube"
# "In a post on LinkedIn the company": the platform a document went out on
_ON_A_PLATFORM = r"(?:on|to)\s+(?:" + _PLATFORM_NAMES + r"|(?:its|their|his|her)\s+website)\s+"
_LEADING_DOCUMENT = re.compile(
    r"^(?:in|on|via)\s+(?:a|an|its|the|their)\s+(?:(?:short|brief|written|joint|separate)\s+)?"
    r"(?:statement|communiqué|communique|note|post|letter|release|message)\s+"
    r"(?:" + _ON_A_PLATFORM + r")?"
    r"(?:(?:on|late\s+on|early\s+on)\s+)?"
    r"(?:(?:" + WEEKDAY_NAMES + r")\s+)?(?=\S)",
    re.IGNORECASE,
)
_PERSONS_OFFICE = frozenset(
    ["office", "press office", "press service", "team", "campaign", "campaign team", "staff"]
)
_ON_A_PLATFORM_AT_END = re.compile(
    r"\s+(?:on|via)\s+(?:" + _PLATFORM_NAMES + r")\b.*$", re.IGNORECASE
)
_IN_A_DOCUMENT = re.compile(
    r"\s+(?:in|on|via)\s+(?:a|an|its|the|their)\s+(?:written\s+)?(?:statement|communiqué|"
    r"communique|note|post|interview|letter|release|video|message|comment|response|reply|"
    r"e-?mail|announcement)\b.*$",
    re.IGNORECASE,
)


def _closes_quotation(token: str, *, opened: bool) -> bool:
    """A word that ends a quoted name ("“Clean Vote”"); a plural possessive's apostrophe
    ("the Independent Drivers’ Guild") only when a single quotation mark was opened before."""
    if not token.endswith(_QUOTE_ENDS):
        return False
    return opened or not (token.endswith("’") and token[-2:-1] in ("s", "S"))


def _rewrite_phrase(phrase: str) -> str:
    """ "A group calling itself «Black Tide»" -> "Black Tide"; "the communiqué of the movement"
    -> "the movement"; "The authority in its communiqué" -> "The authority"; "The regulator's
    decision notice" -> "The regulator"; "Monday the port authority" -> "the port authority";
    "the Union of Teachers (UT)" -> "the Union of Teachers".

    Most phrases are a bare name: a pattern runs only when a cheap substring test finds a word
    it needs ("called", "of", "'s").
    """
    if "call" in phrase or "named" in phrase or "known" in phrase:
        named = _SELF_NAMED.search(phrase)
        if named is not None and named.group("name").strip():
            return named.group("name")
    phrase = phrase.strip()
    if phrase.startswith(PRESSED_OPENINGS) and "," in phrase:
        # "Asked about the price, the minister Tariq al-Nuri": the clause before the comma
        # says what the speaker was asked.
        phrase = phrase.split(",", 1)[1]
    if "—" in phrase or "\u2013" in phrase:
        phrase = _DATELINE.sub("", phrase)
    if phrase[:2].lower() in ("in", "on", "vi"):
        phrase = _LEADING_DOCUMENT.sub("", phrase)
    phrase = _ON_A_PLATFORM_AT_END.sub("", _IN_A_DOCUMENT.sub("", phrase))
    lowered = phrase.lower()  # _DOCUMENT_OF and _UNIT_OF ignore case
    if "of" in lowered or "by" in lowered or "from" in lowered:
        document = _DOCUMENT_OF.match(phrase) or _UNIT_OF.match(phrase)
        if document is not None:
            return document.group(document.lastgroup or 0)
    if "'s" in phrase or "’s" in phrase:
        owner = _OWNERS_DOCUMENT.match(phrase)
        if owner is not None:
            return owner.group("owner")
    # Both patterns are anchored at the start, so one match stands for a substitution; the
    # cheap bracket test skips the acronym pattern's lazy scan for most phrases.
    leading = _LEADING_DATE_OR_AGE.match(phrase) or _ADDRESSEE_BEFORE_SPEAKER.match(phrase)
    if leading is not None:
        phrase = phrase[leading.end() :]
    if "same" in phrase:
        phrase = _THE_SAME.sub(r"\g<article>", phrase)  # "The same paper reported": the paper
    acronym = _TRAILING_ACRONYM.match(phrase) if ")" in phrase else None
    return phrase if acronym is None else acronym.group("name") + phrase[acronym.end() :]


# Prepositions that open an adverbial before a sentence's subject: "During the stoppage the …".
_SUBJECT_AFTER_ADVERBIAL = frozenset(["during", "after", "before", "at", "in", "on", "since"])
# Finite verbs that the "-ed" test below misses: "The ministry froze the assets", "Jockey Aled
# Morgan was banned".
_IRREGULAR_FINITE_VERBS = frozenset(
    [
        *("is", "are", "was", "were", "froze", "took", "gave", "made", "won", "lost", "sent"),
        *("held", "began", "brought", "bought", "sold", "paid", "met", "left", "kept", "struck"),
    ]
)
# Words that open a verb's object: "halted dredging", "froze the assets", "published a report".
_OBJECT_OPENERS = _ARTICLES | frozenset(["its", "their", "his", "her", "this", "these", "all"])
_DETERMINERS_BEFORE_ADJECTIVE = _ARTICLES | frozenset(["its", "their", "his", "her", "our"])
# Clause openers after which the cue's subject stands: "… halted dredging after residents".
_SUBORDINATORS = CLAUSE_OPENERS - RELATIVE_PRONOUNS


def _subject_of_clause(phrase: str) -> str:
    """A speaker is a noun phrase: when ``phrase`` holds a finite verb, the speaker is the
    subject after a later subordinator ("Officials halted dredging after residents" ->
    "residents") or else the words before the verb ("The ministry froze the assets of the
    lender" -> "The ministry")."""
    words = phrase.split()
    if len(words) < 3:  # most phrases: a name, "he", "the company"
        return phrase
    verb = _finite_verb_index(words)
    if verb is None:
        return _after_leading_adverbial(words) or phrase
    for index in range(len(words) - 2, verb, -1):
        if words[index].lower() in _SUBORDINATORS:
            return " ".join(words[index + 1 :])
    return " ".join(words[:verb])


def _after_leading_adverbial(words: Sequence[str]) -> str | None:
    """ "During the stoppage the company" -> "the company": after an opening prepositional
    phrase, a determiner that follows a noun starts the subject (not "In the Office of the
    President", where "the" follows "of")."""
    if len(words) < 4 or words[0].lower() not in _SUBJECT_AFTER_ADVERBIAL:
        return None
    for index in range(2, len(words) - 1):
        before = words[index - 1].lower()
        if words[index].lower() in _GENERIC_DETERMINERS and not (
            before in _PREPOSITIONS_AND_CONNECTORS or before in _ARTICLES
        ):
            return " ".join(words[index:])
    return None


def _finite_verb_index(words: Sequence[str]) -> int | None:
    """Where the first finite verb of a clause stands in ``words`` (never the first word, nor
    right after a relative pronoun: "residents who were evacuated" is a noun phrase)."""
    for index in range(1, len(words) - 1):
        word = words[index]
        if not word.islower() or words[index - 1].lower() in RELATIVE_PRONOUNS:
            continue
        following = words[index + 1].lower()
        if word in _IRREGULAR_FINITE_VERBS:
            return index
        if (
            len(word) > 4
            and word.endswith("ed")
            and words[index - 1].lower() not in _DETERMINERS_BEFORE_ADJECTIVE
            and (following in _OBJECT_OPENERS or following.endswith("ing"))
        ):
            return index
        if following == "that" and word.endswith(("s", "ed")) and len(word) > 3:
            return index  # "The society states that the plant"
    return None


# Levels of government written in lower case before a body's name.
_LEVELS = frozenset(
    ["regional", "provincial", "federal", "municipal", "cantonal", "departmental", "district"]
)


def _capitalised_words(tokens: Sequence[str]) -> frozenset[str]:
    return frozenset(token.lower() for token in tokens[1:] if _capitalised(token))


def _name_tokens(phrase: str) -> list[str]:
    """The words of a speaker phrase without bracketed glosses, leading prepositions or a
    prepositional phrase after the name ("In the Office of President to journalists")."""
    tokens = [
        token
        for token in phrase.split()
        # most words open with a letter: the regex only runs for the rest ("“Clean", "—")
        if token[0].isalnum()
        or (not token.startswith("[") and (_ALPHANUMERIC.search(token) is not None or token == "&"))
    ]
    while tokens and tokens[0].lower() in _PREPOSITIONS and len(tokens) > 1:
        tokens = tokens[1:]
    for index in range(1, len(tokens)):
        lowered = tokens[index].lower()
        if index == 1 and _group_by_place(tokens):
            continue  # "Shopkeepers on Harbour Street": the place says which group
        if (
            lowered in _CUT_AFTER_NAME
            and _capitalised(tokens[index - 1])
            and (index > 1 or lowered not in _SOURCE_PREPOSITIONS or _single_name(tokens[0]))
        ):
            return tokens[:index]
        if (
            lowered in _PERSON_OF
            and index >= 2
            and not any(token.lower() in ORGANISATION_WORDS for token in tokens[:index])
            and _is_name_word(tokens[index - 1])
            and _is_name_word(tokens[index - 2])
            and tokens[index - 2].lower() not in _ARTICLES  # "The Diocese of Wyvern"
            and (
                index == 2
                or not _capitalised(tokens[index - 3])
                or tokens[index - 3].lower().rstrip(".") in TITLES
            )
        ):
            return tokens[:index]  # "Roderick Haines of the Unity Party" is Roderick Haines
    return tokens


def _group_by_place(tokens: Sequence[str]) -> bool:
    """ "Shopkeepers on Harbour Street", "Farmers around Penrose Quay": a plural noun, no name,
    and where that group is (not when it spoke: "Observers on Monday")."""
    return (
        len(tokens) > 2
        and tokens[1].lower() in _GROUP_PLACE_PREPOSITIONS
        and tokens[0].lower().endswith("s")
        and not _single_name(tokens[0])
        and tokens[2].lower() not in WEEKDAYS
    )


def _single_name(token: str) -> bool:
    """ "Giorgi" in "Giorgi from Kutaisi" is a name; "Observers", "Police" or "Staff" in
    "Observers from the Network" are sources described by where they come from."""
    return (
        _is_name_word(token) and not token.endswith("s") and token.lower() not in ORGANISATION_WORDS
    )


def _joined(tokens: Sequence[str]) -> str:
    return " ".join(tokens).strip(_EDGE_PUNCTUATION + " ")


def _trim(tokens: list[str]) -> list[str]:
    """Drop words around the speaker that are not part of it ("Kirby also", "But Dalsgaard")."""
    while len(tokens) > 1 and tokens[0].lower().rstrip(",") in _LEADING_CONJUNCTIONS:
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].lower() in SPEAKER_TRAILERS
        or (tokens[-1].endswith("ly") and tokens[-1].islower() and len(tokens) > 1)
        or (tokens[-1] in _WORDS_AFTER_SOURCE and len(tokens) > 2)
    ):
        tokens = tokens[:-1]
    for index in range(len(tokens) - 1, -1, -1):
        lowered = tokens[index].lower()
        if lowered in RELATIVE_PRONOUNS and index > 0:
            # "The Police Federation branch that represents the officers" is the branch, "a
            # Nordlink engineer who spoke on condition of anonymity" the engineer: a phrase
            # that names its body or person ends before the clause. An unnamed source keeps
            # it: "residents who gathered behind the police tape", "Residents who …".
            named = any(token[:1].isupper() for token in tokens[1:index]) or (
                index == 1 and _single_name(tokens[0])
            )
            return _trim(tokens[:index]) if named else tokens
        starts_clause = lowered in CLAUSE_OPENERS or (
            lowered == "and" and index + 1 < len(tokens) and tokens[index + 1].lower() in _PRONOUNS
        )
        if starts_clause:
            return tokens[index + 1 :]
    return tokens


def _final_run_start(tokens: Sequence[str]) -> int | None:
    """Where the run of capitalised words (connectors allowed inside) that ends ``tokens`` starts.

    "the" alone does not join two names ("the White House"), but after another connector it
    does ("the Legion and the Corps", "Ministry of the Interior").
    """
    if not _capitalised(tokens[-1]):
        return None
    start = len(tokens) - 1
    while start > 0:
        if _capitalised(tokens[start - 1]):
            start -= 1
            continue
        gap = start - 1
        while gap >= 0 and gap > start - 3 and tokens[gap].lower() in NAME_CONNECTORS:
            gap -= 1
        connectors = [token.lower() for token in tokens[gap + 1 : start]]
        if gap < 0 or gap == start - 1 or connectors == ["the"] or not _capitalised(tokens[gap]):
            break
        start = gap
    return start


# Both are pure functions of one word, called for every word of every new phrase and mention;
# a bounded cache keeps a long text's vocabulary from growing it without end.
_CACHED_WORDS = 16384


@functools.lru_cache(maxsize=_CACHED_WORDS)
def _capitalised(token: str) -> bool:
    first = token[:1]
    return (
        first.isupper()
        or first.isdigit()
        or (first == "(" and token[1:2].isupper())
        or _PARTICLE_NAME.match(token) is not None
    )


@functools.lru_cache(maxsize=_CACHED_WORDS)
def _is_name_word(token: str) -> bool:
    """A word that can be part of a person's name: capitalised, not a title, organisation word,
    acronym or number ("al-Hazmi" counts: a particle before a capital)."""
    first = token[:1]
    if not first.isupper():
        return _PARTICLE_NAME.match(token) is not None
    bare = token.rstrip(".").lower()
    if bare.endswith(("'s", "’s")):
        bare = bare[:-2]
    elif bare.endswith(("'", "’")):
        bare = bare[:-1]
    if (
        bare in TITLES
        or bare in _MORE_TITLES
        or bare in ORGANISATION_WORDS
        or bare in PORTFOLIOS
        or bare in _COMPANY_WORDS
    ):
        return False
    # An acronym ("NATO", "US") names an organisation; a digit is no part of a name.
    return not (
        (len(token) >= 2 and token.isupper()) or (not token.isalpha() and _has_digit(token))
    )


def clear_caches() -> None:
    """Empty the caches of speaker phrases and name words (benchmarks of fresh text use it)."""
    for cached in (reduce_speaker, _capitalised, _is_name_word):
        cached.cache_clear()


def _stands_alone(text: str, end: int) -> bool:
    """A surname that no capitalised word follows ("Oravia" in "the agency Oravia Press" is part
    of another name) and no noun it qualifies ("the Pellow family", "the Pellow plant")."""
    return _NAME_GOES_ON.match(text, end) is None and _NAME_AS_MODIFIER.match(text, end) is None


def _bare_word(word: str) -> str:
    """ "forum’s" -> "forum", "chair," -> "chair"."""
    word = word.strip(_EDGE_AND_BRACKETS)
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _is_occupation(word: str) -> bool:
    """ "rancher", "chipmaker", "vice-chancellor": a lower-cased word that names an occupation
    or title (the last part of a hyphenated word counts)."""
    bare = word.rstrip(".")
    last = bare.rsplit("-", 1)[-1]
    return (
        bare in _OCCUPATIONS
        or last in _OCCUPATIONS
        or last in TITLES
        or (bare.endswith("maker") and len(bare) > len("maker"))
        or bare.endswith(_OCCUPATION_SUFFIXES)
    )


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isupper() and token.isalpha()


def _has_digit(token: str) -> bool:
    return any(character.isdigit() for character in token)


def _roles(words: Sequence[str]) -> frozenset[str]:
    return frozenset(word.strip(_EDGE_PUNCTUATION) for word in words) & _OCCUPATIONS


# he, his, him, she or her as a whole word. Written to open with a character class, which lets
# the engine skip to an "h" or "s" (a leading \b would make it try every position); the
# lookbehinds then check the word boundary and which letter opened the word. The class spells
# out its cases (with U+017F, the long s, which ignore-case matching also takes for "s") because a
# case-insensitive first character turns that skipping off; the rest ignores case.
_PRONOUN_AFTER_NAME = re.compile(
    "[HS\u017fhs]" r"(?i:(?<!\w[hs])(?:(?<=h)(?:er?|i[sm])|(?<=s)he)\b)"
)
_COUNT_REACH = 10_000  # characters either side of a name read to count its uses
_PRONOUN_REACH = 400  # characters from an unnamed speaker to the pronoun that stands for them
_BODY_REACH = 300  # characters read back from "it" for the name of a body
_APPOSED_NAME_GAP = 4  # ", " and the like between a description and the name after it
_ROLE_WINDOW = 60  # characters around a name read for the role it is introduced with
_GENDER_WINDOW = 200  # characters after a name searched for the pronoun that refers back to it
_SURNAME_REACH = 1000  # characters read back from a pronoun for a surname; keeps it linear
_SURNAME_STEP = 200  # characters read back at a time within that reach
_NAME_GOES_ON = re.compile(rf"[ \t]+[{CAPITAL_LETTERS}]")
_WORD_RUN = re.compile(r"\w+(?:-\w+)*")  # a word, hyphenated ones whole: "Mottier-Roux"
# A family or company name used before a noun: "the Pellow family had …", "the Pellow plant"
_NAME_AS_MODIFIER = re.compile(
    r"[ \t]+(?:family|families|brothers|sisters|family's|plant|firm|group|company|case|affair|"
    r"estate|trial|government|administration|era|report)\b"
)
_DOCUMENTS = frozenset(
    [
        "statement",
        "communiqué",
        "communique",
        "report",
        "letter",
        "release",
        "message",
        "post",
        "filing",
        "notice",
        "note",
    ]
)
# "the company said": the article's company, named where it last spoke.
_GENERIC_ORGANISATIONS = frozenset(
    [
        "company",
        "firm",
        "group",
        "bank",
        "carrier",
        "manufacturer",
        "maker",
        "retailer",
        "startup",
        "lender",
        "insurer",
        "operator",
        "utility",
        "developer",
        "brand",
        "airline",
        "automaker",
        "chain",
        "producer",
        "supplier",
        "business",
        "platform",
        "club",
        "concern",
        "contractor",
        "distributor",
    ]
)
_ANY_COMPANY = "*company*"  # the key for names introduced with any of the nouns above
# Organisations that are not "the company": public bodies, media, associations.
_NOT_COMPANIES = frozenset(
    [
        "ministry",
        "department",
        "government",
        "police",
        "court",
        "commission",
        "council",
        "federation",
        "association",
        "union",
        "guild",
        "gazette",
        "times",
        "post",
        "news",
        "journal",
        "tribunal",
        "agency",
        "office",
        "authority",
        "regulator",
        "parliament",
        "chronicle",
        "herald",
        "review",
        "observer",
        "ledger",
        "press",
        "trust",
    ]
)
# First words of place names that look like a person's name: "Port Elsin", "Lake Kivara".
_PLACE_WORDS = frozenset(
    [
        "port",
        "lake",
        "mount",
        "saint",
        "st",
        "san",
        "santa",
        "new",
        "north",
        "south",
        "east",
        "west",
        "fort",
        "cape",
        "river",
        "upper",
        "lower",
        "great",
        "little",
        "old",
        "royal",
        "grand",
    ]
)
_NOT_NAME_STARTS = frozenset(
    [
        "But",
        "And",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "As",
        "If",
        "When",
        "After",
        "Before",
        "While",
        "Since",
        "For",
        "From",
        "With",
        "By",
        "Of",
        "To",
        "Asked",
        "Meanwhile",
        "However",
        "Later",
        "Earlier",
        "Separately",
        "Today",
        "Yesterday",
        "Last",
        "This",
        "That",
        "These",
        "Those",
        "Our",
        "Their",
        "His",
        "Her",
        "Its",
        "My",
        "We",
        "They",
        "He",
        "She",
        "It",
        "I",
        "Under",
        "Over",
        "Despite",
        "Although",
        "Though",
        "Unlike",
        "Like",
        "Both",
        "Neither",
    ]
)
# Nouns that introduce the name of a thing, not a person: "the newspaper Kellbacher Rundschau".
_NAME_OF_A_THING = frozenset(
    [
        "firm",
        "company",
        "newspaper",
        "daily",
        "weekly",
        "paper",
        "magazine",
        "group",
        "maker",
        "operator",
        "chain",
        "bank",
        "brand",
        "network",
        "portal",
        "outlet",
        "station",
        "broadcaster",
        "agency",
        "site",
        "website",
        "platform",
        "app",
        "club",
        "team",
        "fund",
        "party",
        "movement",
        "organisation",
        "organization",
        "association",
        "union",
        "channel",
        "radio",
        "programme",
        "program",
        "show",
        "series",
        "book",
        "film",
        "village",
        "town",
        "city",
        "region",
        "province",
        "district",
        "community",
        # kinds of business that introduce a company's name: "the regional carrier Nordlys Air"
        *("carrier", "airline", "insurer", "lender", "retailer", "supermarket", "manufacturer"),
        *("producer", "supplier", "contractor", "developer", "carmaker", "utility", "provider"),
        *("broker", "publisher", "distributor", "exporter", "importer", "processor", "shipyard"),
    ]
)
# Two to five capitalised words that start a word. No leading \b: a pattern that opens with a
# character class lets the engine skip to capitals; the lookbehind after that capital then
# rejects one inside a word ("McDonald"), which is what \b would do. The words are read
# possessively (*+): only a space can follow a word here, so giving letters back cannot help a
# failed attempt, and not trying saves most of the time spent at capitals that start no name.
_PERSON_MENTION = re.compile(
    rf"[{CAPITAL_LETTERS}](?<!\w[{CAPITAL_LETTERS}])[\w'’-]*+"
    r"(?:[ \t]+(?:(?:bin|ibn|van|von|der|de|da|dos|du)[ \t]+)?"
    rf"(?:[{CAPITAL_LETTERS}]\.|[{CAPITAL_LETTERS}][\w'’-]*+|(?:al|el)-[{CAPITAL_LETTERS}][\w'’-]*+)){{1,4}}"
)


_WORDS = re.compile(r"[\w'’&-]+")
_LOOKBACK_CANDIDATES = 40
_DEFINITE = frozenset(
    ["the", "its", "their", "his", "her"]
)  # earlier names tried for a pronoun; keeps resolution constant-time
_DEFINITE_OR_INDEFINITE = _DEFINITE | {"a", "an"}


class SpeakerResolver:
    """Resolve pronouns, surnames and descriptions against the names ``text`` gives.

    Give it every statement's speaker (with the offset where it stands) at construction, then
    call :meth:`resolve` for each. Full names mentioned anywhere in the text, not only as
    speakers, are read too, so "Kirby said" finds "John Kirby" wherever it is written. Lookups
    use sorted offsets and caches, so resolving every statement of a long text stays linear.
    """

    def __init__(
        self,
        text: str,
        mentions: Sequence[tuple[int, Speaker]],
        *,
        reporter_text: str,
        statements: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        # Where the statements are, in order: a surname inside one is what a source said about
        # that person ("Vuleta has been denied bail, she added"), not the reporter naming them.
        self._statements = sorted(statements)
        self._statement_starts = [start for start, _ in self._statements]
        # The text with quotations hidden: a "she" inside someone's quote says nothing about
        # the gender of the name before it.
        self._reporter_text = reporter_text
        self.mentions = list(mentions)
        # People's names: "the company" never stands for one of them.
        self._mentioned_names = frozenset(person.name for _, person in self.mentions)
        self._mention_positions = [at for at, _ in self.mentions]
        self._genders: dict[str, str] = {}
        self._people: list[tuple[int, Speaker]] = []
        self._organisations: list[tuple[int, Speaker]] = []
        self._fullest_cache: dict[Speaker, Speaker] = {}
        self._organisation_names: dict[str, tuple[list[int], list[str]]] | None = None
        self._capitalised_runs: list[re.Match[str]] | None = None
        self._runs_by_first_word: dict[str, list[str]] | None = None
        self._longer_names: dict[str, str] = {}
        self._main_organisation: str | None = None
        self._bodies: dict[Speaker, bool] = {}
        self._mentioned_surnames: frozenset[str] | None = None
        self._lowered: str | None = None
        self._role_introductions: list[tuple[int, frozenset[str], str]] | None = None
        self._fuller_descriptions: dict[str, list[tuple[int, str]]] = {}
        self._by_surname: dict[str, Speaker] = {}
        self._introductions: dict[str, list[tuple[int, str]]] = {}
        self._issued: list[tuple[int, str, str]] | None = None
        self._related: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self._outlets: list[tuple[int, str]] | None = None
        # Where each news item after the first starts: a pronoun or "the company" never reaches
        # back into an earlier item of a digest.
        self._item_starts = _news_item_starts(text)
        for index, (at, person) in enumerate(self.mentions):
            # The first he/she after a name refers to it, unless another name comes first.
            limit = self.mentions[index + 1][0] if index + 1 < len(self.mentions) else len(text)
            self._note_gender(person.name, at + len(person.name), limit)
            self._note_surname(person)

    def observe(self, speakers: Sequence[tuple[int, Speaker]]) -> None:
        """Record the sources that speak in the text, with their offsets."""
        for at, speaker in speakers:
            if speaker.kind == "person":
                self._people.append((at, speaker))
                self._note_surname(speaker)
                self._note_speaker_gender(at, speaker)
            elif speaker.kind == "organisation":
                self._organisations.append((at, speaker))
        self._people.sort(key=_position)
        self._organisations.sort(key=_position)
        named = sorted(self._people + self.mentions, key=_position)
        self._named_positions = [at for at, _ in named]
        self._named = [speaker for _, speaker in named]
        self._organisation_positions = [at for at, _ in self._organisations]
        descriptions = [
            (at, speaker)
            for at, speaker in speakers
            if speaker.kind == "description" and not _is_document(speaker)
        ]
        sources = sorted(self._organisations + self._people + descriptions, key=_position)
        self._source_positions = [at for at, _ in sources]
        self._sources = [speaker for _, speaker in sources]

    def resolve(self, position: int, speaker: Speaker, *, not_person: str = "") -> str:
        """The most specific name for ``speaker``, which appears at ``position``; a pronoun
        never stands for ``not_person`` (the asker of the question a statement answers)."""
        if speaker.kind == "pronoun":
            return self._antecedent(position, speaker, not_person)
        if speaker.kind == "person":
            fullest = self._fullest(speaker).name
            return self._longer_name(fullest) if " " not in fullest else fullest
        words = speaker.name.split()
        head = words[-1].lower() if words else ""
        if _is_document(speaker):
            # "Henrik Solberg made a statement. «…», the statement says": its issuer; else the
            # source that spoke last issued it; "its statement" an organisation's.
            issuer = self._issuer(position, head)
            if issuer is not None:
                return issuer
            organisation = bisect.bisect_left(self._organisation_positions, position) - 1
            if words[0].lower() == "its" and organisation >= 0:
                return self._organisations[organisation][1].name
            index = bisect.bisect_left(self._source_positions, position) - 1
            return self.resolve(position, self._sources[index]) if index >= 0 else speaker.name
        if len(words) == 1 and head in ORGANISATION_WORDS and speaker.kind == "organisation":
            # "is said in the message of Bureau": the body named with that head word.
            return self._named_organisation(position, head) or speaker.name
        if len(words) == 2 and words[0].lower() in _DEFINITE:
            introduced = self._introduced_name(position, head)
            if introduced is None and head in _GENERIC_ORGANISATIONS:
                # "the chemical concern Helmbrecht Chemie AG … The company said"
                introduced = self._introduced_name(position, _ANY_COMPANY)
            if introduced is not None and not self._names_a_person(introduced):
                return introduced
            named = self._named_organisation(position, words[-1])
            if named is not None:
                return named
            if head in _NEWSPAPER_NOUNS:
                outlet = self._latest_outlet(position)
                if outlet is not None:
                    return outlet
            if head in _GENERIC_ORGANISATIONS:
                return (
                    self._latest_organisation(position)
                    or self._most_named_organisation()
                    or speaker.name
                )
        if (
            speaker.kind == "description"
            and 2 < len(words) <= _MAX_DESCRIPTION_WORDS
            and words[0].lower() in _DEFINITE
        ):
            named = self._named_organisation(position, words[-1], ending=words[1:])
            if named is not None:
                return named
        if (
            speaker.kind == "description"
            and 2 <= len(words) <= 3
            and words[0].lower() == "the"
            and all(word.isalpha() and word.islower() for word in words[1:])
            and head not in _GENERIC_ORGANISATIONS
            and head not in _PERSON_NOUNS
        ):
            fuller = self._fuller_description(position, words[1:])
            if fuller is not None:
                return fuller
        if speaker.kind == "description" and speaker.roles:
            resolved = self._by_role(position, speaker)
            if resolved == speaker.name:
                return (
                    self._identified_next(position, speaker)
                    or self._unnamed_with_role(position, speaker)
                    or resolved
                )
            return resolved
        if speaker.kind == "description":
            return self._related_body(position, words) or speaker.name
        return speaker.name

    def _related_body(self, position: int, words: Sequence[str]) -> str | None:
        """ "the prosecution" -> "the prosecutor's office of the region", "the rebel group" ->
        "the Ashkari Liberation Front": the latest body named before ``position`` with a word
        related to the generic noun (see ``_RELATED_BODY_STEMS``)."""
        lowered = [word.lower() for word in words]
        if lowered and lowered[0] in _GENERIC_DETERMINERS:
            lowered = lowered[1:]
        stems = _RELATED_BODY_STEMS.get(" ".join(lowered))
        if stems is None:
            return None
        bodies = self._related.get(stems)
        if bodies is None:
            bodies = _related_bodies(self.text, self._runs(), stems)
            self._related[stems] = bodies
        index = bisect.bisect_left(bodies, (position, "")) - 1
        return bodies[index][1] if index >= 0 else None

    def _identified_next(self, position: int, description: Speaker) -> str | None:
        """ "A former test engineer at Orsolo told a committee … ¶ Priya Ramaswamy, who …": an
        opening paragraph's unnamed source, named at the start of the next paragraph."""
        words = description.name.lower().split()
        if words[0] not in {"a", "an"} and words[:2] != ["the", "former"]:
            return None
        paragraph_end = self.text.find("\n")
        if paragraph_end < position:
            return None  # not in the opening paragraph
        next_start = len(self.text) - len(self.text[paragraph_end:].lstrip())
        index = bisect.bisect_left(self._mention_positions, next_start)
        if index < len(self.mentions) and self._mention_positions[index] == next_start:
            return self._fullest(self.mentions[index][1]).name
        return None

    def _fuller_description(self, position: int, nouns: Sequence[str]) -> str | None:
        """ "the regulator" -> "the state energy regulator", "the police department" ->
        "Maravel's police department": the latest fuller description of the same body that the
        reporter writes before ``position``, with its modifiers and an "of" phrase naming a place
        ("the water authority of the province Alcarreña")."""
        key = " ".join(nouns)
        found = self._fuller_descriptions.get(key)
        if found is None:
            found = []
            text = self._reporter_text
            at = text.find(key)
            while at >= 0:
                noun_start, noun_end = at, at + len(key)
                at = text.find(key, noun_end)
                if not (_word_edge(text, noun_start) and _word_edge(text, noun_end)):
                    continue
                # read back from the nouns for their determiner and modifiers, forward for "of"
                opening = _DESCRIPTION_OPENING.search(
                    text, max(0, noun_start - _OPENING_REACH), noun_start
                )
                if opening is None:
                    continue
                place = _OF_PLACE.match(text, noun_end)
                end = place.end() if place is not None else noun_end
                modifiers = (opening.group("modifiers") or "").split()
                phrase = " ".join(text[opening.start() : end].split())
                if (
                    phrase.lower() == "the " + key
                    or not _NOT_A_BODY_MODIFIER.isdisjoint(modifiers)
                    or self._followed_by_noun(end)
                ):
                    continue
                found.append((opening.start(), _lowercase_article(phrase)))
            self._fuller_descriptions[key] = found
        earlier = [phrase for at, phrase in found if at < position]
        return earlier[-1] if earlier else None

    def _followed_by_noun(self, end: int) -> bool:
        """ "the department head": the description names a person, not the body."""
        following = self._reporter_text[end : end + 30].split()[:1]
        word = following[0].strip(_EDGE_PUNCTUATION) if following else ""
        return word in _PERSON_NOUNS or word in ORGANISATION_WORDS

    def _without_leading_places(self, person: Speaker) -> Speaker:
        """ "Alto Juruá Dulce Amaral Vieira" -> "Dulce Amaral Vieira": a leading word of a name
        of three or more words that the text also writes elsewhere, outside this name (for a
        person with a role), or writes as a common noun or at the end of a name, names a place,
        a body or a thing ("players"), not the person."""
        words = person.name.split()
        if len(words) < 3:
            return person
        start = 0
        written_at = max(0, self.text.find(person.name))
        while (
            len(words) - start > 2
            and _is_name_word(words[start])
            and (
                (
                    bool(person.roles)
                    and self._written(words[start : start + 1], written_at)
                    > self._written(words[start:], written_at)
                )
                # "The mayor of Dolní Kresno Jaroslava Hrubá … below Dolní Kresno the river",
                # "the Union of Civil Pilots Goran Vlašić … the pilots": the end of a place's
                # or a body's name, not a first name.
                or self._names_a_thing_elsewhere(words[start], written_at, len(person.name))
            )
        ):
            start += 1
        if start == 0:
            return person
        return Speaker(" ".join(words[start:]), "person", person.roles, person.affiliation)

    def _names_a_thing_elsewhere(self, word: str, name_at: int, name_length: int) -> bool:
        """Whether the text writes ``word`` outside the name at ``name_at`` as a common noun
        (lower-case: "the pilots") or as the last word of a name (followed by a lower-case word
        or punctuation, not by another capitalised word): a first name is neither."""
        pattern = re.compile(
            rf"(?<![\w-])(?P<word>{re.escape(word)})(?![\w-])[ \t]*(?P<next>\S?)", re.IGNORECASE
        )
        start, end = max(0, name_at - _COUNT_REACH), name_at + _COUNT_REACH
        for match in pattern.finditer(self.text, start, end):
            if name_at <= match.start() < name_at + name_length:
                continue
            following = match.group("next")
            if match.group("word").islower() or not following or not following.isupper():
                return True
        return False

    def _introduced_name(self, position: int, noun: str) -> str | None:
        """ "the company" -> "Fuentesol": the latest name the text introduced with the noun
        before ``position`` (see :func:`_introductions`)."""
        introductions = self._introductions.get(noun)
        if introductions is None:
            if noun == _ANY_COMPANY:
                introductions = sorted(
                    itertools.chain.from_iterable(
                        [_introductions(self.text, company) for company in _GENERIC_ORGANISATIONS]
                    )
                )
            else:
                introductions = _introductions(self.text, noun)
            self._introductions[noun] = introductions
        index = bisect.bisect_right(introductions, (position, "\U0010ffff")) - 1
        return introductions[index][1] if index >= 0 else None

    def _issuer(self, position: int, document: str) -> str | None:
        """ "the statement" -> Henrik Solberg after "Henrik Solberg made a statement": the
        latest name the text gives as issuing that kind of document before ``position``."""
        if self._issued is None:
            self._issued = [
                (match.end(), match.group("document").lower(), match.group("name"))
                for match in _ISSUED_DOCUMENT.finditer(self.text)
                # "The Association of Pilots in its communiqué": the name after the article
                if match.group("name").removeprefix("The ").split()[0] not in _NOT_NAME_STARTS
            ]
        latest = None
        for end, kind, name in self._issued:
            if end > position:
                break
            if kind == document:
                latest = name
        if latest is None:
            return None
        if latest.startswith("The "):
            return _lowercase_article(latest)
        return self._fullest(Speaker(latest, "person")).name

    def _names_a_person(self, name: str) -> bool:
        """True for a person's name the text gives, with or without a title ("Dr Ana Ruiz")."""
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        return " ".join(words) in self._mentioned_names

    def _longer_name(self, word: str) -> str:
        """ "Talberg said" -> "Talberg Dairy": the longest name in the text (up to three words,
        no title or portfolio) that starts with a one-word speaker's name."""
        longer = self._longer_names.get(word)
        if longer is None:
            longer = self._longer_names[word] = self._longest_run_from(word)
        return longer

    def _longest_run_from(self, word: str) -> str:
        """The first of the longest runs that start with ``word`` and can name it; else word."""
        if self._runs_by_first_word is None:
            # Grouped once; only the groups of the speakers' words are read word by word.
            self._runs_by_first_word = {}
            for match in self._runs():
                first = match.group().split(None, 1)[0]
                self._runs_by_first_word.setdefault(first, []).append(match.group())
        longest, longest_parts = word, 0
        for run in self._runs_by_first_word.get(word, ()):
            parts = run.split()
            if (
                len(parts) > 3
                or any(part.lower() in TITLES for part in parts[1:])
                or (len(parts) == 3 and " ".join(parts[1:]) in self._mentioned_names)
            ):
                continue  # "OraNet Viktor Halas" is OraNet's director, not OraNet
            if len(parts) > longest_parts:
                longest, longest_parts = run, len(parts)
        return longest

    def _runs(self) -> list[re.Match[str]]:
        """The text's capitalised runs, found once for the names read by head and by first word."""
        if self._capitalised_runs is None:
            self._capitalised_runs = list(_CAPITALISED_RUN.finditer(self.text))
        return self._capitalised_runs

    def _note_surname(self, person: Speaker) -> None:
        tokens = person.name.split()
        surname = tokens[-1].lower()
        known = self._by_surname.get(surname)
        if known is None or len(tokens) > len(known.name.split()):
            self._by_surname[surname] = person
        if len(tokens) == 3 and all(map(_is_name_word, tokens)):
            # "Rodrigo Alcántara Pineda … Alcántara said": a first surname alone names the
            # person too (Spanish and Portuguese names carry two)
            self._by_surname.setdefault(tokens[1].lower(), person)

    def _note_gender(self, name: str, end: int, limit: int) -> None:
        if name in self._genders:
            return  # the pronoun after an earlier use of the name decided; no need to search
        pronoun = _PRONOUN_AFTER_NAME.search(
            self._reporter_text, end, min(limit, end + _GENDER_WINDOW)
        )
        if pronoun is not None:
            self._genders[name] = "f" if pronoun.group().lower() in {"she", "her"} else "m"

    def _note_speaker_gender(self, at: int, speaker: Speaker) -> None:
        """ "Nyamweya said. He added …": the first he or she after a speaker's name, before the
        next full name, tells that person's gender too."""
        name = self._fullest(speaker).name
        if name in self._genders:
            return  # known already: no window to find
        index = bisect.bisect_right(self._mention_positions, at)
        limit = (
            self._mention_positions[index]
            if index < len(self._mention_positions)
            else len(self.text)
        )
        self._note_gender(name, at + len(speaker.name), limit)

    def _gender(self, name: str) -> str | None:
        """From the pronoun that follows the name in the text; else a first name ending in
        "a" is taken as a woman's (Lidiya, Priya, Ilona) - a weak prior, used only to skip."""
        known = self._genders.get(name)
        if known is not None:
            return known
        return "f" if name.split()[0].lower().endswith("a") else None

    def _antecedent(self, position: int, pronoun: Speaker, not_person: str) -> str:
        if pronoun.name in PERSONAL_PRONOUNS:
            wanted = "f" if pronoun.name in {"she", "her"} else "m"
            index = bisect.bisect_left(self._named_positions, position) - 1
            stop = max(-1, index - _LOOKBACK_CANDIDATES)
            found_at, found = 0, pronoun.name
            item_start = self._item_start(position)
            for candidate in range(index, stop, -1):
                at = self._named_positions[candidate]
                if at < item_start:
                    break
                if self._in_statement(at):
                    continue  # a name inside what someone said is not the reporter's antecedent
                person = self._fullest(self._named[candidate])
                if (
                    person.name != not_person
                    and len(person.name.split()) > 1
                    and self._gender(person.name) in (wanted, None)
                    and not (person.kind == "person" and self._names_a_body(person, at))
                ):
                    found_at, found = at, person.name
                    break
            speaker = self._unnamed_speaker_since(found_at, position)
            if speaker is not None:
                return speaker
            # A known person named later by surname alone is named last: "Qadir was unmoved.
            # … she wrote" is Mehreen Qadir's.
            by_surname = self._named_by_surname(found_at, position, wanted)
            return by_surname if by_surname not in (None, not_person) else found
        if pronoun.name == "it":
            thing = self._latest_described_thing(position)
            if thing is not None:
                return thing
            return (
                self._latest_organisation(position, companies_only=False)
                or self._latest_named_body(position)
                or pronoun.name
            )
        index = bisect.bisect_left(self._organisation_positions, position) - 1
        if index < 0 or self._organisation_positions[index] < self._item_start(position):
            return pronoun.name
        return self._organisations[index][1].name

    def _latest_described_thing(self, position: int) -> str | None:
        """ "The detention order says … It adds that …": when the source that spoke last in the
        paragraph is a thing described, not a person or a named body, "it" is that thing."""
        index = bisect.bisect_left(self._source_positions, position) - 1
        if index < 0:
            return None
        at, source = self._source_positions[index], self._sources[index]
        head = source.name.split()[-1].lower()
        plural = head.endswith("s") and not head.endswith("ss")  # "residents" are "they"
        if source.kind != "description" or source.roles or plural or "\n" in self.text[at:position]:
            return None
        return self.resolve(at, source)

    def _latest_outlet(self, position: int) -> str | None:
        """ "told The Ribera Herald. … The paper reported": the latest name before ``position``
        that ends with a word newspapers are named with."""
        if self._outlets is None:  # found once, then looked up by position
            self._outlets = [
                (run.start(), run.group())
                for run in self._runs()
                if run.group().split()[-1].lower() in _OUTLET_WORDS
            ]
        index = bisect.bisect_left(self._outlets, (position, "")) - 1
        return self._outlets[index][1] if index >= 0 else None

    def _item_start(self, position: int) -> int:
        """Where the news item that holds ``position`` starts (0 outside a digest)."""
        index = bisect.bisect_right(self._item_starts, position) - 1
        return self._item_starts[index] if index >= 0 else 0

    def _unnamed_speaker_since(self, start: int, position: int) -> str | None:
        """ "“…,” the king said. “…,” he added": when the latest source before a pronoun, after
        the last full name, is a person described by a role ("the king", "a Veltra
        spokesman") or named by one word only, the pronoun is that person."""
        index = bisect.bisect_left(self._source_positions, position) - 1
        if index < 0:
            return None
        at, source = self._source_positions[index], self._sources[index]
        if at <= start or position - at > _PRONOUN_REACH or at < self._item_start(position):
            return None
        # a one-word name no full name of the text ends with: "24-year-old Giorgi"
        single_name = source.kind == "person" and " " not in self._fullest(source).name
        # "the king said. … he added", and "a Veltra spokesman said. He added": a source
        # described by a role, with "the" or with "a"
        described_by_role = (
            source.kind == "description"
            and bool(source.roles)
            and source.name.split()[0].lower() in _DEFINITE_OR_INDEFINITE
        )
        if described_by_role or single_name:
            return self.resolve(at, source)
        return None

    def _latest_organisation(self, position: int, *, companies_only: bool = True) -> str | None:
        """ "it said", "the company said": the latest source before ``position`` that is a
        body, not a person (for "the company", not a public body, medium or association)."""
        index = bisect.bisect_left(self._source_positions, position) - 1
        item_start = self._item_start(position)
        for candidate in range(index, max(-1, index - _LOOKBACK_CANDIDATES), -1):
            if self._source_positions[candidate] < item_start:
                break
            source = self._sources[candidate]
            if source.kind == "organisation" or (
                source.kind == "person"
                and self._names_a_body(source, self._source_positions[candidate])
            ):
                name = self.resolve(self._source_positions[candidate], source)
                if not (companies_only and set(name.lower().split()) & _NOT_COMPANIES):
                    return name
        return None

    def _latest_named_body(self, position: int) -> str | None:
        """ "The Ministry of Migration disputed that account. In a statement, it said": the
        last name of a body the reporter writes shortly before ``position``."""
        window_start = max(self._item_start(position), position - _BODY_REACH)
        names = [
            match.group()
            for match in _CAPITALISED_RUN.finditer(self._reporter_text, window_start, position)
            if set(match.group().lower().split()) & ORGANISATION_WORDS
        ]
        if not names:
            return None
        return _lowercase_article(names[-1])

    def _names_a_body(self, source: Speaker, at: int) -> bool:
        """A name given as a source that the text treats as a body, not a person: no he or she
        follows it, no role comes with it, it is no surname of a longer name and its last word
        is never written alone ("Aeris Atlantic said"; but "Ingrid Haaland … Haaland said")."""
        known = self._bodies.get(source)
        if known is None:
            known = self._bodies[source] = self._looks_like_a_body(source, at)
        return known

    def _looks_like_a_body(self, source: Speaker, at: int) -> bool:
        full = self._fullest(source).name
        words = full.split()
        start, end = max(0, at - _COUNT_REACH), at + _COUNT_REACH
        if (
            source.roles
            or full in self._genders
            or self.text.find(full + ", who ", start, end) >= 0
        ):
            return False  # "Ruth Adeyemi-Clarke, who has edited …"
        if self._written(words[-1:], at) > self._written(words, at):
            return False  # the surname alone: "Haaland said"
        # one word: no surname of a person the text names in full ("Arvendal", not "Mbatha")
        if self._mentioned_surnames is None:
            self._mentioned_surnames = frozenset(
                person.name.split()[-1] for _, person in self.mentions
            )
        return len(words) > 1 or full not in self._mentioned_surnames

    def _written(self, words: Sequence[str], around: int) -> int:
        """How often the text writes these words in a row, in any case, within
        ``_COUNT_REACH`` characters of ``around``: the whole of a news article, and a bounded
        cost per count in a long text."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        phrase = " ".join(words).lower()
        start, end = max(0, around - _COUNT_REACH), around + _COUNT_REACH
        count = 0
        at = self._lowered.find(phrase, start, end)
        while at >= 0:
            after = at + len(phrase)
            if _name_edge(self._lowered, at - 1) and _name_edge(self._lowered, after):
                count += 1
            at = self._lowered.find(phrase, after, end)
        return count

    def _named_by_surname(self, start: int, end: int, gender: str) -> str | None:
        """The person of ``gender`` (or unknown) whose surname alone the reporter writes last
        between ``start`` and ``end`` (at most ``_SURNAME_REACH`` characters back), outside
        the statements; None when there is none."""
        window_start = max(start, end - _SURNAME_REACH)
        # The words are read back a step at a time: the surname is mostly a sentence or two
        # back, and splitting the whole window into words costs more than the rest.
        step_start, step_end = end, end
        while step_start > window_start:
            step_start = max(window_start, step_start - _SURNAME_STEP)
            words = list(_WORD_RUN.finditer(self._reporter_text, step_start, step_end))
            if step_start > window_start and words:
                # The first word may be the tail of a longer one: it is read whole in the next
                # step, which ends where the words read here begin.
                words = words[1:]
            for match in reversed(words):
                person = self._by_surname.get(match.group().lower())
                if (
                    person is not None
                    and " " in person.name
                    and person.name.endswith(" " + match.group())  # as written: "In" is not "in"
                    and _stands_alone(self._reporter_text, match.end())
                    and self._gender(person.name) in (gender, None)
                    and not self._in_statement(match.start())
                ):
                    return self._fullest(person).name
            if words:
                step_end = words[0].start()
        return None

    def _in_statement(self, at: int) -> bool:
        index = bisect.bisect_right(self._statement_starts, at) - 1
        return index >= 0 and at < self._statements[index][1]

    def _fullest(self, person: Speaker) -> Speaker:
        """The longest name in the text that ends with this person's surname and holds the
        rest of this name."""
        cached = self._fullest_cache.get(person)
        if cached is not None:
            return cached
        tokens = person.name.split()
        candidate = self._by_surname.get(tokens[-1].lower())
        best = person
        if (
            candidate is not None
            and len(candidate.name.split()) > len(tokens)
            and all(token in candidate.name.split() for token in tokens[:-1])
            # "Yulia Kovrigina" from "the passenger from Samara Yulia Kovrigina" is not
            # "Samara Yulia Kovrigina": the phrase already set the place apart.
            and not {token.lower() for token in candidate.name.split()} & person.affiliation
        ):
            best = Speaker(candidate.name, "person", person.roles | candidate.roles)
        best = self._without_leading_places(best)
        self._fullest_cache[person] = best
        return best

    def _most_named_organisation(self) -> str | None:
        """The organisation speaker the text names most often; a one-word speaker that no full
        name ends with counts as one ("Orsolo said")."""
        if self._main_organisation is None:
            surnames = {person.name.split()[-1] for _, person in self.mentions}
            candidates = {seen.name for _, seen in self._organisations} | {
                seen.name
                for _, seen in self._people
                if " " not in seen.name and seen.name not in surnames
            }
            words = Counter(_WORDS.findall(self.text))
            counts = {
                name: words[_distinctive_word(name)]
                for name in sorted(candidates)
                if not set(name.lower().split()) & _NOT_COMPANIES
            }
            self._main_organisation = max(counts, key=counts.__getitem__) if counts else ""
        return self._main_organisation or None

    def _named_organisation(
        self, position: int, head: str, *, ending: Sequence[str] = ()
    ) -> str | None:
        """ "the tribunal" -> "the Supreme Electoral Tribunal": the text's name whose head is
        the same word, the closest earlier one first. With ``ending`` ("tax", "agency"), only a
        name that ends with those words: "the tax agency" -> "the National Tax Agency"."""
        lowered = head.lower()
        if (lowered in TITLES or lowered in _PERSON_NOUNS) and lowered not in ORGANISATION_WORDS:
            return None  # "the minister" is a person; "the party" is not
        if self._organisation_names is None:
            self._organisation_names = _names_by_head(self._runs())
        found = self._organisation_names.get(lowered)
        if found is None:
            return None
        positions, names = found
        if ending:
            wanted = [word.lower() for word in ending]
            kept = [
                (at, name)
                for at, name in zip(positions, names, strict=True)
                if _ends_head(name, wanted)
            ]
            if not kept:
                return None
            positions, names = [at for at, _ in kept], [name for _, name in kept]
        index = bisect.bisect_left(positions, position) - 1
        name = names[index] if index >= 0 else names[0]
        return "the " + (name[4:] if name.startswith("The ") else name)

    def _by_role(self, position: int, description: Speaker) -> str:
        """ "a White House spokesman" -> the person introduced as a White House spokesman; "the
        spokesman" -> the last person with that role."""
        words = description.name.split()
        if not words or len(words) > 6 or words[0].lower() not in _DEFINITE_OR_INDEFINITE:
            return description.name
        if words[0].lower() not in _DEFINITE and not description.affiliation:
            return description.name  # "a spokesman" is someone else
        if words[-1].lower() in ORGANISATION_WORDS and "of" not in words:
            return description.name  # "the student council" is a body
        matching = [
            (at, seen)
            for at, seen in self._people[:_LOOKBACK_CANDIDATES]
            if seen.roles & description.roles and description.affiliation <= seen.affiliation
        ]
        introduced = self._introduced_with_role(position, description)
        if not matching:
            return introduced[1] if introduced is not None else description.name
        earlier = [(at, seen) for at, seen in matching if at < position]
        if introduced is not None and (not earlier or introduced[0] > earlier[-1][0]):
            # "the minister answered" after "… heard the Minister of Health Eliza Novak": the
            # minister the reporter introduced last, not an earlier minister who spoke.
            return introduced[1]
        return self._fullest(earlier[-1][1] if earlier else matching[0][1]).name

    def _unnamed_with_role(self, position: int, description: Speaker) -> str | None:
        """ "The spokesperson added" -> "a spokesperson for the Department of Transport": a bare
        definite role stands for the latest unnamed source with that role in the same item."""
        words = description.name.lower().split()
        if len(words) != 2 or words[0] not in _DEFINITE:
            return None
        index = bisect.bisect_left(self._source_positions, position) - 1
        item_start = self._item_start(position)
        while index >= 0 and self._source_positions[index] >= item_start:
            source = self._sources[index]
            if (
                source.kind == "description"
                and source.roles & description.roles
                and source.name.split()[0].lower() in {"a", "an"}
            ):
                return source.name[0].lower() + source.name[1:]
            index -= 1
        return None

    def _introduced_with_role(self, position: int, description: Speaker) -> tuple[int, str] | None:
        """ "the bishop" -> Tomás Villca after "The bishop of Urcuhuasi, monsignor Tomás Villca":
        the latest person the reporter names with that role before ``position`` (in the words
        just before the name, or in an appositive after it: "Mira Castell, the forum's chair"),
        with the offset of that name."""
        if description.name.split()[0].lower() not in _DEFINITE:
            return None
        if self._role_introductions is None:
            self._role_introductions = self._find_role_introductions()
        latest = None
        # "The spokesperson of the government, Aminata Kéré-Sow, said": the name right after.
        apposed_until = position + len(description.name) + _APPOSED_NAME_GAP
        for at, roles, name in self._role_introductions:
            if at >= apposed_until:
                break
            if roles & description.roles:
                if at >= position:
                    return at, name
                latest = at, name
        # An earlier name only for a bare role: "the president of Ardalia" is someone else's.
        return None if description.affiliation else latest

    def _find_role_introductions(self) -> list[tuple[int, frozenset[str], str]]:
        text = self._reporter_text
        found: list[tuple[int, frozenset[str], str]] = []
        previous_end = 0
        for at, person in self.mentions:
            if self._in_statement(at):
                continue
            window_start = max(previous_end, at - _ROLE_WINDOW)
            before = re.split(r"[.;:!?\n]", text[window_start:at])[-1]
            end = at + len(person.name)
            after = text[end : end + _ROLE_WINDOW]
            appositive = re.split(r"[.;:!?\n]|,", after[1:])[0] if after.startswith(",") else ""
            roles = _roles(
                [_bare_word(word) for word in (before + " " + appositive).lower().split()]
            )
            if roles:
                found.append((at, roles, self._fullest(person).name))
            previous_end = end
        return found


# Possessive words (*+), as in _PERSON_MENTION: the same matches, fewer failed attempts.
_CAPITALISED_RUN = re.compile(
    rf"[{CAPITAL_LETTERS}][\w’&-]*+(?:[ \t]+(?:(?:of|for|and|the|de|del)[ \t]+){{0,2}}"
    rf"[{CAPITAL_LETTERS}][\w’&-]*+){{1,6}}"
)


# A name that a common noun introduces: capitalised words, "&" allowed, a full stop only inside
# a word ("J.P."). Possessive (*+): a blank or a comma follows a name word in every pattern
# below, and none of the letters given back could be one, so the matches are the same without
# the engine retrying each shorter word.
_NAME_WORD = rf"[{CAPITAL_LETTERS}](?:[\w’'-]|\.(?=\S))*+"
_NAME_RUN = _NAME_WORD + r"(?:\s+(?:&\s+)?" + _NAME_WORD + r"){0,4}"  # "Falkenried & Cie"
# After a noun: "the company Fuentesol", "the sports portal Shaiba24".
_NAME_AFTER_NOUN = re.compile(r"\s+(?P<name>" + _NAME_RUN + ")")
# Before a noun: "Falkenried & Cie, a private bank" (adjectives only between the article and the
# noun: "X, a spokeswoman for the union" does not make X the union).
_ARTICLE_AND_WORDS = r"\s+(?:a|an|the)\s+(?P<words>(?:[\w’'-]+\s+){0,3})$"
_NAME_BEFORE_NOUN = re.compile(r"(?P<name>" + _NAME_RUN + r")," + _ARTICLE_AND_WORDS)
_ARTICLE_BEFORE_NOUN = re.compile(_ARTICLE_AND_WORDS)  # what follows the comma, alone
# "Henrik Solberg made a statement", "The ministry issued a short communiqué", "… said the
# National Anti-Doping Organisation (NADO) in a note", "The Association of Magistrates in its
# communiqué"; a name may hold "of (the)" and "for (the)".
_ISSUED_DOCUMENT = re.compile(
    r"(?P<name>" + _NAME_WORD + r"(?:\s+(?:(?:&|of|for)\s+(?:the\s+)?)?" + _NAME_WORD + r"){0,5})"
    r"(?:\s+\([A-Z][A-Z0-9&.-]{1,9}\))?\s+"
    r"(?:(?:made|issued|released|published|sent|put\s+out)\s+(?:a|an)|in\s+(?:a|an|its))\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?P<document>statement|communiqué|communique|letter|"
    r"message|release|note|report|post)\b"
)
_APPOSITIVE_REACH = 120  # characters read back from a noun for the name before it
_MAX_DESCRIPTION_WORDS = 4
_MAX_DOCUMENT_WORDS = 5  # "the full text of the communiqué"
# "the state energy …", "Maravel's police …": a description's opening, read back from its nouns
# "Haverlock airport", "the Quessan embassy": capitalised words before the nouns name the body
_DESCRIPTION_OPENING = re.compile(
    rf"(?:(?:\b[Tt]he|\b[{CAPITAL_LETTERS}][\w-]*['’]s)\s+(?P<modifiers>(?:[a-z][\w-]*\s+){{0,3}})"
    rf"|\b[{CAPITAL_LETTERS}][\w-]*(?:\s+[{CAPITAL_LETTERS}][\w-]*){{0,2}}\s+)$"
)
_OPENING_REACH = 80  # characters read back from a description's nouns for its opening
# "… authority of the province Alcarreña": the place a description names after its nouns
_OF_PLACE = re.compile(
    rf"\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?[{CAPITAL_LETTERS}][\w-]*(?:\s+[{CAPITAL_LETTERS}][\w-]*)*"
)
# Generic names for a body, with the word stems of the names they stand for: "the prosecution"
# is the prosecutor's office the text named, "the rebel group" the liberation front it named.
_INSURGENT_STEMS = ("front", "movement", "rally", "liberation")  # not "army": the state's
_CENTRAL_BANK_STEMS = ("central bank", "national bank")  # two words: read in the whole name
_RELATED_BODY_STEMS: dict[str, tuple[str, ...]] = {
    "prosecution": ("prosecut",),
    "prosecutors": ("prosecut",),
    "investigation": ("investigat",),
    "investigators": ("investigat",),
    "rebels": _INSURGENT_STEMS,
    "insurgents": _INSURGENT_STEMS,
    "rebel group": _INSURGENT_STEMS,
    "rebel movement": _INSURGENT_STEMS,
    "movement": _INSURGENT_STEMS,
    # a bank's regulator is the central bank: "The National Bank of Dravia withdrew the licence
    # of Agroprombank. According to the regulator, …"
    "regulator": _CENTRAL_BANK_STEMS,
    "force": ("police",),  # "Calder Bay Police said … The force said"
}
_GENERIC_DETERMINERS = frozenset(["the", "its", "their"])
# Modifiers that do not say which body is meant: "the same regulator", "the other department".
_NOT_SPECIFYING = frozenset(
    ["same", "other", "own", "whole", "entire", "first", "last", "next", "said", "then", "new"]
)
# Modifiers that make "the … regulator" no fuller name of the body: "the same regulator".
_NOT_A_BODY_MODIFIER = _NOT_SPECIFYING | _PREPOSITIONS_AND_CONNECTORS | _DEFINITE


def _introductions(text: str, noun: str) -> list[tuple[int, str]]:
    """Where ``text`` introduces a name with ``noun``, as (end offset, name) in order: "the
    company Fuentesol" and "Fuentesol, a bottling company" both introduce Fuentesol. Only a
    lower-case noun counts ("the Company Board" is a name of its own)."""
    found: list[tuple[int, str]] = []
    if not noun.isalpha() or not noun.islower():
        return found
    at = text.find(noun)
    while at >= 0:
        after = at + len(noun)
        if _word_edge(text, at) and _word_edge(text, after):
            named = _NAME_AFTER_NOUN.match(text, after)
            if named is not None:
                found.append((named.end(), named.group("name")))
            reach = max(0, at - _APPOSITIVE_REACH)
            # The name's comma is the last one before the noun: testing what follows it first
            # spares the search for a name, which tries every capital in reach, at most nouns.
            comma = text.rfind(",", reach, at)
            apposed = (
                _NAME_BEFORE_NOUN.search(text, reach, at)
                if comma >= 0 and _ARTICLE_BEFORE_NOUN.match(text, comma + 1, at) is not None
                else None
            )
            if apposed is not None and not set(apposed.group("words").split()) & _PREPOSITIONS:
                found.append((after, apposed.group("name")))
        at = text.find(noun, after)
    return sorted(item for item in found if item[1].split()[0] not in _NOT_NAME_STARTS)


def _news_item_starts(text: str) -> list[int]:
    """Where the paragraphs that open with a dateline start. Matching at each line start is
    cheaper than a multi-line pattern, which the engine tries at every character."""
    starts: list[int] = []
    line_start = 0
    while line_start >= 0:
        if _DATELINE_PARAGRAPH.match(text, line_start) is not None:
            starts.append(line_start)
        line_start = text.find("\n", line_start)
        line_start = line_start + 1 if line_start >= 0 else -1
    return starts


def after_dateline(text: str, start: int) -> int:
    """Where the paragraph that starts at ``start`` begins after its dateline ("HARWICK — "):
    ``start`` when it has none."""
    dateline = _DATELINE_PARAGRAPH.match(text, start)
    return dateline.end() if dateline is not None else start


def _related_bodies(
    text: str, runs: Sequence[re.Match[str]], stems: tuple[str, ...]
) -> list[tuple[int, str]]:
    """Where ``text`` names a body with a word that starts with one of ``stems``, as (offset,
    name) in order: capitalised names ("the State Bureau of Investigations", from ``runs``) and
    descriptions whose noun is a body ("the regional investigative department")."""
    found = [
        (run.start(), "the " + _without_opening_preposition(run.group()))
        for run in runs
        if any(word.lower().startswith(stems) for word in run.group().split())
        or any(" " in stem and stem in run.group().lower() for stem in stems)
    ]
    description = re.compile(
        r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(stems) + r")[a-z]*(?:['’]s)?"
        r"\s+(?P<noun>[a-z]+)(?:\s+of\s+the\s+[a-z]+)?"
    )
    found.extend(
        (match.start(), _lowercase_article(" ".join(match.group().split())))
        for match in description.finditer(text)
        if match.group("noun") in ORGANISATION_WORDS
    )
    return sorted(found)


def _lowercase_article(name: str) -> str:
    """ "The State Bureau" -> "the State Bureau": a name as a source inside a sentence."""
    return "the" + name[3:] if name.startswith("The ") else name


def _without_opening_preposition(name: str) -> str:
    """ "In the Central Bank" -> "Central Bank", "The State Bureau" -> "State Bureau": the name
    without an opening preposition (a sentence's capitalised first word) and article."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in _PREPOSITIONS:
        first, _, rest = rest.partition(" ")
    return rest if rest and first.lower() == "the" else f"{first} {rest}".rstrip()


def _ends_head(name: str, wanted: Sequence[str]) -> bool:
    """Whether the lower-cased words ``wanted`` end ``name`` or its head before "of"/"for"
    ("Prosecutor's Office" in "The Prosecutor's Office of Kalmara")."""
    words = [word.lower() for word in name.split()]
    size = len(wanted)
    return words[-size:] == wanted or any(
        words[index - size : index] == wanted and words[index] in {"of", "for"}
        for index in range(size, len(words))
    )


def _names_by_head(runs: Sequence[re.Match[str]]) -> dict[str, tuple[list[int], list[str]]]:
    """Every multi-word capitalised name (``_CAPITALISED_RUN``'s matches in a text), indexed by
    its head word: the last word, or a word followed by "of" or "for" ("Council" in "Council of
    the Judiciary", "Commission" in "National Commission for Data Protection")."""
    index: dict[str, tuple[list[int], list[str]]] = {}
    for match in runs:
        name = match.group()
        words = name.split()
        heads = {words[-1]} | {
            word for word, following in itertools.pairwise(words) if following in {"of", "for"}
        }
        for head in heads:
            if head[:1].isupper() and not (words[0] == "The" and len(words) == 2):
                positions, names = index.setdefault(head.lower(), ([], []))
                positions.append(match.start())
                names.append(name)
    return index


def _distinctive_word(name: str) -> str:
    words = [word for word in name.split() if word.lower() not in NAME_CONNECTORS]
    return words[0] if words else name


def _is_document(speaker: Speaker) -> bool:
    """ "the statement", "the text of the communiqué": a document standing for its source."""
    words = speaker.name.lower().split()
    return 0 < len(words) <= _MAX_DOCUMENT_WORDS and words[-1] in _DOCUMENTS


def _word_edge(text: str, at: int) -> bool:
    """True when ``at`` is not inside a word: a word character on at most one side."""
    before = text[at - 1] if at > 0 else " "
    after = text[at] if at < len(text) else " "
    return not (_is_word_character(before) and _is_word_character(after))


def _name_edge(text: str, at: int) -> bool:
    """True when ``text[at]`` cannot continue a name: no letter, digit or hyphen ("Lind" is not
    written alone in "Asante-Lind")."""
    return not (0 <= at < len(text) and (_is_word_character(text[at]) or text[at] == "-"))


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


# The offset of an (offset, speaker) pair: the sort key of every list of sources, in C.
_position = operator.itemgetter(0)


def _before_possessive(tokens: list[str]) -> list[str]:
    """The name in a run with a possessive: "Nadia Rahmani’s Instagram" -> Nadia Rahmani."""
    for index, token in enumerate(tokens):
        if token.endswith(("’s", "'s")) and len(token) > 2:
            if index == 0 and len(tokens) > 2:
                return tokens[1:]  # "Sarath's King Idris bin Harun": the owner comes first
            return [*tokens[:index], token[:-2]]
    return tokens


def find_mentions(text: str) -> list[tuple[int, Speaker]]:
    """Every full person name written in ``text`` ("Energy Minister Farid Nasser" gives
    "Farid Nasser"), with its offset: the name words that end a capitalised run, after any
    title, when there are at least two of them."""
    mentions: list[tuple[int, Speaker]] = []
    for match in _PERSON_MENTION.finditer(text):
        run = match.group()
        tokens = run.split()
        if "’s" in run or "'s" in run:  # a cheap test: most runs hold no possessive
            tokens = _before_possessive(tokens)
        if tokens[0] == "The" and len(tokens) > 3 and tokens[1].lower() in TITLES:
            tokens = tokens[1:]  # "The President Vesna Kralj reacted"
        if tokens[0] in _NOT_NAME_STARTS:
            continue  # "But Dalsgaard", "Asked Kirby": a sentence opener, not a first name
        start = len(tokens)
        while start > 0 and (
            _is_name_word(tokens[start - 1])
            or (
                tokens[start - 1] in _NAME_PARTICLES
                and start >= 2
                and _is_name_word(tokens[start - 2])
            )
        ):
            start -= 1
        while len(tokens) - start > 2 and _is_occupation(tokens[start].lower()):
            start += 1  # "Farmer Thorvald Nakashima": the occupation is a title
        before_name = tokens[start - 1].lower() if start > 0 else ""
        if len(tokens) - start < 2 or (
            start > 0
            and before_name not in TITLES
            and before_name not in ORGANISATION_WORDS
            and before_name not in PORTFOLIOS  # "the Minister of Interior Bastien Leclercq"
            and not _is_occupation(before_name)
        ):
            continue  # "Fatherland Alliance Ondrej Salo" is a name after its party
        previous_word = text[max(0, match.start() - 20) : match.start()].split()[-1:]
        if previous_word and previous_word[0].lower().strip(",") in _NAME_OF_A_THING:
            continue  # "whose firm Vuleta Gradnja", "the weekly Kellbacher Rundschau"
        before = text[max(0, match.start() - 4) : match.start()].lower()
        # "The words were those of Paulina Reyes-Mott": a person, not a place after "of"
        of_a_person = text[max(0, match.start() - 9) : match.start()].lower() == "those of "
        if start == 0 and before.endswith(("the ", "of ")) and not of_a_person:
            if before.endswith("the ") or len(tokens) < 3:
                continue  # "the Royal Pennard" is a place or a body, not a person
            start = 1  # "Minister of Tallmark Astrid Hallberg": the place goes with the title
        if tokens[start].lower() in _PLACE_WORDS:
            continue
        name = " ".join(token.rstrip(",.;:") for token in tokens[start:])
        offset = match.start() + run.find(tokens[start])
        mentions.append((offset, Speaker(name, "person")))
    return mentions
