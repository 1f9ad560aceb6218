"""Every capability page of Amazon Bedrock and SageMaker AI, and every service the current
exam guides name, is found by search under its current name, each old name and each
acronym or other name the data gives it (the page in the top three), through the site's
own search worker."""

from __future__ import annotations

from conftest import real_data
from searchbench import worker_rankings

CATALOG, _ = real_data()
NAMED_BY_THE_GUIDES = [
    "secrets-manager", "macie", "snow-family", "cost-explorer", "budgets", "savings-plans",
    "billing-and-cost-management", "comprehend-medical", "transcribe-medical", "fraud-detector",
    "glue-data-quality", "sagemaker-hyperpod", "sagemaker-endpoint-autoscaling", "sagemaker-containers",
    "sagemaker-unified-studio", "iam", "vpc", "privatelink", "cloudformation", "config",
]


def _names():
    ids = [i for i, e in CATALOG.entities["services"].items() if e.part_of in ("bedrock", "sagemaker-ai")]
    ids += [i for i in NAMED_BY_THE_GUIDES if i not in ids]
    out = []
    for service_id in ids:
        e = CATALOG.get("services", service_id)
        for kind, name in [("name", e.name), *(("alias", a) for a in e.aliases), *(("old name", f.name) for f in e.former_names)]:
            if len(name) >= 3:
                out.append((service_id, kind, name))
    return out


NAMES = _names()


def test_capabilities_and_guide_services_are_found_by_every_name(browser, real_url):
    page = browser.new_page()
    try:
        ranked = worker_rankings(page, real_url, [name for _, _, name in NAMES], limit=3)
    finally:
        page.close()
    missed = [f"{kind} {name!r} -> expected services/{sid}/, got {top}"
              for (sid, kind, name), top in zip(NAMES, ranked) if f"services/{sid}/" not in top]
    print(f"\n{len(NAMES) - len(missed)} of {len(NAMES)} names, old names and acronyms find their page in the top 3")
    assert not missed, "\n".join(missed)
