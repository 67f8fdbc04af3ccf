"""The output contract: pydantic models of a converted report (schema 1.0).

Field order here is the key order of the JSON output. Every fact carries `evidence`: the span of
input text it came from and the grammar rule that produced it.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

# Policy: a minor version (1.x) only adds optional fields or new values, so a 1.0 reader still
# reads every 1.x report; a major version (2.0) removes, renames or retypes a field.
SCHEMA_VERSION: Final = "1.2"

Status = Literal["completed", "ongoing", "planned", "cancelled"]
HAPPENED = ("completed", "ongoing")  # the statuses of what took place (the others are intentions)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Characters `start:end` of the input; `text == input[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str | None = Field(
        default=None, description="grammar rule (or resolution step) that produced it"
    )


class Dateline(_Model):
    place: str | None = None
    agency: str | None = None


class Document(_Model):
    title: str | None = None
    publication_date: dt.date | None = None
    dateline: Dateline | None = None


class Person(_Model):
    id: str = Field(pattern=r"^p[1-9][0-9]*$")
    name: str | None = Field(
        default=None, description="fullest form in the text; null for an unnamed office holder"
    )
    title: str | None = Field(
        default=None, description="office at first mention, without the country adjective"
    )
    other_titles: list[str] = Field(
        default=[],
        description='the person\'s other offices, ranks and styles ("General", "Prince")',
    )
    country: str | None = Field(
        default=None,
        description="ISO 3166-1 alpha-3 of the state served; null for international organisations",
    )
    country_source: str | None = Field(
        default=None,
        description="present only when no text decided the country: the knowledge table that did "
        '("knowledge:factbook", "knowledge:phoenix", "knowledge:user")',
    )
    mentions: list[Span] = []

    @model_serializer(mode="wrap")
    def _without_empty_source(self, handler: SerializerFunctionWrapHandler) -> dict:
        data = handler(self)
        # a country the text gave needs no source: the key is left out (1.1 readers see no change)
        if data.get("country_source") is None:
            data.pop("country_source", None)
        return data


class Organization(_Model):
    name: str
    acronym: str | None = None
    mentions: list[Span] = []


class Visit(_Model):
    visitor: str = Field(description="person id")
    host_country: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_text: str | None = None
    places: list[str] = []
    status: Status = "completed"
    evidence: Span


class Meeting(_Model):
    participants: list[str] = Field(description="person ids")
    date: dt.date | None = None
    place: str | None = None
    topics: list[str] = []
    status: Status = "completed"
    evidence: Span


class Message(_Model):
    kind: str = Field(description='"greetings", "letter", "invitation", "message"')
    senders: list[str] = []
    carrier: str | None = None
    recipients: list[str] = []
    evidence: Span


class Statement(_Model):
    speakers: list[str] = []
    verb: str
    content: str | None = None
    evidence: Span


class Agreement(_Model):
    parties: list[str] = []
    kind: str
    subject: str | None = None
    evidence: Span


class Actor(_Model):
    """One side of an event: a state (and the person acting for it, when there is one)."""

    country: str | None = None
    sector: str = Field(
        description='"GOV" for state officials, "IGO" for international organisations'
    )
    person: str | None = Field(default=None, description="person id")
    name: str | None = None
    title: str | None = None


class Event(_Model):
    """A visit or meeting in the field's codes: CAMEO (042 make a visit, 043 host a visit, 040
    consult, 044 meet at a third location, 036 express intent to meet) and PLOVER."""

    id: str = Field(pattern=r"^e[1-9][0-9]*$")
    cameo: str
    plover: str | None = Field(
        default=None, description='"CONSULT" or "AGREE"; null for the CAMEO-only host side'
    )
    mode: str | None = Field(
        default=None, description='PLOVER mode: "visit", "third-party", "multilateral"'
    )
    actor: Actor
    recipient: Actor | None = None
    date: dt.date | None = None
    enddate: dt.date | None = None
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
