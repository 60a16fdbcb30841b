"""Deterministic generators of large and typical case files for the benchmarks.

Everything is drawn from ``random.Random(seed)``, so a (kind, size, seed) triple always gives the
same case file, byte for byte. The cases are valid format-1 documents (plain data, as the loader
reads them) and exercise the ordinary paths of the rules: requests raised by specific letters
and answered, requests never raised, offers the movant never answered, demand-only letters,
supplemental responses and objection findings. They are benchmarks, not law: nothing here is
meant to be a realistic ruling, only a realistic *load*.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

KINDS = ("production", "interrogatories", "admissions")
PREFIX = {"production": "rfp", "interrogatories": "rog", "admissions": "rfa"}
OFFERS = ("supplement", "produce", "protective_order", "narrow_request", "further_conference")
METHODS = ("letter", "email", "phone", "video")


def _day(base: dt.date, offset: int) -> str:
    return (base + dt.timedelta(days=offset)).isoformat()


def _ranges(numbers: list[int]) -> list[int | str]:
    """``[1, 2, 3, 7]`` -> ``["1-3", 7]``: the request-list shorthand of the case file."""
    out: list[int | str] = []
    start = prev = None
    for n in sorted(numbers):
        if start is None:
            start = prev = n
        elif prev is not None and n == prev + 1:
            prev = n
        else:
            out.append(start if start == prev else f"{start}-{prev}")
            start = prev = n
    if start is not None:
        out.append(start if start == prev else f"{start}-{prev}")
    return out


def california_further(requests: int, conferrals: int, seed: int = 0) -> dict[str, Any]:
    """A California motion to compel further responses over ``requests`` requests in up to
    three sets, with ``conferrals`` meet-and-confer communications before the motion."""
    rnd = random.Random(f"ca-further:{requests}:{conferrals}:{seed}")
    sets = min(3, max(1, requests // 4))
    per_set = [requests // sets + (1 if i < requests % sets else 0) for i in range(sets)]
    base = dt.date(2023, 1, 9)
    served = base + dt.timedelta(days=78)  # 43 days after the response: timely
    discovery: dict[str, Any] = {}
    motion_requests: dict[str, list[int | str]] = {}
    overruled: dict[str, list[int]] = {}
    for index, size in enumerate(per_set):
        kind = KINDS[index % len(KINDS)]
        set_id = f"{PREFIX[kind]}{index + 1}"
        items: dict[int, Any] = {}
        for number in range(1, size + 1):
            roll = rnd.random()
            if roll < 0.08:
                items[number] = {"kind": "partial_compliance", "record": f"Ex. B, p. {number}"}
            elif roll < 0.12:
                items[number] = {"kind": "inability"}
        supplemental = []
        late = [n for n in range(1, size + 1) if rnd.random() < 0.03]
        if late:
            supplemental.append(
                {
                    "served": {"date": _day(served, 20), "method": "electronic"},
                    "verified": True,
                    "items": {n: {"kind": "full_compliance"} for n in late},
                    "record": "Opp. Ex. C",
                }
            )
        discovery[set_id] = {
            "kind": kind,
            "set": 1,
            "from": "doe",
            "to": "acme",
            "served": {"date": _day(base, 0), "method": "electronic"},
            "requests": [f"1-{size}"],
            "response": {
                "served": {"date": _day(base, 35), "method": "electronic"},
                "verified": True,
                "default": "objections",
                "items": items,
            },
            "supplemental": supplemental,
        }
        motion_requests[set_id] = [f"1-{size}"]
        overruled[set_id] = [n for n in range(1, size + 1) if rnd.random() < 0.5]
    set_ids = list(discovery)
    letters: list[dict[str, Any]] = []
    for index in range(conferrals):
        set_id = rnd.choice(set_ids)
        size = per_set[set_ids.index(set_id)]
        width = rnd.randint(1, max(1, min(size, 2 * requests // max(conferrals, 1))))
        start = rnd.randint(1, max(1, size - width + 1))
        raised = list(range(start, min(size, start + width - 1) + 1))
        from_movant = rnd.random() < 0.7
        date = _day(base, 36 + (index * 40) // max(conferrals, 1))
        letter: dict[str, Any] = {
            "id": f"c{index:05d}",
            "date": date,
            "from": "doe" if from_movant else "acme",
            "to": "acme" if from_movant else "doe",
            "method": rnd.choice(METHODS),
            "requests": {set_id: _ranges(raised)},
            "record": f"Doe Decl. ¶ {index + 2}",
        }
        if from_movant:
            letter["substance"] = "demand_only" if rnd.random() < 0.1 else "specific"
        elif rnd.random() < 0.3:
            letter["offers"] = sorted(rnd.sample(OFFERS, rnd.randint(1, 2)))
        if letters and rnd.random() < 0.4:
            earlier = rnd.choice(letters[-20:])
            if earlier["from"] != letter["from"]:
                letter["replying_to"] = earlier["id"]
        letters.append(letter)
    return {
        "format": 1,
        "case": {
            "title": f"Doe v. Acme Corp. (generated, {requests} requests)",
            "number": f"GEN-CA-{requests}-{conferrals}-{seed}",
            "court": {"system": "california", "county": "Los Angeles", "department": "52"},
            "decided": _day(served, 45),
        },
        "parties": {
            "doe": {"name": "Jane Doe", "side": "plaintiff", "counsel": True},
            "acme": {"name": "Acme Corp.", "side": "defendant", "counsel": True},
        },
        "discovery": discovery,
        "motion": {
            "kind": "compel_further",
            "movant": "doe",
            "opponent": "acme",
            "served": {"date": served.isoformat(), "method": "electronic"},
            "requests": motion_requests,
            "papers": {
                "meet_and_confer_declaration": {"filed": True, "record": "Doe Decl."},
                "separate_statement": {"filed": True},
            },
            "sanctions": {"requested": True, "against": "acme", "amount": 1500},
        },
        "conferrals": letters,
        "findings": {
            "good_cause": True,
            "objections": {"overruled": {s: _ranges(n) for s, n in overruled.items() if n}},
        },
    }


def typical(index: int, seed: int = 0) -> dict[str, Any]:
    """A typical motion (a few to a few dozen requests, a handful of conferrals), varied by
    ``index``: California or one of the federal districts."""
    rnd = random.Random(f"typical:{index}:{seed}")
    requests = rnd.randint(3, 40)
    doc = california_further(requests, rnd.randint(1, 8), seed=index * 7919 + seed)
    doc["case"]["number"] = f"GEN-{index:06d}"
    district = rnd.choice((None, None, "sdcal", "cdcal", "ndcal", "edcal"))
    if district is not None:
        doc["case"]["court"] = {"system": "federal", "district": district}
        doc["motion"]["papers"] = {
            "certification": {"filed": True, "record": "Doe Decl."},
            "joint_statement": {"filed": True},
        }
    return doc


def typical_stream(count: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``count`` typical cases, one after another (for streamed and batch runs)."""
    for index in range(count):
        yield typical(index, seed)


def main(argv: list[str] | None = None) -> None:
    """``python -m benchmarks.generate [COUNT]``: COUNT typical cases (default 1000) as JSON
    Lines on standard output; ``--large N`` prints one N-request California motion instead."""
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate")
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--large", type=int, help="one motion with this many requests")
    args = parser.parse_args(argv)
    if args.large:
        sys.stdout.write(json.dumps(california_further(args.large, args.large // 10)) + "\n")
        return
    for doc in typical_stream(args.count):
        sys.stdout.write(json.dumps(doc) + "\n")


if __name__ == "__main__":
    main()
