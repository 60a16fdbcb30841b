"""C.D. Cal. Local Rules 37-1 to 37-4: a letter, a conference within ten days, a joint
stipulation.

L.R. 37-1: before any discovery motion counsel "shall confer in a good faith effort to eliminate
the necessity for hearing the motion"; the movant serves a letter that identifies "each issue
and/or discovery request in dispute", and the opponent must confer within ten days (in person in
the same county, otherwise by telephone). L.R. 37-2: if they cannot settle their differences
"they shall formulate a written stipulation", filed with the notice of motion; 37-2.4 lets the
movant proceed on a declaration when the opponent fails to confer or to supply its part.
L.R. 37-4: the court "may decline to consider" a motion that does not comply (O.L. v. City of
El Monte: a motion on an 89-page brief instead of a joint stipulation, denied without
prejudice); courts have reached the merits of a self-represented movant's motion after an
actual conference (Murrey v. City of Los Angeles, 2020).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.common.exchange import conferred_directly, unanswered_attempts
from jurisdictions.federal.conferral import no_conference_ground
from kb.facts import (
    Absence,
    Court,
    Excuse,
    Exemption,
    Ground,
    Motion,
    Paper,
    Party,
    Request,
    Requirement,
)
from kb.rules import Effective, rule

LR_37 = Effective(since=dt.date(2010, 1, 1), note="text verified as of the 2010-01-01 revision")


def _all_conferred(engine: Any) -> bool:
    return all(
        engine.fact(f"fact:request:{r}") is not None
        and conferred_directly(engine.fact(f"fact:request:{r}")["exchange"])
        for r in map(str, engine.record.case.motion_requests)
    )


class CentralDistrict:
    """C.D. Cal.: a conference after a 37-1 letter, and a joint stipulation."""

    @rule(
        id="cdcal.meet_confer.no_conference",
        authorities=("cdcal-lr:37-1",),
        statement="{requests}: no conference of counsel took place{written_words}; L.R. 37-1 "
        "requires a letter identifying the dispute, then a conference within ten days.",
        effective=LR_37,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="cdcal"),
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(
            lambda exchange: not conferred_directly(exchange) and not unanswered_attempts(exchange)
        ),
    )
    def no_conference(self: Any, request: str, set: str, exchange: Any) -> None:
        """L.R. 37-1: counsel "shall confer", in person or by telephone, within ten days after
        the moving party's letter; a movant whose letter went unanswered may proceed under
        37-2.4 instead, so that case is left out here."""
        no_conference_ground(self, "cdcal.meet_confer.no_conference", request, exchange)

    @rule(
        id="cdcal.joint_stipulation.required",
        authorities=("cdcal-lr:37-2",),
        statement="If the conference does not settle the dispute, the parties must formulate "
        "a joint stipulation, filed with the notice of motion.",
        effective=LR_37,
        derives=(Requirement,),
    )
    @Rule(Motion(system="federal"), Court(district="cdcal"))
    def joint_stipulation_required(self: Any) -> None:
        """L.R. 37-2: "they shall formulate a written stipulation ... filed and served with the
        notice of motion"."""
        self.conclude(Requirement(requirement="joint_statement"))

    @rule(
        id="cdcal.joint_stipulation.missing",
        authorities=("cdcal-lr:37-2", "cdcal-lr:37-4", "case:ol-v-city-of-el-monte-2021"),
        statement="The motion was filed without the joint stipulation L.R. 37-2 requires (or a "
        "37-2.4 declaration); the court declines to consider it.",
        effective=LR_37,
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="joint_statement"), Court(district="cdcal"))
    def joint_stipulation_missing(self: Any) -> None:
        """L.R. 37-4: the court "may decline to consider" a discovery motion that does not
        comply with L.R. 37-1 through 37-3 (O.L. v. City of El Monte, 2021)."""
        self.conclude(
            Ground(
                rule="cdcal.joint_stipulation.missing",
                gate="papers",
                effect="denied_without_prejudice",
            )
        )

    @rule(
        id="cdcal.joint_stipulation.not_compliant",
        authorities=("cdcal-lr:37-2", "cdcal-lr:37-4"),
        statement="The joint stipulation filed does not comply with L.R. 37-2, as the court "
        "found; the court declines to consider the motion.",
        effective=LR_37,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="cdcal"),
        Paper(paper="joint_statement", filed=True, compliant=False),
    )
    def joint_stipulation_not_compliant(self: Any) -> None:
        """L.R. 37-2: the dispute "must be set forth in a joint stipulation" prepared as 37-2.1
        and 37-2.2 prescribe, each party's portion as that party wrote it; L.R. 37-4: the court
        "may decline to consider a discovery motion" that does not comply (O.L. v. City of El
        Monte, C.D. Cal. Dec. 14, 2020: stipulations altered after the other side supplied its
        portions were not considered, although the movant was self-represented: a stipulation
        filed is held to the rule even where a missing one might have been excused)."""
        self.conclude(
            Ground(
                rule="cdcal.joint_stipulation.not_compliant",
                gate="papers",
                effect="denied_without_prejudice",
            ),
            because=["fact:paper:joint_statement"],
        )

    @rule(
        id="cdcal.joint_stipulation.opponent_did_not_cooperate",
        authorities=("cdcal-lr:37-2.4",),
        statement="{opponent} failed to confer or to supply its part of a joint stipulation, so "
        "{movant} may proceed on a declaration.",
        effective=LR_37,
        overrides=("cdcal.joint_stipulation.required",),
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="cdcal"),
        Excuse(by_movant=True, requirement=MATCH.requirement, reason="opponent_unresponsive"),
        TEST(lambda requirement: requirement in ("joint_statement", "meet_and_confer")),
    )
    def opponent_did_not_cooperate(self: Any, requirement: str) -> None:
        """L.R. 37-2.4: the movant may file without a joint stipulation on a declaration that
        the opponent failed to confer timely or to provide its portion."""
        self.conclude(Exemption(requirement="joint_statement", reason="opponent did not cooperate"))

    @rule(
        id="cdcal.joint_stipulation.letters_unanswered",
        authorities=("cdcal-lr:37-2.4", "cdcal-lr:37-1"),
        statement="{opponent} never answered {movant}'s letters requesting a conference, so "
        "{movant} may proceed without a joint stipulation.",
        effective=LR_37,
        overrides=("cdcal.joint_stipulation.required",),
        derives=(Exemption,),
    )
    @Rule(Motion(system="federal"), Court(district="cdcal"))
    def letters_unanswered(self: Any) -> None:
        """L.R. 37-1: the opponent "shall confer ... within ten (10) days" after the letter;
        37-2.4: if it does not, the movant may proceed on a declaration."""
        exchanges = [
            self.fact(f"fact:request:{r}")["exchange"]
            for r in map(str, self.record.case.motion_requests)
        ]
        if not all(unanswered_attempts(e) for e in exchanges):
            return
        self.conclude(Exemption(requirement="joint_statement", reason="letters unanswered"))

    @rule(
        id="cdcal.joint_stipulation.pro_se_movant_conferred",
        authorities=("cdcal-lr:37-4",),
        statement="{movant}, who is self-represented, conferred with {opponent} on every "
        "request before filing; the court considers the motion despite the missing "
        "joint stipulation.",
        effective=LR_37,
        overrides=("cdcal.joint_stipulation.required",),
        derives=(Exemption,),
    )
    @Rule(Motion(system="federal"), Court(district="cdcal"), Party(role="movant", counsel=False))
    def pro_se_movant_conferred(self: Any) -> None:
        """L.R. 37-4 leaves enforcement to the court ("may decline to consider"); where a
        self-represented movant actually conferred, the joint stipulation's purpose is met."""
        if not _all_conferred(self):
            return
        self.conclude(Exemption(requirement="joint_statement", reason="pro se movant conferred"))
