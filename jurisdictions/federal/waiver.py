"""Objections served late are waived: Rule 33(b)(4) and, for Rule 34, Richmark.

Rule 33(b)(4): "Any ground not stated in a timely objection is waived unless the court, for good
cause, excuses the failure." Richmark Corp. v. Timber Falling Consultants, 959 F.2d 1468, 1473
(9th Cir. 1992): "a failure to object to discovery requests within the time required constitutes
a waiver of any objection" (applied to Rule 34 requests). A response served after its deadline
(kb: jurisdictions.federal.timing) therefore cannot rest on its objections; a finding on the
objections (the judge's, e.g. one that excuses the delay) takes precedence.
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.federal.conferral import CERTIFICATION_RULE
from jurisdictions.federal.timing import deadline_nodes, response_deadline, served_late
from kb.facts import Deadline, DiscoverySet, Ground, Motion
from kb.rules import Select, rule

WAIVER_RULES = {
    "interrogatories": "frcp:33(b)(4)",
    "form_interrogatories": "frcp:33(b)(4)",
    "production": "case:richmark-v-timber-falling-consultants-1992",
}
OBJECTING = frozenset({"objections", "partial_compliance", "inability"})


class UntimelyObjections:
    """A late response's objections do not stand."""

    @rule(
        id="frcp.merits.untimely_objections_waived",
        authorities=("frcp:37(a)(3)(B)", Select("set_kind", WAIVER_RULES)),
        statement="{opponent} served its response to {set_words} on {answered}, after the "
        "{deadline} deadline: the objections to {requests} are waived and further "
        "responses are compelled.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
        consumes=(Deadline,),
    )
    @Rule(
        Motion(system="federal", kind="compel_further"),
        DiscoverySet(
            set=MATCH.set,
            kind=MATCH.set_kind,
            in_motion=True,
            responded=True,
            response_served=MATCH.answered,
        ),
        TEST(lambda set_kind: set_kind in WAIVER_RULES),
    )
    def untimely_objections_waived(self: Any, set: str, set_kind: str, answered: Any) -> None:
        """Rule 33(b)(4); Richmark, 959 F.2d at 1473: untimely objections are waived."""
        discovery_set = self.fact(f"fact:discovery:{set}")
        if not served_late(self, discovery_set):
            return
        deadline = response_deadline(self, discovery_set)
        for ref in self.record.case.motion_requests:
            if ref.set_id != set:
                continue
            request = self.fact(f"fact:request:{ref}")
            if request is None or request["objections"] != "no_finding":
                continue
            if request["response"] not in OBJECTING:
                continue
            self.conclude(
                Ground(
                    rule="frcp.merits.untimely_objections_waived",
                    gate="merits",
                    effect="granted",
                    request=str(ref),
                ),
                because=[discovery_set.node_id(), *deadline_nodes(self, set)],
                set_kind=set_kind,
                set_words=self.record.set_label(set),
                answered=answered.isoformat(),
                deadline=deadline.isoformat(),
            )
