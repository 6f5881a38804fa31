"""``rules``: cue-verb and lexicon patterns with negation handling, no learning needed to predict.

The rules are tried in order and the first that matches decides; a quote no rule matches is
neutral. Order encodes the guideline: non-stance senses of stance words first ("support
vessels", "claimed responsibility", "the blame game"), then the cue verb ("X denied …",
"X blamed …"), then negation (not/never + support or responsibility is a denial), then the
lexicons. :meth:`RuleStanceModel.explain` names the rule that fired.

``fit`` learns only how far to trust each rule: the label counts among training quotes where it
fired, smoothed towards the rule's own label, become that rule's probability row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from stance.models.base import StanceModel, read_json, write_json
from stance.models.inputs import SPAN_MARK, as_quotes, cue_text, masked_context
from stance.records import LABELS, Label, Quote

_NEG = r"(?:\b(?:not|never|no\s+longer|neither|nor|cannot)|n't)"
_NEG_GATE = re.compile(r"n't|\b(?:not|never|no|neither|nor|cannot|nothing|nowhere)\b")
_GAP = r"(?:[\w'’-]+\s+){0,3}"  # up to three words between a negation and what it negates
_SPAN = r"[\"“”‘’'«»‹›„]?_quote_"  # the masked quote in its frame, with its opening mark


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: ``where`` it looks (cue, quote text or the frame around it) and its label."""

    id: str
    label: Label
    where: str  # "cue" | "text" | "frame"
    pattern: re.Pattern[str]
    gate: re.Pattern[str] | None = None  # a cheap pattern that must match before ``pattern`` runs

    def search(self, fields: dict[str, str]) -> re.Match[str] | None:
        """The first match of this rule in the quote's ``where`` field, if any."""
        text = fields[self.where]
        if self.gate is not None and not self.gate.search(text):
            return None
        return self.pattern.search(text)


def _rule(rule_id: str, label: Label, where: str, pattern: str) -> Rule:
    # Patterns are lower-case and fields are lower-cased once: re.IGNORECASE makes these large
    # alternations several times slower, and other models compute all rules as features.
    # Negation patterns start with an alternation regex cannot skip ahead on, so they run only
    # where a negation word occurs at all.
    gate = _NEG_GATE if pattern.startswith(_NEG) else None
    return Rule(rule_id, label, where, re.compile(_by_first_letter(pattern)), gate)


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
    ),
    _rule("neutral:claimed-responsibility-cue", "neutral", "frame", rf"\bclaim(?:ed|s)?\s+{_SPAN}"),
    _rule("neutral:blame-game", "neutral", "text", r"\bblame\s+game\b"),
    _rule(
        "neutral:support-as-noun",
        "neutral",
        "text",
        r"\bsupport\s+(?:vessels?|ships?|staff|services?|teams?|workers|units?|troops|"
        r"aircraft|role|functions?|hotline|groups?|payments?|scheme|system)\b",
    ),
    _rule(
        "neutral:denied-access",
        "neutral",
        "text",
        r"\b(?:denied|refused|rejected)\s+(?:\w+\s+)?(?:entry|access|admission|bail|visas?|boarding|"
        r"permission|the\s+(?:application|request|permit))\b",
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
        r"hail(?:ed|s)|applaud(?:ed|s)|commend(?:ed|s)|pledg(?:e|ed|es)|champion(?:ed|s))\b",
    ),
    # Negation: withholding support, denying responsibility or involvement.
    _rule(
        "denial:negated-support",
        "denial",
        "text",
        rf"{_NEG}\s+{_GAP}(?:support|endorse|back|encourage|approve|condone|facilitate|"
        r"sanction|authori[sz]e|want)\w*",
    ),
    _rule(
        "denial:negated-responsibility",
        "denial",
        "text",
        rf"{_NEG}\s+{_GAP}(?:responsible|involved|to\s+blame|behind|part\s+of|aware|know|"
        r"true|accurate|correct|happen|guilty|at\s+fault|anything\s+to\s+do)\b|"
        r"\bnothing\s+to\s+(?:do\s+with|hide)\b|\bno\s+(?:evidence|involvement|role|knowledge|"
        r"connection|link|basis|truth|proof|part)\b|\bnowhere\s+near\b",
    ),
    _rule(
        "denial:negated-frame",
        "denial",
        "frame",
        rf"{_NEG}\s+{_GAP}{_SPAN}|\b(?:den(?:y|ied|ies)|reject(?:ed|s)?|dismiss(?:ed|es)?)\s+"
        rf"{_GAP}{_SPAN}|_quote_\S?\s*(?:[\w'’-]+\s+){{0,2}}(?:was|is|were|are)\s+(?:false|untrue|"
        r"baseless|groundless)",
    ),
    _rule(
        "denial:lexicon",
        "denial",
        "text",
        r"\b(?:false(?:ly)?|fabricat\w*|baseless|groundless|unfounded|untrue|lies|lying|"
        r"fake|nonsense|absurd|misleading|slander\w*|smear\w*|fiction|den(?:y|ies|ied|ial)|"
        r"reject\w*|refute\w*|categorically|incorrect|inaccurate|distort\w*|disinformation|"
        r"propaganda|rumou?rs?|speculation|hoax|wrong|theat(?:re|er)|misunderst\w*|"
        r"out\s+of\s+context|made\s+up|invent(?:ed|ion)|mistaken|twist\w*|so-called|"
        r"witch[- ]hunt|campaign\s+against|politically\s+motivated)\b",
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
        r"looked\s+away|turned\s+a\s+blind\s+eye|let\s+(?:it|them|this)\s+happen|"
        r"should\s+have|could\s+have|would\s+have|would\s+still|paid\s+the\s+price|at\s+the\s+expense|"
        r"cynical\w*|hypocri\w*|outrage\w*|unacceptable|inexcusable|deliberate\w*|"
        r"stole|steal\w*|plunder\w*|loot\w*|blackmail\w*|manipulat\w*|interfer\w*)\b",
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
        r"legitimate|grateful|thank\w*|success\w*|must\s+(?:be\s+allowed|continue)|"
        r"should\s+(?:be\s+allowed|continue)|"
        r"fully\s+behind|vital|essential|remarkable|outstanding|progress|confiden(?:ce|t)|"
        r"trust(?:ed|s|worthy)?|honest(?:ly|y)?|careful(?:ly)?|safest|best|correct|prudent|timely|"
        r"example|standard|quick(?:ly)?|responsibly|brave\w*|hero\w*|courage\w*|reliabl\w*|"
        r"admir\w*|owes?|recommend\w*|entitled|within\s+(?:its|their|his|her)\s+rights|"
        r"believe\s+in|shoulder\s+to\s+shoulder|at\s+the\s+side\s+of|by\s+the\s+side\s+of|"
        r"ready\s+to|"
        r"kept\s+(?:every|its|their|his|her)\s+promise\w*|cleanest|dedicat\w*|tireless\w*|"
        r"protect\w*|help(?:ed|ing|s)?|wise|sensible|reasonable|fair|transparent|exemplary)\b",
    ),
    # A negation left over after the lexicons: disputing, withholding, rebutting.
    # Reporting cues with no stance word in the statement: a fact, a figure, an announcement.
    _rule(
        "neutral:reporting-cue",
        "neutral",
        "cue",
        r"\b(?:according\s+to|report(?:ed|s)?|announc(?:ed|es)|inform(?:ed|s)|confirm(?:ed|s)|"
        r"warn(?:ed|s)|describ(?:ed|es)|estimat(?:ed|es)|explain(?:ed|s)|predict(?:ed|s))\b",
    ),
    _rule(
        "denial:negation",
        "denial",
        "text",
        r"\b(?:never|nobody|nothing|no\s+one|none\s+of|not|no)\b|n't\b",
    ),
)

_FALLBACK = "neutral:no-rule"


def _fields(quote: Quote) -> dict[str, str]:
    # Lower-cased, and curly apostrophes made straight so that "Don’t" and "don't" match alike.
    return {
        "cue": cue_text(quote).replace("’", "'"),
        "text": quote.text.lower().replace("’", "'"),
        "frame": (masked_context(quote) or SPAN_MARK).lower().replace("’", "'"),
    }


def rule_matches(quote: Quote) -> list[bool]:
    """Whether each rule of :data:`RULES` matches ``quote`` (all of them, not only the first).

    Other models use this as a feature vector: the lexicons generalise to stance words that
    their own training data never showed.
    """
    fields = _fields(quote)
    return [rule.search(fields) is not None for rule in RULES]


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
