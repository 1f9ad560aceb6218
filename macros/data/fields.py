"""The field types of the schema and their checks: names, texts, summaries and tasks (one
line, visible characters, Markdown-lite), AWS documentation URLs, dates within range,
scalar values, and the markers (`Ref`, `Vocab`, `DomainRef`, `PageRef`, `UniqueBy`) that
catalog.py checks once every file is loaded; `Model`, the base that refuses unknown keys.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from macros.data.text_rules import check_markdown, check_one_line, check_url


@dataclass(frozen=True)
class Ref:
    """The value is the id of an entity of `kind` (a folder name under data/)."""

    kind: str


@dataclass(frozen=True)
class Vocab:
    """The value is a term of the closed vocabulary data/vocab/<name>.yml."""

    name: str


@dataclass(frozen=True)
class DomainRef:
    """The value names an exam domain as '<exam id>/<domain number>', e.g. 'mla-c01/2'."""


@dataclass(frozen=True)
class PageRef:
    """The value names an entity's page as '<kind>/<id>', e.g. 'services/sagemaker-ai'."""


@dataclass(frozen=True)
class UniqueBy:
    """No two items of the list may share this key (None: the items themselves)."""

    key: str | None = None


AWS_DOC_HOSTS = (
    "docs.aws.amazon.com",
    "aws.amazon.com",
    "d1.awsstatic.com",
    "sagemaker.readthedocs.io",
    "github.com/aws",
)


def _check_aws_url(url: str) -> str:
    check_url(url)
    rest = url[len("https://") :]
    if not any(rest == h or rest.startswith(h + "/") or rest.startswith(h + "?") or rest.startswith(h + "#") for h in AWS_DOC_HOSTS):
        raise ValueError(
            "expected an address on an AWS documentation site ("
            + ", ".join(AWS_DOC_HOSTS)
            + f"); got '{url}'"
        )
    return url


EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
MAX_VALUE_TEXT = 200


"""A default or limit value is a value, not prose: at most this many characters."""


def _check_scalar(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"expected a finite number; got {value}")
    if isinstance(value, str):
        if len(value) > MAX_VALUE_TEXT:
            raise ValueError(f"expected a value of at most {MAX_VALUE_TEXT} characters; got {len(value)}")
        check_one_line(value, needs_letter=False)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"expected text, a number or true/false; got a {type(value).__name__}")


def _check_limit_value(value: Any) -> Any:
    value = _check_scalar(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise ValueError(f"expected a value of 0 or more (a limit cannot be negative); got {value}")
    return value


def _check_date(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"expected a date between {EARLIEST} and {LATEST}; got {value}")
    return value


def _check_read_date(value: dt.date) -> dt.date:
    """When a page was read or checked: not in the future."""
    _check_date(value)
    if value > dt.date.today():
        raise ValueError(f"expected a date no later than today ({dt.date.today()}); a page cannot be read in the future; got {value}")
    return value


_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
SAFE_SCHEMES = ("https", "http", "mailto")


def unsafe_link(text: str) -> str | None:
    """The first link target in Markdown text that is neither https:, http:, mailto: nor
    a page of this site (a relative link), or None."""
    for m in _LINK.finditer(text):
        target = (m.group(1) if m.group(1) is not None else m.group(2) or "").strip()
        scheme = _SCHEME.match(target)
        if target.startswith("//") or (scheme and scheme.group(1).lower() not in SAFE_SCHEMES):
            return target
        if any(ord(c) < 32 for c in target):
            return target
    return None


def _check_name(text: str) -> str:
    return check_markdown(check_one_line(text))


Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(check_markdown)]


"""Inline Markdown (code spans, emphasis, links to https pages); no raw HTML (text_rules)."""


LongText = Annotated[str, Field(min_length=1, max_length=20000), AfterValidator(check_markdown)]


"""Block Markdown: paragraphs and lists."""


Summary = Annotated[str, Field(min_length=20, max_length=320), AfterValidator(check_markdown)]


"""One or two plain sentences; becomes the page's meta description."""


Name = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_check_name)]


"""One line, visible characters, at least one letter or digit (text_rules.check_one_line)."""


Task = Annotated[str, Field(min_length=8, max_length=120), AfterValidator(_check_name)]
Scalar = Annotated[Any, BeforeValidator(_check_scalar)]
AwsUrl = Annotated[str, AfterValidator(_check_aws_url)]
Date = Annotated[dt.date, AfterValidator(_check_date)]
ReadDate = Annotated[dt.date, AfterValidator(_check_read_date)]
AlgorithmId = Annotated[str, Ref("algorithms")]
ServiceId = Annotated[str, Ref("services")]
ConceptId = Annotated[str, Ref("concepts")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)


class Source(Model):
    title: Name
    url: AwsUrl


class Correction(Model):
    """Where older study notes disagree with AWS's documentation."""

    notes_claim: Text
    documented_fact: Text


class Change(Model):
    """A dated change of fact (a rename, a retirement, a new version)."""

    date: Date
    text: Text


class Related(Model):
    algorithms: Annotated[list[AlgorithmId], UniqueBy()] = []
    services: Annotated[list[ServiceId], UniqueBy()] = []
    concepts: Annotated[list[ConceptId], UniqueBy()] = []


class NotFor(Model):
    """A job the entity is the wrong choice for, and what to use instead."""

    text: Text
    algorithms: Annotated[list[AlgorithmId], UniqueBy()] = []
    services: Annotated[list[ServiceId], UniqueBy()] = []


ExamDomain = Annotated[str, DomainRef(), Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[1-9]$")]
