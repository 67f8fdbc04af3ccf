"""The output contract: pydantic models of a converted report (schema 1.0).

Field order here is the key order of the JSON output. Every fact carries `evidence`: the span of
input text it came from and the grammar rule that produced it.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

# Policy: a minor version (1.x) only adds optional fields or new values, so a 1.0 reader still
# reads every 1.x report; a major version (2.0) removes, renames or retypes a field.
SCHEMA_VERSION = "1.2"

Status = Literal["completed", "ongoing", "planned", "cancelled"]
HAPPENED = ("completed", "ongoing")  # the statuses of what took place (the others are intentions)


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
    other_titles: list[str] = Field(default=[], description="the person's other offices, ranks and styles (\"General\", \"Prince\")")
    country: Optional[str] = Field(default=None, description="ISO 3166-1 alpha-3 of the state served; null for international organisations")
    country_source: Optional[str] = Field(
        default=None, description="present only when no text decided the country: the knowledge table that did "
                                  "(\"knowledge:factbook\", \"knowledge:phoenix\", \"knowledge:user\")")
    mentions: list[Span] = []

    @model_serializer(mode="wrap")
    def _without_empty_source(self, handler: SerializerFunctionWrapHandler) -> dict:
        data = handler(self)  # a country the text gave needs no source: the key is left out (1.1 readers see no change)
        if data.get("country_source") is None:
            data.pop("country_source", None)
        return data


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


class Actor(_Model):
    """One side of an event: a state (and the person acting for it, when there is one)."""

    country: Optional[str] = None
    sector: str = Field(description='"GOV" for state officials, "IGO" for international organisations')
    person: Optional[str] = Field(default=None, description="person id")
    name: Optional[str] = None
    title: Optional[str] = None


class Event(_Model):
    """A visit or meeting in the field's codes: CAMEO (042 make a visit, 043 host a visit, 040
    consult, 044 meet at a third location, 036 express intent to meet) and PLOVER."""

    id: str = Field(pattern=r"^e[1-9][0-9]*$")
    cameo: str
    plover: Optional[str] = Field(default=None, description='"CONSULT" or "AGREE"; null for the CAMEO-only host side')
    mode: Optional[str] = Field(default=None, description='PLOVER mode: "visit", "third-party", "multilateral"')
    actor: Actor
    recipient: Optional[Actor] = None
    date: Optional[dt.date] = None
    enddate: Optional[dt.date] = None
    source: str = Field(description='the record it comes from, e.g. "visits/0"')
    evidence: Span


class Report(_Model):
    schema_version: Literal["1.2"] = SCHEMA_VERSION
    document: Document = Document()
    people: list[Person] = []
    organizations: list[Organization] = []
    visits: list[Visit] = []
    meetings: list[Meeting] = []
    messages: list[Message] = []
    statements: list[Statement] = []
    agreements: list[Agreement] = []
    events: list[Event] = []

    def to_json(self, *, pretty: bool = False) -> str:
        """The one serializer used by the CLI, the tests and the golden files."""
        return self.model_dump_json(indent=2 if pretty else None) + "\n"
