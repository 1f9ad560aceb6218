"""The schema: pydantic models for every kind of entity and for vocabulary terms.

These models are the only description of the data. Pydantic checks shape and types
(unknown keys are refused); references between entities and to closed vocabularies are
marked on the fields with `Ref` and `Vocab` and checked by `catalog.py` once every file
is loaded, so that a problem can name the exact field path and suggest the right id.
Field types and their checks live in `fields.py`.

Over 400 lines on purpose: it is the one description of the data a contributor reads,
kind after kind with every field's docstring, and splitting it by kind would scatter the
shared parts (sources, tasks, exam domains) that every kind repeats.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field

from macros.data.fields import (
    AlgorithmId,
    AwsUrl,
    Change,
    ConceptId,
    Correction,
    Date,
    ExamDomain,
    LongText,
    Model,
    Name,
    NotFor,
    PageRef,
    ReadDate,
    Ref,
    Related,
    Scalar,
    ServiceId,
    Source,
    Summary,
    Task,
    Text,
    UniqueBy,
    Vocab,
    _check_limit_value,
)
from macros.data.text_rules import check_one_line


class Entity(Model):
    kind: ClassVar[str]
    """Folder name under data/ (plural)."""
    label: ClassVar[str]
    """How a problem line names the kind (singular)."""
    title: ClassVar[str]
    """The kind as a heading, nav section and search label (plural, capitalised)."""
    index_intro: ClassVar[str]
    """One sentence that introduces the kind's index page."""

    name: Name
    aliases: Annotated[list[Name], UniqueBy()] = []
    summary: Summary
    exam_tips: list[Text] = []
    corrections: list[Correction] = []
    related: Related = Related()
    changes: list[Change] = []
    exam_domains: Annotated[list[ExamDomain], UniqueBy()] = []
    """The exam domains this entity matters for, as '<exam id>/<domain number>'."""
    tasks: Annotated[list[Task], UniqueBy()] = []
    """The needs this entity answers, in a student's own words ("pick an endpoint for
    sporadic traffic"). Search weighs them; they are shown on the page as "Use it to"."""
    sources: Annotated[list[Source], Field(min_length=1), UniqueBy("url")]
    checked: ReadDate


ContentType = Annotated[str, Vocab("content-types")]


InstanceFamily = Annotated[str, Vocab("instance-families")]


class Channel(Model):
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    required: bool
    content_types: Annotated[list[ContentType], Field(min_length=1), UniqueBy()]
    description: Text | None = None


class TrainingInstances(Model):
    cpu: bool
    gpu: bool
    multi_gpu: bool | None = None
    """None where AWS does not say."""
    multi_instance: bool
    recommended: Annotated[list[InstanceFamily], UniqueBy()] = []
    notes: list[Text] = []


class Training(Model):
    channels: Annotated[list[Channel], Field(min_length=1), UniqueBy("name")]
    default_content_type: ContentType | None = None
    input_modes: Annotated[list[Annotated[str, Vocab("input-modes")]], Field(min_length=1), UniqueBy()]
    data_requirements: list[Text] = []
    instances: TrainingInstances


class Inference(Model):
    request_content_types: Annotated[list[ContentType], Field(min_length=1), UniqueBy()]
    response_content_types: Annotated[list[ContentType], Field(min_length=1), UniqueBy()]
    cpu: bool
    gpu: bool
    recommended: Annotated[list[InstanceFamily], UniqueBy()] = []
    notes: list[Text] = []


class Hyperparameter(Model):
    name: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$", max_length=80)]
    required: bool
    type: Literal["integer", "float", "string", "boolean", "list", "map"]
    valid_values: Text
    default: Scalar = None
    """None for required hyperparameters (they have none) and where AWS gives none."""
    description: Text
    tuning: Text | None = None
    aws_inconsistency: Text | None = None
    """Where AWS's own page contradicts itself (a default outside the valid values it
    states): what it says. The page shows it, and the check accepts the default."""
    exam_relevant: bool = False
    """An editorial mark, not an AWS fact: a well-known hyperparameter that study
    questions ask about (`num_round`, `eta`, `k`, `feature_dim`...). Required ones count
    as exam-relevant without it. Only these feed practice questions on defaults."""


class Metric(Model):
    # Exactly as AWS names it: `validation:rmse` for first-party algorithms, a bare
    # `rmse` or `multi_logloss` for the JumpStart-based tabular ones.
    name: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_@.:\-]*$", max_length=80)]
    direction: Literal["minimize", "maximize"]
    description: Text


class TunableRange(Model):
    hyperparameter: str
    range_type: Literal["continuous", "integer", "categorical"]
    range: Text


class Tuning(Model):
    metrics: Annotated[list[Metric], UniqueBy("name")] = []
    tunable: Annotated[list[TunableRange], UniqueBy("hyperparameter")] = []
    notes: list[Text] = []


class Algorithm(Entity):
    kind: ClassVar[str] = "algorithms"
    label: ClassVar[str] = "algorithm"
    title: ClassVar[str] = "Algorithms"
    index_intro: ClassVar[str] = (
        "Every built-in algorithm of Amazon SageMaker AI, with its inputs, instances, "
        "hyperparameters and tuning metrics."
    )

    framework: Name | None = None
    learning_types: Annotated[
        list[Annotated[str, Vocab("learning-types")]], Field(min_length=1), UniqueBy()
    ]
    problem_types: Annotated[
        list[Annotated[str, Vocab("problem-types")]], Field(min_length=1), UniqueBy()
    ]
    modalities: Annotated[list[Annotated[str, Vocab("modalities")]], Field(min_length=1), UniqueBy()]
    how_it_works: LongText
    use_cases: Annotated[list[Text], Field(min_length=1)]
    not_for: list[NotFor] = []
    training: Training
    inference: Inference
    hyperparameters: Annotated[list[Hyperparameter], Field(min_length=1), UniqueBy("name")]
    tuning: Tuning


class FormerName(Model):
    name: Name
    until: Date | None = None
    note: Text | None = None


class Feature(Model):
    name: Name
    text: Text


class Limit(Model):
    name: Name
    value: Annotated[Any, BeforeValidator(_check_limit_value)]
    unit: Name
    note: Text | None = None
    source: AwsUrl
    """The AWS page that states this value (the entity's general sources stay)."""
    read: ReadDate
    """When that page was read for this value."""
    measure: Annotated[str, Vocab("measures")] | None = None
    """What the value measures, when choosers compare it across services (a term of
    data/vocab/measures.yml); the value is then a number in a unit macros/features/choosers knows."""


class Trait(Model):
    """A yes/no fact about a service that choosers compare (data/vocab/service-traits.yml)."""

    trait: Annotated[str, Vocab("service-traits")]
    value: bool
    note: Text | None = None
    """What qualifies the answer, in a few words."""
    source: AwsUrl
    read: ReadDate


class Identifier(Model):
    """An API, parameter, environment variable or path name a reader meets in code."""

    name: Annotated[str, Field(min_length=1, max_length=120), AfterValidator(lambda v: check_one_line(v, needs_letter=False))]
    text: Text


STAGES = ("build", "train", "deploy", "operate")


"""The ML lifecycle stages a platform capability belongs to, in order."""


class Service(Entity):
    kind: ClassVar[str] = "services"
    label: ClassVar[str] = "service"
    title: ClassVar[str] = "Services"
    index_intro: ClassVar[str] = (
        "The AWS data, analytics and AI services that machine-learning work on AWS relies on."
    )

    category: Annotated[str, Vocab("service-categories")]
    deployment: Annotated[str, Vocab("deployment-models")]
    status: Literal["active", "closed", "maintenance", "discontinued"] = "active"
    """closed: no longer open to new customers; existing customers can keep using it."""
    status_date: Date | None = None
    status_note: Text | None = None
    status_source: Source | None = None
    """The AWS page that states the status."""
    part_of: ServiceId | None = None
    """For a capability of a larger service (a SageMaker AI feature): that service."""
    stage: Literal[STAGES] | None = None
    """Where a capability sits in the ML lifecycle; required with part_of."""
    how_it_works: LongText | None = None
    identifiers: Annotated[list[Identifier], UniqueBy("name")] = []
    replaced_by: Annotated[list[ServiceId], UniqueBy()] = []
    former_names: Annotated[list[FormerName], UniqueBy("name")] = []
    purpose: Annotated[list[Text], Field(min_length=1)]
    not_for: list[NotFor] = []
    features: Annotated[list[Feature], UniqueBy("name")] = []
    limits: Annotated[list[Limit], UniqueBy("name")] = []
    traits: Annotated[list[Trait], UniqueBy("trait")] = []
    input_formats: list[Text] = []
    output_formats: list[Text] = []
    cost_model: Text | None = None
    security: list[Text] = []
    sagemaker: Text | None = None


LocalId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Node(Model):
    id: LocalId
    service: ServiceId | None = None
    label: Name | None = None
    """Shown instead of the service's name; required for actors that are not services."""


class Edge(Model):
    model_config = ConfigDict(populate_by_name=False)

    source: Annotated[str, Field(alias="from")]
    to: str
    label: Name | None = None
    step: Text
    """One sentence on what happens along this edge; becomes a numbered step."""


class Pipeline(Entity):
    kind: ClassVar[str] = "pipelines"
    label: ClassVar[str] = "pipeline"
    title: ClassVar[str] = "Pipelines"
    index_intro: ClassVar[str] = (
        "Reference data pipelines, drawn from data: each box is a link to the service's page."
    )

    direction: Literal["LR", "TD"] = "LR"
    nodes: Annotated[list[Node], Field(min_length=2), UniqueBy("id")]
    edges: Annotated[list[Edge], Field(min_length=1)]
    notes: list[Text] = []


class Formula(Model):
    name: Name
    latex: Annotated[str, Field(min_length=1, max_length=1000)]


class Concept(Entity):
    kind: ClassVar[str] = "concepts"
    label: ClassVar[str] = "concept"
    title: ClassVar[str] = "Concepts"
    index_intro: ClassVar[str] = (
        "The machine-learning ideas the services and algorithms rest on."
    )

    category: Annotated[str, Vocab("concept-categories")]
    body: LongText
    formulas: list[Formula] = []


class ComparisonRow(Model):
    label: Name | None = None
    algorithm: AlgorithmId | None = None
    service: ServiceId | None = None
    concept: ConceptId | None = None
    cells: Annotated[list[Text], Field(min_length=1)]


ServiceField = Literal[
    "category", "deployment", "status", "purpose", "not_for", "features", "limits",
    "input_formats", "output_formats", "cost_model", "security", "sagemaker",
]


class Comparison(Entity):
    """Either curated rows (row_header, columns, rows), or a view of service data
    (services + fields): each named service is a row, each field a column."""

    kind: ClassVar[str] = "comparisons"
    label: ClassVar[str] = "comparison"
    title: ClassVar[str] = "Comparisons"
    index_intro: ClassVar[str] = (
        "Side-by-side comparisons of the choices that come up again and again."
    )

    intro: LongText | None = None
    row_header: Name | None = None
    columns: Annotated[list[Name], UniqueBy()] = []
    rows: list[ComparisonRow] = []
    services: Annotated[list[ServiceId], UniqueBy()] = []
    fields: Annotated[list[ServiceField], UniqueBy()] = []
    notes: list[Text] = []


PageId = Annotated[str, PageRef(), Field(pattern=r"^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]


class TaskStatement(Model):
    """One task statement of an exam guide's domain, and the pages that teach it."""

    number: Annotated[str, Field(pattern=r"^[1-9]\.[1-9][0-9]?$")]
    """As the guide numbers it: '1.2' is domain 1's second task statement."""
    name: Name
    """The task statement as the guide words it (a title, short enough to quote)."""
    covers: list[Text] = []
    """What it asks a candidate to know or do, in our words."""
    teaches: Annotated[list[PageId], Field(min_length=1), UniqueBy()]
    """The pages that teach it, as '<kind>/<id>': at least one."""


class Domain(Model):
    number: Annotated[int, Field(ge=1, le=9)]
    name: Name
    weight: Annotated[int, Field(ge=1, le=100)]
    """Percentage of scored content, as the exam guide gives it."""
    tasks: Annotated[list[TaskStatement], UniqueBy("number")] = []


class ExamFormat(Model):
    """How the exam is sat, as AWS's exam page states it; the exam simulation uses it."""

    questions: Annotated[int, Field(ge=1, le=200)]
    """All questions, scored and unscored."""
    scored: Annotated[int, Field(ge=1, le=200)] | None = None
    minutes: Annotated[int, Field(ge=1, le=600)]
    passing_score: Annotated[int, Field(ge=100, le=1000)] | None = None
    """The scaled passing score (100-1000), where AWS states it."""
    question_types: Annotated[list[Literal["multiple-choice", "multiple-response", "ordering", "matching", "case-study"]], UniqueBy()] = []
    source: AwsUrl
    """The AWS page that states these figures."""
    read: ReadDate | None = None
    """When that page was read for them; None while they rest only on study guides that
    quote it (then `note` says so, and the exam page shows it)."""
    note: Text | None = None


class Revision(Model):
    """A change of exam version: a new code replacing an old one, or a revised guide."""

    date: Date
    """When the new version went into use."""
    replaces: Annotated[str, Ref("exams")] | None = None
    """The exam this one replaced (its domains are compared weight by weight)."""
    summary: Text
    added: list[Text] = []
    removed: list[Text] = []
    changed: list[Text] = []
    """Reworded, moved or reweighted content (weights are compared from the data too)."""
    source: AwsUrl
    """The AWS page that lists the changes."""


class Exam(Entity):
    kind: ClassVar[str] = "exams"
    label: ClassVar[str] = "exam"
    title: ClassVar[str] = "Exams"
    index_intro: ClassVar[str] = (
        "The AWS certification exams this material serves, with what to study for each domain."
    )

    code: Annotated[str, Field(pattern=r"^[A-Z]{3}-C0[0-9]$")]
    status: Literal["active", "beta", "retired"]
    retired: Date | None = None
    status_note: Text | None = None
    domains: Annotated[list[Domain], Field(min_length=1), UniqueBy("number")]
    format: ExamFormat | None = None
    revisions: Annotated[list[Revision], UniqueBy("date")] = []
    """The exam's version changes, newest first; each gets a page of its own."""


ENTITY_MODELS: dict[str, type[Entity]] = {
    m.kind: m for m in (Algorithm, Service, Pipeline, Concept, Comparison, Exam)
}


class GlossaryEntry(Model):
    """One abbreviation (data/glossary.yml maps the abbreviation as written -> entry)."""

    expansion: Name
    definition: Text
    algorithm: AlgorithmId | None = None
    service: ServiceId | None = None
    concept: ConceptId | None = None


class Term(Model):
    """One term of a closed vocabulary (data/vocab/<name>.yml maps term id -> Term)."""

    name: Name
    description: Text | None = None
    example: Text | None = None
    """For problem types: a one-line example problem, shown by the decision guide."""


VOCABULARIES = (
    "learning-types",
    "problem-types",
    "modalities",
    "content-types",
    "input-modes",
    "instance-families",
    "service-categories",
    "deployment-models",
    "concept-categories",
    "service-traits",
    "measures",
)
