"""Practice questions (macros/practice), judged from the data on their own: every generated
question has exactly one right option by the catalog (re-evaluated here without the
generator's code), ids are stable and do not depend on list position, every MLA-C01 and
AIF-C01 domain has at least 30 scenario questions (the counts are printed), the bank
script round-trips and cannot break out of its script, and the .apkg decks open as
SQLite collections holding the expected notes with guids from the question ids."""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
import zipfile

import pytest

from conftest import ROOT
from macros.loading import load_catalog
from macros.practice.anki import anki_files, deck_files
from macros.practice.bank import BANK_PATH, bank_data, bank_script, question_record, read_bank
from macros.practice.questions import SCENARIO_TYPES, all_questions, scenario_counts

CATALOG, _ = load_catalog(ROOT / "data", ROOT)
QUESTIONS = all_questions(CATALOG)


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return f"{v:,}" if isinstance(v, int) else str(v)


def _fits(algo, constraint) -> bool:
    """The algorithm meets one constraint, read straight from its data."""
    what, value = constraint
    if what == "problem_types":
        return value in algo.problem_types
    if what == "train_content_types":
        return any(value in ch.content_types for ch in algo.training.channels)
    if what == "request_content_types":
        return value in algo.inference.request_content_types
    if what == "pipe":
        return "pipe" in algo.training.input_modes
    return getattr(algo.training.instances, what) is True


def right_options(q) -> list[int]:
    """Which options are right according to the data (independent of the generator)."""
    entity = CATALOG.get(q.kind, q.entity_id)
    bare = [o.strip("`") for o in q.options]
    if q.type == "task":
        task = _key(q.basis["task"])
        return [i for i, (kind, eid) in enumerate(q.refs) if task in {_key(t) for t in CATALOG.get(kind, eid).tasks}]
    if q.type == "not-for":
        item = next(n for n in entity.not_for if n.text == q.basis["not_for"])
        named = {("algorithms", a) for a in item.algorithms} | {("services", s) for s in item.services}
        return [i for i, ref in enumerate(q.refs) if tuple(ref) in named]
    if q.type == "algo-fit":
        constraints = q.basis["constraints"]
        return [i for i, (kind, eid) in enumerate(q.refs) if all(_fits(CATALOG.get(kind, eid), c) for c in constraints)]
    if q.type == "content-type":
        accepted = {ct for ch in entity.training.channels for ct in ch.content_types}
        return [i for i, o in enumerate(bare) if o in accepted]
    if q.type == "required-hp":
        hps = {h.name: h for h in entity.hyperparameters}
        assert all(o in hps for o in bare), q
        return [i for i, o in enumerate(bare) if hps[o].required]
    if q.type == "metric-direction":
        metric = next(m for m in entity.tuning.metrics if m.name == q.basis["metric"])
        return [i for i, o in enumerate(bare) if o.lower() == metric.direction]
    if q.type == "default":
        hp = next(h for h in entity.hyperparameters if h.name == q.basis["hyperparameter"])
        return [i for i, o in enumerate(bare) if o == _value(hp.default)]
    if q.type == "limit":
        limit = next(x for x in entity.limits if x.name == q.basis["limit"])
        return [i for i, o in enumerate(bare) if o == _value(limit.value)]
    raise AssertionError(f"unknown question type {q.type}")


def test_every_question_has_exactly_one_right_option_by_the_data():
    assert len(QUESTIONS) > 1000
    wrong = []
    for q in QUESTIONS:
        expected = 2 if q.type == "metric-direction" else (3, 4)
        assert (len(q.options) == expected) if isinstance(expected, int) else (len(q.options) in expected), q
        assert len(set(q.options)) == len(q.options), q
        right = right_options(q)
        if right != [q.answer]:
            wrong.append((q.id, q.type, q.prompt, q.options, right, q.answer))
    assert wrong == [], wrong[:5]


def test_distractors_of_scenarios_are_from_the_same_category():
    for q in QUESTIONS:
        if q.type in ("task", "algo-fit"):
            assert {ref[0] for ref in q.refs} == {q.kind}, q
        if q.type == "algo-fit":
            problem = q.basis["constraints"][0][1]
            # Distractors either lack the problem type or fail the added constraint.
            for i, (kind, eid) in enumerate(q.refs):
                algo = CATALOG.get(kind, eid)
                if i != q.answer and problem in algo.problem_types:
                    assert len(q.basis["constraints"]) > 1


def test_scenario_questions_per_exam_domain_at_least_30_for_mla_and_aif(capsys):
    counts = scenario_counts(CATALOG, QUESTIONS)
    with capsys.disabled():
        print("\nscenario questions per exam domain:")
        for domain, n in counts.items():
            print(f"  {domain:<10} {n:>5}")
    for exam in ("mla-c01", "aif-c01"):
        short = {d: n for d, n in counts.items() if d.startswith(exam + "/") and n < 30}
        assert short == {}, short
    assert sum(1 for q in QUESTIONS if q.type in SCENARIO_TYPES) > 500


def test_no_scenario_question_names_its_answer():
    for q in QUESTIONS:
        if q.type not in ("task", "not-for"):
            continue
        answer = CATALOG.get(*q.refs[q.answer])
        prompt = _key(q.prompt[q.prompt.index("“") + 1 : q.prompt.rindex("”")])  # the need, from the data
        for name in (answer.name, *answer.aliases):
            if len(_key(name)) >= 4:
                assert _key(name) not in prompt, (q.id, name, q.prompt)


def test_every_question_explains_itself_and_names_its_page_source_and_file():
    for q in QUESTIONS:
        assert len(q.explanation) > 20 and q.source_url.startswith("https://"), q
        assert (ROOT / q.data_file).is_file(), q
        assert q.domains == tuple(sorted(q.domains))


def test_defaults_are_asked_only_for_exam_relevant_hyperparameters():
    asked = [q for q in QUESTIONS if q.type == "default"]
    assert len(asked) > 50
    for q in asked:
        hp = next(h for h in CATALOG.get("algorithms", q.entity_id).hyperparameters if h.name == q.basis["hyperparameter"])
        assert hp.required or hp.exam_relevant
    every_default = sum(1 for _, a in CATALOG.of_kind("algorithms") for h in a.hyperparameters if h.default is not None)
    assert len(asked) < every_default / 3  # the rarely asked ones stay out of practice


def test_ids_are_unique_and_stable_across_regeneration_and_removals(tmp_path):
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"q-[0-9a-f]{10}", i) for i in ids)
    assert [q.id for q in all_questions(CATALOG)] == ids
    # Editing the data elsewhere (a task removed, a task added in front, a hyperparameter
    # moved) keeps the id of every question that does not rest on the edited item.
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    xgb = data / "algorithms" / "xgboost.yml"
    first_task = CATALOG.get("algorithms", "xgboost").tasks[0]
    xgb.write_text(xgb.read_text().replace(f"  - {first_task}\n", "", 1))
    svc = data / "services" / "sagemaker-serverless-inference.yml"
    svc.write_text(svc.read_text().replace("tasks:\n", "tasks:\n  - a brand new need that shifts every later task\n", 1))
    edited, problems = load_catalog(data, tmp_path)
    assert problems == []
    after = {q.id: q for q in all_questions(edited)}
    gone = [q for q in QUESTIONS if q.id not in after]
    assert [(q.type, q.entity_id, q.basis) for q in gone] == [("task", "xgboost", {"task": first_task})]
    for q in QUESTIONS:
        if q.id in after:
            assert (after[q.id].type, after[q.id].entity_id, after[q.id].basis) == (q.type, q.entity_id, q.basis)
    assert any(q.basis.get("task") == "a brand new need that shifts every later task" for q in after.values())


def test_bank_script_round_trips_and_cannot_close_its_script():
    data = bank_data(CATALOG, QUESTIONS, directory_urls=True)
    script = bank_script(data)
    assert "</" not in script and "\u2028" not in script
    back = read_bank(script)
    assert back == data
    assert len(back["questions"]) == len(QUESTIONS)
    mla = next(e for e in back["exams"] if e["id"] == "mla-c01")
    assert mla["format"]["questions"] == 65 and mla["format"]["minutes"] == 130
    assert sum(d["weight"] for d in mla["domains"]) == 100
    offline = bank_data(CATALOG, QUESTIONS[:5], directory_urls=False)
    assert all(".html" in q["url"] for q in offline["questions"])


def _collection(apkg: bytes) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(apkg)) as z:
        assert "collection.anki2" in z.namelist()
        data = z.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    return conn


def test_anki_decks_open_as_collections_with_the_expected_notes_and_stable_guids():
    import genanki

    urls = {q.id: question_record(q, True)["url"] for q in QUESTIONS}
    files = anki_files(CATALOG, QUESTIONS, urls, "https://example.org/atlas/")
    decks = deck_files(CATALOG, QUESTIONS)
    assert set(files) == set(decks) and "downloads/anki/atlas-mla-c01.apkg" in files
    for path in ("downloads/anki/atlas-mla-c01.apkg", "downloads/anki/atlas-metrics.apkg"):
        name, chosen = decks[path]
        conn = _collection(files[path])
        notes = dict(conn.execute("select guid, flds from notes").fetchall())
        assert set(notes) == {genanki.guid_for(q.id) for q in chosen}
        q = chosen[0]
        fields = notes[genanki.guid_for(q.id)].split("\x1f")
        assert fields[5] == q.id and "https://example.org/atlas/" in fields[4]
        assert "<" not in re.sub(r"</?(code|li|b|a)\b[^>]*>", "", fields[0] + fields[1])  # text is escaped
        decks_json = conn.execute("select decks from col").fetchone()[0]
        assert name in decks_json
        assert conn.execute("select count(*) from cards").fetchone()[0] == len(chosen)
    again = anki_files(CATALOG, QUESTIONS, urls, "https://example.org/atlas/")
    assert again == files  # the same data gives the same bytes


@pytest.mark.build
def test_every_question_link_leads_to_an_existing_page_and_anchor(real_site):
    bank = read_bank((real_site / BANK_PATH).read_text(encoding="utf-8"))
    ids_by_page: dict[str, set[str]] = {}
    for q in bank["questions"]:
        page, _, anchor = q["url"].partition("#")
        if page not in ids_by_page:
            html_text = (real_site / page / "index.html").read_text(encoding="utf-8")
            ids_by_page[page] = set(re.findall(r'\sid="([^"]+)"', html_text))
        if anchor:
            assert anchor in ids_by_page[page], (q["id"], q["url"])
    practice = (real_site / "practice" / "index.html").read_text(encoding="utf-8")
    assert 'data-atlas-practice="practice"' in practice and "/issues/new" in practice
    for path in ("downloads/anki/atlas-aif-c01.apkg", "downloads/atlas-flashcards.csv"):
        assert (real_site / path).is_file()
