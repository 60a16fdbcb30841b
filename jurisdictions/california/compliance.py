"""Motions to compel compliance with a statement of compliance, Code Civ. Proc. § 2031.320.

CCP 2031.320(a): "If a party filing a response to a demand for inspection ... thereafter fails
to permit the inspection, copying, testing, or sampling in accordance with that party's
statement of compliance, the demanding party may move for an order compelling compliance."
The motion needs no meet-and-confer declaration and has no 45-day limit (meet_confer.py). It
reaches only a statement of compliance: a response of objections or inability is challenged by
a motion to compel a further response (2031.310), and disobedience of a court order by a motion
for sanctions (2031.310(i), 2023.030), not by a motion to "compel compliance" with the order
(Torres v. General Motors, LASC No. 21GDCV00782, Mar. 21, 2023). Documents produced after the
motion was filed leave nothing to compel, though sanctions may still follow (CRC 3.1348(a);
CCP 2023.050(a)(2) when they come within seven days of the hearing).
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from kb.facts import Ground, Motion, Request
from kb.rules import rule

STATEMENT_OF_COMPLIANCE = frozenset({"full_compliance", "partial_compliance"})


class CaliforniaCompliance:
    """CCP 2031.320: what the motion reaches, and when it is granted or moot."""

    @rule(
        id="ca.compliance.statement_not_honored",
        authorities=("ccp:2031.320(a)",),
        statement="The response to {requests} agreed to produce, and the documents were not "
        "produced as the statement of compliance promised: compliance is compelled.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_compliance"),
        Request(request=MATCH.request, set_kind="production", response=MATCH.response),
        TEST(lambda response: response in STATEMENT_OF_COMPLIANCE),
    )
    def statement_not_honored(self: Any, request: str, response: str) -> None:
        """CCP 2031.320(a): the demanding party "may move for an order compelling compliance"
        when the responding party fails to permit inspection "in accordance with that party's
        statement of compliance"."""
        self.conclude(
            Ground(
                rule="ca.compliance.statement_not_honored",
                gate="merits",
                effect="granted",
                request=request,
            )
        )

    @rule(
        id="ca.compliance.produced_after_motion",
        authorities=("ccp:2031.320(a)", "crc:3.1348(a)"),
        statement="The documents requested in {requests} were produced after the motion was "
        "filed: there is nothing left to compel.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_compliance"),
        Request(
            request=MATCH.request,
            set_kind="production",
            supplemental_after_motion=True,
            supplemental="full_compliance",
        ),
    )
    def produced_after_motion(self: Any, request: str) -> None:
        """A full production after the motion was filed moots it; CRC 3.1348(a) keeps sanctions
        available although "the requested discovery was provided ... after the motion was
        filed"."""
        self.conclude(
            Ground(
                rule="ca.compliance.produced_after_motion",
                gate="mootness",
                effect="moot",
                request=request,
            )
        )

    @rule(
        id="ca.compliance.no_statement_of_compliance",
        authorities=("ccp:2031.320(a)",),
        statement="The response to {requests} was not a statement of compliance ({response}): "
        "a motion to compel compliance does not lie.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_compliance"),
        Request(request=MATCH.request, set_kind=MATCH.set_kind, response=MATCH.response),
        TEST(
            lambda set_kind, response: (
                set_kind != "production" or response not in STATEMENT_OF_COMPLIANCE
            )
        ),
    )
    def no_statement_of_compliance(self: Any, request: str, set_kind: str, response: Any) -> None:
        """CCP 2031.320(a) enforces "that party's statement of compliance"; objections, a
        representation of inability or no response at all are reached by 2031.310 or 2031.300,
        and disobedience of an order compelling discovery by a motion for sanctions."""
        words = {None: "no response to it is stated", "none": "no response was served"}
        self.conclude(
            Ground(
                rule="ca.compliance.no_statement_of_compliance",
                gate="merits",
                effect="denied",
                request=request,
            ),
            response=words.get(response, str(response).replace("_", " ")),
        )
