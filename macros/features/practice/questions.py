"""All practice questions from the catalog (pure), in two styles:

- exam: situations composed from facts through the choosers (compose.py), authored items
  for what facts cannot compose (authored.py, data/practice/), and needs and not-for
  entries from the pages (scenarios.py). Four options of one family, a reason per option.
- recall: bare facts for flashcards and Anki (recall.py).

A question's id is a hash of what defines it, never of its position, so progress saved in
a browser follows a question across regenerations until that data changes. Every exam-style
question passes the giveaway checks of checks.py.
"""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.features.practice.authored import authored_questions
from macros.features.practice.base import Question, Reason
from macros.features.practice.compose import composed_questions
from macros.features.practice.recall import recall_questions
from macros.features.practice.scenarios import not_for_questions, task_questions

__all__ = ["TOPICS", "Question", "Reason", "all_questions", "exam_counts", "scenario_counts", "simulated"]

TOPICS = {
    "services": "Services",
    "algorithms": "Built-in algorithms",
    "concepts": "Concepts",
    "mlops": "MLOps and deployment",
    "security": "Security and governance",
    "cost": "Cost and operations",
    "generative-ai": "Generative AI applications",
    "data-engineering": "Data engineering",
    "hyperparameters": "Hyperparameters",
    "metrics": "Tuning metrics",
    "limits": "Limits and numbers",
}

SCENARIO_TYPES = ("composed", "authored", "task", "not-for")


def all_questions(catalog: Catalog) -> list[Question]:
    questions = (authored_questions(catalog) + composed_questions(catalog) + task_questions(catalog)
                 + not_for_questions(catalog) + recall_questions(catalog))
    seen: dict[str, Question] = {}
    prompts: set[str] = set()
    for q in questions:
        # Two data items that say the same thing in the same place give one question.
        if q.id in seen or (q.style == "exam" and q.prompt in prompts):
            continue
        seen[q.id] = q
        if q.style == "exam":
            prompts.add(q.prompt)
    return list(seen.values())


def simulated(exam) -> bool:
    """Retired exams keep their tags for history but leave the simulation."""
    return exam.status != "retired"


def exam_counts(catalog: Catalog, questions: list[Question]) -> dict[str, int]:
    """'<exam>/<n>' -> exam-style questions filed under that domain (every domain of every
    exam, zero included)."""
    counts = {f"{exam_id}/{d.number}": 0 for exam_id, exam in catalog.of_kind("exams") for d in exam.domains}
    for q in questions:
        if q.style == "exam":
            for d in q.domains:
                counts[d] += 1
    return counts


scenario_counts = exam_counts
