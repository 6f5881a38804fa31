"""``find_statements``: every attributed statement in an article, with its speaker and cue.

The steps, each a small pure function in its own module:

1. pair the quotation marks (:mod:`stance.quotes.marks`) and drop the quoted names, titles
   and scare quotes (:func:`is_statement`);
2. split sentences around the quotations (:mod:`stance.quotes.sentences`);
3. read each sentence's attributions from a masked copy of the text in which the quoted
   statements are hidden (:mod:`stance.quotes.reported`);
4. give each quotation the attribution next to it, or the previous speaker, and keep each
   reported clause that holds no quotation as an ``indirect`` statement;
5. resolve pronouns, surnames and descriptions to full names (:mod:`stance.quotes.speakers`).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from stance.quotes.context import sentence_contexts
from stance.quotes.cues import (
    CUE_PATTERN,
    INVERTIBLE_VERBS,
    NAMING_WORDS,
    ORGANISATION_WORDS,
    SPEECH_VERBS,
    TITLE_NOUNS,
)
from stance.quotes.marks import QuotedSpan, find_quoted_spans
from stance.quotes.reported import MASK, Attribution, find_attributions, sentence_subject
from stance.quotes.sentences import Sentence, split_sentences
from stance.quotes.speakers import (
    Speaker,
    SpeakerResolver,
    after_dateline,
    find_mentions,
    reduce_speaker,
)
from stance.records import Kind, Quote

_SMALL_WORDS = frozenset(
    ["of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "de", "von", "van"]
)
_LOOKBACK_WORDS = 6  # words before an opening mark read for "so-called", "known as", …
_MAX_CUES_PER_SENTENCE = 12
_MAX_CLAUSES = 8
_MIN_CLAUSE_WORDS = 3
# Where a second clause starts inside a reported clause: ", and …", or " and " before a subject.
# ",?\s+and" written to open with one character class, which lets the engine skip to commas
# and blanks instead of trying the pattern at every character of a long clause.
_CONJOINED_CLAUSE = re.compile(
    r"[,\s](?:(?<=,)\s|(?<!,))\s*and\s+(?:therefore\s+|also\s+)?"
    r"(?=(?:the|it|he|she|they|we|its|their|there|this|"
    r"these|observers|officials)\b|[A-Z])"
)
# Verbs that quote a word or two of someone's judgement: called it “absurd”, spoke of “betrayal”.
_EVALUATIVE_VERB = re.compile(
    r"\b(?:call(?:s|ed)?|describ(?:es|ed)|expressed|spoke\s+of|speaks\s+of|saluted|welcomed|"
    r"praised|termed|branded|labell?ed|hailed|condemned|dismissed|named)\b"
)
# Nouns that make a definite description a source: "The company named the decision «…»".
_SOURCE_NOUNS = ORGANISATION_WORDS | frozenset(
    [
        "company",
        "firm",
        "group",
        "bank",
        "committee",
        "association",
        "ministry",
        "union",
        "club",
        "authority",
    ]
)
# A quotation that is the object of its own small clause: "in a move the guild called “…”",
# "which Amoah called ‘…’", "what critics described as “…”"; "praised by X as “…”". Not "what
# its owner called": an owner named nowhere near is better found from the context.
_EVALUATING_CLAUSE = re.compile(
    r"(?:\b(?:which|that|what)|\bmove)\s+"
    r"(?P<subject>(?!(?:was|were|is|are|has|have|had|be|been|being|it|also|its|their)\s)"
    r"[\w'’&.-]+(?:\s+[\w'’&.-]+){0,5}?)\s+"
    r"(?P<cue>call(?:s|ed)?|describe[sd]\s+as|term(?:s|ed)|dubbed|branded|labell?ed)\s*$"
)
_EVALUATED_BY = re.compile(
    r"\b(?:praised|described|called|hailed|branded|criticised|criticized|condemned|dismissed)"
    r"\s+by\s+(?P<subject>[\w'’&.-]+(?:\s+[\w'’&.-]+){0,5}?)\s+(?P<cue>as)\s*$"
)
# The endings those verbs leave before the opening mark ("led": labelled, labeled), for a cheap
# first test.
_EVALUATING_ENDS = ("call", "calls", "called", " as", "termed", "terms", "dubbed", "branded", "led")
_EVALUATING_REACH = 100  # characters read back from an opening mark for such a clause
_COLON_REACH = 80  # how far into a sentence "Source: statement" may put its colon
_LOOKAHEAD_STATEMENTS = 20  # statements searched ahead for a speaker; keeps the search bounded
_MAX_NAME_WORDS = 5  # a quoted name or nickname is short and has no inner punctuation
_NAMING_VERBS = frozenset(
    ["call", "calls", "called", "known", "name", "names", "named", "dubbed", "nicknamed"]
)
_FUNCTION_WORDS = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "to",
        "in",
        "on",
        "of",
        "for",
        "with",
        "as",
        "at",
        "by",
        "from",
        "is",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "will",
        "would",
        "that",
        "which",
        "who",
        "than",
    ]
)
_MAX_TITLE_WORDS = 10
_SCARE_QUOTE_WORDS = 2
_CUE_NEAR_QUOTE = 4  # words between a cue and an opening mark that still make it direct
_NEAR_QUOTE_CUES = SPEECH_VERBS | {"added", "told"}
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "our", "this", "these"])
_NAMED = frozenset(["person", "organisation"])
# Right after a closing mark: "asked X", "answered X", or a short subject and "answered." / ",".
_EXCHANGE_AFTER_QUOTATION = re.compile(
    r",?[ \t]+(?:(?P<verb>asked|answered)\b|[^\x00.!?;:,\n]{1,60}?[ \t](?P<closing>answered)(?=[.,]))"
)
_EXCHANGE_VERB = re.compile(r"asked\b|answered\b")
_EXCHANGE_REACH = 80  # characters after a closing mark that the pattern above can read
_start = operator.attrgetter("start")  # statements' sort key, read in C


@dataclass(slots=True)
class _Statement:
    """A statement while it is being built: offsets, kind and its attribution, if found."""

    start: int
    end: int
    kind: Kind
    attribution: Attribution | None
    quoted: QuotedSpan | None = None
    paragraph: int = 0
    sentence: Sentence | None = None


def find_statements(text: str) -> list[Quote]:
    """Every quoted or reported statement in ``text``, in reading order (see
    :func:`stance.extract_quotes`, which checks its input first: this module may be compiled,
    and a compiled function rejects a wrong type with a message of its own)."""
    if not text.strip():
        return []
    quoted = find_quoted_spans(text)
    sentences = split_sentences(text, quoted)
    statements_spans = [span for span in quoted if is_statement(text, span)]
    masked = _mask(text, statements_spans)
    statements = _statements(text, masked, sentences, statements_spans)
    return _resolve(text, masked, sentences, statements)


def is_statement(text: str, span: QuotedSpan) -> bool:
    """False for quoted names, titles, nicknames and scare quotes; True for quoted speech."""
    inner = text[span.start : span.end]
    # Most quotations open with a letter: test that one before reading the others.
    if not (inner[:1].isalpha() or any(character.isalpha() for character in inner)):
        return False
    # Only counts up to _MAX_TITLE_WORDS and the first words are read: a long quotation is not
    # split whole (its last item then holds the rest, and the count is one over the limit).
    words = inner.split(None, _MAX_TITLE_WORDS)
    before_words = text[max(0, span.open_at - 60) : span.open_at].split()[-_LOOKBACK_WORDS:]
    previous = before_words[-1].strip(",") if before_words else ""
    previous_lowered = previous.lower()
    if previous_lowered in NAMING_WORDS or _after_naming_phrase(previous_lowered, before_words):
        return False
    short = len(words) <= _MAX_NAME_WORDS and not any(mark in inner for mark in ",.!?;:")
    if previous_lowered in _NAMING_VERBS and len(words) == 1:
        return False  # the dollar, which people call «blue»
    if previous_lowered in TITLE_NOUNS and (words[0][:1].isupper() or len(words) <= 2):
        return False  # the exercise “Northern Gate”; but: called the report “a work of fiction”
    closing = span.close_at if span.close_at is not None else span.end
    after = text[closing + 1 : closing + 30].split()
    following = after[0] if after else ""
    if short and previous[:1].isupper() and following[:1].isupper():
        return False  # a nickname between first and last name: Anton “the Hammer” Belić
    if _title_like(words) and not _attributed_after(text, closing):
        return False
    if (
        short
        and "the" in (words[0].lower(), previous_lowered)
        and any(word.lower().strip(",") in _NAMING_VERBS for word in before_words)
    ):
        return False  # what the press calls “the bridge of the century”; the “Kerel protocol”
    if (
        len(words) <= 3
        and short
        and (
            previous_lowered in {"the", "a", "an", "its", "their", "his", "her"}
            or previous.endswith(("'s", "’s"))
        )
        and following[:1].isalpha()
        and following.islower()
        and following not in _FUNCTION_WORDS
    ):
        return False  # a name used as a modifier: the “second-home support” payment
    # A word or two in quotation marks is speech only with a cue close by; else a scare quote.
    return len(words) > _SCARE_QUOTE_WORDS or _sentence_has_cue(text, span)


def _after_naming_phrase(previous_lowered: str, before_words: Sequence[str]) -> bool:
    """ "known as “…”", "referred to “…”": the quotation is a name, not speech."""
    if previous_lowered not in {"as", "to"}:
        return False  # a cheap test: most quotations follow neither word
    last_two = " ".join([word.lower().strip(",") for word in before_words[-2:]])
    return last_two in {"known as", "referred to"}


def _attributed_after(text: str, closing: int) -> bool:
    """True for a quotation followed by its attribution: «Non», said Ana Ruiz."""
    after = text[closing + 1 : closing + 50].lstrip()
    if after[:1] not in {",", "\u2013", "—"}:
        return False
    cue = CUE_PATTERN.match(after[1:].lstrip())
    return (cue is not None and cue.group() in INVERTIBLE_VERBS) or bool(
        re.match(r"\W*\w+(?:\s+\w+)?\s+(?:said|says|added|wrote|told)\b", after[1:])
    )


def _title_like(words: Sequence[str]) -> bool:
    """Every word capitalised except small connectors, no sentence punctuation inside: a name
    or a title ("Northern Gate", "What They Don't Tell You About the Jab")."""
    opening = words[0][:1]
    if len(words) > _MAX_TITLE_WORDS or not (opening.isupper() or opening.isdigit()):
        return False  # the cheap tests first: most quotations are long or open in lower case
    if any(word[-1:] in ",.!?;:" for word in words):
        return False
    return all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in _SMALL_WORDS for word in words
    )


def _sentence_has_cue(text: str, span: QuotedSpan) -> bool:
    """A short quotation is speech only when a cue sits close by ("called it “absurd”")."""
    window = text[max(0, span.open_at - 80) : min(len(text), span.end + 80)]
    return bool(CUE_PATTERN.search(window) or _EVALUATIVE_VERB.search(window))


def _mask(text: str, quoted: Sequence[QuotedSpan]) -> str:
    pieces: list[str] = []
    position = 0
    for span in quoted:
        pieces.append(text[position : span.start])
        pieces.append(MASK * (span.end - span.start))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def _statements(
    text: str, masked: str, sentences: Sequence[Sentence], quoted: Sequence[QuotedSpan]
) -> list[_Statement]:
    statements: list[_Statement] = []
    cue_iter = _cues_between(masked, quoted)
    pending_cue = next(cue_iter, None)
    quote_index = 0
    for sentence in sentences:
        cues: list[re.Match[str]] = []
        while pending_cue is not None and pending_cue.start() < sentence.end:
            if pending_cue.start() >= sentence.start:
                cues.append(pending_cue)
            pending_cue = next(cue_iter, None)
        sentence_quotes: list[QuotedSpan] = []
        while quote_index < len(quoted) and quoted[quote_index].start < sentence.end:
            if quoted[quote_index].start >= sentence.start:
                sentence_quotes.append(quoted[quote_index])
            quote_index += 1
        has_colon = masked.find(":", sentence.start, sentence.start + _COLON_REACH) >= 0
        if not cues and not sentence_quotes and not has_colon:
            continue
        # No real sentence has more cues than this; the cap keeps pathological input linear.
        cues = cues[:_MAX_CUES_PER_SENTENCE]
        attributions = find_attributions(masked, sentence, cues) if cues or has_colon else []
        statements.extend(_quoted_statements(masked, sentence, sentence_quotes, attributions))
        if not sentence_quotes and attributions and statements:
            _attribute_previous_quotation(statements[-1], attributions[0])
        for attribution in attributions:
            for start, end in _unquoted_clauses(masked, attribution, sentence_quotes):
                statements.append(
                    _Statement(start, end, "indirect", attribution, None, sentence.paragraph)
                )
    statements.sort(key=_start)
    return statements


def _attribute_previous_quotation(previous: _Statement, attribution: Attribution) -> None:
    """ "“… for?” Qureshi said.": a sentence that is only a speaker and a cue, right after a
    quotation that ended its own sentence, attributes that quotation."""
    if (
        attribution.content is None
        and previous.quoted is not None
        and previous.attribution is None
        and previous.end <= attribution.speaker_at
    ):
        previous.attribution = attribution


def _cues_between(masked: str, quoted: Sequence[QuotedSpan]) -> Iterator[re.Match[str]]:
    """Every cue candidate of the masked text, read only between the hidden quotations (a cue
    word is never inside one, and a quotation is often a third of an article)."""
    position = 0
    for span in quoted:
        yield from CUE_PATTERN.finditer(masked, position, span.start)
        position = span.end
        exchange = _exchange_cue(masked, span)
        if exchange is not None:
            yield exchange
            position = exchange.end()
    yield from CUE_PATTERN.finditer(masked, position)


def _exchange_cue(masked: str, span: QuotedSpan) -> re.Match[str] | None:
    """ "‘…?’ asked committee member Yasmin Farouk", "«…,» answered Vlašić", "‹…› the
    administration answered.": the verbs of a question and its answer, read as cues only right
    after a quotation; elsewhere they report no statement ("asked about the delay", "asked to
    leave", "answered in a letter to staff")."""
    if span.close_at is None:
        return None  # an unclosed quotation runs to the paragraph's end
    after_mark = span.close_at + 1
    reach = after_mark + _EXCHANGE_REACH
    if (
        masked.find("asked", after_mark, reach) < 0
        and masked.find("answered", after_mark, reach) < 0
    ):
        return None  # the common case, found without the pattern
    exchange = _EXCHANGE_AFTER_QUOTATION.match(masked, after_mark)
    if exchange is None:
        return None
    inverted = exchange.start("verb")
    return _EXCHANGE_VERB.match(masked, inverted if inverted >= 0 else exchange.start("closing"))


def _unquoted_clauses(
    masked: str, attribution: Attribution, quotes: Sequence[QuotedSpan]
) -> list[tuple[int, int]]:
    """The reported clause, or, when it holds a quotation, its conjoined clauses that do not:
    "X said the drought is “a problem of the south” and it is not right to blame one town"
    reports the quotation (partial) and the second clause (indirect)."""
    content = attribution.content
    if content is None or content[1] <= content[0]:
        return []
    inside = [span for span in quotes if span.start < content[1] and content[0] < span.end]
    if not inside:
        return [content]
    clauses: list[tuple[int, int]] = []
    start = content[0]
    boundaries = itertools.islice(_CONJOINED_CLAUSE.finditer(masked, *content), _MAX_CLAUSES)
    for end, next_start in [(m.start(), m.end()) for m in boundaries] + [(content[1], 0)]:
        clause = (start, end)
        start = next_start
        if any(span.start < clause[1] and clause[0] < span.end for span in inside):
            continue
        if len(masked[clause[0] : clause[1]].split()) >= _MIN_CLAUSE_WORDS:
            clauses.append(clause)
    return clauses


def _quoted_statements(
    masked: str,
    sentence: Sentence,
    quotes: Sequence[QuotedSpan],
    attributions: Sequence[Attribution],
) -> list[_Statement]:
    found: list[_Statement] = []
    previous_end = sentence.start
    for span in quotes:
        before = masked[previous_end : span.open_at].strip()
        kind: Kind = "direct" if _opens_statement(masked, sentence, span, before) else "partial"
        found.append(
            _Statement(
                span.start,
                span.end,
                kind,
                _evaluating_clause(masked, sentence, span) or _nearest(span, attributions),
                span,
                sentence.paragraph,
                sentence,
            )
        )
        previous_end = (span.close_at + 1) if span.close_at is not None else span.end
    return found


def _opens_statement(masked: str, sentence: Sentence, span: QuotedSpan, before: str) -> bool:
    """A quotation is direct when it opens its sentence, follows a colon, or follows its cue."""
    if span.open_at == sentence.start or before.endswith(":") or masked[span.open_at] in "—\u2013":
        return True  # a dash "opens" only the second run of «A, — said X, — B»
    # The last few words only: ``before`` may be most of a long sentence.
    words = before.rstrip(",").rsplit(None, _CUE_NEAR_QUOTE)[-_CUE_NEAR_QUOTE:]
    if before.endswith(",") and any(word.lower().strip(",") in _NEAR_QUOTE_CUES for word in words):
        return True  # "“We did not,” he said, “and we will not.”"
    first = masked[span.start : span.start + 1]
    return bool(words) and words[-1].lower() in SPEECH_VERBS and first.isupper()


def _evaluating_clause(masked: str, sentence: Sentence, span: QuotedSpan) -> Attribution | None:
    """The subject of a clause that ends with an evaluating verb right before the quotation
    ("…, in a move the Guild of Newspaper Workers called “…”"): the quotation is that
    subject's, whoever the sentence's main attribution names."""
    if not masked[max(0, span.open_at - 12) : span.open_at].rstrip().endswith(_EVALUATING_ENDS):
        return None  # a cheap test: most quotations follow no such verb
    start = max(sentence.start, span.open_at - _EVALUATING_REACH)
    for pattern in (_EVALUATING_CLAUSE, _EVALUATED_BY):
        match = pattern.search(masked, start, span.open_at)
        if match is None:
            continue
        speaker = reduce_speaker(match.group("subject"))
        if speaker is not None:
            at = match.start("subject")
            return Attribution(
                match.group("cue"), match.start("cue"), match.end("cue"), speaker, at, None
            )
    return None


def _nearest(span: QuotedSpan, attributions: Sequence[Attribution]) -> Attribution | None:
    """The attribution whose clause holds the quotation, else the closest cue."""
    best: Attribution | None = None
    best_distance = 0
    for attribution in attributions:
        content = attribution.content
        if content and content[0] <= span.start and span.end <= content[1] + 1:
            return attribution
        distance = (
            attribution.cue_start - span.end
            if attribution.cue_start >= span.end
            else span.start - attribution.cue_end
        )
        if best is None or distance < best_distance:
            best, best_distance = attribution, distance
    return best


def _resolve(
    text: str, masked: str, sentences: Sequence[Sentence], statements: list[_Statement]
) -> list[Quote]:
    """Fill missing attributions from the context, then resolve every speaker to a name."""
    mentions = find_mentions(text)
    _attribute_from_context(masked, sentences, statements, mentions)
    resolver = SpeakerResolver(
        text,
        mentions,
        reporter_text=masked,
        statements=[(statement.start, statement.end) for statement in statements],
    )
    resolver.observe(
        [
            (statement.attribution.speaker_at, statement.attribution.speaker)
            for statement in statements
            if statement.attribution is not None and statement.attribution.speaker is not None
        ]
    )
    contexts = sentence_contexts(
        text, [(statement.start, statement.end) for statement in statements]
    )
    # Quotations and the clauses beside them often share one attribution: resolve it once.
    names: dict[tuple[int, Speaker], str] = {}
    headline_end = _headline_end(text, sentences)
    headline_source: str | None = None
    asker = ""  # who asked the question just before, when the last statement was one
    quotes: list[Quote] = []
    for statement, context in zip(statements, contexts, strict=True):
        attribution = statement.attribution
        speaker = attribution.speaker if attribution else None
        name = None
        if attribution is not None and speaker is not None:
            key = (attribution.speaker_at, speaker)
            name = names.get(key)
            if name is None:
                # "‘…?’ asked Yasmin Farouk. ‘Just over nine thousand,’ he said": the answer is
                # not the asker's.
                name = names[key] = resolver.resolve(
                    attribution.speaker_at, speaker, not_person=asker
                )
            if attribution.speaker_at < headline_end and _headline_label(
                speaker, text, headline_end
            ):
                if headline_source is None:
                    headline_source = _headline_source(
                        masked, sentences, statements, resolver, speaker
                    )
                name = headline_source or name
        asker = (name or "") if attribution is not None and attribution.cue == "asked" else ""
        quotes.append(
            Quote(
                text=text[statement.start : statement.end],
                start=statement.start,
                end=statement.end,
                speaker=name,
                cue=attribution.cue if attribution else None,
                kind=statement.kind,
                context=context,
            )
        )
    return quotes


def _headline_end(text: str, sentences: Sequence[Sentence]) -> int:
    """Where the article's headline ends: the first paragraph when it is one line that does not
    end a sentence ("Pram maker denies hinge defect was known before recall") and the article
    goes on; 0 when the article opens with its lead."""
    if len(sentences) < 2 or sentences[1].paragraph == 0:
        return 0
    headline = text[sentences[0].start : sentences[0].end].rstrip()
    return 0 if headline.endswith((".", "!", "?", "…")) else sentences[0].end


def _headline_label(speaker: Speaker, text: str, headline_end: int) -> bool:
    """ "Pram maker", "Council leader", "Militia": a headline's bare description of a source,
    with no article or possessive in front, or one capitalised word the article never writes
    again (no name), which the article names in its lead or its first sources."""
    words = speaker.name.split()
    if speaker.kind == "description":
        return words[0].lower() not in _DETERMINERS
    return len(words) == 1 and not _written_from(text, words[0], headline_end)


def _written_from(text: str, word: str, start: int) -> bool:
    """True when ``text`` writes ``word``, as a whole word and in this case, from ``start``."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if not (text[at - 1 : at].isalnum() or text[end : end + 1].isalnum()):
            return True
        at = text.find(word, end)
    return False


def _headline_source(
    masked: str,
    sentences: Sequence[Sentence],
    statements: Sequence[_Statement],
    resolver: SpeakerResolver,
    label: Speaker,
) -> str | None:
    """The name a headline's label stands for: for a role ("Council leader"), the first person
    with that role among the article's sources, else its first named person; for a body ("Pram
    maker"), the named subject of the lead sentence, else the first organisation that speaks."""
    lead = sentences[1]
    body = [
        statement.attribution
        for statement in statements
        if statement.attribution is not None
        and statement.attribution.speaker is not None
        and statement.attribution.speaker_at >= lead.start
    ]
    wanted = "person" if label.roles else "organisation"
    if label.roles:
        role = Speaker("the " + label.name.split()[-1].lower(), "description", label.roles)
        by_role = resolver.resolve(lead.start, role)
        if by_role != role.name:
            return by_role
    else:
        start = after_dateline(masked, lead.start)
        at, subject, _ = sentence_subject(masked, Sentence(start, lead.end, lead.paragraph))
        # not a dateline the sentence splitter left whole: "KRASLIN, 14 November."
        if subject is not None and subject.kind in _NAMED and not subject.name.isupper():
            return resolver.resolve(at, subject)
    for attribution in body:
        speaker = attribution.speaker
        if speaker is not None and speaker.kind == wanted:
            name = resolver.resolve(attribution.speaker_at, speaker)
            # a person by full name, not "Paramedics"
            if wanted == "organisation" or len(name.split()) > 1:
                return name
    return None


def _attribute_from_context(
    masked: str,
    sentences: Sequence[Sentence],
    statements: list[_Statement],
    mentions: Sequence[tuple[int, Speaker]],
) -> None:
    """Give each quotation with no cue in its sentence a speaker from around it.

    In order: the sentence's own subject ("Interior Minister Raúl Quintanilla called the
    accusation “…”"); for a paragraph that runs on into the next, the next quotation's speaker;
    a name in the next sentence ("“…” That was the account of … Tomás Ibarra"); a person
    introduced after the last speaker ("Ana Paredes, 71, waited …" then her quotation); the
    previous statement's speaker in this or the previous paragraph; the next one after it.
    """
    surnames = frozenset(person.name.split()[-1] for _, person in mentions)
    mention_positions = [at for at, _ in mentions]
    sentence_starts = [sentence.start for sentence in sentences]
    for statement in statements:
        if statement.attribution is None and statement.sentence is not None:
            statement.attribution = _subject_attribution(masked, statement, surnames)
    for index in range(len(statements) - 1, -1, -1):
        statement = statements[index]
        if statement.attribution is None and statement.quoted and statement.quoted.continued:
            following = statements[index + 1] if index + 1 < len(statements) else None
            if following is not None and following.attribution is not None:
                statement.attribution = following.attribution
    last: _Statement | None = None
    for index, statement in enumerate(statements):
        if statement.attribution is None:
            statement.attribution = _next_sentence_attribution(
                masked, sentences, sentence_starts, statement, mentions, mention_positions
            ) or _borrowed(statements, index, last, mentions, mention_positions)
        if statement.attribution is not None:
            last = statement


def _subject_attribution(
    masked: str, statement: _Statement, surnames: frozenset[str]
) -> Attribution | None:
    sentence = statement.sentence
    quoted = statement.quoted
    if sentence is None or quoted is None or quoted.open_at <= sentence.start:
        return None
    at, subject, verb = sentence_subject(masked, sentence)
    if subject is None or not (
        _is_named(subject, surnames)
        or (verb and subject.kind == "person")
        or (verb and _EVALUATIVE_VERB.fullmatch(verb.lower()) and _describes_a_body(subject))
    ):
        return None
    return Attribution(verb, at, at, subject, at, None)


def _describes_a_body(speaker: Speaker) -> bool:
    """ "The FVF command", "Kesh's defence ministry", "The federal association of the
    providers": a definite or possessive description whose head noun is a body. Read only
    before an evaluative verb ("… called the strike “…”"), where the subject is the source."""
    words = speaker.name.lower().split()
    if speaker.kind != "description" or len(words) < 2:
        return False
    if words[0] != "the" and not words[0].endswith(("'s", "’s")):
        return False
    head = words[: words.index("of")] if "of" in words else words
    return head[-1] in _SOURCE_NOUNS


def _is_named(speaker: Speaker, surnames: frozenset[str]) -> bool:
    """A speaker that names its source: a full name, a known surname, an organisation, or a
    definite organisation description ("The company", "The committee of the workers")."""
    words = speaker.name.split()
    if speaker.kind == "person":
        return len(words) > 1 or speaker.name in surnames
    if speaker.kind == "description":
        # "The company", "The committee of the workers": not "The government remains".
        # "The Ombudsman called …": a capitalised title stands for the person who holds it.
        return (
            len(words) > 1
            and words[0].lower() == "the"
            and (words[1].lower() in _SOURCE_NOUNS or (bool(speaker.roles) and words[1].istitle()))
            and (len(words) == 2 or words[2].lower() == "of")
        )
    return any(word.lower() in ORGANISATION_WORDS for word in words)


# "The post came from X", "These words come from X": a sentence that names the source of the
# quotation before it.
_NAMES_THE_SOURCE = re.compile(
    r"\s*(?:the|these|this|those)\s+(?:[\w-]+\s+){0,2}(?:came|come|comes|are|is|was|were)\s+"
    r"(?:from|of|by|those\s+of)\s",
    re.IGNORECASE,
)


def _next_sentence_attribution(
    masked: str,
    sentences: Sequence[Sentence],
    sentence_starts: Sequence[int],
    statement: _Statement,
    mentions: Sequence[tuple[int, Speaker]],
    mention_positions: Sequence[int],
) -> Attribution | None:
    sentence = statement.sentence
    if sentence is None or statement.quoted is None or statement.kind != "direct":
        return None
    index = bisect.bisect_left(sentence_starts, sentence.end)
    if index >= len(sentences):
        return None
    following = sentences[index]
    if following.paragraph != sentence.paragraph and (
        following.paragraph != sentence.paragraph + 1
        or _NAMES_THE_SOURCE.match(masked, following.start, following.end) is None
    ):
        # the next paragraph names the source only when it says so: "The post came from …"
        return None
    if MASK in masked[following.start : following.end]:
        return None
    first = bisect.bisect_left(mention_positions, following.start)
    if first < len(mentions) and mentions[first][0] < following.end:
        at, person = mentions[first]
        return Attribution(None, at, at, person, at, None)
    return None


def _borrowed(
    statements: Sequence[_Statement],
    index: int,
    last: _Statement | None,
    mentions: Sequence[tuple[int, Speaker]],
    mention_positions: Sequence[int],
) -> Attribution | None:
    statement = statements[index]
    source = last if last is not None and statement.paragraph - last.paragraph <= 1 else None
    if source is None:
        source = _next_attributed(statements, index) or last
    if statement.quoted is not None and (last is not None or source is None):
        # A person named after the last statement and before this quotation speaks it.
        latest = bisect.bisect_left(mention_positions, statement.start) - 1
        # ... not one named in the sentence that attributes the last statement ("…,” Ruiz said
        # at a meeting with King Idris bin Harun. “…”" is still Ruiz's).
        after = (
            -1
            if last is None or last.attribution is None
            else max(
                last.end,
                last.attribution.speaker_at,
                last.sentence.end if last.sentence is not None else -1,
            )
        )
        if latest >= 0 and mention_positions[latest] > after:
            at, person = mentions[latest]
            return Attribution(None, at, at, person, at, None)
    if source is None or source.attribution is None:
        return None
    borrowed = source.attribution
    return Attribution(
        None, borrowed.cue_start, borrowed.cue_end, borrowed.speaker, borrowed.speaker_at, None
    )


def _next_attributed(statements: Sequence[_Statement], index: int) -> _Statement | None:
    """The next statement in this or the next paragraph that has a speaker."""
    paragraph = statements[index].paragraph
    for following in statements[index + 1 : index + 1 + _LOOKAHEAD_STATEMENTS]:
        if following.paragraph > paragraph + 1:
            return None
        if following.attribution is not None:
            return following
    return None
