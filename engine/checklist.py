"""The movant's pre-filing checklist (``kb checklist``): every requirement that applies to the
motion in its court, marked met, not met, unknown or not required, with the facts behind it.

Items come from the run, never from a list written here:

- each :class:`~kb.facts.Requirement` the rules derived is an item. It is **not met** when a
  ground stands on it (a rule that took it as a premise, directly or through an absence it made
  relevant, concluded a ground); **unknown** when a rule took it as a premise to ask an open
  question (a paper the case file does not mention); **met** otherwise, with the case facts that
  satisfy it; **not required** when an exception defeated the rule that stated it.
- each :class:`~kb.facts.Deadline` that governs one of the movant's acts (a date under
  ``motion.``) is an item: not met when a ground stands on it, not required when an exception
  set aside the rule that enforced it (a written extension), met otherwise.
- any other standing ground before the merits (a prior order disobeyed, say) is listed as an
  item of its own, not met, so that nothing that defeats the motion is left off.
"""

from __future__ import annotations

from typing import Any

from engine.engine import Firing, Result
from engine.provenance import firing_requests, firing_statement
from engine.statements import render
from kb.authorities import resolve
from kb.facts import Absence, Deadline, Ground, KBFact, OpenQuestion, Requirement

NOT_CHECKLIST_GATES = frozenset({"merits", "mootness"})
"""Grounds of these gates are the court's rulings on the dispute, not steps before filing."""

STATUSES = ("met", "not_met", "unknown", "not_required")

PAPERS = ("meet_and_confer_declaration", "certification", "separate_statement", "joint_statement")


def _rule(result: Result, firing: Firing) -> dict[str, Any]:
    return {
        "id": firing.rule_id,
        "statement": firing_statement(result, firing),
        "authorities": [
            {"id": a, "citation": resolve(a).citation} for a in firing.meta.cited(firing.context)
        ],
    }


class _Checklist:
    def __init__(self, result: Result) -> None:
        self.result = result
        self.labels = {e.fact.node_id(): e for e in result.record.entries}
        self.consumers: dict[str, list[Firing]] = {}
        for firing in result.firings:
            for node in (*firing.premises, *firing.because):
                self.consumers.setdefault(node, []).append(firing)
        self.attributed: set[str] = set()

    def fact(self, node: str) -> KBFact | None:
        return self.result.facts.get(node) or self.result.defeated.get(node)

    def downstream(
        self, node: str
    ) -> tuple[list[Firing], list[Firing], list[Firing], list[Firing]]:
        """Standing firings that concluded a ground or a question on ``node`` (directly or
        through an absence), defeated firings that would have (the exceptions' victims), and
        the firings that asserted those absences."""
        grounds: list[Firing] = []
        questions: list[Firing] = []
        defeated: list[Firing] = []
        absences: list[Firing] = []
        frontier = [node]
        for absence_firing in self.consumers.get(node, []):
            for derived in absence_firing.derived:
                if isinstance(self.fact(derived), Absence) and absence_firing.defeated_by is None:
                    frontier.append(derived)
                    if absence_firing not in absences:
                        absences.append(absence_firing)
        for current in frontier:
            for firing in self.consumers.get(current, []):
                kinds = {type(self.fact(d)) for d in firing.derived}
                if firing.defeated_by is not None:
                    if Ground in kinds:
                        defeated.append(firing)
                elif Ground in kinds and firing not in grounds:
                    grounds.append(firing)
                elif OpenQuestion in kinds and firing not in questions:
                    questions.append(firing)
        return grounds, questions, defeated, absences

    def missing(self, firings: list[Firing]) -> list[dict[str, Any]]:
        """What the record lacks, with where in the case file it would be and, when the file
        says so expressly (``filed: false``), the record cite it gives."""
        out = []
        for entry in self.problems(firings, kind="absence"):
            fact = self.fact(entry["node"])
            where = str(fact.get("where") or "") if fact is not None else ""
            stated = next((e for e in self.labels.values() if e.path == where), None)
            entry.update(path=where, record=stated.record if stated else None)
            out.append(entry)
        return out

    def problems(self, firings: list[Firing], kind: str = "ground") -> list[dict[str, Any]]:
        """Grounds concluded by ``firings``, one entry per rule and statement, naming every
        request it covers ("No meet-and-confer communication ever raised Nos. 34 and 35")."""
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        record = self.result.record
        for firing in firings:
            wanted = Ground if kind == "ground" else Absence
            nodes = [d for d in firing.derived if isinstance(self.fact(d), wanted)]
            if kind == "ground":
                self.attributed.update(nodes)
            ground = self.fact(nodes[0]) if nodes else None
            blank = {**firing.context, "requests": "\0", "request": "\0"}
            key = (firing.rule_id, render(firing.meta.statement, blank, [], record))
            group = groups.setdefault(
                key,
                {
                    "kind": kind,
                    "node": nodes[0] if nodes else firing.id,
                    "rule": firing.rule_id,
                    "effect": ground.get("effect") if ground else None,
                    "requests": [],
                    "firing": firing,
                },
            )
            for request in firing_requests(self.result, firing):
                if request not in group["requests"]:
                    group["requests"].append(request)
        out = []
        order = {str(r): i for i, r in enumerate(record.case.motion_requests)}
        for group in groups.values():
            firing = group.pop("firing")
            group["requests"].sort(key=lambda r: order.get(r, len(order)))
            group["text"] = render(firing.meta.statement, firing.context, group["requests"], record)
            out.append(group)
        return out

    def evidence(self, requirement: KBFact) -> list[dict[str, Any]]:
        """The case facts that satisfy a requirement nothing stands against."""
        name, set_id = requirement["requirement"], requirement.get("set")
        nodes: list[str] = []
        if name in PAPERS:
            nodes = [f"fact:paper:{name}"]
        elif name == "meet_and_confer":
            for entry in self.result.record.entries:
                fact = entry.fact
                if fact.node_id().startswith("fact:request:") and fact["set"] == set_id:
                    nodes += [f"fact:conferral:{i.conferral}" for i in fact["exchange"]]
        elif name == "informal_conference":
            nodes = [
                e.fact.node_id()
                for e in self.result.record.entries
                if e.fact.node_id().startswith("fact:informal_conference:")
                and e.fact["held"]
                and e.fact["before_motion"]
            ]
        out = []
        for node in dict.fromkeys(nodes):
            found = self.labels.get(node)
            if found is not None:
                entry = found
                out.append(
                    {
                        "kind": "fact",
                        "node": node,
                        "text": entry.label,
                        "path": entry.path,
                        "record": entry.record,
                    }
                )
        return out

    def item(self, node: str, fact: KBFact, title: str) -> dict[str, Any]:
        firings = self.result.firings_for(node)
        stated_by = next((f for f in firings if f.defeated_by is None), firings[0])
        because: list[dict[str, Any]] = []
        if node in self.result.defeated:
            status = "not_required"
            winner = next(f for f in self.result.firings if f.id == stated_by.defeated_by)
            because.append(
                {
                    "kind": "exemption",
                    "node": winner.id,
                    "rule": winner.rule_id,
                    "text": firing_statement(self.result, winner),
                }
            )
        else:
            grounds, questions, defeated, absences = self.downstream(node)
            if grounds:
                status = "not_met"
                because += self.missing(absences) + self.problems(grounds)
            elif questions:
                status = "unknown"
                because += [
                    {
                        "kind": "question",
                        "node": d,
                        "rule": f.rule_id,
                        "text": str(q["question"]),
                    }
                    for f in questions
                    for d in f.derived
                    if isinstance(q := self.fact(d), OpenQuestion)
                ]
            elif defeated:
                status = "not_required"
                for victim in defeated:
                    winner = next(f for f in self.result.firings if f.id == victim.defeated_by)
                    because.append(
                        {
                            "kind": "exemption",
                            "node": winner.id,
                            "rule": winner.rule_id,
                            "text": firing_statement(self.result, winner),
                        }
                    )
            else:
                status = "met"
                if isinstance(fact, Requirement):
                    because += self.evidence(fact)
        return {
            "id": node,
            "requirement": fact.get("requirement") or fact.get("deadline"),
            "set": fact.get("set"),
            "title": title,
            "status": status,
            "rule": _rule(self.result, stated_by),
            "because": because,
        }


def _title(result: Result, fact: KBFact) -> str:
    name = str(fact.get("requirement") or "timely " + str(fact.get("deadline")))
    words = name.replace("_", " ")
    words = words[0].upper() + words[1:]
    if fact.get("set"):
        words += f": {result.record.set_label(str(fact['set']))}"
    return words


def checklist_report(result: Result, rules_version: str) -> dict[str, Any]:
    """The ``kb checklist --format json`` object (docs/reference/advice.md)."""
    model = result.record.model
    items = checklist_items(result)
    summary = {s: sum(1 for i in items if i["status"] == s) for s in STATUSES}
    return {
        "format": 1,
        "kind": "checklist",
        "case": model.case.number,
        "title": model.case.title,
        "as_of": result.as_of.isoformat(),
        "rules_version": rules_version,
        "motion": model.motion.kind,
        "movant": result.record.party_name(model.motion.movant),
        "summary": summary,
        "items": items,
    }


def checklist_items(result: Result) -> list[dict[str, Any]]:
    """The checklist of a run: requirements, the movant's deadlines, other problems."""
    maker = _Checklist(result)
    items = []
    requirements = [
        (node, fact)
        for node, fact in (*result.facts.items(), *result.defeated.items())
        if isinstance(fact, Requirement)
    ]
    deadlines = [
        (node, fact)
        for node, fact in (*result.facts.items(), *result.defeated.items())
        if isinstance(fact, Deadline) and str(fact.get("governs") or "").startswith("motion.")
    ]
    names: dict[str, int] = {}
    for _, fact in requirements:
        names.setdefault(str(fact["requirement"]), len(names))
    sets = list(result.record.model.discovery)
    requirements.sort(
        key=lambda pair: (
            names[str(pair[1]["requirement"])],
            sets.index(pair[1]["set"]) if pair[1].get("set") in sets else -1,
        )
    )
    for node, fact in requirements + deadlines:
        items.append(maker.item(node, fact, _title(result, fact)))
    others: dict[str, list[Firing]] = {}
    for node, fact in result.facts.items():
        if not isinstance(fact, Ground) or node in maker.attributed:
            continue
        if fact["gate"] in NOT_CHECKLIST_GATES or fact["effect"] in ("granted", "moot"):
            continue
        firing = next(f for f in result.firings_for(node) if f.defeated_by is None)
        others.setdefault(firing.rule_id, []).append(firing)
    for rule_id, firings in others.items():
        fact = next(result.facts[d] for d in firings[0].derived if d in result.facts)
        items.append(
            {
                "id": f"other:{rule_id}",
                "requirement": fact["gate"],
                "set": None,
                "title": f"Other ({fact['gate']})",
                "status": "not_met",
                "rule": _rule(result, firings[0]),
                "because": maker.problems(firings),
            }
        )
    return items
