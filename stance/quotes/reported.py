"""Attributions: the cue, the speaker and (for reported speech) the content clause of a sentence.

Works on a *masked* copy of the article in which every quoted statement's characters are
replaced by ``MASK``, so cue words inside quotation marks are never read as attributions while
every offset still points into the original text. Each pattern is a small function over one
sentence:

- forward:     "X said (that) CLAUSE", "X denied CLAUSE", "X told reporters (that) CLAUSE"
- inverted:    "CLAUSE, X said." / "CLAUSE, said X." / "“…,” said X."
- according:   "According to X, CLAUSE" / "CLAUSE, according to X." / "According to X CLAUSE"
- participle:  "…, saying CLAUSE" (the sentence's speaker goes on)
- coordinated: "X said A, but insisted B" (two statements of one speaker)
- colon:       "X: CLAUSE", "X told the agency: CLAUSE"

"X said A and that B" gives two statements, A and B.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from stance.quotes.cues import (
    ALL_VERB_CUES,
    CAPITAL_LETTERS,
    COMPLEMENT_VERBS,
    DISCOURSE_MARKER,
    INVERTIBLE_VERBS,
    LISTENERS,
    ORGANISATION_WORDS,
    PARTICIPLE_CUES,
    PASSIVE_AUXILIARIES,
    PLATFORMS,
    PRESSED_OPENINGS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TELLING_VERBS,
    TITLES,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from stance.quotes.sentences import Sentence
from stance.quotes.speakers import Speaker, reduce_speaker

MASK = "\x00"
_CLOSING_MARKS = "\"”’»›'"
# What a clause may end with when the speaker follows its cue ("“…,” said X"): marks and dashes.
_CLAUSE_ENDS = (*_CLOSING_MARKS, "“", "\u2013", "—", MASK)
_WORD = re.compile(r"[^\s,;:]+")
_ADVERBIAL = re.compile(
    r"\s*(?:on|in|at|to|during|via|late|early|last|this|earlier|later|again|also|then|"
    + WEEKDAY_NAMES
    + r")\b[^,;:\x00]{0,60}?,\s+"
)
_STATEMENT_NOUN = re.compile(
    r"['’]s\s+(?:statement|report|letter|post|message|release|tweet|website|account|update|"
    r"advice|announcement|note|notice|bulletin|comments?|figures|data)$"
)
# A document standing in for its source: "according to documents published by X".
_DOCUMENT_BY = re.compile(r"^.*\b(?:by|from|of)\s+(?=\S)")
_DOCUMENT_PREPOSITIONS = frozenset(["in", "on", "via"])
_DOCUMENT_NOUNS = frozenset(
    [
        "statement",
        "statements",
        "report",
        "reports",
        "documents",
        "document",
        "data",
        "figures",
        "letter",
        "message",
        "release",
        "post",
        "records",
        "filing",
        "estimates",
        "survey",
        "poll",
        "study",
        "analysis",
    ]
)
# A passive cue with its document: "«…», is said in the message of the Bureau", "In the
# press-release of the regulator it is said, that …": the document (and its "of" source) speaks.
_PASSIVE_DOCUMENT = (
    r"(?P<document>(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|communiqué|"
    r"communique|message|press[\s-]release|release|note|report|letter|text|decision|"
    r"resolution|document)(?:\s+of\s+[^,.;:\x00]{1,60}?)?)"
)
_DOCUMENT_AFTER_PASSIVE = re.compile(r"\s+in\s+" + _PASSIVE_DOCUMENT + r"\s*(?=[,.;:\x00]|$)")
_DOCUMENT_BEFORE_PASSIVE = re.compile(
    r"\b[Ii]n\s+" + _PASSIVE_DOCUMENT + r",?\s+it\s+(?:is|was)\s+$"
)
_PASSIVE_SAYING = re.compile(r"\b(?:is|was)\s+$")
_PASSIVE_DOCUMENT_VERBS = frozenset(["said", "stated", "written", "reported", "noted", "stressed"])
# A clause that starts here is the reporter's, not the speaker's: "…, after the opposition said".
_REPORTER_CLAUSE = re.compile(r",\s+(?:after|which|who|whom|where|while|whereas|as)\b")
# Clause punctuation, or a whole hidden quotation (one break, not one per hidden character).
_SEGMENT_BREAK = re.compile("[,;:—\u2013" + MASK + "](?:(?<=" + MASK + ")" + MASK + "*)?")
# Up to the last of those breaks: the greedy ".*" runs to the end and gives characters back until
# it stands before one, so only the end of the text is read twice.
_UP_TO_LAST_BREAK = re.compile("(?s:.*)[,;:—\u2013" + MASK + "]")
_ADVERBIAL_OPENERS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "via",
        "through",
        "to",
        "with",
        "late",
        "last",
        "earlier",
        "later",
        "on",
        "in",
        "by",
        "speaking",
    ]
)
_APPOSITIVE_OPENERS = frozenset(
    ["a", "an", "the", "who", "which", "whose", "his", "her", "its", "their"]
)
_SUBJECT_WORDS = 12
_DISPUTE_VERBS = frozenset(["disputed", "disputes", "questioned", "challenged"])
_DISPUTED_THINGS = frozenset(
    [
        "account",
        "accounts",
        "claim",
        "claims",
        "report",
        "reports",
        "allegation",
        "allegations",
        "figure",
        "figures",
        "version",
        "finding",
        "findings",
        "statement",
        "statements",
        "accusation",
        "accusations",
        "description",
        "story",
        "findings",
        "conclusion",
        "conclusions",
        "assessment",
        "data",
        "numbers",
        "estimate",
        "estimates",
    ]
)
_CLAIM_VERBS = frozenset(["claimed", "claims", "claiming"])
_WORD_READING_VERBS = _DISPUTE_VERBS | _CLAIM_VERBS | TELLING_VERBS
_MARKS = "\"“”‘’«»„‹›'" + MASK
_STRAY_MARKS = frozenset("\"“”‘’«»„‹›'")
_COLON_AFTER_CUE = 40  # characters after a cue within which "told the agency:" puts its colon
_COLON_SOURCE_WORDS = ORGANISATION_WORDS | ROLE_NOUNS  # "The mayor's office: …"
_SOURCE_DOCUMENT_NOUNS = _DOCUMENT_NOUNS | {"statement", "report"}
_RELATIVE_WORDS = RELATIVE_PRONOUNS | {"where", "when"}  # "…, where the ministry said"
_SOURCE_WORDS = 8  # words an unpunctuated "according to X" source may have
_CLAUSE_OPENING_WORDS = frozenset(
    ["the", "a", "an", "he", "she", "it", "they", "we", "this", "these", "those"]
)
_AUXILIARY_END = re.compile(r"(?<=,)\s+(?:has|have|had)$")
_COORDINATED = re.compile(r",?\s+(?:and|but)(?:\s+also)?\s+$")
_COORDINATORS = frozenset(["and", "but", "or"])
_SUBJECT_PEEK = 16  # characters read for a sentence's first word
_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "its", "their", "this", "that"])
_MAX_CLAUSES = 8  # "and that" clauses split off one statement; bounds pathological sentences
_AND_THAT = re.compile(r",?\s+and\s+that\s+")
# Words that make the words after a cue a clause, not a speaker: "…, said her inspectors had".
_CLAUSE_WORDS = frozenset(
    [
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "would",
        "will",
        "could",
        "can",
        "should",
        "did",
        "does",
        "do",
        "been",
        "be",
        "not",
        "no",
        "and",
        "but",
        "or",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "during",
        "after",
        "before",
        "as",
        "while",
    ]
)
# Prepositions that open where or how a statement was made ("to" and "on" often open the
# listener or platform before an inverted speaker: "declared to our agency the coordinator …").
_PLACE_OR_MEANS_PREPOSITIONS = frozenset(["by", "from", "in", "at", "during", "via"])
# Audiences a telling verb names after an article: "told a news conference in Lausanne".
_GATHERING = re.compile(
    r"\s+(?:a|the)\s+(?:(?:news|press)\s+conference|briefing|hearing|committee|meeting|rally)\b"
)
_PARTICLE_WORD = re.compile(rf"(?:al|el|ad|ibn|bin)-[{CAPITAL_LETTERS}]")  # "al-Mansour"
_TRAILING_ADVERBIALS = WEEKDAYS | frozenset(
    [
        "on",
        "in",
        "at",
        "during",
        "late",
        "early",
        "last",
        "this",
        "earlier",
        "later",
        "again",
        "yesterday",
        "today",
        "tonight",
        "afterwards",
        "afterward",
        "separately",
        "recently",
        "outside",
        "after",
        "before",
        "when",
        "while",
        "as",
        "to",
        "from",
        "for",
        "by",
        "with",
        "via",
        "through",
        "near",
        "inside",
    ]
)
# Words that end a sentence's opening noun phrase: verbs, auxiliaries, prepositions.
_SUBJECT_STOPS = (
    _PREPOSITIONS
    | frozenset(
        [
            "since",
            "about",
            "over",
            "into",
            "said",
            "says",
            "told",
            "wrote",
            "writes",
            "is",
            "was",
            "were",
            "are",
            "has",
            "have",
            "had",
            "will",
            "would",
            "can",
            "could",
            "may",
            "might",
            "must",
            "should",
            "shall",
            "did",
            "does",
            "do",
            "gave",
            "made",
            "took",
            "sent",
            "put",
            "led",
            "won",
            "lost",
            "called",
            "calls",
            "thanked",
            "praised",
            "urged",
            "sought",
            "kept",
            "went",
            "came",
            "got",
            "held",
            "began",
            "spoke",
        ]
    )
    | ALL_VERB_CUES
)
_SPEAKER_LIMIT = 250  # characters read back from a cue for its speaker
_PHRASE_STOP = re.compile("[,;:(" + MASK + "]")  # where a speaker phrase after its cue ends
_INVERTED_SPEAKER_TOKENS = 12
# An auxiliary makes the words before a speaker a clause ("The towers are safe, Ana Wrona,
# said"), not a description of the speaker.
_DESCRIPTION_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|must)\b")
_FOLLOWING_WORDS = 8  # words read after a cue when looking for "that"
_MIN_CONTENT_WORDS = 2


# A NamedTuple: immutable like a frozen dataclass, and built several times faster (one per
# cue of every article).
class Attribution(NamedTuple):
    """Who said something and with which cue, and where the reported clause is, if any.

    ``content`` is the reported clause as ``(start, end)`` offsets, or None when the cue only
    attributes a quotation next to it ("“…,” said X"). ``speaker_at`` is where the speaker
    phrase sits, used to resolve pronouns against earlier names.
    """

    cue: str | None
    cue_start: int
    cue_end: int
    speaker: Speaker | None
    speaker_at: int
    content: tuple[int, int] | None


def find_attributions(
    masked: str, sentence: Sentence, cues: list[re.Match[str]]
) -> list[Attribution]:
    """Read every attribution in ``sentence`` from its cue candidates, left to right.

    A cue inside an earlier attribution's content is part of that statement ("X denied
    reports that Y said …") and is skipped, except a participle ("…, saying") or a verb
    coordinated with the earlier one ("X said … but insisted …"): those cut the earlier
    content and start a statement of the same speaker.
    """
    found: list[Attribution] = []
    for cue in cues:
        word = cue.group()
        covered = None
        for index, earlier in enumerate(found):
            if earlier.content and earlier.content[0] <= cue.start() < earlier.content[1]:
                covered = index
                break
        coordinated = covered is not None and _COORDINATED.search(
            masked, max(sentence.start, cue.start() - 12), cue.start()
        )
        if covered is not None and word not in PARTICIPLE_CUES and not coordinated:
            closing = _closing_attribution(masked, sentence, cue)
            if closing is not None and closing.content is not None:
                # "The exchange denied the request, spokesman Marek Żuraw said.": the final
                # attribution reports the whole clause, cue and all.
                found = [a for a in found if a.cue_start < closing.content[0]]
                found.append(closing)
            continue
        attribution: Attribution | None
        if word.lower() == "according to":
            attribution = _according_to(masked, sentence, cue)
        elif word in PARTICIPLE_CUES:
            attribution = _participle(masked, sentence, cue, found)
        elif coordinated and covered is not None:
            attribution = _coordinated(masked, sentence, cue, found[covered])
        else:
            attribution = _verb(masked, sentence, cue)
        if attribution is None and not (coordinated and covered is not None):
            continue
        if covered is not None:
            earlier = found[covered]
            cut_at = coordinated.start() if coordinated else cue.start()
            found[covered] = _with_content(earlier, masked, cut_at)
        if attribution is not None:
            found.append(attribution)
    if not found:
        colon = _colon(masked, sentence)
        if colon is not None:
            found.append(colon)
    return [part for attribution in found for part in _split_that_clauses(masked, attribution)]


def _closing_attribution(masked: str, sentence: Sentence, cue: re.Match[str]) -> Attribution | None:
    """The attribution a cue makes when it closes the sentence after a comma, else None."""
    if cue.group() not in INVERTIBLE_VERBS:
        return None
    if masked.count(" ", cue.end(), sentence.end) > _INVERTED_SPEAKER_TOKENS + 6:
        return None  # too much follows the cue for it to close the sentence
    attribution = _verb(masked, sentence, cue)
    if attribution is None or attribution.content is None:
        return None
    return attribution if attribution.content[1] <= cue.start() else None


def _with_content(attribution: Attribution, masked: str, end: int) -> Attribution:
    content = attribution.content
    if content is None:
        return attribution
    end = _trim_end(masked, content[0], min(end, content[1]))
    return Attribution(
        attribution.cue,
        attribution.cue_start,
        attribution.cue_end,
        attribution.speaker,
        attribution.speaker_at,
        (content[0], end) if end > content[0] else None,
    )


def _coordinated(
    masked: str, sentence: Sentence, cue: re.Match[str], earlier: Attribution
) -> Attribution | None:
    """ "… but insisted that CLAUSE": the earlier speaker goes on with another cue."""
    cue_end = _cue_extension(masked, cue.end(), sentence.end, cue.group())
    content_start = _content_start(
        masked, cue_end, sentence.end, cue.group(), listener_taken=cue_end > cue.end()
    )
    content = _content(masked, content_start, sentence.end) if content_start is not None else None
    if content is None:
        return None
    return Attribution(
        masked[cue.start() : cue_end],
        cue.start(),
        cue_end,
        earlier.speaker,
        earlier.speaker_at,
        content,
    )


def _split_that_clauses(masked: str, attribution: Attribution) -> list[Attribution]:
    """ "X said A and that B" reports two statements: A, and B."""
    content = attribution.content
    if content is None:
        return [attribution]
    parts: list[Attribution] = []
    start = content[0]
    if masked.find("that", content[0], content[1]) < 0:
        return [attribution]  # no "and that" without a "that"; finding one is cheap
    clauses = itertools.islice(_AND_THAT.finditer(masked, content[0], content[1]), _MAX_CLAUSES)
    for match in clauses:
        parts.append(attribution._replace(content=(start, _trim_end(masked, start, match.start()))))
        start = match.end()
    if not parts:
        return [attribution]
    parts.append(attribution._replace(content=(start, content[1])))
    return parts


def _unpunctuated_source(masked: str, start: int, limit: int) -> int | None:
    """Where the clause starts after "according to X" when no comma closes X within a few
    words: at the next determiner, number or pronoun after the source's own words."""
    words = list(itertools.islice(_WORD.finditer(masked, start, limit), _SOURCE_WORDS + 1))
    if len(words) <= _SOURCE_WORDS:
        return None
    for index, match in enumerate(words[1 : _SOURCE_WORDS + 1], start=1):
        word = match.group()
        if word in _CLAUSE_OPENING_WORDS or word[:1].isdigit():
            return match.start() if index >= 2 else None
    return None


def _according_to(masked: str, sentence: Sentence, cue: re.Match[str]) -> Attribution | None:
    start, end = cue.start(), cue.end()
    clause_start = _statement_start(masked, sentence.start, sentence.end)
    comma = masked.find(",", end, sentence.end)
    phrase_end = comma if comma >= 0 else _trim_end(masked, end, sentence.end)
    phrase = masked[end:phrase_end]
    appositive = ""
    unpunctuated = _unpunctuated_source(masked, end, comma if comma >= 0 else sentence.end)
    if unpunctuated is not None:
        # "According to the Kellbacher Rundschau the attackers entered …" (no comma).
        phrase = masked[end:unpunctuated]
        content = _content(masked, unpunctuated, sentence.end)
    elif start <= clause_start:
        # "According to X, CLAUSE" - and "According to the governor, Vyacheslav Gladkov, CLAUSE".
        if comma < 0:
            return None
        content_start = comma + 1
        next_comma = masked.find(",", content_start, sentence.end)
        if next_comma > 0 and _is_proper_name(masked[content_start:next_comma]):
            phrase, appositive = masked[content_start:next_comma], phrase
            content_start = next_comma + 1
        content = _content(masked, content_start, sentence.end)
    else:
        # "CLAUSE, according to X." / "…, according to the governor, Stefan Kralj."
        content = _content(masked, clause_start, start)
        if comma >= 0:
            name_end = _phrase_end(masked, comma + 1, sentence.end)
            if _is_proper_name(masked[comma + 1 : name_end]):
                phrase, appositive = masked[comma + 1 : name_end], phrase
    words = phrase.split()
    if (len(words) > 1 and words[1].lower() in _SOURCE_DOCUMENT_NOUNS) or (" by " in phrase):
        phrase = _DOCUMENT_BY.sub("", phrase)
    speaker = reduce_speaker(phrase, appositive)
    if speaker is None or content is None:
        return None
    return Attribution(masked[start:end], start, end, speaker, end, content)


def _verb(masked: str, sentence: Sentence, cue: re.Match[str]) -> Attribution | None:
    start, end = cue.start(), cue.end()
    if masked.startswith(PRESSED_OPENINGS, sentence.start) and start < masked.find(
        ",", sentence.start, sentence.end
    ):
        return None  # "Asked whether aid groups blamed the government, she said": the question
    word = cue.group()
    prefix_start = max(sentence.start, start - _SPEAKER_LIMIT)
    prefix = masked[prefix_start:start]
    if _passive_or_noun(prefix):
        return _passive_document(masked, sentence, cue, prefix_start)
    cue_end = _cue_extension(masked, end, sentence.end, word)
    cue_text = masked[start:cue_end]
    after = masked[cue_end : sentence.end]
    stripped_prefix = prefix.rstrip()
    if stripped_prefix.endswith(("has", "have", "had")):  # a cheap test before the regex
        stripped_prefix = _AUXILIARY_END.sub("", stripped_prefix)
    # "“…,” said X" / "CLAUSE, said X" / "CLAUSE, has announced X": the speaker follows.
    ends_quote = stripped_prefix.rstrip(", ").endswith(_CLAUSE_ENDS)
    if (
        word in INVERTIBLE_VERBS
        and (ends_quote or stripped_prefix.endswith(","))
        and _starts_short_phrase(after, after_quote=ends_quote)
    ):
        phrase_end = _phrase_end(masked, cue_end, sentence.end)
        phrase = masked[cue_end:phrase_end]
        appositive = masked[phrase_end + 1 : _phrase_end(masked, phrase_end + 1, sentence.end)]
        if masked[phrase_end : phrase_end + 1] == "," and (
            _is_proper_name(_without_leading_role(appositive))
            or _names_the_description(phrase, appositive)
        ):
            # "said the trust's director, Owen Pryce-Jones", "declared the president of the
            # court, judge Heloísa Reis": the name is the speaker.
            phrase, appositive = _without_leading_role(appositive), phrase
        speaker = reduce_speaker(phrase, appositive)
        if speaker is not None:
            content = _content_before(masked, sentence, prefix_start + len(stripped_prefix))
            return Attribution(cue_text, start, cue_end, speaker, cue_end, content)
        # "“…,” the examiner, Dana Roos, said on Monday.": no source after the verb (only
        # when it spoke); the source is the subject before it.
    speaker_start, phrase, appositive = _speaker_before(masked, prefix_start, start)
    phrase_words = phrase.split()
    if (
        len(phrase_words) in (3, 4)
        and phrase_words[0].lower() in _DOCUMENT_PREPOSITIONS
        and phrase_words[-1].lower() in _DOCUMENT_NOUNS
    ):
        # "In a statement posted on Telegram, the Front said …": the verb describes the
        # document; the sentence's own cue comes later.
        return None
    relative = phrase_words[0] if phrase_words else ""
    if relative in {"which", "who"} and len(phrase_words) == 1:
        # "The Northern Ledger, which reported that …": the source is the name before.
        segments = _segments(masked, prefix_start, speaker_start - 1)
        speaker_start = segments[-1][0]
        phrase, appositive = masked[speaker_start : segments[-1][1]], ""
        if not _is_proper_name(phrase.split(" by ")[-1]):
            return None
        phrase = phrase.split(" by ")[-1]
        phrase_words = phrase.split()
    elif relative in _RELATIVE_WORDS:
        return None  # a relative clause of the reporter's: "…, which the ministry announced"
    if phrase_words and phrase_words[-1].lower() in _DOCUMENT_NOUNS and " by " in appositive:
        # "The reports, first published by The Vessarian Observer, said": the publisher.
        phrase, appositive = appositive.split(" by ")[-1], ""
        phrase_words = phrase.split()
    if _lone_conjunction(phrase_words) or phrase_words[-1] in _COORDINATORS:
        # "The Association … thanked investigators and said …": the sentence's subject speaks;
        # but "In a statement signed by all players and posted …" has none.
        speaker_start, speaker, _ = sentence_subject(masked, sentence)
        opening = masked[speaker_start : speaker_start + _SUBJECT_PEEK].split()[:1]
        if opening and opening[0].lower() in _PREPOSITIONS:
            return None
    else:
        speaker = reduce_speaker(_STATEMENT_NOUN.sub("", phrase.strip()), appositive)
    if speaker is None:
        return None
    if (
        after.startswith(",")
        and masked[prefix_start:speaker_start].rstrip().endswith(",")
        and len(phrase_words) <= _PARENTHETICAL_SPEAKER_WORDS
    ):
        # "The crew, he added, did «everything by the book»": an attribution set off by commas
        # inside the reporter's sentence; the sentence's quoted words are the speaker's, and
        # without quotation marks what follows the second comma is what was reported.
        parenthetical_content = (
            None if MASK in after else _content(masked, cue_end + 1, sentence.end)
        )
        return Attribution(cue_text, start, cue_end, speaker, speaker_start, parenthetical_content)
    # "CLAUSE, X said." / "“…” X said on Monday.": nothing reported after the cue.
    if _only_trailing_words(after, telling=word in TELLING_VERBS and cue_end == end):
        before_speaker = masked[prefix_start:speaker_start].rstrip()
        if not before_speaker and _follows_quotation(masked, sentence.start):
            # "“… for?” Qureshi said.": a sentence of its own that attributes the quotation
            # just before it (a question or exclamation mark ended that sentence).
            return Attribution(cue_text, start, cue_end, speaker, speaker_start, None)
        if not before_speaker.endswith((",", *_CLAUSE_ENDS)):
            return None
        content = (
            None
            if _describes_speaker(masked, before_speaker, speaker_start, start)
            else _content_before(masked, sentence, prefix_start + len(before_speaker))
        )
        return Attribution(cue_text, start, cue_end, speaker, speaker_start, content)
    content_start = _content_start(
        masked, cue_end, sentence.end, word, listener_taken=cue_end > end
    )
    if content_start is None:
        return None
    content = _content(masked, content_start, sentence.end)
    if content is None or _only_trailing_words(masked[content[0] : content[1]], telling=False):
        return None
    return Attribution(cue_text, start, cue_end, speaker, speaker_start, content)


_PARENTHETICAL_SPEAKER_WORDS = 3  # "he", "the minister", "Ana Ruiz" between the commas


def _describes_speaker(
    masked: str, before_speaker: str, speaker_start: int, cue_start: int
) -> bool:
    """ "The secretary general of SYNTEL, Patrice Ondoua, replied in the evening": words with
    no verb before a name that commas set off describe the speaker; they report nothing."""
    return (
        before_speaker.count(",") == 1
        and MASK not in before_speaker
        and masked[speaker_start:cue_start].rstrip().endswith(",")
        and _DESCRIPTION_VERB.search(before_speaker) is None
    )


def _passive_document(
    masked: str, sentence: Sentence, cue: re.Match[str], prefix_start: int
) -> Attribution | None:
    """ "«…», is said in the message of the Bureau": the document after the passive cue
    speaks for the clause before it; "In the statement of the command it is said that …": the
    document before it, for the clause after it. None for any other passive ("was told")."""
    word = cue.group()
    if word not in _PASSIVE_DOCUMENT_VERBS:
        return None
    start, end = cue.start(), cue.end()
    before = _DOCUMENT_BEFORE_PASSIVE.search(masked, prefix_start, start)
    if before is not None:
        speaker = reduce_speaker(before.group("document"))
        content_start = _content_start(masked, end, sentence.end, word)
        content = _content(masked, content_start, sentence.end) if content_start else None
        if speaker is None or content is None:
            return None
        return Attribution(word, start, end, speaker, before.start("document"), content)
    passive = _PASSIVE_SAYING.search(masked, max(prefix_start, start - 8), start)
    after = _DOCUMENT_AFTER_PASSIVE.match(masked, end, sentence.end)
    if passive is None or after is None:
        return None
    speaker = reduce_speaker(after.group("document"))
    if speaker is None:
        return None
    content = _content_before(masked, sentence, passive.start())
    cue_end = after.end("document")
    return Attribution(
        masked[start:cue_end], start, cue_end, speaker, after.start("document"), content
    )


def _follows_quotation(masked: str, start: int) -> bool:
    """True when a hidden quotation ends just before ``start``, on the same line."""
    before = masked[max(0, start - 4) : start].rstrip(" ")
    return before.endswith((MASK, *_CLOSING_MARKS))


def _lone_conjunction(words: list[str]) -> bool:
    """True when the words, marks aside, are a lone "and", "but" or "then", or nothing."""
    bare: str | None = None
    for word in words:
        stripped = word.strip(_MARKS)
        if stripped:
            if bare is not None:
                return False  # a second word: the phrase is more than a conjunction
            bare = stripped
    return bare is None or bare in {"and", "but", "then"}


def _participle(
    masked: str, sentence: Sentence, cue: re.Match[str], found: list[Attribution]
) -> Attribution | None:
    start, end = cue.start(), cue.end()
    if not masked[sentence.start : start].rstrip().endswith(","):
        return None
    speaker: Speaker | None
    if found:
        speaker, speaker_at = found[-1].speaker, found[-1].speaker_at
    else:
        speaker_at, speaker, _ = sentence_subject(masked, sentence)
    if speaker is None:
        return None
    content_start = _content_start(masked, end, sentence.end, cue.group())
    content = _content(masked, content_start, sentence.end) if content_start is not None else None
    if content is None:
        return None
    return Attribution(masked[start:end], start, end, speaker, speaker_at, content)


def _colon(masked: str, sentence: Sentence) -> Attribution | None:
    """ "The mayor's office: the water is safe." - a short source, a colon, then the statement."""
    colon = masked.find(":", sentence.start, min(sentence.end, sentence.start + 60))
    if colon < 0:
        return None
    phrase = masked[sentence.start : colon]
    words = phrase.lower().replace("’", "'").replace("'s", "").split()
    if not words or len(words) > 6 or _COLON_SOURCE_WORDS.isdisjoint(words):
        return None
    after = masked[colon + 1 : sentence.end].lstrip()
    if not after or after[0] in MASK + _CLOSING_MARKS + "“«„‘":
        return None  # a quotation after the colon is attributed by the quote rules
    # "The ministry’s update: …" is the ministry's.
    speaker = reduce_speaker(_STATEMENT_NOUN.sub("", phrase.strip()))
    content = _content(masked, colon + 1, sentence.end)
    if speaker is None or content is None:
        return None
    return Attribution(None, colon, colon + 1, speaker, sentence.start, content)


def _cue_extension(masked: str, end: int, limit: int, word: str) -> int:
    """Extend a cue by its listener or platform: "told reporters", "wrote on Telegram"."""
    following = masked[end : min(limit, end + 40)]
    words = following.split(None, 2)  # only the first two words are read
    if word in TELLING_VERBS and words and words[0].strip(",.").lower() in LISTENERS:
        return end + following.index(words[0]) + len(words[0].strip(",."))
    if word in TELLING_VERBS and words and words[0] in ("a", "the"):
        gathering = _GATHERING.match(masked, end, limit)
        if gathering is not None:
            return gathering.end()  # "told a news conference", "told the committee"
    if len(words) >= 2 and words[0] == "on" and words[1].strip(",.").lower() in PLATFORMS:
        return end + following.index(words[1]) + len(words[1].strip(",."))
    return end


def _content_start(
    masked: str, cue_end: int, limit: int, word: str, *, listener_taken: bool = False
) -> int | None:
    """Where the reported clause after a cue starts; None when a weak cue has no clause."""
    window = masked[cue_end : min(limit, cue_end + 160)]
    # The words after the cue are read for a "that" and by the verbs tested below only.
    has_that = "that" in window
    needs_words = has_that or word in _WORD_READING_VERBS
    words = list(itertools.islice(_WORD.finditer(window), _FOLLOWING_WORDS)) if needs_words else []
    that = next((match for match in words if match.group() == "that"), None) if has_that else None
    if that is not None:
        # A hidden quotation or a clause word before "that" makes it a later clause's ("said
        # the water was safe and that …"); both only grow with the text before it, so testing
        # the text just before the first "that" is enough.
        between = window[: that.start()]
        later_clause = MASK in between or _has_clause_words(between.split())
        # "denied claims that …": the claims are the content.
        object_first = bool(between.strip(" ,")) and not _ADVERBIAL.match(between)
        opens_content = "," not in between or between.strip() == "," or _ADVERBIAL.match(between)
        if not later_clause and not (word in COMPLEMENT_VERBS and object_first) and opens_content:
            return cue_end + that.end()
    adverbial = _ADVERBIAL.match(window)
    if adverbial:
        return cue_end + adverbial.end()
    colon = window.find(":", 0, _COLON_AFTER_CUE)
    if colon >= 0 and MASK not in window[:colon] and "," not in window[:colon]:
        # "told the agency: «…»", "wrote in an open letter: "…""
        return cue_end + colon + 1
    if word in _DISPUTE_VERBS:
        # "disputed the cooperative's account", but not "disputed a stretch of the border".
        following = {match.group().lower().strip(".,") for match in words[:4]}
        return cue_end if following & _DISPUTED_THINGS else None
    if word in _CLAIM_VERBS:
        # "claimed responsibility for the attack", "claimed it had received …"; but not
        # "claimed the lives of three people".
        first = words[0].group().lower() if words else ""
        clause = _has_clause_words([match.group() for match in words[:6]])
        return cue_end if first in {"responsibility", "credit"} or clause else None
    if word in SPEECH_VERBS or word in PARTICIPLE_CUES or listener_taken:
        return cue_end
    if (
        word in TELLING_VERBS
        and words
        and (words[0].group().lower() in LISTENERS or words[0].group()[:1].isupper())
    ):
        # "told Reuters the bridge would reopen": skip the listener's name.
        index = 0
        while index < len(words) and words[index].group()[:1].isupper():
            index += 1
        return cue_end + (words[index].start() if index < len(words) else len(window))
    return None


def _speaker_before(masked: str, prefix_start: int, cue_start: int) -> tuple[int, str, str]:
    """The speaker phrase before a cue, its start and any appositive beside it.

    The phrase runs back to the last comma, semicolon, colon, bracket, dash or quotation;
    adverbials in between are skipped ("…, in its statement says"). Before a comma the phrase
    is a name with an appositive, in either order: "Mikhail Podoliak, adviser to …, said" and
    "The party's national chair, Samuel Achterberg, said".
    """
    # Most often the phrase is the last segment: read it alone first, and split the whole
    # prefix only when that segment is blank or an adverbial.
    last_start = _last_segment_start(masked, prefix_start, cue_start)
    phrase = masked[last_start:cue_start]
    if phrase.strip() and (last_start == prefix_start or not _is_adverbial(phrase)):
        return last_start, phrase, ""
    segments = _segments(masked, prefix_start, cue_start)
    popped = False
    while len(segments) > 1 and _is_adverbial(masked[segments[-1][0] : segments[-1][1]]):
        segments.pop()
        popped = True
    if popped:
        # "Marten Oakes, chief executive of …, on Tuesday rejected": as if the comma came last.
        segments.append((segments[-1][1], segments[-1][1]))
    last_start, last_end = segments[-1]
    if masked[last_start:last_end].strip() or len(segments) < 3:
        return last_start, masked[last_start:last_end], ""
    # The prefix ends with a comma: NAME, APPOSITIVE, or DESCRIPTION, NAME, (ages and
    # relative clauses in between are skipped: "Gilles Fournel, 61, who is on trial, said").
    candidates = segments[:-1]
    for index in range(1, len(candidates) - 1):
        # "Nadia Farouk, who represented the defendant, Kieran Doyle, said": what follows a
        # relative clause's comma still belongs to the clause
        words = masked[candidates[index][0] : candidates[index][1]].split()
        if words and words[0].lower() in {"who", "whose"}:
            candidates = candidates[:index]
            break
    while len(candidates) > 1 and _skippable_appositive(masked, *candidates[-1]):
        candidates.pop()
    second_start, second_end = candidates[-1]
    second = masked[second_start:second_end]
    first = masked[candidates[-2][0] : candidates[-2][1]] if len(candidates) > 1 else ""
    if len(candidates) < 2 or not _starts_appositive(second):
        return second_start, second, first
    # The phrases are reduced only here, where the answer depends on them: a reduction is the
    # costly step, and most prefixes are decided above.
    named = reduce_speaker(second)
    if named is not None and (
        (named.kind == "person" and not _names_person_before(first, second))
        # "The tournament's organisers, the Sabra Cup Committee, wrote": the name of the body
        or (named.kind == "organisation" and _is_description(reduce_speaker(first)))
    ):
        return second_start, second, first
    return candidates[-2][0], first, second


def _is_description(speaker: Speaker | None) -> bool:
    return speaker is not None and speaker.kind == "description"


def _names_person_before(first: str, second: str) -> bool:
    """ "Ingrid Haaland, chief executive of developer Nordvind Coastal": a bare person's name
    before a lower-case appositive is the speaker, whatever name the appositive ends with."""
    named = reduce_speaker(first)
    return (
        second.split()[:1] != []
        and second.split()[0][:1].islower()
        and named is not None
        and named.kind == "person"
        and named.name == first.strip().strip(_MARKS).strip()
    )


def _skippable_appositive(masked: str, start: int, end: int) -> bool:
    """An age, a relative clause, or a description of a place or thing with its own relative
    clause ("Kari Brekke, mayor of Vardøya, an island that depends on ferries, said")."""
    words = masked[start:end].split()
    return bool(words) and (
        words[0].isdigit()
        or words[0].lower() in {"who", "which", "whose"}
        or (words[0] in {"a", "an"} and not {"that", "which", "where"}.isdisjoint(words[2:]))
    )


def _segments(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``masked[start:end]`` at clause punctuation and quotations, keeping offsets."""
    segments: list[tuple[int, int]] = []
    segment_start = start
    for match in _SEGMENT_BREAK.finditer(masked, start, end):
        segments.append((segment_start, match.start()))
        segment_start = match.end()
    segments.append((segment_start, end))
    return segments


def _last_segment_start(masked: str, start: int, end: int) -> int:
    """Where the last of ``_segments(masked, start, end)`` starts."""
    up_to_break = _UP_TO_LAST_BREAK.match(masked, start, end)
    return up_to_break.end() if up_to_break else start


def _is_adverbial(segment: str) -> bool:
    words = segment.split()
    return bool(words) and len(words) <= 6 and words[0].lower() in _ADVERBIAL_OPENERS


def _starts_appositive(segment: str) -> bool:
    words = segment.split()
    return bool(words) and (words[0][:1].islower() or words[0].lower() in _APPOSITIVE_OPENERS)


def _passive_or_noun(prefix: str) -> bool:
    """True for "was accused", "were told", "is also said" and "the said", "to say"."""
    words = prefix.rsplit(None, 2)[-2:]
    if not words or words[-1].endswith(","):
        return False
    last = words[-1].lower()
    if last in PASSIVE_AUXILIARIES or last in {"the", "that", "to", "a"}:
        return True
    adverb = last.endswith("ly") or last in {"also", "not", "never", "often", "widely"}
    return len(words) == 2 and adverb and words[0].lower() in PASSIVE_AUXILIARIES


def _starts_short_phrase(after: str, *, after_quote: bool) -> bool:
    """True when the words after a cue are a short name phrase, not a reported clause."""
    phrase = after.split(",", 1)[0]
    if after_quote and MASK in phrase:
        # "“…,” said X to the agency Sibir-Press.“…”": a quotation after the sentence's end
        # (written without a space) is the next statement, not part of the phrase.
        before_mask = phrase.split(MASK, 1)[0].rstrip("“‘«„\"' ")
        if before_mask.endswith((".", "!", "?")):
            phrase = before_mask
    words = phrase.split()
    limit = _INVERTED_SPEAKER_TOKENS + (6 if after_quote else 0)
    if not words or len(words) > limit or "that" in words or MASK in phrase:
        return False
    # "“…,” said retired bus driver Anders Holm": an adjective in "-ed" may open a phrase
    # that ends with a name after a quotation.
    adjective_first = after_quote and words[-1][:1].isupper() and len(words) > 1
    if any(
        word in _CLAUSE_WORDS
        or (
            word.islower()
            and word.endswith("ed")
            and len(word) > 4
            and not (adjective_first and index == 0)
        )
        for index, word in enumerate(words)
    ):
        return False
    first = words[0]
    if first in _PLACE_OR_MEANS_PREPOSITIONS and not {"the", "a", "an"} & set(words[2:]):
        # "said by telephone from Gdańsk", "told reporters in Tromsø": where, not who; but
        # "informed at a press conference in Radomsk the Minister …" goes on to the speaker.
        return False
    if first.lower().strip(".") in {"he", "she", "they", "we", "it"}:
        return len(words) == 1  # "…, warned she."
    return (
        words[-1][:1].isupper()
        or after_quote
        or first[:1].isupper()
        or first.lower() in {"a", "an", "the", "two", "three", "one", "its", "his", "her", "their"}
    )


def _phrase_end(masked: str, start: int, limit: int) -> int:
    stop = _PHRASE_STOP.search(masked, start, min(limit, start + _SPEAKER_LIMIT))
    return stop.start() if stop else _trim_end(masked, start, limit)


def _only_trailing_words(after: str, *, telling: bool) -> bool:
    """True when nothing but an adverbial (or, after "told", a listener) follows a cue:
    "said on Monday.", "told the state broadcaster."."""
    stripped = after.strip()
    if not stripped:
        return True
    if stripped.startswith(":") or MASK in stripped:
        return False
    # ``after`` is often the rest of a long sentence: split only as far as the answer needs.
    if stripped.split(None, 1)[0].lower().strip(",.") in _TRAILING_ADVERBIALS or telling:
        # "said on a visit to a hospital in the town.", "told a news conference in Vell."
        words = stripped.split(None, _INVERTED_SPEAKER_TOKENS)  # one more item when longer
        return (
            len(words) <= _INVERTED_SPEAKER_TOKENS
            and "that" not in words
            and not _has_clause_words(words)
        )
    return stripped in {".", "!", "?"}  # a "that" or any other word makes this False


def _has_clause_words(words: list[str]) -> bool:
    """True when the words hold an auxiliary, a conjunction or a past-tense verb ("…ed"),
    but not an adjective after a determiner ("a televised interview") or "asked"."""
    previous = ""
    for word in words:
        if word in _CLAUSE_WORDS:
            return True
        if (
            word.islower()
            and word.endswith("ed")
            and len(word) > 4
            and word != "asked"
            and previous not in _DETERMINERS
        ):
            return True
        previous = word.lower()
    return False


def sentence_subject(masked: str, sentence: Sentence) -> tuple[int, Speaker | None, str | None]:
    """The sentence's opening noun phrase as a speaker, with its start and the verb after it:
    "Interior Minister Raúl Quintanilla called …", "The ruling Fatherland Alliance in …"."""
    start = _statement_start(masked, sentence.start, sentence.end)
    if masked.startswith(PRESSED_OPENINGS, start):
        # "Asked whether aid groups blamed the government, she said": after the question
        comma = masked.find(",", start, sentence.end)
        start = comma + 1 if comma >= 0 else start
    words: list[str] = []
    verb: str | None = None
    for match in _WORD.finditer(masked, start, min(sentence.end, start + 160)):
        word = match.group()
        if MASK in word or word[:1] in '“«„"‘':
            break
        if len(words) >= _SUBJECT_WORDS and not (
            # a name that runs past the limit is read whole: "… party Civic Renewal Ana Wrona"
            word[:1].isupper() and words[-1][:1].isupper() and len(words) < _SUBJECT_WORDS + 3
        ):
            break
        lowered = word.lower()
        if (
            words
            and word[:1].islower()
            and (lowered in _SUBJECT_STOPS or lowered.endswith("ed") or lowered in PARTICIPLE_CUES)
        ):
            verb = word if lowered not in _PREPOSITIONS else None
            break
        words.append(word)
        if masked[match.end() : match.end() + 1] in ",;:":
            break
    return start, (reduce_speaker(" ".join(words)) if words else None), verb


_DESCRIPTION_DETERMINERS = frozenset(["the", "her", "his", "its", "their"])


def _without_leading_role(segment: str) -> str:
    """ "judge Heloísa Reis", "major Tadeusz Wilk" -> the name: a lowercase role word or rank
    before a name."""
    words = segment.split(None, 1)
    if len(words) == 2 and words[0].islower() and (words[0] in ROLE_NOUNS or words[0] in TITLES):
        return words[1]
    return segment


def _names_the_description(description: str, appositive: str) -> bool:
    """ "her union, the SNB", "the operator, the Harbour Authority": a short lowercase
    description that the appositive names."""
    words, named = description.split(), appositive.strip()
    return (
        1 < len(words) <= 3
        and words[0].lower() in _DESCRIPTION_DETERMINERS
        and description.islower()
        and named.startswith("the ")
        and _is_proper_name(named[len("the ") :])
    )


def _is_proper_name(segment: str) -> bool:
    """Capitalised words, a particle name after the first allowed ("Khalid al-Mansour")."""
    words = segment.split()
    return (
        1 <= len(words) <= 4
        and words[0][:1].isupper()
        and all(word[:1].isupper() or _PARTICLE_WORD.match(word) for word in words[1:])
    )


def _statement_start(masked: str, start: int, end: int) -> int:
    """Skip a sentence's opening discourse marker ("In addition, ", "However, ")."""
    marker = DISCOURSE_MARKER.match(masked, start, end)
    return marker.end() if marker else start


def _content_before(masked: str, sentence: Sentence, end: int) -> tuple[int, int] | None:
    """The clause before a trailing attribution, or None when a quotation comes before it."""
    head = masked[sentence.start : end].rstrip(", \u2013—")
    if not head or head[-1] in MASK + _CLOSING_MARKS + "“‘":
        return None
    return _content(masked, _statement_start(masked, sentence.start, end), end)


def _content(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a clause to its words; None when it is too short to be a statement."""
    while start < end and (masked[start].isspace() or masked[start] in _STRAY_MARKS):
        start += 1
    reporter = _REPORTER_CLAUSE.search(masked, start, end)
    end = _trim_end(masked, start, reporter.start() if reporter else end)
    clause = masked[start:end]
    if MASK not in clause and len(clause.split(None, _MIN_CONTENT_WORDS - 1)) < _MIN_CONTENT_WORDS:
        return None
    return start, end


def _trim_end(masked: str, start: int, end: int) -> int:
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".,;:!?…"):
        end -= 1
    return end


__all__ = ["MASK", "Attribution", "find_attributions", "sentence_subject"]
