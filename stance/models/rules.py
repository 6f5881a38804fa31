"""``rules``: cue-verb and lexicon patterns with negation handling, no learning needed to predict.

The rules are tried in order and the first that matches decides; a quote no rule matches is
neutral. Order encodes the guideline: non-stance senses of stance words first ("support
vessels", "claimed responsibility", "whose fault it is can wait") and admissions ("it happened on
my watch"), then the cue verb ("X denied …", "X blamed …"), then the frame around the quote
("called the accusations '…'", "said it backed '…'"), then negated abandonment ("we will not
leave them" is support), then blame told through someone's choices or failures ("somebody
decided …", "had they listened, …", "nobody came", "why didn't they …"), credit told as a
counterfactual ("without them we would …"), rhetorical questions (clearing oneself, "why would
I …?", before accusing, "who signed this?"), then negation (not/never + support or
responsibility, "we never …" is a denial), then the lexicons (with the record or the rulebook
offered against an accusation, "every invoice was checked", "as the contract provides", as a
denial; stalling and self-interest, "the answer was a leaflet", "to the highest bidder", as
blame; a promise of help, "every family will receive …", as support), and last the leftovers: a
denial verb elsewhere in the sentence, any other negation.
:meth:`RuleStanceModel.explain` names the rule that fired.

``fit`` learns only how far to trust each rule: the label counts among training quotes where it
fired, smoothed towards the rule's own label, become that rule's probability row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from stance.models.base import StanceModel, read_json, write_json
from stance.models.inputs import SPAN_MARK, as_quotes, cue_text, masked_context
from stance.records import LABELS, Label, Quote


def _negated(words: str) -> str:
    r"""A negation ("not", "never", "no longer", "neither", "nor", "cannot", "n't"), up to three
    words, then ``words``.

    Each alternative opens with a letter and checks the word boundary behind it,
    "n(?<=\bn)ot", instead of "\bnot": Python's ``re`` then scans only for "n" and "c",
    several times faster, and the negation rules run on every quote.
    """
    gap = r"\s+(?:[\w'’-]+\s+){0,3}"  # up to three words between a negation and what it negates
    return (
        rf"n(?:'t|(?<=\bn)(?:ot|ever|o\s+longer|either|or)){gap}{words}|"
        rf"c(?<=\bc)annot{gap}{words}"
    )


#: Every negation word contains one of these ("no" is in "not", "nor", "nobody", "cannot").
_NEG_ANCHORS = ("no", "n't", "never", "neither")
# "not brave", "isn't serious": a negated virtue said of someone is criticism.
_UNWORTHY = r"\s*(?:not|n't)\s+(?:\w+\s+)?(?:brave|honest|fair|competent|serious|acceptable)"
# after "we" or "i": "… have never", "… did not" (but not "did not know", "do not comment")
_OWN_NEGATION = (
    r"\s+(?:have\s+|had\s+)?never\b|\s+(?:did|do|were|was)\s*(?:not|n't)\s+"
    r"(?!know\b|have\b|comment|rule\b|want\b|blame\b|wait\b)"
)
# "every invoice was checked", "all of them had been audited"
# The past tense only: "every bag is checked" states a procedure, "every bag was checked" the
# record.
_CHECKED = (
    r"(?:[\w'-]+\s+){0,4}(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+){0,2}(?:checked|"
    r"signed|approved|audited|tested|verified|declared|advertised|sampled|counted|cleared|"
    r"documented|recorded|paid|delivered|processed|inspected)"
)
# "I have every receipt", "we have all the invoices"
_PROOF = (
    r"(?:every|all\s+(?:the\s+)?)\s*(?:file|letters?|documents?|records?|receipts?|papers|"
    r"proof|evidence|signatures?|stamps?|invoices?|contracts?|e-?mails?)"
)
# leaving people to their fate: "leave them", "abandon our members", "forget those families"
_ABANDON = (
    r"(?:leave|abandon|forget|drop)\s+(?:them|you|us|him|her|anyone|anybody|our|their|these|"
    r"those|families|people|workers|residents|\w+\s+(?:alone|behind))\b"
)
# "… does not collapse by itself", after do/does/did
_NOT_BY_ITSELF = r"\s*(?:not|n't)\s+(?!by\b)\w+\s+(?:\w+\s+)?(?:by\s+)?(?:itself|themselves)"
# "… did not warn", after did/does/has/have/had
_FAILED_TO = (
    r"\s*(?:not|n't)\s+(?:do\s+so|act|listen|respond|answer|reply|warn|check|verify|investigate|"
    r"inform|tell|consult|allow|protect|publish|follow|notify|fix|repair|intervene|prevent|stop|"
    r"call|transfer|deliver|provide|disclose|report|pay|paid|hire|appear|look|vote)"
)
# "the law requires", "the contract provides": a rulebook and what it asks for
_RULEBOOK = (
    r"(?:law|contract|rules?|code|act|manual|permit|regulations?)\s+(?:itself\s+)?(?:requires|"
    r"provides|allows)"
)
_SPAN = r"[\"“”‘’'«»‹›„]?_quote_"  # the masked quote in its frame, with its opening mark


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: ``where`` it looks (cue, quote text or the frame around it) and its label.

    ``anchors`` are plain substrings of which every match of ``pattern`` contains at least one;
    the pattern runs only where one occurs. A substring test costs a fraction of a regex
    search, and other models compute every rule for every quote.
    """

    id: str
    label: Label
    where: str  # "cue" | "text" | "frame"
    pattern: re.Pattern[str]
    anchors: tuple[str, ...] = ()

    def search(self, fields: dict[str, str]) -> re.Match[str] | None:
        """The first match of this rule in the quote's ``where`` field, if any."""
        text = fields[self.where]
        if self.anchors and not any(map(text.__contains__, self.anchors)):
            return None
        return self.pattern.search(text)


def _rule(
    rule_id: str, label: Label, where: str, pattern: str, anchors: tuple[str, ...] = ()
) -> Rule:
    # Patterns are lower-case and fields are lower-cased once: re.IGNORECASE makes these large
    # alternations several times slower. re.ASCII makes each \b test a quarter faster; \w is
    # widened back to accented Latin letters so that gaps still step over words like "Juárez".
    compiled = re.compile(_with_accented_letters(_by_first_letter(pattern)), re.ASCII)
    return Rule(rule_id, label, where, compiled, anchors)


_ACCENTED = r"\u00c0-\u024f"  # Latin-1 Supplement to Latin Extended-B


def _with_accented_letters(pattern: str) -> str:
    r"""Make ``\w`` in ``pattern`` also match accented Latin letters under ``re.ASCII``.

    >>> _with_accented_letters(r"a\w+[\w-]")
    'a[\\w\\u00c0-\\u024f]+[\\w\\u00c0-\\u024f-]'
    """
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            token = pattern[index : index + 2]
            if token == r"\w":
                token = rf"\w{_ACCENTED}" if in_class else rf"[\w{_ACCENTED}]"
            out.append(token)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _by_first_letter(pattern: str) -> str:
    r"""Regroup a word list ``\b(?:a1|b1|a2|...)\b`` as ``\b(?:a(?:1|2)|b(?:1)|...)\b``.

    Same matches; but Python's ``re`` tries every alternative at every word start, so grouping
    by first letter makes the long lexicons several times faster.

    >>> _by_first_letter(r"\b(?:ab|c\w*|ad)\b")
    '\\b(?:a(?:b|d)|c(?:\\w*))\\b'
    """
    prefix, suffix = r"\b(?:", r")\b"
    if not (pattern.startswith(prefix) and pattern.endswith(suffix)):
        return pattern
    body = pattern[len(prefix) : -len(suffix)]
    alternatives, depth, start = [], 0, 0
    for index, char in enumerate(body):
        escaped = index > 0 and body[index - 1] == "\\"
        if char == "(" and not escaped:
            depth += 1
        elif char == ")" and not escaped:
            depth -= 1
            if depth < 0:  # the group closes before the end: not one word list
                return pattern
        elif char == "|" and depth == 0:
            alternatives.append(body[start:index])
            start = index + 1
    alternatives.append(body[start:])
    groups: dict[str, list[str]] = {}
    others = []  # alternatives that open with a group, kept as they are
    for alternative in alternatives:
        if alternative[:1].isalpha():
            groups.setdefault(alternative[0], []).append(alternative[1:])
        else:
            others.append(alternative)
    grouped = [f"{letter}(?:{'|'.join(rest)})" for letter, rest in groups.items()]
    return prefix + "|".join(grouped + others) + suffix


#: Every rule, in the order they are tried. Changing this list changes predictions: bump the
#: version of ``rules`` in stance/models/registry.py when you do.
RULES: tuple[Rule, ...] = (
    # Stance words in a non-stance sense (guideline §5: hard neutral cases).
    _rule(
        "neutral:claim-of-responsibility",
        "neutral",
        "text",
        r"^\s*(?:full\s+)?responsibility\b|\b(?:claim(?:ed|s)?|took|take[sn]?|accept(?:ed|s)?)\s+(?:full\s+)?responsibility\b",
        ("responsib",),
    ),
    _rule(
        "neutral:claimed-responsibility-cue",
        "neutral",
        "frame",
        rf"\bclaim(?:ed|s)?\s+{_SPAN}",
        ("claim",),
    ),
    _rule("neutral:blame-game", "neutral", "text", r"\bblame\s+game\b", ("game",)),
    # An admission is neutral (guideline §4): "it happened on my watch", "we made mistakes".
    _rule(
        "neutral:admission",
        "neutral",
        "text",
        r"\bon\s+(?:my|our)\s+watch\b|\b(?:we|i)\s+(?:have\s+)?made\s+(?:a\s+|some\s+|serious\s+)?"
        r"(?:mistakes?|errors?)\b|\b(?:we|i)\s+(?:apologi[sz]e|am\s+sorry|are\s+sorry)\b|"
        r"\b(?:we|i)\s+got\s+(?:it|this|that)\s+wrong\b",
        ("watch", "made", "apolog", "sorry", "wrong"),
    ),
    # Declining to assign blame ("whose fault it is can wait", "not here to blame anyone").
    _rule(
        "neutral:blame-deferred",
        "neutral",
        "text",
        r"(?:\bnot|n't|\bnobody|\bno\s+(?:strength|time|point|interest|appetite))\s+(?:[\w'-]+\s+){0,5}"
        r"(?:blame|blaming)\b|\bwho(?:ever)?\s+(?:\w+\s+){0,3}(?:the\s+)?(?:blame|at\s+fault)\b|"
        r"\bwhose\s+fault\b|\b(?:assign\w*|handing\s+out|apportion\w*)\s+(?:the\s+)?blame\b|"
        r"\bblame\s+can\s+(?:wait|be)\b",
        ("blam", "fault"),
    ),
    _rule(
        "neutral:support-as-noun",
        "neutral",
        "text",
        r"\bsupport\s+(?:vessels?|ships?|staff|services?|teams?|workers|units?|troops|"
        r"aircraft|role|functions?|hotline|groups?|payments?|scheme|system|lines?|office|"
        r"structures?|infrastructure|convoys?)\b|\bthe\s+support\s+of\s+the\s+(?:army|police|military|"
        r"troops|navy)\b",
        ("support",),
    ),
    _rule(
        "neutral:denied-access",
        "neutral",
        "text",
        r"\b(?:den(?:y|ied|ies)|refused|rejected)\s+(?:[\w'-]+\s+){0,4}?(?:entry|access|admission|"
        r"bail|visas?|boarding|permission|applications?|requests?|permits?|licen[cs]es?|visits?)\b",
        ("den", "refused", "rejected"),
    ),
    # The cue verb carries the stance ("X denied …", "X blamed Y for …").
    _rule(
        "denial:cue",
        "denial",
        "cue",
        r"\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s)?|dismiss(?:ed|es)?|refut(?:ed|es)|"
        r"disput(?:ed|es)|rebuff(?:ed|s)?|disavow(?:ed|s)?|contest(?:ed|s)|rebut(?:ted|s)?|"
        r"brushed\s+(?:off|aside)|pushed\s+back|insist(?:ed|s)?|maintain(?:ed|s))\b",
    ),
    _rule(
        "blame:cue",
        "blame",
        "cue",
        r"\b(?:blam(?:e|ed|es|ing)|accus(?:e|ed|es|ing)|attribut(?:e|ed|es)|fault(?:ed|s)?|"
        r"condemn(?:ed|s)?|criticis(?:e|ed|es)|criticiz(?:e|ed|es)|charged|slammed|lambast(?:ed|s)|"
        r"denounc(?:e|ed|es)|held\s+\w+\s+responsible)\b",
    ),
    _rule(
        "support:cue",
        "support",
        "cue",
        r"\b(?:prais(?:e|ed|es)|back(?:ed|s)|endors(?:e|ed|es)|welcom(?:e|ed|es)|defend(?:ed|s)|"
        r"hail(?:ed|s)|applaud(?:ed|s)|commend(?:ed|s)|pledg(?:e|ed|es)|champion(?:ed|s)|"
        r"salut(?:e|ed|es)|thank(?:ed|s)?|congratulat(?:e|ed|es))\b",
    ),
    # The frame names what the statement answers: "called the accusations '…'" disputes them.
    _rule(
        "denial:discredited-claim",
        "denial",
        "frame",
        r"\b(?:call(?:ed|s)?|describ(?:ed|es)|dismiss(?:ed|es)|label(?:l?ed|s)|brand(?:ed|s))\s+"
        r"(?:[\w'-]+\s+){0,6}?(?:accusations?|allegations?|accounts?|claims?|charges?|reports?|"
        r"version|story|complaints?|criticism|words|comments|remarks|communiqu\w*|findings|"
        r"suggestions?|rumou?rs?|assertions?|insinuations?)\b",
        ("call", "describ", "dismiss", "label", "brand"),
    ),
    # A support verb that governs the quoted fragment: "said it backed “…”", "stands «…»".
    _rule(
        "support:frame-verb",
        "support",
        "frame",
        r"\b(?:back(?:ed|s)?|support(?:ed|s)?|welcom(?:ed|es)|prais(?:ed|es)|stands?|stood|"
        rf"endors(?:ed|es)|defend(?:ed|s)|wanted|credited|thanked)\s+(?:[\w'-]+\s+){{0,5}}?{_SPAN}",
        (
            "back",
            "support",
            "welcom",
            "prais",
            "stand",
            "stood",
            "endors",
            "defend",
            "wanted",
            "credited",
            "thanked",
        ),
    ),
    # A negated abandonment is a commitment to help ("we will not leave them", "no family will
    # be left behind"), tried before the negation rules below read it as a denial.
    _rule(
        "support:negated-abandonment",
        "support",
        "text",
        rf"\b(?:will|would)\s*(?:not|n't)\s+(?:{_ABANDON}|let\s+\w+\s+down\b|forget\b(?!\s+what)|"
        r"stand\s+in\s+(?:the|its|their|his|her|your)\s+way|need\s+to\s+leave|carry\s+(?:this|the|it)\b)|"
        rf"\bnot\s+going\s+to\s+{_ABANDON}|"
        r"\b(?:nobody|no\s+one|no\s+\w+)\s+(?:[\w'-]+\s+){0,4}(?:will|would)\s+be\s+left\b|"
        r"\b(?:not\s+one|no)\s+\w+\s+will\s+(?:stay|be|go)\s+without\b",
        ("no", "n't"),
    ),
    # Blame by pointing at an actor's choices or failures, without a blame word (§5 hard cases):
    # "somebody decided …", "where was X?", counterfactuals that pin the harm on an act ("if X had
    # listened …", "had the council spent …, we would not …", "it would never have happened
    # if …"), and failures told with a negation ("nobody came", "this does not happen by
    # itself", "it chose not to listen"), tried before the negation rules below read those as
    # denials.
    _rule(
        "blame:agency",
        "blame",
        "text",
        r"\b(?:some(?:body|one)\s+(?:[\w'-]+\s+){0,4}?(?:decided|sold|chose|did|paid|signed|sat|"
        r"made|wanted|gave|ordered|let|saved|took|knew)|"
        r"where\s+was|ask\s+(?:them|their|its|his|her)\s+(?:own\s+)?\w+\s*(?:\w+\s+)?"
        r"(?:why|what|where|who|how)|ask\s+(?:their|its|his|her)\s+own|who\s+else|"
        r"so\s+what\s+exactly|"
        r"if\s+(?:\w+\s+){1,4}had\s+(?:\w+\s+)?(?:listened|acted|read|done|checked|stopped|"
        r"warned|known|paid|spent|kept|built|fixed|heeded)|"
        # "h(?:(?<=^h)|(?<=[.;:!?]\sh))ad": an inverted "had" opening a sentence, written to open
        # with a letter (see _by_first_letter)
        r"h(?:(?<=^h)|(?<=[.;:!?]\sh))ad\s+[^.?!,]{3,100},\s*(?:[\w'-]+\s+){0,3}would|"
        r"would\s+(?:never\s+|not\s+)?have\s+happened\s+if|"
        r"if\s+(?:[\w'-]+\s+){1,5}?had\s*(?:not|n't|never)|"
        r"are\s+paying\s+(?:for|the)|is\s+paying\s+(?:for|the)|pay\s+with\s+(?:their|our|his|her)|"
        r"that\s+is\s+the\s+price|paid\s+the\s+price|they\s+(?:already\s+)?knew|knew\s+(?:about|since)|"
        r"br(?:oke|oken)\s+(?:its|their|his|her|every|the)\s+(?:own\s+)?(?:promises?|word|"
        r"pledge|rules?)|"
        r"without\s+(?:any\s+|a\s+|first\s+|the\s+)?(?:legal\s+basis|warning|password|permission|"
        r"consent|checking|asking|consulting|telling|notice|putting|competition|tender|lawful|"
        r"knowledge|publishing|necessary)|"
        r"although\s+(?:\w+\s+){0,3}(?:rules?|law|warnings?|requires?|demands?)|"
        r"though\s+(?:\w+\s+){0,3}(?:rules?|law|warnings?|requires?|demands?)|"
        r"despite\s+(?:\w+\s+){0,3}(?:rules?|law|warnings?|requires?|"
        r"demands?))\b",
        (
            "some",
            "where",
            "ask",
            "else",
            "exactly",
            "had",
            "happened",
            "pay",
            "price",
            "knew",
            "brok",
            "without",
            "though",
            "despite",
        ),
    ),
    # Credit told as a counterfactual: "without these boys we would count dozens of dead", "the
    # offer would not have existed without the strike", "still here because of her work".
    _rule(
        "support:counterfactual-credit",
        "support",
        "text",
        r"\b(?:without\s+(?:them|her|him|these|those)\b[^.?!]{0,80}\bwould|"
        r"would\s*(?:not|n't)\s+have\s+existed\s+without|still\s+here\s+because\s+of)\b",
        ("without", "because of"),
    ),
    # A rhetorical question that clears the speaker by absurdity: "why would I start now?",
    # "who would poison his own bees?", tried before the blame questions below.
    _rule(
        "denial:rhetorical-question",
        "denial",
        "text",
        r"\bwhy\s+would\s+(?:i|we)\b[^.?!]*\?|"
        r"\bwho\s+would\s+(?:[\w'-]+\s+){1,2}(?:his|her|their|its|our|my)\s+own\b[^.?!]*\?",
        ("?",),
    ),
    # Any other question aimed at someone accuses: "who signed this while …?", "how many more
    # nights must …?", "why print them so large?" (§5: questions as blame).
    _rule(
        "blame:rhetorical-question",
        "blame",
        "text",
        r"\b(?:who|why|how\s+many\s+more|how\s+(?:long|does|did|do|can|could|is|was))\b[^.?!]*\?",
        ("?",),
    ),
    _rule(
        "blame:failure-to-act",
        "blame",
        "text",
        # Every alternative opens with a letter so that _by_first_letter can group them.
        r"\b(?:did\s+nothing|nobody\s+(?:[\w'-]+\s+){0,4}?(?:came|comes|answered|listened|asked|"
        r"replied|responded|checked|acted|turned\s+up|warned|bothered|picked\s+up|handled\s+it|"
        r"knew\s+anything|wanted\s+to\s+(?:look|know|hear|listen)|could\s+(?:find|come|see|get))|"
        r"thought\s+(?:nobody|no\s+one)\s+would|"
        r"not\s+(?:a\s+|by\s+)?(?:coincidence|bad\s+luck|chance)|"
        r"not\s+(?:a\s+single|one)\s+(?:\w+\s+){0,2}(?:was|were)\s+(?:ever\s+)?(?:answered|read|"
        r"repaired|fixed|returned|replaced|paid)|"
        r"is\s*(?:not|n't)\s+(?:an?\s+)?accident|was\s*(?:not|n't)\s+(?:an?\s+)?accident|"
        r"were\s*(?:not|n't)\s+(?:an?\s+)?accident|no\s+accident|"
        rf"does{_NOT_BY_ITSELF}|do{_NOT_BY_ITSELF}|did{_NOT_BY_ITSELF}|"
        r"is\s*(?:not|n't)\s+(?:the|a)\s+(?:\w+\s+)?problem|"
        r"are\s*(?:not|n't)\s+(?:the|a)\s+(?:\w+\s+)?problem|"
        r"decided\s+not\s+to|chose\s+not\s+to|opted\s+not\s+to|"
        # a rhetorical "why" aimed at someone: "why did nobody check?", "why didn't they act?"
        r"why\s+(?:did|does|do|has|have|had|was|were|is|are)(?:n't|\s+not)?\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:nobody|no\s+one|nothing)|why\s+(?:did|does|do|has|have|had|was|were|would)n't|"
        # someone other than the speaker failed to act
        rf"d(?<!\bwe\sd)(?<!\bi\sd)(?:id|oes){_FAILED_TO}|"
        rf"h(?<!\bwe\sh)(?<!\bi\sh)(?:as|ave|ad){_FAILED_TO})\b",
        _NEG_ANCHORS,
    ),
    # Negation: withholding support, denying responsibility or involvement.
    _rule(
        "denial:negated-support",
        "denial",
        "text",
        _negated(
            r"(?:support|endorse|back|encourage|approve|condone|facilitate|sanction|authori[sz]e|"
            r"want)\w*"
        ),
        _NEG_ANCHORS,
    ),
    _rule(
        "denial:negated-responsibility",
        "denial",
        "text",
        _negated(
            r"(?:responsible|involved|to\s+blame|behind|part\s+of|aware|know|true|accurate|"
            r"correct|happen|guilty|at\s+fault|anything\s+to\s+do|(?:my|our|his|her|their|its)"
            r"\s+fault)\b"
        )
        + r"|n(?<=\bn)(?:othing\s+to\s+(?:do\s+with|hide)|o\s+(?:evidence|involvement|role|"
        r"knowledge|connection|link|basis|truth|proof|part|plans?\s+to|fault)|owhere\s+near)\b",
        _NEG_ANCHORS,
    ),
    _rule(
        "denial:negated-frame",
        "denial",
        "frame",
        _negated(_SPAN)
        + r"|\b(?:den(?:y|ied|ies)|reject(?:ed|s)?|dismiss(?:ed|es)?)\s+(?:[\w'’-]+\s+){0,3}"
        rf"{_SPAN}|_quote_\S?\s*(?:[\w'’-]+\s+){{0,2}}(?:was|is|were|are)\s+(?:false|untrue|"
        r"baseless|groundless)",
        (*_NEG_ANCHORS, "den", "reject", "dismiss", "false", "untrue", "baseless", "groundless"),
    ),
    # The speaker denies an act of its own: "we did not …", "I have never …", "never financed".
    _rule(
        "denial:own-conduct",
        "denial",
        "text",
        # "w(?<=\bw)e" is "\bwe" written to open with a letter: searched several times faster.
        rf"w(?<=\bw)e(?:{_OWN_NEGATION})|i(?<=\bi)(?:{_OWN_NEGATION})|"
        r"n(?<=\bn)(?<!were\sn)(?<!was\sn)ever\s+(?:once\s+|ever\s+|at\s+any\s+(?:point|time),?\s+)?"
        r"(?!stopp|left|gave\s+up|been\s+\w+ed\b|"
        r"wavered|failed|asked\b|arriv|came\b|read\b)(?:\w+ed|had|met|took|gave|said|saw|knew|"
        r"sold|paid|sent|made|spoke|spoken|heard|been|hid|ran|told|received)\b",
    ),
    # Defending one's own conduct with the record (§6): "in full accordance with the law",
    # "every one was audited", and discrediting the accuser ("a fairy tale", "settling scores").
    _rule(
        "denial:lexicon",
        "denial",
        "text",
        r"\b(?:false(?:ly)?|fabricat\w*|baseless|groundless|unfounded|untrue|lying|overstat\w*|"
        r"exaggerat\w*|bluff\w*|unreal|unforeseeable|"
        r"lies(?!\s+(?:with|in|on|at|behind|ahead|elsewhere))|"
        r"fake|nonsense|absurd|misleading|slander\w*|smear\w*|fiction|den(?:y|ies|ied|ial)|"
        r"reject\w*|refute\w*|categorically|incorrect|inaccurate|distort\w*|disinformation|"
        r"propaganda|rumou?rs?|speculation|hoax|wrong|theat(?:re|er)|misunderst\w*|"
        r"out\s+of\s+context|made\s+up|invent(?:ed|ion)|mistaken|twist\w*|so-called|"
        r"witch[- ]hunt|campaign\s+against|politically\s+motivated|"
        r"a\s+lie|an\s+outright\s+lie|big\s+lie|fairy[- ]tales?|hysteri\w*|excuses?|insult\w*|"
        r"mirror\s+image|hatchet\s+job|settl(?:e|ing)\s+(?:old\s+)?scores|pamphlet|"
        r"out\s+of\s+(?:thin\s+)?air|from\s+(?:thin\s+)?air|save\s+(?:himself|herself|themselves|his\s+own\s+skin)|"
        r"in\s+(?:full\s+)?accordance\s+with|within\s+the\s+(?:rules|law)|by\s+the\s+rules|"
        r"receipts|audited|documented(?<=(?:is|as|re)\sdocumented)|fully\s+documented|the\s+real\s+(?:number|figure|"
        r"reason)|d(?:id|oes|o)\s+(?:exactly\s+)?what\s+(?:it|they|he|she)\s+(?:was|were|is|are)\s+"
        r"(?:designed|built|supposed|meant|asked))\b",
    ),
    # Defending one's conduct with the record: "every invoice was checked", "the records show
    # it", "within the deadline", "paid in full", "I have every receipt", and evidence anyone can
    # inspect: "the payslips show it", "confirmed by the hospital", "anyone can check the
    # times", "the analyses are published every month".
    _rule(
        "denial:record",
        "denial",
        "text",
        rf"\b(?:every\s+{_CHECKED}|each\s+{_CHECKED}|all\s+{_CHECKED}|"
        r"records?\s+(?:exist|show\s+(?:it|this|that))|all\s+(?:the\s+)?(?:documents|records|papers)\s+(?:are|is|were)\s+"
        r"(?:available|in\s+order|public|open)|"
        r"within\s+(?:all\s+)?(?:the\s+)?(?:legal|permitted|statutory)\s+(?:limits?|deadlines?|frame)|"
        r"(?<!\bbe\s)\w+ed\s+within\s+the\s+(?:\w+\s+)?deadline|"
        r"passed\s+(?:every|all|the\s+full)\s+(?:\w+\s+)?(?:tests?|checks?|inspections?|audits?|"
        r"controls?|programmes?|programs?)|"
        rf"i\s+have\s+{_PROOF}|we\s+have\s+{_PROOF}|"
        r"check\s+(?:\w+\s+){0,3}(?:for\s+)?themselves|count\s+(?:\w+\s+){0,3}(?:for\s+)?themselves|"
        r"verify\s+(?:\w+\s+){0,3}(?:for\s+)?themselves|"
        r"show(?:s|ed)?\s+(?:it|this)|confirm(?:s|ed)?\s+(?:it|this)|is\s+confirmed\s+by|"
        r"are\s+confirmed\s+by|was\s+confirmed\s+by|anyone\s+(?:who\s+wants\s+)?can\s+(?:check|see|"
        r"read|verify|watch)|everyone\s+can\s+(?:check|see|read|verify|watch)|"
        r"can\s+check\s+(?:this|it|that)|come\s+and\s+(?:see|find|check|look)|"
        r"is\s+(?:published|public)|are\s+(?:published|public)|"
        # "paid in full", not "will be paid in full"
        + "|".join(
            rf"{verb}(?<!\bbe\s{verb})\s+(?:\w+\s+){{0,3}}?in\s+full"
            for verb in ("paid", "repaid", "transferred", "delivered", "made")
        )
        + r")\b",
        (
            "every",
            "each",
            "all",
            "record",
            "within",
            "passed",
            "have",
            "themselves",
            "full",
            "show",
            "confirm",
            "can ",
            "come and",
            "publi",
        ),
    ),
    # Rebutting by the rulebook, cited as the measure of one's conduct: "as the contract
    # provides", "within the 30 days the law allows", "followed every step of the permit"; "the
    # law allows fines" alone states a procedure, not a defence.
    _rule(
        "denial:by-the-rules",
        "denial",
        "text",
        rf"\b(?:as\s+(?:the|our)\s+(?:[\w'-]+\s+){{0,2}}{_RULEBOOK}|"
        rf"(?:days|steps?|limits?|hours|weeks)\s+(?:that\s+)?the\s+(?:[\w'-]+\s+){{0,2}}{_RULEBOOK}|"
        r"followed\s+(?:every|all|the)\s+(?:\w+\s+)?(?:steps?|rules?|procedures?|protocols?|"
        r"guidelines?|instructions?))\b",
        ("requires", "provides", "allows", "followed"),
    ),
    # Blame told as stalling: a request left waiting, a promise that never came ("kept the
    # results in a drawer", "every time the answer was a leaflet", "promised us …").
    _rule(
        "blame:stalling",
        "blame",
        "text",
        r"\b(?:in\s+a\s+drawer|the\s+answer\s+(?:was|from)|promised\s+(?:us|them|me)|"
        r"stonewall\w*)\b",
        ("drawer", "answer", "promised", "stonewall"),
    ),
    # Blame told as an actor's self-interest or cuts and what followed ("sold it to the highest
    # bidder", "to save costs", "cut our grant by nine million", "this is what happens when").
    _rule(
        "blame:self-interest",
        "blame",
        "text",
        r"\b(?:highest\s+bidder|to\s+save\s+(?:costs?|money)|saved\s+(?:the\s+)?money|"
        r"pockets?\s+of\s+the|cut\s+(?:its|our|their|the|his|her)\s+(?:\w+\s+)?(?:grants?|budgets?|"
        r"contracts?|funding|places|staff|jobs|inspectors|price|breaks|wages)|"
        r"this\s+is\s+what\s+(?:happens|you\s+get)|what\s+you\s+get\s+when)\b",
        ("bidder", "save", "pocket", "cut ", "what "),
    ),
    # Blame: attributing responsibility for harm.
    _rule(
        "blame:lexicon",
        "blame",
        "text",
        r"\b(?:blam(?:e|ed|es|ing)|responsible\s+for|responsibility\s+(?:for|lies|rests)|"
        r"is\s+responsible|are\s+responsible|was\s+responsible|were\s+responsible|fault|accus\w*|"
        r"caused\s+by|because\s+of\s+(?:the\s+)?"
        r"\w+(?:'s|’s)?\s+(?:negligence|failure|incompetence|greed|decision)|provocation\w*|"
        r"negligen\w*|culprit\w*|guilty|attempt\s+by|to\s+divert|sabotag\w*|"
        r"reckless\w*|incompeten\w*|fail(?:ed|s)?\s+to|failure\s+(?:of|to|by)|mismanag\w*|"
        r"cover[- ]?up|aggression|terroris[tm]\w*|war\s+crimes?|crimes?|criminal|betray\w*|"
        r"shameful|disgrace\w*|scandal\w*|irresponsib\w*|to\s+blame|cho(?:se|sen)\s+to|"
        r"ignor(?:ed|ing|es)|forged|pocket(?:ed|s)|cheat\w*|lied|fraud\w*|corrupt\w*|brib\w*|"
        r"illegal\w*|unlawful\w*|abus(?:ed|e|ing)|exploit\w*|deceiv\w*|greed\w*|instead\s+of|"
        r"without\s+(?:once|even|any\s+warning)|neglect\w*|endanger\w*|ordered|covered\s+up|"
        r"let\s+(?:it|them|this)\s+happen|"
        r"should\s+have|could\s+have|would\s+have|would\s+still|paid\s+the\s+price|at\s+the\s+expense|"
        r"cynical\w*|hypocri\w*|outrage\w*|unacceptable|inexcusable|deliberate\w*|"
        r"stole|steal\w*|plunder\w*|loot\w*|blackmail\w*|manipulat\w*|interfer\w*|scapegoat\w*|"
        r"answer\s+for\s+(?:it|this|that|their|his|her|what)|must\s+answer\s+for|"
        r"must\s+(?:\w+\s+){0,2}(?:answer|respond)\s+(?:before|to\s+the\s+(?:courts?|law))|"
        r"(?:their|his|her|its)\s+(?:own\s+)?(?:decision|choice|doing),?\s+not\s+(?:ours|mine)|"
        r"attempts?\s+to\s+(?:distract|divert|hide|cover|shift|deflect|silence|intimidate|punish)|"
        r"act\s+of\s+(?:\w+\s+)?(?:war|aggression|revenge|sabotage|terror\w*|vandalism|piracy|"
        r"intimidation)|raid|death\s+sentence|gift\s+to|line\s+(?:their|his|her)\s+(?:own\s+)?pockets|"
        r"bought\s+(?:silence|votes?|off)|were\s+bought|arbitrary|"
        # blame told without a blame word: rhetorical questions ("who profits?"), money owed,
        # delays, looking away
        r"who\s+(?:gains|profits|benefits|earns)(?=\b[^.?!]*\?)|owes?\s+(?:us|me)|"
        # wrongdoing told with a verb of deceit or neglect rather than a blame word
        r"mislead\w*|misled|withh(?:e|o)ld\w*|overrul\w*|waved\s+through|painted\s+over|"
        r"cut\s+corners|cook(?:ed|ing)\s+the\s+books|inside\s+job|human\s+shields?|shelved|"
        r"rushed\s+(?:out|through)|silenc(?:e|ed|ing)\s+(?:the|its|their|critics|journalists)|"
        r"intimidat\w*|on\s+(?:the\s+)?(?:orders?|instructions?)\s+(?:of|from)|"
        # where an attack came from names who made it
        r"came\s+from\s+(?:the|their|its)\b|fired\s+from|conducted\s+from|launched\s+from|"
        r"too\s+late(?<!than\stoo\slate)|slow\s+to|"
        r"look(?:s|ed|ing)?\s+away|turn(?:s|ed|ing)?\s+a\s+blind\s+eye|"
        r"blood\s+on\s+(?:its|their|his|her|your)\s+hands|put\s+(?:[\w'-]+\s+){0,2}lives\s+at\s+risk|"
        rf"is{_UNWORTHY}|are{_UNWORTHY}|was{_UNWORTHY}|were{_UNWORTHY})\b",
    ),
    # Support: endorsing, backing, praising, committing to help.
    _rule(
        "support:lexicon",
        "support",
        "text",
        r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)|endors\w*|prais\w*|welcom\w*|applaud\w*|"
        r"commend\w*|proud|right\s+to|stands?\s+(?:with|by|behind)|stood\s+(?:with|by|behind)|"
        r"solidarity|committed\s+to|deserv\w*|great|excellent|important\s+step|will\s+help|"
        r"in\s+favou?r\s+of|good\s+news|the\s+right\s+(?:thing|way|decision|choice)|justified|"
        r"legitimate|grateful|gratitude|thank\w*|success\w*|must\s+(?:be\s+allowed|continue)|"
        r"should\s+(?:be\s+allowed|continue)|"
        r"fully\s+behind|vital|essential|remarkable|outstanding|progress|confiden(?:ce|t)|"
        r"trust(?:ed|s|worthy)?|honest(?:ly|y)?|careful(?:ly)?|safest|best|correct(?:ly)?|prudent|"
        r"timely|example|standard|quick(?:ly)?|responsibly|brave\w*|hero\w*|courage\w*|reliabl\w*|"
        r"admir\w*|owes?(?!\s+(?:us|me)\b)|recommend\w*|entitled|within\s+(?:its|their|his|her)\s+rights|"
        r"believe\s+in|shoulder\s+to\s+shoulder|at\s+the\s+side\s+of|by\s+the\s+side\s+of|"
        r"ready\s+to|"
        r"kept\s+(?:every|its|their|his|her)\s+promise\w*|cleanest|dedicat\w*|tireless\w*|"
        r"protect\w*|help(?:ed|ing|s)?|wise|sensible|reasonable|fair|transparent|exemplary|"
        r"victory|fantastic|wonderful|kind(?:est|ness|ly)|gentle\w*|hats\s+off|by\s+the\s+book|"
        # (every alternative opens with a letter: see _by_first_letter)
        r"d(?:id|oes|o|oing)\s+(?:everything|it)\s+right|well\s+organi[sz]ed|"
        r"sav(?:e|es|ed|ing)\s+(?:\w+\s+)?lives|count\s+on|beside\s+(?:it|you|them|us|him|her)|"
        r"only\s+(?:right|safe|responsible|sensible|reasonable)\s+(?:\w+\s+)?(?:call|choice|"
        r"decision|option|course|thing)|most\s+(?:important|valuable)|"
        r"very\s+(?:important|valuable)|strongest|useful|on\s+the\s+side\s+of|lucky\s+to\s+have|"
        r"right\s+call|impressive\w*|good\s+day\s+for|gave\s+(?:their|his|her)\s+lives?|only\s+way\s+(?:to|that|forward|out)|"
        r"prouder|patient(?<=(?:is|re|as|ly|ry|so|st)\spatient)|magnificent|superb|got\s+it\s+right|"
        r"the\s+right\s+one|responsible\s+thing|straight\s+with|telling\s+the\s+truth|"
        r"belongs\s+to\s+(?:them|her|him)|because\s+of\s+(?:her|his|their|your)\s+work|"
        r"same\s+(?:call|thing)\s+again|should\s+be\s+in\s+every|"
        r"is\s+right|are\s+right|was\s+right|were\s+right|good\s+for|work\s+well|job\s+well|"
        r"exactly\s+what\s+(?:we|you|they|the|a)\s+(?:\w+\s+)?(?:asks?|asked|pay|expect|need|wants?))\b",
    ),
    # A concrete promise of help to those affected is support: "every family will receive a new
    # flat", "the district will pay for repairs", "a full refund", "the money back".
    _rule(
        "support:promise-of-help",
        "support",
        "text",
        r"\b(?:every\s+(?:[\w'-]+\s+){1,6}?(?:will|would|could|can)\s+(?:\w+\s+)?(?:receive|get|have|"
        r"find|claim|be\s+(?:paid|inspected|rehoused|housed|compensated|repaired|out|offered))|"
        r"will\s+pay\s+for\s+(?:the\s+)?(?:repairs?|damage|rebuilding|everything)|full\s+refund|"
        r"rent\s+refund|money\s+back)\b",
        ("every", "pay", "refund", "back"),
    ),
    # Reporting cues with no stance word in the statement: a fact, a figure, an announcement.
    _rule(
        "neutral:reporting-cue",
        "neutral",
        "cue",
        r"\b(?:according\s+to|report(?:ed|s)?|announc(?:ed|es)|inform(?:ed|s)|confirm(?:ed|s)|"
        r"warn(?:ed|s)|describ(?:ed|es)|estimat(?:ed|es)|explain(?:ed|s)|predict(?:ed|s))\b",
    ),
    # A denial verb elsewhere in the sentence ("insisted … and said the figure was '…'").
    _rule(
        "denial:frame-verb",
        "denial",
        "frame",
        r"\b(?:den(?:y|ied|ies)|reject(?:ed|s)|dismiss(?:ed|es)|refut(?:ed|es)|disput(?:ed|es)|"
        r"insist(?:ed|s)|rebuff(?:ed|s))\s+(?!(?:\w+\s+)?(?:entry|access|admission|bail|visas?|"
        r"boarding|permission)\b)",
        ("den", "reject", "dismiss", "refut", "disput", "insist", "rebuff"),
    ),
    # Negations that report a fact or hold back a judgement: "would not comment", "not yet".
    _rule(
        "neutral:reserved-negation",
        "neutral",
        "text",
        # Written "n(?<=\bn)…" rather than "\bn…": a pattern that opens with a letter is searched
        # several times faster, and these negation rules run on every quote.
        r"n(?:(?:'t|(?<=\bn)ot?)\s+(?:\w+\s+){0,2}(?:comment\w*|yet|rule\s+out|prejudge|speculate)\b|"
        r"(?<=\bn)(?:obody|o\s+one|one)\s+(?:\w+\s+)?(?:was|were|had\s+been|has\s+been)\s+(?:killed|"
        r"hurt|injured|harmed|wounded)\b)",
    ),
    # A negation left over after the lexicons: disputing, withholding, rebutting.
    _rule(
        "denial:negation",
        "denial",
        "text",
        r"n(?:(?<=\bn)(?:ever|obody|othing|o\s+one|one\s+of|ot|o)\b|'t\b)",
    ),
)

_FALLBACK = "neutral:no-rule"
# The rules grouped by the field they read and their anchors: a group whose anchors are all
# absent is skipped whole, so most quotes test 23 anchor sets instead of searching 34 patterns.
_SearchGroup = tuple[str, tuple[str, ...], tuple[tuple[int, Callable[[str], object]], ...]]


def _search_groups() -> tuple[_SearchGroup, ...]:
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[int, Callable[[str], object]]]] = {}
    for index, rule in enumerate(RULES):
        groups.setdefault((rule.where, rule.anchors), []).append((index, rule.pattern.search))
    return tuple((where, anchors, tuple(searches)) for (where, anchors), searches in groups.items())


_SEARCH_GROUPS = _search_groups()


_GLOSS = re.compile(r"\s*\[[^\]]*\]")  # a translator's gloss: "responsibility [Verantwortung]"


def _normalise(text: str) -> str:
    # Lower-cased, curly apostrophes made straight so that "Don’t" and "don't" match alike, and
    # bracketed glosses dropped so that they do not split a phrase the patterns look for.
    text = text.lower().replace("’", "'")
    return _GLOSS.sub("", text) if "[" in text else text


# what each field of a quote reads, normalised for the patterns
_FIELD_READERS: dict[str, Callable[[Quote], str]] = {
    "cue": lambda quote: _normalise(cue_text(quote)),
    "text": lambda quote: _normalise(quote.text),
    "frame": lambda quote: _normalise(masked_context(quote) or SPAN_MARK),
}


def _fields(quote: Quote) -> dict[str, str]:
    return {field: read(quote) for field, read in _FIELD_READERS.items()}


def rule_feature_matrix(quotes: Sequence[Quote]) -> np.ndarray:
    """One row per quote, one 0/1 column per rule of :data:`RULES`: whether it matches (every
    rule, not only the first that would fire).

    Other models use these as features: the lexicons generalise to stance words that their own
    training data never showed.
    """
    columns = {field: [read(quote) for quote in quotes] for field, read in _FIELD_READERS.items()}
    features = np.zeros((len(quotes), len(RULES)), dtype=np.float32)
    # Column by column, one group of rules at a time, in tight loops: this runs for every quote a
    # feature model reads, and the per-quote bookkeeping of a row-by-row loop cost a third more.
    for where, anchors, searches in _SEARCH_GROUPS:
        candidates = list(enumerate(columns[where]))
        if anchors:  # with no anchor in a text none of the group's patterns can match it
            anchored = []
            for row, text in candidates:
                for anchor in anchors:  # a loop, not any(): a third faster here
                    if anchor in text:
                        anchored.append((row, text))
                        break
            candidates = anchored
        for index, search in searches:
            features[[row for row, text in candidates if search(text) is not None], index] = 1.0
    return features


def fire(quote: Quote) -> tuple[str, Label, str]:
    """The first rule that matches ``quote``: its id, its label and the words it matched."""
    fields = _fields(quote)
    for rule in RULES:
        match = rule.search(fields)
        if match:
            return rule.id, rule.label, match.group(0)
    return _FALLBACK, "neutral", ""


class RuleStanceModel(StanceModel):
    """Cue-verb and lexicon rules with negation; ``explain`` names the rule that fired.

    Parameters
    ----------
    prior_strength:
        How many pseudo-quotes of its own label each rule starts with before ``fit`` counts
        what it really matched; larger keeps probabilities nearer the rule's label.
    """

    def __init__(self, *, prior_strength: float = 4.0) -> None:
        self.prior_strength = prior_strength

    def _fit(self, quotes: list[Quote], labels: list[Label]) -> None:
        counts = {rule_id: np.zeros(len(LABELS)) for rule_id in self._rule_ids()}
        for quote, label in zip(quotes, labels, strict=True):
            rule_id, _, _ = fire(quote)
            counts[rule_id][LABELS.index(label)] += 1
        self.rule_counts_ = {rule_id: row.tolist() for rule_id, row in counts.items()}

    def _rule_ids(self) -> list[str]:
        return [rule.id for rule in RULES] + [_FALLBACK]

    def _rule_probabilities(self) -> dict[str, np.ndarray]:
        labels_by_rule = {rule.id: rule.label for rule in RULES} | {_FALLBACK: "neutral"}
        table = {}
        for rule_id, counts in self.rule_counts_.items():
            # Smoothed towards the rule's own label, plus one pseudo-count per label so that
            # no probability is exactly zero.
            row = np.asarray(counts, dtype=np.float64) + 1.0
            row[LABELS.index(labels_by_rule[rule_id])] += self.prior_strength
            table[rule_id] = row / row.sum()
        return table

    def _predict_proba(self, quotes: list[Quote]) -> np.ndarray:
        table = self._rule_probabilities()
        return np.stack([table[fire(quote)[0]] for quote in quotes])

    def explain(self, quotes: Sequence[Quote | str]) -> list[str]:
        """For each quote, the rule that fired and the words it matched, e.g.
        ``"denial:negated-support: 'not support'"``."""
        explanations = []
        for quote in as_quotes(quotes):
            rule_id, _, matched = fire(quote)
            explanations.append(f"{rule_id}: {matched!r}" if matched else rule_id)
        return explanations

    def _save_state(self, folder: Path) -> None:
        write_json(folder / "rule_counts.json", self.rule_counts_)

    def _load_state(self, folder: Path, config: dict[str, Any]) -> None:
        counts: dict[str, list[float]] = read_json(folder / "rule_counts.json")
        expected = set(self._rule_ids())
        if set(counts) != expected:
            raise ValueError(
                f"{folder}: rule_counts.json is for another rule set (rules "
                f"{sorted(set(counts) ^ expected)} differ); retrain it with `stance train --model rules`"
            )
        self.rule_counts_ = counts
