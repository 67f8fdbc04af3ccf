"""Office classes of titles, compared leniently (see the package docstring): "Prime Minister",
"Premier" and "PM" are one class, "Foreign Minister" and "Secretary of State" another."""

from __future__ import annotations

import functools
import re

from ...tag.lexicon import fold

_MODIFIERS = {
    "former",
    "acting",
    "interim",
    "late",
    "then",
    "incumbent",
    "outgoing",
    "new",
    "current",
    "first",
    "second",
    "third",
    "executive",
    "senior",
    "caretaker",
    "transitional",
    "the",
}
_SECTORS = (
    ("foreign", ("foreign", "external", "exterior", "international", "overseas")),
    ("defence", ("defence", "defense", "military", "armed", "war")),
    (
        "economy",
        (
            "finance",
            "financial",
            "economy",
            "economic",
            "economics",
            "trade",
            "commerce",
            "industry",
            "treasury",
            "business",
            "investment",
            "energy",
            "planning",
        ),
    ),
    ("interior", ("interior", "home", "internal", "police", "security", "homeland")),
    ("agriculture", ("agriculture", "agricultural", "farming", "fisheries", "food", "livestock")),
    ("education", ("education", "science", "schools", "universities")),
    ("health", ("health", "healthcare")),
    ("justice", ("justice", "law", "legal", "attorney")),
    ("labour", ("labour", "labor", "employment", "workforce")),
    ("environment", ("environment", "environmental", "climate", "ecology")),
    (
        "information",
        ("information", "media", "communication", "communications", "culture", "press"),
    ),
    ("development", ("development", "cooperation")),
    ("human_rights", ("rights",)),
    ("religious_affairs", ("religious", "religion", "awqaf", "endowments")),
)
_MONARCHS = {
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "emperor",
    "empress",
    "monarch",
    "grand duke",
    "prince",
    "co prince",
    "yang di pertuan agong",
    "sovereign",
}
# a monarch's heir is not the monarch: "Crown Prince Salman" is not "King Salman"
_HEIRS = {
    "crown prince",
    "crown princess",
    "heir apparent",
    "heir apparent crown prince",
    "heir apparent prince",
    "heir apparent princess",
    "heir to the throne",
}
_PREMIERS = {
    "prime minister",
    "premier",
    "pm",
    "chancellor",
    "taoiseach",
    "head of government",
    "chief executive",
    "chairman of the council of ministers",
    "president of the government",
    "chairman of the council",
    "president of the council of ministers",
    "chief minister",
    "minister of state",
    "state counsellor",
}
_PRESIDENTS = {
    "president",
    "chairman of the presidency",
    "chairman of the presidential council",
    "head of state",
    "chairman",
    "captain regent",
    "president of the presidency",
}


def _words(title: str) -> list[str]:
    return re.sub(r"[.,()'’\-]", " ", fold(title)).split()


@functools.lru_cache(maxsize=4096)
def title_class(title: str | None) -> str | None:
    """The office class of a title ("president", "premier", "vice_president", "deputy_premier",
    "monarch", "heir", "leader", "governor_general", "minister", "minister:SECTOR"), None when
    unknown."""
    if not title:
        return None
    ws = _words(title)
    while ws and ws[0] in _MODIFIERS:
        ws = ws[1:]
    deputy = bool(ws) and ws[0] in ("deputy", "vice")
    if deputy:
        ws = ws[1:]
        while ws and ws[0] in _MODIFIERS:
            ws = ws[1:]
    text = " ".join(ws)
    if text in _HEIRS:  # "Deputy Crown Prince" too
        return "heir"
    if text in ("vp",):
        return "vice_president"
    if text in _PREMIERS or "prime minister" in text or text.startswith("premier"):
        return "deputy_premier" if deputy else "premier"
    if (
        text in _PRESIDENTS
        or text.startswith("president of the republic")
        or text == "president elect"
    ):
        return "vice_president" if deputy else "president"
    if deputy:
        return None
    if text in _MONARCHS:
        return "monarch"
    if text in ("supreme leader", "leader of the revolution", "supreme leader of the revolution"):
        return "leader"
    if text in ("governor general", "governor"):
        return "governor_general"
    if text in ("fm", "eam") or text == "secretary of state":
        return "minister:foreign"
    # "Sec." as written ("Foreign Affairs Sec.") is a secretary
    if "minister" in ws or "secretary" in ws or "sec" in ws or "ministers" in ws:
        for sector, keys in _SECTORS:
            if any(k in ws for k in keys):
                return f"minister:{sector}"
        return (
            "minister"
            if ws in (["minister"], ["secretary"], ["cabinet", "minister"], ["state", "minister"])
            else None
        )
    return None


_KIND_CLASSES = {
    "head_of_state": {"president", "monarch", "leader"},
    "head_of_government": {"premier", "president"},
    "deputy_head_of_state": {"vice_president"},
    "deputy_head_of_government": {"deputy_premier", "vice_president"},
    "monarch_representative": {"governor_general"},
}


def _title_classes(title: str) -> set[str]:
    """The office classes of a tenure's title: each of the offices joined by "and" ("King and
    Prime Minister": monarch and premier), and an heir's title run into another ("Prime Minister
    Crown Prince": premier and heir)."""
    found: set[str] = set()
    for part in re.split(r"\s+and\s+", title.strip()):
        cls = title_class(part)
        if cls:
            found.update(("minister", cls) if cls.startswith("minister:") else (cls,))
        words = " " + " ".join(_words(part)) + " "
        if cls != "heir" and any(f" {h} " in words for h in ("crown prince", "heir apparent")):
            found.add("heir")
    return found


def _classes(title: str, kind: str) -> tuple[str, ...]:
    if kind == "government":
        return ("*",)
    if kind.startswith("minister:"):
        return ("minister", kind)
    found = _title_classes(title)
    if found:
        return tuple(sorted(found))
    return tuple(sorted(_KIND_CLASSES.get(kind, ())))


_NATIONAL = {
    "president",
    "premier",
    "vice_president",
    "deputy_premier",
    "monarch",
    "heir",
    "leader",
    "minister",
}


def _kind_for(title: str) -> str:
    """The kind of a user's row, from its title."""
    cls = title_class(title) or ""
    kinds = {
        "president": "head_of_state",
        "monarch": "head_of_state",
        "leader": "head_of_state",
        "premier": "head_of_government",
        "vice_president": "deputy_head_of_state",
        "deputy_premier": "deputy_head_of_government",
        "governor_general": "monarch_representative",
    }
    return kinds.get(cls) or (cls if cls.startswith("minister:") else "official")
