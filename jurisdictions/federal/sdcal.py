"""S.D. Cal. Civil Local Rule 26.1(a): meet in person or by telephone; writing never suffices.

CivLR 26.1(a): the court will entertain no motion under Rules 26 through 37 "unless counsel
shall have previously met and conferred concerning all disputed issues"; counsel in the same
county meet in person, otherwise by telephone; and "[u]nder no circumstances may the parties
satisfy the meet and confer requirement by exchanging written correspondence" (as quoted in
Kakowski v. Allison and Stillwell v. RadioShack).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.common.exchange import conferred_directly
from jurisdictions.federal.conferral import no_conference_ground
from kb.facts import Court, Ground, Motion, Request, Requirement
from kb.rules import Effective, rule

CIVLR_26_1 = Effective(
    since=dt.date(2009, 1, 1), note="quoted in Stillwell (S.D. Cal. Feb. 10, 2009)"
)


class SouthernDistrict:
    """S.D. Cal.: every disputed issue conferred on in person or by telephone."""

    @rule(
        id="sdcal.meet_confer.no_conference",
        authorities=(
            "sdcal-civlr:26.1(a)",
            "case:stillwell-v-radioshack-2009",
            "case:kakowski-v-allison-2022",
        ),
        statement="No in-person or telephone conference took up {requests} before the motion"
        "{written_words}; under CivLR 26.1(a) written correspondence alone never "
        "satisfies the duty to meet and confer.",
        effective=CIVLR_26_1,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="sdcal"),
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(lambda exchange: not conferred_directly(exchange)),
    )
    def no_conference(self: Any, request: str, set: str, exchange: Any) -> None:
        """CivLR 26.1(a): counsel must have "met and conferred concerning all disputed issues";
        "[u]nder no circumstances" does exchanging written correspondence suffice."""
        no_conference_ground(self, "sdcal.meet_confer.no_conference", request, exchange)
