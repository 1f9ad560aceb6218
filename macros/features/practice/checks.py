"""Giveaway checks for exam-style questions (pure): the generators drop what fails them,
the tests assert none is left, and `make bench` prints the share that still leans on words.

- `echoes_key`: the stem contains the key's name, an alias, or a word of its name that no
  other option's name has (its distinctive word), compared by a crude stem so that
  "streaming" meets "Streams";
- `family_of` / `one_family`: every option of a question comes from one family (the same
  kind, and for services the same parent service or category; for concepts the same
  category), so the key is never the only option of the kind asked for;
- `unique_best_match`: the key is the one option whose name, aliases and summary share the
  most words with the stem (a reader could match words instead of knowing the subject).
"""

from __future__ import annotations

import re
from functools import lru_cache

from macros.data.catalog import Catalog, name_key

_STOP = set(
    "with from a an the of for to in on and or with from by my our your is are be can that this which what how when do does "
    "into as at it its their than vs who whom each every all any must should would will not no one two use used using "
    "needs need team company wants want these those there they them has have had more most least new also only".split()
)
GENERIC = {"amazon", "aws", "sagemaker", "ai", "service", "services", "data", "model", "models", "managed", "using",
           "algorithm", "algorithms", "option", "options", "capability"}
"""Words every option of a family shares: not a giveaway on their own."""


def stem(word: str) -> str:
    word = word.lower()
    if len(word) >= 5:
        return word[:5]
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


@lru_cache(maxsize=None)
def stems(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(stem(w) for w in words if w not in _STOP and w not in GENERIC and len(w) > 2)


def names(entity) -> list[str]:
    return [entity.name, *entity.aliases, *(f.name for f in getattr(entity, "former_names", []))]


def distinctive(catalog: Catalog, key: tuple[str, str], others: list[tuple[str, str]]) -> frozenset[str]:
    """Stems of the key's names that no other option's shown name shares."""
    own = set().union(*(stems(n) for n in names(catalog.get(*key))))
    # Only the other options' names as shown count: an alias nobody sees ("CloudTrail Lake")
    # does not make "lake" less telling beside "Lake Formation".
    theirs = set().union(*(stems(catalog.get(*o).name) for o in others)) if others else set()
    return frozenset(own - theirs)


def echoes_key(catalog: Catalog, stem_text: str, key: tuple[str, str], others: list[tuple[str, str]]) -> str | None:
    """What in the stem gives the key away, or None."""
    text = name_key(stem_text)
    for n in names(catalog.get(*key)):
        k = name_key(re.sub(r"^(Amazon|AWS)\s+(SageMaker\s+(AI\s+)?)?", "", n))
        if len(k) >= 4 and k in text:
            return f"names the key ({n})"
    shared = distinctive(catalog, key, others) & stems(stem_text)
    if shared:
        return f"shares the key's distinctive word ({', '.join(sorted(shared))})"
    return echoes_exact(catalog, stem_text, key, others)


def family_of(catalog: Catalog, ref: tuple[str, str]) -> str:
    kind, entity_id = ref
    entity = catalog.get(kind, entity_id)
    if kind == "services":
        part_of = getattr(entity, "part_of", None)
        return f"services:{part_of}/{entity.stage}" if part_of else f"services:{entity.category}"
    if kind == "concepts":
        return f"concepts:{entity.category}"
    return kind


def one_family(catalog: Catalog, refs) -> bool:
    return len({family_of(catalog, tuple(r)) for r in refs}) == 1


def option_words(catalog: Catalog, text: str, ref) -> frozenset[str]:
    """What a reader could match in an option: its text, and where the option is an entity
    (composed, task and not-for questions) its other names, summary and first purpose (the
    description a half-informed reader remembers)."""
    if isinstance(ref, str):
        # An authored option is a course of action; the entity its reason cites is not the
        # option itself, so only the option's own words count.
        return stems(text)
    if isinstance(ref, (tuple, list)) and len(ref) == 2 and ref[0] in catalog.entities and ref[1] in catalog.entities[ref[0]]:
        entity = catalog.get(*ref)
        purpose = getattr(entity, "purpose", None) or []
        return stems(" ".join([text, *names(entity), entity.summary, *purpose[:1]]))
    return stems(text)


def match_scores(catalog: Catalog, stem_text: str, options, refs) -> list[int]:
    """Per option: stems it shares with the stem."""
    words = stems(stem_text)
    return [len(words & option_words(catalog, o, r)) for o, r in zip(options, refs)]


def unique_best_match(catalog: Catalog, stem_text: str, options, refs, answers) -> bool:
    """Is a key the one option that shares the most words with the stem?"""
    scores = match_scores(catalog, stem_text, options, refs)
    best = max(scores)
    if best == 0:
        return False
    top = [i for i, s in enumerate(scores) if s == best]
    return len(top) == 1 and top[0] in answers


def best_match_share(catalog: Catalog, questions) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(keyed by word match, exam-style questions, per type): how many exam-style questions
    have a key that is the unique best word match to the stem."""
    hits, total, per_type = 0, 0, {}
    for q in questions:
        if q.style != "exam":
            continue
        hit = unique_best_match(catalog, q.prompt, q.options, q.refs, q.answers)
        h, t = per_type.get(q.type, (0, 0))
        per_type[q.type] = (h + hit, t + 1)
        hits += hit
        total += 1
    return hits, total, per_type

def longest_key_share(questions) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(keyed by length, single-answer exam-style questions, per type): how many have a key
    that is the one longest option, a cue test-takers learn to follow (about one in four
    by chance with four options)."""
    hits, total, per_type = 0, 0, {}
    for q in questions:
        if q.style != "exam" or len(q.answers) != 1:
            continue
        lengths = [len(o) for o in q.options]
        longest = max(lengths)
        hit = lengths.count(longest) == 1 and lengths[q.answers[0]] == longest
        h, t = per_type.get(q.type, (0, 0))
        per_type[q.type] = (h + hit, t + 1)
        hits += hit
        total += 1
    return hits, total, per_type


def _exact(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and w not in GENERIC and len(w) > 2}


def echoes_exact(catalog: Catalog, stem_text: str, key: tuple[str, str], others: list[tuple[str, str]]) -> str | None:
    """The same check by whole words: a word of one of the key's names that no other
    option's names have (a singular alias beside plural names counts)."""
    theirs = set().union(*(_exact(catalog.get(*o).name) for o in others)) if others else set()
    words = _exact(stem_text)
    for n in names(catalog.get(*key)):
        shared = (_exact(n) - theirs) & words
        if shared:
            return f"shares the key's word ({', '.join(sorted(shared))})"
    return None
