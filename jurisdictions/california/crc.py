"""California Rules of Court, rule 3.1345: the separate statement.

Rule 3.1345(a): a motion to compel further responses (to admissions, interrogatories or an
inspection demand) "must be accompanied by a separate statement"; (b) it is not required
"(1) When no response has been provided to the request for discovery" or (2) when the court
allowed a concise outline instead; (c) it must be "full and complete so that no person is
required to review any other document". Without one the motion may be denied (Mills v. U.S.
Bank); a defective one leaves the court unable to tell what is in dispute.
"""

from __future__ import annotations

from typing import Any

from experta import NOT, Rule

from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from kb.facts import Absence, DiscoverySet, Exemption, Ground, Motion, Paper, Requirement
from kb.rules import rule


class CaliforniaSeparateStatement:
    """CRC 3.1345: when a separate statement is required, and what follows without one."""

    @rule(
        id="ca.separate_statement.required",
        authorities=("crc:3.1345(a)",),
        statement="A motion to compel further responses must be accompanied by a separate "
        "statement setting out each request and response in dispute.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Requirement,),
    )
    @Rule(Motion(system="california", kind="compel_further"))
    def required(self: Any) -> None:
        """CRC 3.1345(a)(1)-(3): motions to compel further responses to requests for admission,
        interrogatories and demands for inspection "must be accompanied by a separate
        statement"."""
        self.conclude(Requirement(requirement="separate_statement"))

    @rule(
        id="ca.separate_statement.not_required_no_response",
        authorities=("crc:3.1345(b)(1)",),
        statement="No response was ever served to the discovery at issue, so no separate "
        "statement is required.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=("ca.separate_statement.required",),
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        NOT(DiscoverySet(in_motion=True, responded=True)),
    )
    def not_required_no_response(self: Any) -> None:
        """CRC 3.1345(b)(1): not required "when no response has been provided to the request
        for discovery"."""
        self.conclude(Exemption(requirement="separate_statement", reason="no response"))

    @rule(
        id="ca.separate_statement.missing",
        authorities=("crc:3.1345(a)", "case:mills-v-us-bank-2008"),
        statement="No separate statement was filed, as rule 3.1345(a) requires for a motion "
        "to compel further responses.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="separate_statement"))
    def missing(self: Any) -> None:
        """Mills v. U.S. Bank (2008) 166 Cal.App.4th 871, 893: a court may deny a discovery
        motion that lacks a separate statement."""
        self.conclude(Ground(rule="ca.separate_statement.missing", gate="papers", effect="denied"))

    @rule(
        id="ca.separate_statement.not_full_and_complete",
        authorities=("crc:3.1345(c)",),
        statement="The separate statement is not full and complete ({defect_words}), so the "
        "court cannot tell which requests and responses are in dispute; the motion "
        "is denied without prejudice.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Requirement(requirement="separate_statement"),
        Paper(paper="separate_statement", filed=True, compliant=False),
    )
    def not_full_and_complete(self: Any) -> None:
        """CRC 3.1345(c): the statement must be "full and complete so that no person is required
        to review any other document in order to determine the full request and the full
        response"; material must not be incorporated by reference."""
        paper = self.fact("fact:paper:separate_statement")
        words = {
            "not_full_text": "not the full text of each request and response",
            "no_reasons": "no reasons why a further response should be compelled",
            "missing_requests": "requests in the notice are missing from it",
            "not_separate": "not a separate document",
        }
        defects = [words.get(d, d) for d in paper["defects"]] or ["defective"]
        self.conclude(
            Ground(
                rule="ca.separate_statement.not_full_and_complete",
                gate="papers",
                effect="denied_without_prejudice",
            ),
            defect_words="; ".join(defects),
        )
