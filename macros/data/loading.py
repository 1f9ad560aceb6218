"""YAML files -> validated models, collecting every problem instead of stopping at one.

Reads the files of one kind (data/<kind>/<id>.yml, files.py reads each), the vocabularies
(data/vocab/<name>.yml) and the glossary, validates each with its pydantic model and turns
pydantic's errors into the project's one-line problems (file, entity, field path, what was
expected). dataset.py puts the whole data set together.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.data.files import is_editor_leftover, not_a_file, read_yaml
from macros.data.models import ENTITY_MODELS, VOCABULARIES, Entity, GlossaryEntry, Term
from macros.data.problems import Problem, describe, did_you_mean, field_path
from macros.data.text_rules import glossary_term_problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EXPECTED = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "list_type": "expected a list",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping",
    "model_attributes_type": "expected a mapping",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "expected a date (YYYY-MM-DD) without a time",
    "none_required": "expected nothing",
}


def problems_from_validation(
    exc: ValidationError, model: type[BaseModel], rel: str, label: str | None, entity_id: str | None
) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        path = field_path(loc)
        etype = err["type"]
        found = err.get("input")
        hint = None
        if etype == "missing":
            message = "required field is missing"
        elif etype == "extra_forbidden":
            allowed = _fields_at(model, loc[:-1])
            message = f"unknown key; expected one of: {', '.join(sorted(allowed))}" if allowed else "unknown key"
            hint = did_you_mean(loc[-1], allowed)
        elif etype == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            message = f"expected one of {expected}; got {describe(found)}"
            choices = re.findall(r"'([^']*)'", expected)
            hint = did_you_mean(found, choices)
        elif etype == "string_too_short":
            message = "expected non-empty text" if not found else f"expected at least {err['ctx']['min_length']} characters; got {len(found)}"
        elif etype == "string_too_long":
            message = f"expected at most {err['ctx']['max_length']} characters; got {len(found)}"
        elif etype == "too_short":
            message = f"expected at least {err['ctx']['min_length']} item(s); got {err['ctx'].get('actual_length', 0)}"
        elif etype == "string_pattern_mismatch":
            message = f"expected text matching {err['ctx']['pattern']}; got {describe(found)}"
        elif etype == "value_error":
            message = str(err.get("ctx", {}).get("error", err["msg"]))
        elif etype in _EXPECTED:
            message = f"{_EXPECTED[etype]}; got {describe(found)}"
            if etype == "string_type" and isinstance(found, bool):
                hint = "YAML reads an unquoted yes, no, on, off, true or false as true/false; put the text in quotes"
        else:
            message = f"{err['msg']}; got {describe(found)}"
        out.append(Problem(rel, message, kind=label, entity_id=entity_id, path=path, hint=hint))
    return out


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a model accepts at a location (for 'did you mean' on unknown keys)."""
    import typing

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return []
        current = _model_in(field.annotation, typing)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any, typing: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg, typing)
        if found is not None:
            return found
    return None


def entity_files(folder: Path, root: Path, kind: str, label: str, problems: list[Problem],
                 broken: set[tuple[str, str]] | None = None, noun: str = "entity"):
    """(file, id, top-level mapping) of each well-formed <id>.yml in a data folder, in
    order; every other entry (folders, dead links, other files, bad names, unreadable
    YAML, a top level that is not a mapping, an `id` key) adds its problem line instead.
    Ids that were tried go into `broken` (the caller removes those that load)."""
    try:
        paths = sorted(folder.iterdir())
    except OSError as exc:
        problems.append(Problem(_rel(folder, root), f"folder cannot be read: {exc.strerror}"))
        return
    for path in paths:
        rel = _rel(path, root)
        if is_editor_leftover(path.name):
            continue
        if path.is_symlink() and not path.exists():
            problems.append(Problem(rel, f"a link that leads nowhere (or to itself); expected {'an' if noun[0] in 'aeiou' else 'a'} {noun} file"))
            continue
        if path.is_dir():
            problems.append(Problem(rel, f"a folder inside data/{kind}/; expected only {noun} files (<id>.yml)"))
            continue
        refused = not_a_file(path)
        if refused is not None:
            problems.append(Problem(rel, refused))
            continue
        if path.suffix != ".yml":
            problems.append(Problem(rel, f"unexpected file; {noun} files end in .yml"))
            continue
        entity_id = path.stem
        if not ID_PATTERN.match(entity_id):
            problems.append(Problem(rel, f"file name must be the id in lowercase kebab-case (like 'k-means'); got '{entity_id}'",
                                    hint=f"rename it to '{_kebab(entity_id)}.yml'"))
            continue
        if broken is not None:
            broken.add((kind, entity_id))  # until it has loaded
        doc, found = read_yaml(path, rel)
        problems += found
        if found:
            continue
        if not isinstance(doc, dict):
            problems.append(Problem(rel, f"expected a mapping of fields at the top level; got {describe(doc)}"))
            continue
        if "id" in doc:
            problems.append(Problem(rel, "unknown key; the id is the file name, so the file holds no 'id' key",
                                    kind=label, entity_id=entity_id, path="id",
                                    hint=f"remove it, or rename the file to '{doc['id']}.yml'" if doc["id"] != entity_id else "remove it"))
            doc = {k: v for k, v in doc.items() if k != "id"}
        yield rel, entity_id, doc


def load_folder(data_dir: Path, root: Path, kind: str, model: type[BaseModel], label: str):
    """Every <id>.yml of data/<kind>/ validated with `model`: (by id, file of each, problems).
    A missing folder means none. Choosers and practice topics load this way."""
    folder = data_dir / kind
    loaded: dict[str, Any] = {}
    files: dict[str, str] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return loaded, files, problems
    for rel, item_id, doc in entity_files(folder, root, kind, label, problems, noun=label):
        try:
            loaded[item_id] = model.model_validate(doc)
        except ValidationError as exc:
            problems += problems_from_validation(exc, model, rel, label, item_id)
            continue
        files[item_id] = rel
    return loaded, files, problems


def load_entities(data_dir: Path, root: Path):
    """Every entity file.

    Returns (entities by kind and id, file of each entity, ids of files that failed to
    load, problems). References to a file that failed are not reported again as dangling.
    """
    entities: dict[str, dict[str, Entity]] = {kind: {} for kind in ENTITY_MODELS}
    files: dict[tuple[str, str], str] = {}
    broken: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for kind, model in ENTITY_MODELS.items():
        folder = data_dir / kind
        if not folder.is_dir():
            continue
        for rel, entity_id, doc in entity_files(folder, root, kind, model.label, problems, broken):
            try:
                entity = model.model_validate(doc)
            except ValidationError as exc:
                problems += problems_from_validation(exc, model, rel, model.label, entity_id)
                continue
            entities[kind][entity_id] = entity
            files[(kind, entity_id)] = rel
            broken.discard((kind, entity_id))
    return entities, files, broken, problems


def load_vocabularies(data_dir: Path, root: Path) -> tuple[dict[str, dict[str, Term]], list[Problem]]:
    vocab: dict[str, dict[str, Term]] = {}
    problems: list[Problem] = []
    folder = data_dir / "vocab"
    try:
        present = {p.stem: p for p in folder.glob("*.yml") if not is_editor_leftover(p.name)} if folder.is_dir() else {}
    except OSError as exc:
        return {name: {} for name in VOCABULARIES}, [Problem(_rel(folder, root), f"folder cannot be read: {exc.strerror}")]
    for name in sorted(set(present) - set(VOCABULARIES)):
        problems.append(
            Problem(_rel(present[name], root), f"unknown vocabulary '{name}'; expected one of: {', '.join(VOCABULARIES)}",
                    hint=did_you_mean(name, VOCABULARIES))
        )
    for name in VOCABULARIES:
        vocab[name] = {}
        path = folder / f"{name}.yml"
        rel = _rel(path, root)
        if name not in present:
            problems.append(Problem(rel, "vocabulary file is missing"))
            continue
        doc, found = read_yaml(path, rel)
        problems += found
        if found:
            continue
        if not isinstance(doc, dict):
            problems.append(Problem(rel, f"expected a mapping of term id -> term; got {describe(doc)}"))
            continue
        for term_id, body in doc.items():
            try:
                vocab[name][term_id] = Term.model_validate(body)
            except ValidationError as exc:
                for p in problems_from_validation(exc, Term, rel, "term", term_id):
                    problems.append(p)
    return vocab, problems


def load_glossary(data_dir: Path, root: Path) -> tuple[dict[str, GlossaryEntry], list[Problem]]:
    """data/glossary.yml: abbreviation as written -> expansion, definition, optional link."""
    path = data_dir / "glossary.yml"
    rel = _rel(path, root)
    if not path.exists():
        return {}, []
    doc, problems = read_yaml(path, rel)
    if problems:
        return {}, problems
    if not isinstance(doc, dict):
        return {}, [Problem(rel, f"expected a mapping of abbreviation -> entry; got {describe(doc)}")]
    glossary: dict[str, GlossaryEntry] = {}
    for abbr, body in doc.items():
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9&/.+\-]*", abbr):
            problems.append(Problem(rel, "expected an abbreviation of letters, digits and - / . + &", kind="term", entity_id=abbr))
            continue
        refused = glossary_term_problem(abbr)
        if refused is not None:
            problems.append(Problem(rel, refused, kind="term", entity_id=abbr,
                                    hint="glossary entries are abbreviations (AUC, RMSE, k-NN); put definitions of words on concept pages"))
            continue
        try:
            glossary[abbr] = GlossaryEntry.model_validate(body)
        except ValidationError as exc:
            problems += problems_from_validation(exc, GlossaryEntry, rel, "term", abbr)
    return glossary, problems


def _rel(path: Path, root: Path) -> str:
    """The path as problem lines show it: relative to the project, never resolving links
    (a link loop must not stop the check)."""
    import os

    try:
        return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
    except ValueError:
        return path.as_posix()


def _kebab(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name).lower()
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "name"
