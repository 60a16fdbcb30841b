"""One change to an existing case file: drop a communication, shift a date, add a request,
rename ids, reorder lists. Every function returns a new document the loader accepts (the input
is never modified) and works on any valid case file, hand-written ones included.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from kb.errors import InputError
from kb.requests import expand_list, number_key
from kb.testing.source import Source, shuffled

Doc = dict[str, Any]


def _valid(doc: Doc) -> bool:
    from kb.crossref import resolve

    try:
        resolve("mutant", copy.deepcopy(doc))
    except InputError:
        return False
    return True


def drop_conferral(source: Source, doc: Doc) -> Doc:
    """Without one communication; replies to it no longer name it. Unchanged if there are none."""
    out = copy.deepcopy(doc)
    conferrals = out.get("conferrals") or []
    if not conferrals:
        return out
    dropped = conferrals.pop(source.integer(0, len(conferrals) - 1))
    for conferral in conferrals:
        if conferral.get("replying_to") == dropped["id"]:
            del conferral["replying_to"]
    if not conferrals:
        del out["conferrals"]
    return out


def _date_fields(doc: Doc) -> list[tuple[Any, str]]:
    """(container, key) of every date in the file, in document order."""
    found: list[tuple[Any, str]] = [(doc["case"], "decided"), (doc["motion"]["served"], "date")]
    for dset in doc["discovery"].values():
        found.append((dset["served"], "date"))
        if dset.get("response"):
            found.append((dset["response"]["served"], "date"))
        found.extend((s["served"], "date") for s in dset.get("supplemental") or [])
    found.extend((c, "date") for c in doc.get("conferrals") or [])
    found.extend((a, "until") for a in doc.get("agreements") or [] if a.get("until"))
    found.extend((o, "by") for o in doc.get("prior_orders") or [] if o.get("by"))
    found.extend((c, "date") for c in doc.get("informal_conferences") or [])
    return found


def shift_date(source: Source, doc: Doc, days: int = 10) -> Doc:
    """One date moved by up to ``days`` days either way, keeping the file valid (tries a few
    dates and shifts; unchanged if none keeps it valid)."""
    for _ in range(8):
        out = copy.deepcopy(doc)
        fields = _date_fields(out)
        container, key = fields[source.integer(0, len(fields) - 1)]
        delta = source.integer(1, days) * (1 if source.chance(0.5) else -1)
        value = container[key]
        current = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        container[key] = (current + dt.timedelta(days=delta)).isoformat()
        if _valid(out):
            return out
    return copy.deepcopy(doc)


def _set_numbers(dset: dict[str, Any]) -> list[Any]:
    return expand_list(dset["requests"], "requests")


def add_request(source: Source, doc: Doc) -> Doc:
    """One more request in the motion: one of a set's requests not yet at issue, or a new
    request added to a set when every one is already at issue."""
    from kb.crossref import resolve

    out = copy.deepcopy(doc)
    case = resolve("mutant", copy.deepcopy(doc))
    at_issue = {(r.set_id, r.number) for r in case.motion_requests}
    free = [
        (set_id, n)
        for set_id, dset in out["discovery"].items()
        for n in _set_numbers(dset)
        if (set_id, n) not in at_issue
    ]
    motion_spec = out["motion"]["requests"]
    if free:
        set_id, number = source.choice(free)
    else:
        set_id = source.choice(list(out["discovery"]))
        numbers = _set_numbers(out["discovery"][set_id])
        ints = [n for n in numbers if isinstance(n, int)]
        number = max(ints) + 1 if ints else f"{max(number_key(n)[0] for n in numbers) + 1}.1"
        out["discovery"][set_id]["requests"] = [*out["discovery"][set_id]["requests"], number]
        if motion_spec == "all":
            return out
    if isinstance(motion_spec, list):
        out["motion"]["requests"] = [*motion_spec, number]
    elif isinstance(motion_spec, dict):
        current = motion_spec.get(set_id)
        if current != "all":
            motion_spec[set_id] = [*(current or []), number]
    return out


def _fresh_ids(source: Source, prefix: str, old: list[str], taken: set[str]) -> dict[str, str]:
    """New ids ``prefix-N`` for ``old`` (N counts up from a drawn start), avoiding ``taken``."""
    out: dict[str, str] = {}
    counter = source.integer(1, 999)
    for name in old:
        while f"{prefix}-{counter}" in taken:
            counter += 1
        out[name] = f"{prefix}-{counter}"
        taken.add(out[name])
    return out


def _party(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [_party(v, names) for v in value]
    if isinstance(value, str):
        counsel = value.startswith("counsel:")
        base = value.removeprefix("counsel:")
        renamed = names.get(base, base)
        return f"counsel:{renamed}" if counsel else renamed
    return value


def rename_ids(source: Source, doc: Doc) -> tuple[Doc, dict[str, str]]:
    """Party and conferral ids renamed throughout; returns the document and old -> new."""
    out = copy.deepcopy(doc)
    conferrals = out.get("conferrals") or []
    taken = set(out["parties"]) | {c["id"] for c in conferrals}
    parties = _fresh_ids(source, "party", shuffled(source, list(out["parties"])), taken)
    talks = _fresh_ids(source, "talk", shuffled(source, [c["id"] for c in conferrals]), taken)
    out["parties"] = {parties[k]: v for k, v in out["parties"].items()}
    for dset in out["discovery"].values():
        dset["from"], dset["to"] = parties[dset["from"]], parties[dset["to"]]
    motion = out["motion"]
    motion["movant"] = parties[motion["movant"]]
    motion["opponent"] = _party(motion["opponent"], parties)
    for key in ("sanctions", "opposition_sanctions"):
        if motion.get(key) and motion[key].get("against") is not None:
            motion[key]["against"] = _party(motion[key]["against"], parties)
    for conferral in conferrals:
        conferral["id"] = talks[conferral["id"]]
        conferral["from"], conferral["to"] = parties[conferral["from"]], parties[conferral["to"]]
        if conferral.get("replying_to"):
            conferral["replying_to"] = talks[conferral["replying_to"]]
    for excuse in out.get("excuses") or []:
        excuse["by"] = parties[excuse["by"]]
    return out, {**parties, **talks}


def _shuffle_spec(source: Source, spec: Any) -> Any:
    if isinstance(spec, list):
        return shuffled(source, spec)
    if isinstance(spec, dict):
        return {k: _shuffle_spec(source, spec[k]) for k in shuffled(source, list(spec))}
    return spec


def reorder(source: Source, doc: Doc) -> Doc:
    """The same facts in another order: parties, communications, request lists and response
    items shuffled. (The order of discovery sets is kept: it orders the requests in output.)"""
    out = copy.deepcopy(doc)
    out["parties"] = {k: out["parties"][k] for k in shuffled(source, list(out["parties"]))}
    if out.get("conferrals"):
        out["conferrals"] = shuffled(source, out["conferrals"])
        for conferral in out["conferrals"]:
            if conferral.get("requests") is not None:
                conferral["requests"] = _shuffle_spec(source, conferral["requests"])
    out["motion"]["requests"] = _shuffle_spec(source, out["motion"]["requests"])
    for dset in out["discovery"].values():
        for response in [dset.get("response"), *(dset.get("supplemental") or [])]:
            if response and response.get("items"):
                response["items"] = _shuffle_spec(source, response["items"])
    return out
