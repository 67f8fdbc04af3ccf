"""The output contract: pydantic models of a converted report (schema 1.0).

Field order here is the key order of the JSON output. Every fact carries `evidence`: the span of
input text it came from and the grammar rule that produced it.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Status = Literal["completed", "ongoing", "planned", "cancelled"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Characters `start:end` of the input; `text == input[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: Optional[str] = Field(default=None, description="grammar rule (or resolution step) that produced it")


class Dateline(_Model):
    place: Optional[str] = None
    agency: Optional[str] = None


class Document(_Model):
    title: Optional[str] = None
    publication_date: Optional[dt.date] = None
    dateline: Optional[Dateline] = None


class Person(_Model):
    id: str = Field(pattern=r"^p[1-9][0-9]*$")
    name: Optional[str] = Field(default=None, description="fullest form in the text; null for an unnamed office holder")
    title: Optional[str] = Field(default=None, description="office at first mention, without the country adjective")
    other_titles: list[str] = []
    country: Optional[str] = Field(default=None, description="ISO 3166-1 alpha-3 of the state served; null for international organisations")
    mentions: list[Span] = []


class Organization(_Model):
    name: str
    acronym: Optional[str] = None
    mentions: list[Span] = []


class Visit(_Model):
    visitor: str = Field(description="person id")
    host_country: str
    start_date: Optional[dt.date] = None
    end_date: Optional[dt.date] = None
    date_text: Optional[str] = None
    places: list[str] = []
    status: Status = "completed"
    evidence: Span


class Meeting(_Model):
    participants: list[str] = Field(description="person ids")
    date: Optional[dt.date] = None
    place: Optional[str] = None
    topics: list[str] = []
    status: Status = "completed"
    evidence: Span


class Message(_Model):
    kind: str = Field(description='"greetings", "letter", "invitation", "message"')
    senders: list[str] = []
    carrier: Optional[str] = None
    recipients: list[str] = []
    evidence: Span


class Statement(_Model):
    speakers: list[str] = []
    verb: str
    content: Optional[str] = None
    evidence: Span


class Agreement(_Model):
    parties: list[str] = []
    kind: str
    subject: Optional[str] = None
    evidence: Span


class Report(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    document: Document = Document()
    people: list[Person] = []
    organizations: list[Organization] = []
    visits: list[Visit] = []
    meetings: list[Meeting] = []
    messages: list[Message] = []
    statements: list[Statement] = []
    agreements: list[Agreement] = []

    def to_json(self, *, pretty: bool = False) -> str:
        """The one serializer used by the CLI, the tests and the golden files."""
        return self.model_dump_json(indent=2 if pretty else None) + "\n"
