"""Checks that keep a rule base clean (``kb lint``).

Static checks, on the rule metadata of every rule set:
- ids: dotted lowercase, unique per function;
- authorities: law rules cite at least one, and every id resolves;
- statements and docstrings: present (a rule quotes its statute's operative words);
- effective dates: a non-empty range;
- overrides: name rules that exist, and form no cycle; the rule set can be ordered (strata);
- reachability: a rule whose patterns need a fact class that no rule derives and the case file
  never provides can never fire.
Dynamic check, over a corpus of results (``--cases``): no request has two standing grounds of
the same gate calling for different dispositions with no override between their rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine.engine import Result
from engine.strata import PlanError, plan
from kb.authorities import UnknownAuthority, resolve
from kb.facts import CASE_FACT_TYPES, Ground
from kb.rules import RuleMeta, rule_meta, rules_of

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem: the rule (or rule set) it concerns, and what is wrong."""

    where: str
    problem: str

    def line(self) -> str:
        return f"{self.where}: {self.problem}"


def _metas(rule_sets: dict[str, tuple[type, ...]]) -> dict[str, list[RuleMeta]]:
    return {name: [rule_meta(r) for r in rules_of(*mixins)] for name, mixins in rule_sets.items()}


def check_rule(meta: RuleMeta) -> list[Finding]:
    """Problems with one rule's own metadata."""
    found: list[Finding] = []
    if not ID_PATTERN.match(meta.id):
        found.append(Finding(meta.id, "id must be dotted lowercase, e.g. ca.meet_confer.x"))
    if meta.kind == "law" and not meta.authorities:
        found.append(Finding(meta.id, "a law rule must cite at least one authority"))
    for authority_id in meta.authorities:
        try:
            resolve(authority_id)
        except UnknownAuthority as exc:
            found.append(Finding(meta.id, f"unknown authority: {exc}"))
    if not meta.statement.strip():
        found.append(Finding(meta.id, "no statement"))
    if not meta.doc.strip():
        found.append(Finding(meta.id, "no docstring (quote the operative words of its authority)"))
    since, until = meta.effective.since, meta.effective.until
    if since is not None and until is not None and since >= until:
        found.append(Finding(meta.id, f"empty effective range {since} .. {until}"))
    if not meta.derives:
        found.append(Finding(meta.id, "derives nothing"))
    return found


def check_rule_set(name: str, metas: Sequence[RuleMeta]) -> list[Finding]:
    """Problems that only show in a whole rule set."""
    found: list[Finding] = []
    ids = [m.id for m in metas]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        found.append(Finding(duplicate, f"id used by more than one rule in {name}"))
    known = set(ids)
    for meta in metas:
        for target in meta.overrides:
            if target not in known and not any(target.startswith(p) for p in _OTHER_SETS):
                found.append(Finding(meta.id, f"overrides unknown rule {target}"))
    try:
        plan(metas)
    except PlanError as exc:
        found.append(Finding(name, f"cannot be ordered: {exc}"))
    derivable = set(CASE_FACT_TYPES)
    for meta in metas:
        derivable.update(meta.derives)
    for meta in metas:
        missing = sorted(c.__name__ for c in meta.matches if c not in derivable)
        if missing:
            found.append(
                Finding(meta.id, f"can never fire in {name}: nothing provides {', '.join(missing)}")
            )
    return found


_OTHER_SETS = ("sdcal.", "cdcal.", "ndcal.", "edcal.")
"""Rules of one district may name another district's rule ids in ``overrides`` (an FRCP rule
that overrides every district's conference rule); those are checked against the union below."""


def check_contradictions(results: Iterable[Result]) -> list[Finding]:
    """Requests with standing grounds of one gate that call for different dispositions, when
    neither rule overrides the other."""
    found: set[Finding] = set()
    for result in results:
        by_request: dict[tuple[str, str], list[Ground]] = {}
        for fact in result.facts.values():
            if isinstance(fact, Ground) and fact.get("request"):
                by_request.setdefault((str(fact["request"]), fact["gate"]), []).append(fact)
        overrides = {(m.id, t) for m in result.rules for t in m.overrides}
        for (request, gate), grounds in by_request.items():
            for a in grounds:
                for b in grounds:
                    if (
                        a["rule"] < b["rule"]
                        and a["effect"] != b["effect"]
                        and (a["rule"], b["rule"]) not in overrides
                        and (b["rule"], a["rule"]) not in overrides
                        and "undetermined" not in (a["effect"], b["effect"])
                    ):
                        found.add(
                            Finding(
                                f"{a['rule']} / {b['rule']}",
                                f"both stand for {request} in gate {gate} with "
                                f"different effects ({a['effect']} vs {b['effect']}) "
                                f"in {result.record.case.file}",
                            )
                        )
    return sorted(found)


def lint(rule_sets: dict[str, tuple[type, ...]]) -> list[Finding]:
    """Every static finding over the given rule sets, sorted."""
    found: set[Finding] = set()
    every_id: set[str] = set()
    for name, metas in _metas(rule_sets).items():
        every_id.update(m.id for m in metas)
        for meta in metas:
            found.update(check_rule(meta))
        found.update(check_rule_set(name, metas))
    for metas in _metas(rule_sets).values():
        for meta in metas:
            for target in meta.overrides:
                if target not in every_id:
                    found.add(Finding(meta.id, f"overrides unknown rule {target}"))
    return sorted(found)
