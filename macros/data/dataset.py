"""`load_catalog(data_dir)`: the whole data set, loaded and cross-checked; the one entry point
to the data. Vocabularies, entities and the glossary (loading.py) become a Catalog
(catalog.py checks references, vocabularies and names), then the choosers and the authored
practice items are loaded and checked against it. Returns (catalog, problems); the catalog
is None whenever there is a problem.
"""

from __future__ import annotations

from pathlib import Path

from macros.data.catalog import build_catalog
from macros.data.chooser_loading import check_chooser, load_choosers
from macros.data.loading import _rel, load_entities, load_glossary, load_vocabularies
from macros.data.practice_items import check_practice, load_practice


def load_catalog(data_dir: Path, root: Path | None = None):
    """Load, validate and cross-check everything under data_dir.

    Returns (catalog, problems); catalog is None whenever there is any problem.
    """

    root = root if root is not None else data_dir.parent
    vocab, problems = load_vocabularies(data_dir, root)
    entities, files, broken, found = load_entities(data_dir, root)
    problems += found
    glossary, found = load_glossary(data_dir, root)
    problems += found
    catalog, found = build_catalog(entities, files, vocab, broken, glossary, _rel(data_dir / "glossary.yml", root))
    problems += found

    choosers, chooser_files, found = load_choosers(data_dir, root)
    problems += found
    for chooser_id, chooser in choosers.items():
        problems += check_chooser(catalog, chooser_id, chooser, chooser_files[chooser_id], broken)
    catalog.choosers, catalog.chooser_files = choosers, chooser_files

    topics, practice_files, found = load_practice(data_dir, root)
    problems += found + check_practice(catalog, topics, practice_files)
    catalog.practice_topics, catalog.practice_files = topics, practice_files
    # Stable sort by file keeps each file's problems in the order its fields were read.
    problems = sorted(dict.fromkeys(problems), key=lambda p: p.file)
    return (None if problems else catalog), problems
