"""Concepts, glossary, exams and self-test: formulas render, concept pages link both
ways, abbreviations carry tooltips site-wide, exam pages list entities by domain, entity
pages show exam badges, self-test cards and the flashcard CSV come from the data."""

from __future__ import annotations

import csv
import io

from conftest import real_data, soup_of

from macros.features.selftest.cards import all_cards

CATALOG, _ = real_data()


def soup(site, rel):
    return soup_of(site / rel / "index.html")


def test_concepts_link_to_algorithms_and_back(real_site):
    linked = 0
    for concept_id, concept in CATALOG.entities["concepts"].items():
        for algo_id in concept.related.algorithms:
            algo_page = (real_site / "algorithms" / algo_id / "index.html").read_text()
            assert f"../../concepts/{concept_id}/" in algo_page, (concept_id, algo_id)
            linked += 1
    assert linked >= 20


def test_every_concept_named_by_the_issue_has_a_page_or_glossary_entry(real_site):
    topics = ["Parquet", "ORC", "Avro", "RecordIO", "MICE", "SMOTE", "TF-IDF", "LSTM", "GRU", "ROC", "AUC", "MDP",
              "FPGA", "ASIC", "HDFS", "YARN", "Spark", "Hadoop", "Q-learning", "dropout", "specificity", "F1"]
    import json

    from conftest import search_index

    index = json.dumps(search_index(real_site), ensure_ascii=False).lower()
    for topic in topics:
        assert topic.lower() in index, topic
    for concept_id in CATALOG.entities["concepts"]:
        assert (real_site / "concepts" / concept_id / "index.html").is_file()


def test_a_formula_katex_cannot_draw_is_one_problem_line(tmp_path):
    import yaml
    from conftest import make_data

    from macros.adapter.build import generate

    data = make_data(tmp_path)
    path = data / "concepts" / "idea.yml"
    concept = yaml.safe_load(path.read_text())
    concept["formulas"].append({"name": "Broken", "latex": "\\frac{1}{"})
    path.write_text(yaml.safe_dump(concept, sort_keys=False))
    result = generate(tmp_path / "out", data)
    lines = [str(p) for p in result.problems]
    assert len(lines) == 1, lines
    assert "concepts/idea.yml" in lines[0] and "formulas[1].latex" in lines[0] and "KaTeX" in lines[0], lines
    assert not (tmp_path / "out" / "docs").exists()


def test_abbreviations_have_tooltips_on_every_kind_of_page(real_site):
    for rel in ["algorithms/random-cut-forest", "services/s3", "concepts/imbalanced-data", "compare/algorithms", "pipelines/batch-layer"]:
        abbrs = soup(real_site, rel).select("article abbr[title]")
        assert abbrs, rel
        for abbr in abbrs:
            entry = CATALOG.glossary.get(abbr.get_text())
            assert entry is not None and abbr["title"] == " ".join(entry.expansion.split())


def test_glossary_page_lists_every_entry(real_site):
    rows = soup(real_site, "glossary").select("article table tbody tr")
    assert len(rows) == len(CATALOG.glossary) >= 50


def test_exam_pages_list_entities_by_domain_and_pages_show_badges(real_site):
    for exam_id, exam in CATALOG.entities["exams"].items():
        page = soup(real_site, f"exams/{exam_id}")
        for domain in exam.domains:
            heading = page.find(id=f"domain-{domain.number}")
            assert heading is not None and f"{domain.weight}%" in heading.get_text()
            members = CATALOG.domain_members.get(f"{exam_id}/{domain.number}", [])
            section = []
            for sib in heading.find_next_siblings():
                if sib.name == "h2":
                    break
                section.append(str(sib))
            html = "".join(section)
            for kind, entity_id in members:
                assert f"{kind}/{entity_id}/" in html, (exam_id, domain.number, entity_id)
    xgb = soup(real_site, "algorithms/xgboost")
    badges = [a.get_text() for a in xgb.select("a.atlas-badge")]
    assert any(b.startswith("MLA-C01") for b in badges)


def test_self_test_pages_and_flashcards_come_from_the_data(real_site):
    cards = all_cards(CATALOG)
    assert len(cards) > 500
    rows = list(csv.reader(io.StringIO((real_site / "downloads" / "atlas-flashcards.csv").read_text())))
    assert rows[0] == ["front", "back", "tags"] and len(rows) - 1 == len(cards)
    eta = [r for r in rows if r[0] == "Default of eta in XGBoost?"]
    assert eta and eta[0][1].startswith("0.3")
    index = soup(real_site, "self-test")
    assert len(index.select("article table tbody tr")) >= 5
    hyper = soup(real_site, "self-test/hyperparameters").select("details.question")
    assert len(hyper) == sum(1 for c in cards if c.topic == "hyperparameters")
    assert all(not d.has_attr("open") for d in hyper)
