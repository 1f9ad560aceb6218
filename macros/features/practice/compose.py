"""Situations composed from facts, through the choosers' own machinery (pure).

A chooser (data/choosers/*.yml, macros/features/choosers) already maps each answer of a reader to a
constraint on candidates of one family, and judges every candidate from the data
(`choosers.evaluate.fact_table`). A composed question is a set of two or three of those
answers such that:

- exactly one candidate meets them all (the key, by `choosers.evaluate.evaluate`);
- each distractor meets at least one of them (it is plausible; the ones that fail fewest
  come first), and fails at least one (the reason names it); for algorithms at most
  one distractor fails on the problem type (the key is never the only option that does
  the job asked);
- a qualifier (MOST cost-effectively, LEAST operational overhead) is added only with the
  answer whose fact decides it (an endpoint that costs nothing while idle, delivery
  without consumer code).

The situation is written from the answers (SITUATIONS below, one sentence per answer,
never a page's free text), and every option's reason is the fact the chooser read, with
its page section and AWS source.
"""

from __future__ import annotations

import itertools

from macros.data.catalog import Catalog
from macros.data.facts import find_limit
from macros.data.units import quantity
from macros.features.choosers.evaluate import evaluate, fact_table
from macros.features.practice.base import Question, Reason, arrange, domains_of, pick, qid, rank, source_of
from macros.features.practice.checks import echoes_key, unique_best_match
from macros.site.routes import section

TRAIN_CHANNELS = ("train", "training")
"""The channels that carry the training data itself (not vocabularies, annotations, models)."""

OPENERS = {
    "inference-option": ["A company has trained a model with SageMaker AI and must now serve its predictions.",
                         "An ML engineer is choosing how to host a model that was trained in SageMaker AI."],
    "built-in-algorithm": ["A data science team wants to use a SageMaker AI built-in algorithm.",
                           "An ML engineer is choosing a SageMaker AI built-in algorithm for a new project."],
    "data-store": ["An ML team is choosing where to keep the data for a new workload on AWS.",
                   "A company is designing the storage layer of a new ML application on AWS."],
    "stream-service": ["A company is building a pipeline for data that arrives continuously.",
                       "A data engineer is designing the ingestion layer of a new analytics platform."],
}

ASKS = {
    "inference-option": "Which SageMaker AI inference option meets these requirements",
    "built-in-algorithm": "Which SageMaker AI built-in algorithm meets these requirements",
    "data-store": "Which AWS data store meets these requirements",
    "stream-service": "Which AWS service meets these requirements",
}

SITUATIONS: dict[tuple[str, str, str], str] = {
    # inference-option
    ("inference-option", "waiting", "caller"): "A web application shows each prediction to a user who waits for it.",
    ("inference-option", "waiting", "later"): "Requests arrive throughout the day; any that cannot be served at once must wait their turn rather than be turned away, and the application collects each result later instead of waiting for it.",
    ("inference-option", "waiting", "nobody"): "Once a night, a complete dataset that is already in Amazon S3 must be scored; no client waits for individual predictions.",
    ("inference-option", "payload", "mb4"): "A single request can be as large as 4 MB.",
    ("inference-option", "payload", "mb6"): "A single request can be as large as 6 MB.",
    ("inference-option", "payload", "mb100"): "Some requests carry input files of up to 100 MB.",
    ("inference-option", "payload", "gb1"): "Some requests carry input files of up to 1 GB.",
    ("inference-option", "time", "minute"): "The model can take up to 60 seconds to process one request.",
    ("inference-option", "time", "minutes15"): "Processing one request can take up to 15 minutes.",
    ("inference-option", "time", "hour"): "Processing one request can take up to an hour.",
    ("inference-option", "traffic", "idle"): "Traffic comes in bursts with long idle periods in between.",
    ("inference-option", "gpu", "gpu"): "The model needs a GPU to run.",
    # data-store
    ("data-store", "access", "files"): "Training jobs and query engines read the data as whole files, in bulk.",
    ("data-store", "access", "analytics"): "Analysts run SQL queries that scan, join and aggregate several years of history.",
    ("data-store", "access", "transactions"): "An application makes many small reads and writes of rows, inside transactions.",
    ("data-store", "access", "key"): "The application fetches one item at a time by its identifier.",
    ("data-store", "access", "search"): "Users search the records by free-text keywords and explore application logs.",
    ("data-store", "latency", "memory"): "Each read must return in well under a millisecond.",
    # stream-service
    ("stream-service", "payload", "records"): "Thousands of devices send small event records every second.",
    ("stream-service", "payload", "media"): "Cameras on a factory floor send live video.",
    ("stream-service", "job", "land"): "The data only has to arrive in Amazon S3 for later analysis; nobody wants to write or run consumer code.",
    ("stream-service", "job", "consume"): "Several applications read the same records independently, and sometimes re-read the last day of them.",
    ("stream-service", "job", "compute"): "Aggregates over one-minute windows must be computed while the data is in flight, and alerts raised from them.",
    ("stream-service", "kafka", "kafka"): "The existing producers and consumers use the Apache Kafka API and must not be rewritten.",
    # built-in-algorithm
    ("built-in-algorithm", "problem", "binary"): "The model must predict, for each customer, whether the customer will cancel a subscription.",
    ("built-in-algorithm", "problem", "multiclass"): "Each record must be assigned to one of twelve categories.",
    ("built-in-algorithm", "problem", "regression"): "The model must predict the sale price of each house.",
    ("built-in-algorithm", "problem", "forecast"): "The company must predict next month's daily demand for several thousand products from years of sales history.",
    ("built-in-algorithm", "problem", "clustering"): "The team wants to group customers into segments by behaviour, with no segments defined in advance.",
    ("built-in-algorithm", "problem", "anomaly"): "The team wants to flag unusual readings among millions of sensor measurements.",
    ("built-in-algorithm", "problem", "reduce"): "The dataset has hundreds of correlated numeric columns that must be compressed into far fewer features before further modelling.",
    ("built-in-algorithm", "problem", "recommend"): "The company wants to predict which items each user is likely to click, from a large and sparse log of user-item interactions.",
    ("built-in-algorithm", "problem", "neighbours"): "Given one record, the application must return the records in the dataset that are most alike.",
    ("built-in-algorithm", "problem", "ranking"): "Search results must be ordered by relevance for each query.",
    ("built-in-algorithm", "problem", "embeddings"): "The team needs dense vector representations learned from a large corpus.",
    ("built-in-algorithm", "problem", "topics"): "The company wants to discover the main themes running through a large collection of unlabelled documents.",
    ("built-in-algorithm", "problem", "text-class"): "Each customer review must be labelled with a sentiment category.",
    ("built-in-algorithm", "problem", "translate"): "Product descriptions must be turned from English into German.",
    ("built-in-algorithm", "problem", "image-class"): "Each product photo must be assigned to one of 50 categories.",
    ("built-in-algorithm", "problem", "detect"): "The model must find every vehicle in a traffic-camera photo and draw a box around each one.",
    ("built-in-algorithm", "problem", "segment"): "Every pixel of each satellite photo must be labelled as road, building, water or vegetation.",
    ("built-in-algorithm", "problem", "ip-usage"): "The security team wants to learn which accounts normally sign in from which IPv4 addresses.",
    ("built-in-algorithm", "labels", "labelled"): "Every training record carries the known outcome.",
    ("built-in-algorithm", "labels", "unlabelled"): "The training records carry no labels.",
    ("built-in-algorithm", "data", "tabular"): "The data is rows of numeric and categorical columns.",
    ("built-in-algorithm", "data", "text"): "The data is raw text.",
    ("built-in-algorithm", "data", "image"): "The data is a set of images.",
    ("built-in-algorithm", "data", "time-series"): "The data is values recorded over time.",
    ("built-in-algorithm", "format", "csv"): "The training data is stored in Amazon S3 as CSV files.",
    ("built-in-algorithm", "format", "protobuf"): "The training data has already been converted to RecordIO-protobuf.",
    ("built-in-algorithm", "format", "parquet"): "The training data is stored in Amazon S3 as Parquet files.",
    ("built-in-algorithm", "format", "jsonlines"): "The training data is stored in Amazon S3 as JSON Lines files.",
    ("built-in-algorithm", "format", "libsvm"): "The training data is stored in LibSVM format.",
    ("built-in-algorithm", "format", "plain-text"): "The training data is plain-text files.",
    ("built-in-algorithm", "format", "jpeg"): "The training data is a folder of JPEG files.",
    ("built-in-algorithm", "hardware", "cpu"): "Company policy allows training only on CPU instances.",
    ("built-in-algorithm", "hardware", "gpu"): "The team has reserved GPU instances for training and wants to use them.",
    ("built-in-algorithm", "hardware", "several"): "The data is too large for one machine, so training must be spread across several instances.",
}

FLAVOURED = {
    ("binary", "image"): "Each photo of a part must be classified as defective or not defective.",
    ("binary", "text"): "Each incoming email must be classified as spam or not spam.",
    ("multiclass", "image"): "Each product photo must be assigned to one of twelve categories.",
    ("multiclass", "text"): "Each support ticket must be routed to one of twelve teams from its wording.",
    ("multiclass", "tabular"): "Each insurance claim must be assigned to one of twelve claim types from its fields.",
}
"""Problem sentences that agree with the kind of data the other answers name."""


def _flavour(answers: dict) -> str:
    if answers.get("format") == "jpeg" or answers.get("data") == "image":
        return "image"
    if answers.get("format") == "plain-text" or answers.get("data") == "text":
        return "text"
    return "tabular"


def _sentence(chooser_id: str, question_id: str, answers: dict) -> str:
    if chooser_id == "inference-option" and answers.get("waiting") == "nobody":
        nightly = NIGHTLY.get((question_id, answers[question_id]))
        if nightly:
            return nightly
    if chooser_id == "built-in-algorithm" and question_id == "problem":
        flavoured = FLAVOURED.get((answers["problem"], _flavour(answers)))
        if flavoured:
            return flavoured
    return SITUATIONS[(chooser_id, question_id, answers[question_id])]


QUALIFIERS = {
    ("inference-option", "traffic", "idle"): " MOST cost-effectively",
    ("stream-service", "job", "land"): " with the LEAST operational overhead",
}

ANCHORS = {
    "problem_types": None, "learning_types": None, "modalities": None,
    "training_content_types": section("training-data"), "input_modes": section("training-data"),
    "training_cpu": "instances", "training_gpu": "instances", "multi_instance": "instances",
    "inference_cpu": "inference", "inference_gpu": "inference",
}

PER_KEY = 8
"""At most this many composed questions with the same key per chooser (the most varied)."""


def _anchor(attribute: str) -> str | None:
    if attribute.startswith("trait:"):
        return section("traits")
    if attribute.startswith("measure:"):
        return section("limits")
    return ANCHORS.get(attribute)


def _coherent(chooser_id: str, answers: dict) -> bool:
    """Answers that make one believable situation: a nightly job over a whole dataset has no
    bursts of traffic."""
    if chooser_id == "inference-option" and answers.get("waiting") == "nobody" and "traffic" in answers:
        return False
    return True


def _fair_distractor(catalog: Catalog, chooser_id: str, answers: dict, cid: str, failed: list[str]) -> bool:
    """A distractor ruled out only by a distinction a reader would not grant: a multiclass
    classifier is a defensible answer to a two-class problem."""
    if chooser_id == "built-in-algorithm" and failed == ["problem"] and answers["problem"] == "binary":
        return "multiclass-classification" not in catalog.get("algorithms", cid).problem_types
    return True


NIGHTLY = {
    ("payload", "mb4"): "Single records in the dataset can be as large as 4 MB.",
    ("payload", "mb6"): "Single records in the dataset can be as large as 6 MB.",
    ("payload", "mb100"): "Single records in the dataset can be as large as 100 MB.",
    ("payload", "gb1"): "Single records in the dataset can be as large as 1 GB.",
    ("time", "minute"): "Scoring one record can take up to 60 seconds.",
    ("time", "minutes15"): "Scoring one record can take up to 15 minutes.",
    ("time", "hour"): "Scoring one record can take up to an hour.",
}
"""The inference sentences reworded for a nightly job over a dataset (records, not requests)."""


def _trains_on(algo, content_type: str) -> bool:
    return any(content_type in ch.content_types for ch in algo.training.channels if ch.name in TRAIN_CHANNELS)


def _honest(catalog: Catalog, chooser, table, answers, candidates) -> bool:
    """The chooser's content-type fact reads every channel; a format constraint is used only
    where that agrees with the training channel itself (an auxiliary vocabulary file is
    not a training format)."""
    for q in chooser.questions:
        if q.id not in answers:
            continue
        req = next(a for a in q.answers if a.id == answers[q.id]).require
        if req.attribute != "training_content_types":
            continue
        for cid in candidates:
            if table[cid][q.id][answers[q.id]].ok != _trains_on(catalog.get("algorithms", cid), req.has):
                return False
    return True


def compose_chooser(catalog: Catalog, chooser_id: str) -> list[Question]:
    chooser = catalog.choosers[chooser_id]
    table = fact_table(catalog, chooser)
    candidates = list(table)
    answers_by_q = {}
    for q in chooser.questions:
        usable = [a.id for a in q.answers if a.require is not None and (chooser_id, q.id, a.id) in SITUATIONS]
        if usable:
            answers_by_q[q.id] = usable
    found: dict[str, list[tuple]] = {}
    qids = list(answers_by_q)
    for size in ((1, 2, 3) if len(chooser.questions) < 4 else (2, 3)):
        for chosen_q in itertools.combinations(qids, size):
            if chooser_id == "built-in-algorithm" and ("problem" not in chosen_q or "labels" in chosen_q):
                continue  # labels follow from the problem; an algorithm's learning types are a union of its modes
            for combo in itertools.product(*(answers_by_q[q] for q in chosen_q)):
                answers = dict(zip(chosen_q, combo))
                if not _coherent(chooser_id, answers):
                    continue
                result = evaluate(chooser, table, answers)
                if len(result.picks) != 1:
                    continue
                key = result.picks[0].id
                if not _honest(catalog, chooser, table, answers, candidates):
                    continue
                near = []
                for cid in candidates:
                    if cid == key:
                        continue
                    failed = [q for q, a in answers.items() if not table[cid][q][a].ok]
                    if not _fair_distractor(catalog, chooser_id, answers, cid, failed):
                        continue
                    if len(failed) < len(answers) or len(answers) == 1:
                        near.append((cid, failed[0], len(failed)))
                found.setdefault(key, []).append((answers, near))
    questions = []
    for key, variants in found.items():
        made = []
        for answers, near in variants:
            q = _question(catalog, chooser_id, chooser, table, key, answers, near)
            if q is not None:
                made.append(q)
        questions += pick(f"{chooser_id}:{key}", made, key=lambda q: q.id, n=PER_KEY)
    return questions


def _question(catalog, chooser_id, chooser, table, key, answers, near) -> Question | None:
    kind = chooser.candidates
    seed = qid("compose", chooser_id, *sorted(f"{q}={a}" for q, a in answers.items()))
    pool = sorted(near, key=lambda n: (n[2], rank(seed, n[0])))
    if chooser_id == "built-in-algorithm":
        # Distractors that work on the same kind of data: otherwise a photo task offered one
        # image algorithm among tabular ones would be answered by the names alone.
        key_data = set(catalog.get("algorithms", key).modalities)
        pool = [n for n in pool if key_data & set(catalog.get("algorithms", n[0]).modalities)]
        on_problem = [n for n in pool if n[1] == "problem"]
        pool = [n for n in pool if n[1] != "problem"] + on_problem[:1]
        pool = sorted(pool, key=lambda n: (n[2], rank(seed, n[0])))
    if len(pool) < 3:
        return None
    wrong = [(n[0], n[1]) for n in pool[:3]]
    ids = [w[0] for w in wrong]
    options, answer_at = arrange(seed, [key], ids)
    order = [q.id for q in chooser.questions if q.id in answers]
    sentences = [_sentence(chooser_id, q, answers) for q in order]
    qualifier = "".join(QUALIFIERS.get((chooser_id, q, answers[q]), "") for q in order)
    openers = OPENERS[chooser_id]
    opener = openers[int(seed[2:], 16) % len(openers)]
    prompt = f"{opener} {' '.join(sentences)} {ASKS[chooser_id]}{qualifier}?"
    refs = [(kind, o) for o in options]
    if echoes_key(catalog, prompt, (kind, key), [r for r in refs if r[1] != key]):
        return None
    if unique_best_match(catalog, prompt, [catalog.get(*r).name for r in refs], refs, answer_at):
        return None  # a reader could match words instead of knowing the facts
    reasons = []
    failed_at = dict(wrong)
    for o in options:
        entity = catalog.get(kind, o)
        if o == key:
            facts = [table[o][q][answers[q]] for q in order]
            attrs = [_attribute(chooser, q, answers[q]) for q in order]
            text = "Fits every requirement: " + "; ".join(
                _fact_text(catalog, chooser, kind, o, q, answers[q], f) for q, f in zip(order, facts)) + "."
            src = next((f.source for f in facts if f.source), None) or entity.sources[0].url
            anchor = next((_anchor(a) for a in attrs if _anchor(a)), None)
        else:
            q = failed_at[o]
            f = table[o][q][answers[q]]
            text = f"Ruled out: {entity.name}. {_fact_text(catalog, chooser, kind, o, q, answers[q], f)}."
            src = f.source or entity.sources[0].url
            anchor = _anchor(_attribute(chooser, q, answers[q]))
        reasons.append(Reason(text=text, page=(kind, o), anchor=anchor, source=src))
    key_entity = catalog.get(kind, key)
    title, url = source_of(key_entity)
    ruled = "; ".join(f"{catalog.get(kind, o).name} ({_requirement(chooser_id, chooser, failed_at[o])})"
                      for o in options if o != key)
    explanation = (f"{key_entity.name} is the only option that meets every requirement. "
                   f"Each of the others fails one: {ruled}.")
    return Question(
        id=seed, style="exam", type="composed", topic=kind, prompt=prompt,
        options=tuple(catalog.get(kind, o).name for o in options), answers=answer_at,
        reasons=tuple(reasons), explanation=explanation,
        domains=domains_of(catalog, (kind, key)), kind=kind, entity_id=key,
        anchor=reasons[answer_at[0]].anchor, source_title=title, source_url=url,
        data_file=catalog.chooser_files[chooser_id], refs=tuple(refs),
        basis={"chooser": chooser_id, "answers": dict(answers)}, family=f"chooser:{chooser_id}",
    )


def _attribute(chooser, question_id: str, answer_id: str) -> str:
    q = next(q for q in chooser.questions if q.id == question_id)
    return next(a for a in q.answers if a.id == answer_id).require.attribute


REQUIREMENTS = {
    ("inference-option", "waiting"): "who waits for the results, and how",
    ("inference-option", "payload"): "request size",
    ("inference-option", "time"): "processing time",
    ("inference-option", "traffic"): "cost while idle",
    ("inference-option", "gpu"): "GPU support",
    ("data-store", "access"): "how the data is read",
    ("data-store", "latency"): "read latency",
    ("stream-service", "payload"): "the kind of data carried",
    ("stream-service", "job"): "what happens to the data",
    ("stream-service", "kafka"): "Kafka compatibility",
    ("built-in-algorithm", "problem"): "the problem type",
    ("built-in-algorithm", "data"): "the kind of data",
    ("built-in-algorithm", "format"): "training format",
    ("built-in-algorithm", "hardware"): "training hardware",
}
"""What each chooser question decides, as the explanation names the requirement an option
fails ("Serverless Inference (who waits for the results, and how)"); others fall back to the
question's short label."""


def _requirement(chooser_id: str, chooser, question_id: str) -> str:
    found = REQUIREMENTS.get((chooser_id, question_id))
    return found or next(q for q in chooser.questions if q.id == question_id).short.lower()


def _fact_text(catalog: Catalog, chooser, kind: str, entity_id: str, question_id: str, answer_id: str, fact) -> str:
    """The fact a reason states. A measured limit is written here rather than taken from the
    judge's sentence, so that its amounts read properly ("at least the 1 hour needed"); the
    judgement itself (fact.ok) is the chooser's."""
    req = next(a for q in chooser.questions if q.id == question_id for a in q.answers if a.id == answer_id).require
    if not req.attribute.startswith("measure:"):
        return fact.text
    limit = find_limit(catalog.get(kind, entity_id), req.attribute.partition(":")[2])[0]
    have = quantity(limit.value, limit.unit.split()[0])
    need = quantity(req.at_least, req.unit)
    return f"{limit.name}: {have}, {'at least' if fact.ok else 'less than'} the {need} needed"


def composed_questions(catalog: Catalog) -> list[Question]:
    out = []
    for chooser_id in sorted(catalog.choosers):
        if chooser_id in OPENERS:
            out += compose_chooser(catalog, chooser_id)
    return out
