"""Documented facts about the SageMaker AI platform, generative AI and the services around
them, asserted on the rendered pages a reader opens.

Each file in tests/facts/ lists facts read off AWS's pages (numbers with their context,
API and parameter names, enumeration members), the page they must appear on, and the AWS
page that states them. The writers of the data checked each against that page; a change
of data that drops or alters one fails here.
"""

from __future__ import annotations

import yaml
from conftest import TESTS, real_data

from macros.data.fields import _check_aws_url

FACTS_DIR = TESTS / "facts"
FACTS = [dict(f, file=p.name) for p in sorted(FACTS_DIR.glob("*.yml")) for f in yaml.load(p.read_text(), Loader=yaml.CSafeLoader)]
CATALOG, _ = real_data()


def test_fact_lists_are_well_formed_and_cite_aws():
    assert FACTS, "no fact lists in tests/facts/"
    for f in FACTS:
        assert set(f) >= {"page", "fact", "source"}, f
        kind, _, entity_id = f["page"].partition("/")
        assert entity_id in CATALOG.entities.get(kind, {}), f"{f['file']}: no page {f['page']}"
        _check_aws_url(f["source"])


def test_at_least_150_facts_about_sagemaker_ai_capabilities():
    platform = [f for f in FACTS if f["page"].startswith("services/")
                and getattr(CATALOG.get("services", f["page"].split("/")[1]), "part_of", None) == "sagemaker-ai"]
    assert len(platform) >= 150, len(platform)
    covered = {f["page"] for f in platform}
    capabilities = {f"services/{i}" for i, e in CATALOG.entities["services"].items() if e.part_of == "sagemaker-ai"}
    assert capabilities - covered == set(), "capabilities with no fact checked"
