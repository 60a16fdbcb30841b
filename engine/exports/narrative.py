"""The decision as a ruling-style narrative: one paragraph per group of requests decided alike.

Each paragraph reads like a tentative ruling: the rule (the law firings the decisive grounds
rest on, with their authorities), the application (each decisive ground's sentence, with the
record cites of the case facts behind it and its authorities), any alternative grounds the court
also found, and the conclusion. The words come from the rules themselves: a rule's ``narrative``
template when it has one, else its ``statement`` (kb.rules), rendered with the values of its
firings, so a new rule needs no change here. Citations follow the court's system: California
style puts them in a parenthetical sentence, ``(Smith Decl. ¶ 7, Ex. 3; Code Civ. Proc.,
§ 2016.040.)``; federal style gives the record cite in parentheses and the authorities as a
citation sentence, ``Fed. R. Civ. P. 37(a)(1).``
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from engine.engine import Firing, Result
from engine.provenance import firing_requests
from engine.statements import render
from kb.authorities import resolve
from kb.facts import ExcuseRuling, Ground, Order, RequestDisposition, Sanction, SanctionRefused
from kb.record import MOTION_LABELS

NOT_REACHED = frozenset({"granted", "moot", "undetermined"})
"""Effects of later gates the court does not reach once an earlier gate decides."""

MOTION_WIDE: tuple[tuple[str, tuple[type, ...], bool], ...] = (
    ("Excuses", (ExcuseRuling,), True),
    ("Orders", (Order,), False),
    ("Sanctions", (Sanction, SanctionRefused), False),
)
"""Motion-wide paragraphs: heading, the conclusions they state, and whether to give record
cites (an excuse rests on what a party said; an order or award rests on the rulings above)."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: the requests it decides (empty for motion-wide ones), its heading and
    its text."""

    requests: tuple[str, ...]
    heading: str
    text: str


class _Writer:
    def __init__(self, result: Result, graph: nx.MultiDiGraph) -> None:
        self.result = result
        self.graph = graph
        self.record = result.record
        self.system = str(self.record.model.case.court.system)
        self.by_id = {f.id: f for f in result.firings}
        self.standing: dict[str, list[Firing]] = {}
        for firing in result.firings:
            if firing.defeated_by is None:
                for node in firing.derived:
                    self.standing.setdefault(node, []).append(firing)
        self.order = {e.fact.node_id(): i for i, e in enumerate(self.record.entries)}

    # --- citations --------------------------------------------------------------------------

    def record_cites(self, firings: Iterable[Firing]) -> list[str]:
        """Record cites of the case facts the firings rest on, in case-file order."""
        nodes: set[str] = set()
        for firing in firings:
            if firing.id in self.graph:
                nodes.update(nx.ancestors(self.graph, firing.id))
        cites: list[str] = []
        for node in sorted((n for n in nodes if n in self.order), key=self.order.__getitem__):
            cite = str(self.graph.nodes[node].get("record") or "")
            if cite and cite not in cites:
                cites.append(cite)
        return cites

    def authorities(self, firings: Iterable[Firing]) -> list[str]:
        out: list[str] = []
        for firing in firings:
            for authority_id in firing.meta.cited(firing.context):
                citation = resolve(authority_id).citation
                if citation not in out:
                    out.append(citation)
        return out

    def cited(self, sentence: str, record: list[str], authorities: list[str]) -> str:
        sentence = sentence.rstrip()
        if not sentence.endswith((".", "?", "!")):
            sentence += "."
        if self.system == "california":
            cites = [*record, *authorities]
            return f"{sentence} ({'; '.join(cites)}.)" if cites else sentence
        text = f"{sentence} ({'; '.join(record)}.)" if record else sentence
        return f"{text} {'; '.join(authorities)}." if authorities else text

    # --- sentences --------------------------------------------------------------------------

    def sentences(self, firings: list[Firing], requests: list[str], record: bool) -> list[str]:
        """One sentence per set of firings of a rule that say the same thing."""
        groups: dict[tuple[str, str], list[Firing]] = {}
        for firing in firings:
            masked = render(
                firing.meta.narrative or firing.meta.statement,
                {**firing.context, "requests": "\0", "request": "\0"},
                [],
                self.record,
            )
            cited = json.dumps(firing.meta.cited(firing.context))
            groups.setdefault((firing.rule_id, masked + cited), []).append(firing)
        out = []
        for _, members in sorted(groups.items(), key=lambda kv: kv[0]):
            own = [r for f in members for r in firing_requests(self.result, f)]
            subject = [r for r in requests if r in own] or requests
            meta = members[0].meta
            text = render(
                meta.narrative or meta.statement, members[0].context, subject, self.record
            )
            out.append(
                self.cited(
                    text, self.record_cites(members) if record else [], self.authorities(members)
                )
            )
        return out

    def law_behind(self, firings: list[Firing]) -> list[Firing]:
        """The law firings the given firings rest on (requirements, exemptions, deadlines)."""
        nodes: set[str] = set()
        for firing in firings:
            if firing.id in self.graph:
                nodes.update(nx.ancestors(self.graph, firing.id))
        found = []
        for node in sorted(nodes):
            law = self.by_id.get(node)
            if (
                law is not None
                and law.defeated_by is None
                and law.meta.kind == "law"
                and Ground not in law.meta.derives
            ):
                found.append(law)
        return found

    # --- paragraphs -------------------------------------------------------------------------

    def heading(self, requests: list[str]) -> str:
        phrase = self.record.phrase(requests)
        if self.record.case.single_set:
            set_id = requests[0].rpartition(":")[0]
            label = self.record.set_label(set_id)
            return f"{label[:1].upper()}{label[1:]}, {phrase}"
        return phrase[:1].upper() + phrase[1:]

    def request_paragraphs(self) -> list[Paragraph]:
        dispositions = {
            str(fact["request"]): (node, fact)
            for node, fact in self.result.facts.items()
            if isinstance(fact, RequestDisposition)
        }
        groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for ref in self.record.case.motion_requests:
            found = dispositions.get(str(ref))
            if found is not None:
                _, fact = found
                key = (str(fact["disposition"]), tuple(sorted(fact["grounds"])))
                groups.setdefault(key, []).append(str(ref))
        out = []
        for requests in groups.values():
            out.append(self.group(requests, [dispositions[r][0] for r in requests]))
        return out

    def group(self, requests: list[str], nodes: list[str]) -> Paragraph:
        deciders = [f for n in nodes for f in self.standing.get(n, [])]
        decisive_nodes = sorted({b for f in deciders for b in f.because})
        grounds = self._firings_of(decisive_nodes)
        parts = self.sentences(self.law_behind(grounds), requests, record=False)
        parts += self.sentences(grounds, requests, record=True)
        also = sorted(
            node
            for node, fact in self.result.facts.items()
            if isinstance(fact, Ground)
            and node not in decisive_nodes
            and fact["effect"] not in NOT_REACHED
            and (fact.get("request") in requests or not fact.get("request"))
        )
        for sentence in self.sentences(self._firings_of(also), requests, record=True):
            parts.append(f"Independently, {sentence[:1].lower()}{sentence[1:]}")
        parts += self.sentences(deciders, requests, record=False)
        heading = self.heading(requests)
        return Paragraph(tuple(requests), heading, f"{heading}. " + " ".join(parts))

    def _firings_of(self, nodes: Iterable[str]) -> list[Firing]:
        out: list[Firing] = []
        for node in nodes:
            for firing in self.standing.get(node, []):
                if firing not in out:
                    out.append(firing)
        return out

    def motion_paragraphs(self) -> list[Paragraph]:
        out = []
        for heading, classes, with_record in MOTION_WIDE:
            nodes = sorted(n for n, f in self.result.facts.items() if isinstance(f, classes))
            requests = [str(r) for r in self.record.case.motion_requests]
            sentences = self.sentences(self._firings_of(nodes), requests, record=with_record)
            if sentences:
                out.append(Paragraph((), heading, f"{heading}. " + " ".join(sentences)))
        return out

    def opening(self) -> str:
        model = self.record.model
        movant = self.record.party_name(model.motion.movant)
        return (
            f"{model.case.title}, No. {model.case.number}. {movant}'s "
            f"{MOTION_LABELS[model.motion.kind]}."
        )

    def closing(self) -> str:
        firings = [
            f
            for f in self.result.firings
            if f.defeated_by is None and any(n.startswith("concl:motion:") for n in f.derived)
        ]
        return " ".join(self.sentences(firings, [], record=False))


def paragraphs(result: Result, graph: nx.MultiDiGraph) -> list[Paragraph]:
    """The narrative's paragraphs: one per group of requests decided alike (same disposition,
    same decisive grounds), in the motion's request order, then excuses, orders and sanctions,
    then the ruling on the motion."""
    writer = _Writer(result, graph)
    out = [Paragraph((), "", writer.opening())]
    out += writer.request_paragraphs()
    out += writer.motion_paragraphs()
    closing = writer.closing()
    if closing:
        out.append(Paragraph((), "Ruling", closing))
    return out


def render_narrative(result: Result, graph: nx.MultiDiGraph) -> str:
    """The narrative as text: paragraphs separated by blank lines."""
    return "\n\n".join(p.text for p in paragraphs(result, graph)) + "\n"
