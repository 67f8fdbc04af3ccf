"""visitparse: reports of official visits -> structured records, by rule.

>>> import visitparse
>>> report = visitparse.convert("Chinese Vice Premier Liu Guozhong visited Kazakhstan.")
>>> report.visits[0].host_country
'KAZ'
"""

from .converter import InputError, convert
from .schema import (
    Actor,
    Agreement,
    Dateline,
    Document,
    Event,
    Meeting,
    Message,
    Organization,
    Person,
    Report,
    Span,
    Statement,
    Visit,
)

__version__ = "1.0.0"

__all__ = [
    "convert",
    "InputError",
    "Report",
    "Document",
    "Dateline",
    "Person",
    "Organization",
    "Visit",
    "Meeting",
    "Message",
    "Statement",
    "Agreement",
    "Event",
    "Actor",
    "Span",
    "__version__",
]
