"""E.D. Cal. Local Rule 251: a conference, then a Joint Statement.

L.R. 251(b): a discovery motion "shall not be heard" unless the parties have conferred and
attempted to resolve their differences and have set out their differences in a Joint Statement;
(c) what it contains; (d) an affidavit when the opponent will not cooperate; (e) neither applies
when there has been "a complete and total failure to respond to a discovery request" or only
sanctions are sought. Courts hold a single letter is not a conference (Bradley; Brown), and
scheduling orders in pro se prisoner cases switch L.R. 251 off (Jennings v. Moreland).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, NOT, TEST, L, Rule

from jurisdictions.common.exchange import conferred_directly
from jurisdictions.federal.conferral import no_conference_ground
from kb.facts import (
    Absence,
    Court,
    DiscoverySet,
    Excuse,
    Exemption,
    Ground,
    Motion,
    Party,
    Request,
    Requirement,
)
from kb.rules import Effective, rule

LR_251 = Effective(since=dt.date(2009, 1, 1), note="L.R. 251 as applied in the cited orders")
LOCAL_RULES = ("edcal.meet_confer.no_conference", "edcal.joint_statement.required")


class EasternDistrict:
    """E.D. Cal.: confer for real, then file one Joint Statement; the 251(e) exceptions."""

    @rule(
        id="edcal.meet_confer.no_conference",
        authorities=("edcal-lr:251(b)", "case:bradley-v-county-of-san-joaquin-2018"),
        statement="The parties did not confer about {requests} in person, by telephone or by "
        "video{written_words}; L.R. 251(b) requires an actual conference.",
        effective=LR_251,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="edcal"),
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(lambda exchange: not conferred_directly(exchange)),
    )
    def no_conference(self: Any, request: str, set: str, exchange: Any) -> None:
        """L.R. 251(b): the motion "shall not be heard" unless the parties "have conferred and
        attempted to resolve their differences"; a letter is not a conference (Bradley)."""
        no_conference_ground(self, "edcal.meet_confer.no_conference", request, exchange)

    @rule(
        id="edcal.joint_statement.required",
        authorities=("edcal-lr:251(a)", "edcal-lr:251(b)"),
        statement="The dispute must be presented in a Joint Statement re Discovery Disagreement.",
        effective=LR_251,
        derives=(Requirement,),
    )
    @Rule(Motion(system="federal"), Court(district="edcal"))
    def joint_statement_required(self: Any) -> None:
        """L.R. 251(a)-(b): the parties must "set forth their differences and the bases therefor
        in a Joint Statement"."""
        self.conclude(Requirement(requirement="joint_statement"))

    @rule(
        id="edcal.joint_statement.missing",
        authorities=(
            "edcal-lr:251(b)",
            "edcal-lr:251(c)",
            "case:bradley-v-county-of-san-joaquin-2018",
        ),
        statement="No Joint Statement was filed: under L.R. 251 the motion cannot be heard.",
        effective=LR_251,
        derives=(Ground,),
    )
    @Rule(Absence(kind="paper", subject="joint_statement"), Court(district="edcal"))
    def joint_statement_missing(self: Any) -> None:
        """L.R. 251(b)-(c): substantive briefing is no substitute for the Joint Statement."""
        self.conclude(
            Ground(
                rule="edcal.joint_statement.missing",
                gate="papers",
                effect="denied_without_prejudice",
            )
        )

    @rule(
        id="edcal.exception.total_failure_to_respond",
        authorities=("edcal-lr:251(e)", "case:akkawi-v-sadr-2022"),
        statement="There was a complete and total failure to respond to {set_words}: L.R. "
        "251's conference and Joint Statement provisions do not apply to it.",
        effective=LR_251,
        overrides=LOCAL_RULES,
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal", kind=~L("protective_order")),
        Court(district="edcal"),
        DiscoverySet(
            set=MATCH.set,
            in_motion=True,
            responded=MATCH.responded,
            response_after_motion=MATCH.late,
        ),
        TEST(lambda responded, late: not responded or late),
    )
    def total_failure_to_respond(self: Any, set: str, responded: bool, late: bool) -> None:
        """L.R. 251(e): the rule does not apply "when there has been a complete and total
        failure to respond to a discovery request"; a partial response does not qualify. The
        failure is judged when the motion is filed: a response served afterwards does not make
        the motion one that needed a Joint Statement (Munoz v. Bd. of Trustees, E.D. Cal. 2022,
        heard under 251(e) after late responses). A motion for a protective order is the
        responding party's own: its not having answered yet is no "failure to respond" that
        relieves it of the conference and the Joint Statement (Valdez v. Leeds, E.D. Cal. 2019:
        hearing continued for both)."""
        self.conclude(
            Exemption(requirement="local_conference", reason="no response", set=set),
            set_words=self.record.set_label(set),
        )

    @rule(
        id="edcal.exception.no_response_at_all",
        authorities=("edcal-lr:251(e)",),
        statement="No discovery at issue drew any response: no Joint Statement is required.",
        effective=LR_251,
        overrides=("edcal.joint_statement.required",),
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal", kind=~L("protective_order")),
        Court(district="edcal"),
        NOT(DiscoverySet(in_motion=True, responded=True, response_after_motion=False)),
    )
    def no_response_at_all(self: Any) -> None:
        """L.R. 251(e): a motion after a total failure to respond may be noticed without a
        Joint Statement; not a protective-order motion by the party who was to respond."""
        self.conclude(Exemption(requirement="joint_statement", reason="no response"))

    @rule(
        id="edcal.exception.prisoner_case",
        authorities=("case:jennings-v-moreland-2010",),
        statement="A party is a self-represented prisoner: L.R. 251 does not apply to this action.",
        effective=LR_251,
        overrides=LOCAL_RULES,
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal"), Court(district="edcal"), Party(incarcerated=True, counsel=False)
    )
    def prisoner_case(self: Any) -> None:
        """Jennings v. Moreland (E.D. Cal. 2010): in pro se prisoner actions the district's
        practice is that L.R. 251 does not apply; the FRCP conferral duty remains."""
        self.conclude(Exemption(requirement="local_rule_251", reason="pro se prisoner"))

    @rule(
        id="edcal.exception.opponent_would_not_cooperate",
        authorities=("edcal-lr:251(d)",),
        statement="{opponent} would not cooperate in preparing a Joint Statement; the movant "
        "may proceed on its own declaration.",
        effective=LR_251,
        overrides=("edcal.joint_statement.required",),
        derives=(Exemption,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="edcal"),
        Excuse(by_movant=True, requirement="joint_statement", reason="opponent_unresponsive"),
    )
    def opponent_would_not_cooperate(self: Any) -> None:
        """L.R. 251(d): where the movant cannot obtain the opponent's cooperation, moving counsel
        may file a declaration so stating."""
        self.conclude(
            Exemption(requirement="joint_statement", reason="opponent would not cooperate")
        )
