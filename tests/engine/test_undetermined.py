"""When no rule reaches a disposition for a request, the decision says so: ``undetermined``
with the reason in ``open_questions``, never a default such as granted or denied.

The real rule sets decide every request of every case we have, so this path is exercised with
a test-only rule set: the shared record and disposition rules plus one merits rule that decides
only the requests whose objections the judge has ruled on.
"""

from __future__ import annotations

from typing import Any, ClassVar

from experta import MATCH, Rule

from engine.api import decide
from engine.explain import render_chain, why
from engine.exports.decision_text import render_decision
from engine.provenance import build_graph
from jurisdictions.common.dispositions import DispositionRules
from jurisdictions.common.record import RecordRules
from kb.facts import Ground, Request
from kb.outcomes import Decision
from kb.rules import rule
from tests.helpers import ca_further, edit, load


class OverruledOnly(RecordRules, DispositionRules):
    """Grants a request when its objections were overruled; says nothing about the rest."""

    GATES: ClassVar[tuple[str, ...]] = ("merits",)

    @rule(
        id="test.merits.objections_overruled",
        authorities=("ccp:2031.310(a)(3)",),
        statement="The objections to {requests} are overruled.",
        derives=(Ground,),
    )
    @Rule(Request(request=MATCH.request, objections="overruled"))
    def objections_overruled(self: Any, request: str) -> None:
        """Test rule: an overruled objection calls for a further response."""
        self.conclude(
            Ground(
                rule="test.merits.objections_overruled",
                gate="merits",
                effect="granted",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
        )


def decided(findings: dict[str, Any]) -> tuple[Decision, Any]:
    case = load(edit(ca_further(), findings=findings))
    return decide(case, (OverruledOnly,), "test")


def test_requests_no_rule_reaches_are_undetermined_with_the_reason() -> None:
    decision, result = decided({"objections": {"overruled": [1, 2]}})
    assert {r: o.disposition for r, o in decision.requests.items()} == {
        "rfp1:1": "granted",
        "rfp1:2": "granted",
        "rfp1:3": "undetermined",
    }
    assert decision.requests["rfp1:3"].grounds == []
    # One undetermined request leaves the motion undetermined, not "granted in part".
    assert decision.disposition == "undetermined"
    questions = [q for q in decision.open_questions if q.finding == "disposition"]
    assert len(questions) == 1
    assert questions[0].requests == ["rfp1:3"]
    assert "No rule reached a disposition" in questions[0].question
    # The JSON object carries it; the text rendering shows it; the graph explains it.
    body = decision.model_dump(mode="json")
    assert body["requests"]["rfp1:3"]["disposition"] == "undetermined"
    text = render_decision(decision, "Jane Doe")
    assert "UNDETERMINED" in text and "rfp1:3" in text
    graph = build_graph(result)
    chain = render_chain(why(graph, "concl:request:rfp1:3:undetermined"))
    assert "no rule reached it" in chain


def test_every_request_undetermined() -> None:
    decision, _ = decided({})
    assert decision.disposition == "undetermined"
    assert {o.disposition for o in decision.requests.values()} == {"undetermined"}
    (question,) = [q for q in decision.open_questions if q.finding == "disposition"]
    assert question.requests == ["rfp1:1", "rfp1:2", "rfp1:3"]


def test_a_decided_motion_has_no_undetermined_question() -> None:
    decision, _ = decided({"objections": {"overruled": "all"}})
    assert decision.disposition == "granted"
    assert not [q for q in decision.open_questions if q.finding == "disposition"]
