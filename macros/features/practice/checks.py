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
    """Per option: stems it shares with the stem. A word the stem negates ("The work is not
    ETL") is not counted: an option that has it matches what the stem rules out, and counting
    it let such a distractor tie with the key and hide the key's lead."""
    words = stems(" ".join(split_negated(stem_text)[0]))
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

def _extreme_key_share(questions, pick) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(hits, single-answer exam-style questions, per type): how many have a key that is the
    one option of length pick(lengths) (max: the one longest, min: the one shortest)."""
    hits, total, per_type = 0, 0, {}
    for q in questions:
        if q.style != "exam" or len(q.answers) != 1:
            continue
        lengths = [len(o) for o in q.options]
        extreme = pick(lengths)
        hit = lengths.count(extreme) == 1 and lengths[q.answers[0]] == extreme
        h, t = per_type.get(q.type, (0, 0))
        per_type[q.type] = (h + hit, t + 1)
        hits += hit
        total += 1
    return hits, total, per_type


def longest_key_share(questions) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(keyed by length, single-answer exam-style questions, per type): how many have a key
    that is the one longest option, a cue test-takers learn to follow (about one in four
    by chance with four options)."""
    return _extreme_key_share(questions, max)


def shortest_key_share(questions) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(keyed by shortness, single-answer exam-style questions, per type): the reverse of
    `longest_key_share`. Shortening long keys can overshoot into a new cue ("the longest option
    is never right"); about one in four by chance with four options."""
    return _extreme_key_share(questions, min)


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


# --- Cues in the wording of a whole question (any exam-style type, authored included) ---
#
# `best_match_share` counts a key that shares the MOST words with the stem; it misses the
# commoner cue of a key that shares ONE telling word (or a close variant of it) with the
# stem that no distractor has ("inside the EU" -> "...all in the EU geography"). It also
# misses options ruled out by their own wording (absolutes beside a hedged key).

ECHO_GENERIC = GENERIC | {
    # Function words the stop list lacks: they carry no subject.
    "about", "after", "before", "both", "over", "under", "same", "other", "instead", "rather", "without", "within",
    "per", "via", "way", "ways", "kind", "just", "even", "still", "yet", "already", "while", "where", "whose", "been",
    "being", "does", "done", "make", "makes", "made", "take", "takes", "get", "gets", "set", "sets", "give", "gives",
    "keep", "keeps", "help", "helps", "run", "runs", "work", "works", "first", "next", "then", "some", "many", "few",
    "much", "such", "very", "well", "same", "own", "out", "up", "down", "there", "here", "now", "through", "across",
    "between", "among", "during", "until", "since", "upon", "against", "toward", "towards", "beyond", "again",
    # The frame of a question, not its subject: every situation has a team, a user and an
    # answer to give ("Which answer...", "the application answers users").
    "answer", "answers", "question", "questions", "requirement", "requirements", "solution", "approach", "step",
    "steps", "change", "changes", "action", "actions", "statement", "statements", "explanation", "configuration",
    "engineer", "engineers", "scientist", "scientists", "developer", "developers", "organisation", "organization",
    "business", "application", "applications", "app", "user", "users", "customer", "customers", "staff",
    "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years",
    # Words of the field every item is in ("ML", "machine learning", "AWS account", the
    # "foundation models" of every generative-AI item, as "model" is for the rest).
    "ml", "machine", "learning", "account", "accounts", "foundation", "value", "values",
}
"""Words that never decide an exam item, however they are shared: ruling them out of the echo
check keeps it to words a reader could match instead of knowing the subject. A word goes here
because it names the frame or the field, never because one item uses it."""

VARIANTS = {"pictur": "imag", "photo": "imag", "max": "maximum", "min": "minimum", "config": "configur",
            "auth": "authent", "stat": "statist", "repo": "repositor"}
"""Roots a reader treats as one word: an abbreviation and its full form, picture/photo/image."""

_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ives", "ive", "ers", "er", "ors", "or", "ed", "es", "e",
             "s", "ly")

NEGATORS = frozenset({"not", "no", "never", "without", "nor", "cannot", "nobody", "nothing", "neither", "instead", "rather"})
"""A word in the next few words after one of these (in the same clause) is what the stem rules
out ("The work is not ETL", "no long-lived secrets", "instead of waiting")."""
_CLAUSE_BREAK = frozenset({"and", "or", "but", "so", "while", "because", "which", "that", "who", "where", "when", "if",
                           "unless", "then"})
NEGATION_REACH = 3


def root(word: str) -> str:
    """A crude root that meets a word's variants ("stereotyped" and "stereotyping", "tokens"
    and "token") but keeps apart words that only begin alike ("transfer", "translate")."""
    w = word.lower()
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w, changed = w[: -len(suffix)], True
                break
    w = w[:8]
    return VARIANTS.get(w, w)


def _tokens(text: str) -> list[str]:
    text = re.sub(r"n[’']t\b", " not", text)
    return re.findall(r"[A-Za-z0-9]+|[.,;:!?()\"]", text)


def _word(token: str) -> str | None:
    """The root a token contributes, or None: 2-letter capitals count (EU, US, ID), short
    and generic words do not."""
    if len(token) == 2 and token.isupper():
        return None if token.lower() in ECHO_GENERIC else token.lower()
    low = token.lower()
    if len(low) <= 2 or low in _STOP or low in ECHO_GENERIC or not low[0].isalnum():
        return None
    return root(low)


@lru_cache(maxsize=None)
def split_negated(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tokens the text asserts, tokens it negates): a negated token is one of the next
    NEGATION_REACH content words after a negator, within the clause ("not ETL", "no
    long-lived secrets", "instead of waiting"); articles and auxiliaries ("not be
    rewritten") do not use up the reach."""
    plain_tokens, negated_tokens = [], []
    reach = 0
    for t in _tokens(text):
        low = t.lower()
        if not t[0].isalnum() or low in _CLAUSE_BREAK:
            reach = 0
            continue
        if low in NEGATORS:
            reach = NEGATION_REACH
            continue
        if low in _STOP:
            continue
        if reach:
            reach -= 1
            negated_tokens.append(t)
        else:
            plain_tokens.append(t)
    return tuple(plain_tokens), tuple(negated_tokens)


@lru_cache(maxsize=None)
def echo_words(text: str, part: str = "all") -> frozenset[str]:
    """The roots of a text's distinctive words: "all" of them, the "plain" ones (those the
    text does not negate) or the "negated" ones (see `split_negated`)."""
    plain_tokens, negated_tokens = split_negated(text)
    plain_words = {w for w in map(_word, plain_tokens) if w}
    ruled_out = {w for w in map(_word, negated_tokens) if w}
    if part == "negated":
        return frozenset(ruled_out - plain_words)
    return frozenset(plain_words if part == "plain" else plain_words | ruled_out)


def stem_echo(question) -> frozenset[str]:
    """The words a single-answer exam-style question's key shares with its stem that no
    distractor has (after roots and variants; 2-letter capitals such as EU count; words of
    the frame do not). A word the stem negates is not counted: "not ETL" asks for something
    else, so a key repeating it is no echo and a distractor repeating it does not hide one.
    Empty means no echo."""
    if question.style != "exam" or len(question.answers) != 1:
        return frozenset()
    key = question.answers[0]
    theirs = set().union(*(echo_words(o) for i, o in enumerate(question.options) if i != key))
    return (echo_words(question.options[key]) - theirs) & echo_words(question.prompt, "plain")


ABSOLUTE = re.compile(r"\b(only|never|always|cannot|none|nothing|no (?:data|labels?|need)|needs? no|every\b[^.]*\bunless"
                      r"|equally|entirely|completely|guarantee[sd]?)\b", re.I)
"""Words that make an option false by their sweep ("Only generative models...", "needs no
data", "Every prompt is added... unless"), a cue test-takers learn to follow."""


def absolute_cue(question) -> list[int]:
    """The distractors of a single-answer exam-style question that an absolute makes easy to
    rule out, or that repeat what the stem negates ("no long-lived secrets" beside "a
    long-term key"... by its root), where the key itself has no absolute; flagged when at
    least two of them are (the key is then one of at most two sensible options)."""
    if question.style != "exam" or len(question.answers) != 1:
        return []
    key = question.answers[0]
    if ABSOLUTE.search(question.options[key]):
        return []
    negated = echo_words(question.prompt, "negated")
    cued = [i for i, o in enumerate(question.options)
            if i != key and (ABSOLUTE.search(o) or echo_words(o) & negated)]
    return cued if len(cued) >= 2 else []


def _share(questions, hit) -> tuple[int, int, dict[str, tuple[int, int]]]:
    hits, total, per_type = 0, 0, {}
    for q in questions:
        if q.style != "exam" or len(q.answers) != 1:
            continue
        found = bool(hit(q))
        h, t = per_type.get(q.type, (0, 0))
        per_type[q.type] = (h + found, t + 1)
        hits += found
        total += 1
    return hits, total, per_type


def stem_echo_share(questions) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(keys that echo the stem, single-answer exam-style questions, per type)."""
    return _share(questions, stem_echo)


def absolute_cue_share(questions) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(questions whose distractors are ruled out by their own absolutes, single-answer
    exam-style questions, per type)."""
    return _share(questions, absolute_cue)
