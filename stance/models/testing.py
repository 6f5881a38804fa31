"""Test helpers that ship with the package: synthetic quotes and a tiny random BERT.

Both are built on the spot, offline, in well under a second, so the transformer code paths can
be tested without the real encoder (as scikit-learn ships ``sklearn.utils.estimator_checks``).
"""

from __future__ import annotations

import random
from pathlib import Path

from stance._optional import require
from stance.records import LABELS, Label, Quote

# label -> (cue, statement templates); {x} is an actor.
_TEMPLATES: dict[Label, tuple[str, tuple[str, ...]]] = {
    "denial": (
        "denied",
        (
            "{x} had nothing to do with the fire",
            "the report about {x} is false and baseless",
            "we never signed any deal with {x}",
            "{x} was not involved in the attack",
        ),
    ),
    "support": (
        "praised",
        (
            "{x} has every right to defend itself",
            "we fully support the plan of {x}",
            "{x} did an excellent job for the town",
            "we stand with {x} and will help",
        ),
    ),
    "blame": (
        "blamed",
        (
            "{x} is responsible for the blackout",
            "the floods were caused by the negligence of {x}",
            "{x} is guilty of a reckless provocation",
            "the crash was the fault of {x}",
        ),
    ),
    "neutral": (
        "said",
        (
            "{x} will meet on Monday at noon",
            "about 500 homes near {x} were damaged",
            "the talks with {x} continue next week",
            "{x} opened a new office in the port",
        ),
    ),
}
_ACTORS = ("the council", "Kiev", "the operator", "the union", "Acme Corp", "the ministry")


def synthetic_quotes(n_per_label: int = 8, *, seed: int = 0) -> tuple[list[Quote], list[Label]]:
    """``4 * n_per_label`` quotes with cue, context and article ids, and their labels.

    Easy, keyword-driven data: enough for contract checks, not a benchmark.
    """
    rng = random.Random(seed)
    quotes: list[Quote] = []
    labels: list[Label] = []
    for index in range(n_per_label):
        for label in LABELS:
            cue, templates = _TEMPLATES[label]
            statement = rng.choice(templates).format(x=rng.choice(_ACTORS))
            speaker = rng.choice(("Dana Roos", "the mayor", "a spokesman"))
            context = f"{speaker} {cue} that {statement}."
            start = context.index(statement)
            quotes.append(
                Quote(
                    text=statement,
                    start=start,
                    end=start + len(statement),
                    speaker=speaker,
                    cue=cue,
                    kind="indirect",
                    context=context,
                    article_id=f"synthetic-{index % 6}",
                )
            )
            labels.append(label)
    return quotes, labels


def tiny_bert(folder: str | Path, *, seed: int = 0) -> Path:
    """Write a randomly initialised 2-layer BERT (hidden size 32) and its tokenizer to ``folder``.

    The vocabulary holds the special tokens, the letters as word pieces and the words of
    :func:`synthetic_quotes`, so any English text tokenises. Returns the folder.
    """
    torch = require("torch", purpose="stance.models.testing.tiny_bert")
    transformers = require("transformers", purpose="stance.models.testing.tiny_bert")
    words = sorted(
        {
            word.strip(".,").lower()
            for _, templates in _TEMPLATES.values()
            for template in templates
            for word in template.replace("{x}", " ".join(_ACTORS)).split()
        }
        | {cue for cue, _ in _TEMPLATES.values()}
    )
    letters = [chr(code) for code in range(ord("a"), ord("z") + 1)] + list("0123456789.,:;!?'\"-")
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *letters, *(f"##{c}" for c in letters)]
    tokens += [word for word in words if word not in tokens]
    vocab = {token: index for index, token in enumerate(tokens)}
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    # transformers 5 ignores BertTokenizer(vocab_file=...): the vocabulary must be passed as vocab=.
    tokenizer = transformers.BertTokenizer(vocab=vocab, do_lower_case=True)
    tokenizer.save_pretrained(str(target))
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=160,
    )
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        transformers.BertModel(config).save_pretrained(str(target))
    return target
