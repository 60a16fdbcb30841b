"""Depositions: the deponent who fails to appear (CCP 2025.450) and the deponent who will not
answer or produce at the deposition (CCP 2025.480).

CCP 2025.450(a): if, "after service of a deposition notice, a party to the action ... without
having served a valid objection under Section 2025.410, fails to appear for examination, or to
proceed with it, or to produce for inspection any document ... described in the deposition
notice, the party giving the notice may move for an order compelling the deponent's attendance
and testimony". (b)(2): the motion "shall be accompanied by a meet and confer declaration under
Section 2016.040, or, when the deponent fails to attend the deposition and produce the
documents ... a declaration stating that the petitioner has contacted the deponent to inquire
about the nonappearance" (text as quoted in Murillo, LASC No. 21STCV13005, Mar. 6, 2023). A
declaration that shows no contact after the nonappearance does not satisfy it (Sosa v.
Wilkerson, LASC No. BC712734, Jan. 2019; Arriaga v. Honda, LASC No. 22STCV00253, Dec. 5, 2024);
courts deny such motions without prejudice. (g)(1): if the motion is granted the court "shall
impose a monetary sanction ... in favor of the party who noticed the deposition and against the
deponent or the party with whom the deponent is affiliated", absent substantial justification.

CCP 2025.480(b): a motion to compel an answer or production at a deposition "shall be made no
later than 60 days after the completion of the record of the deposition, and shall be
accompanied by a meet and confer declaration under Section 2016.040"; the limit is mandatory
(Weinstein v. Blumberg (2018) 25 Cal.App.5th 316, 321). In a case file the record's completion
is the ``served`` date of the deposition set's ``response`` (the refusals on the record); the
period runs from that event, not from service of a paper, so no CCP 1013 or 1010.6 extension
applies, only the roll-over of a last day that is not a court day (CCP 2016.060).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, L, Rule

from jurisdictions.california.calendar import next_court_day
from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from kb.facts import (
    Absence,
    Deadline,
    DiscoverySet,
    Ground,
    Motion,
    OpenQuestion,
    Request,
    Requirement,
)
from kb.rules import rule

INQUIRY = "nonappearance_inquiry"


def inquiries(engine: Any, set_id: str) -> list[str]:
    """Ids of the movant's communications to the deponent about the deposition, after the date
    it was set for (when the file gives it) and before the motion was served."""
    record = engine.record
    dset = record.model.discovery[set_id]
    movant = record.model.motion.movant
    deponent = dset.to if dset.from_ == movant else dset.from_
    served = record.model.motion.served.date
    found: list[str] = []
    for conferral in record.model.conferrals:
        fact = engine.fact(f"fact:conferral:{conferral.id}")
        about = any(r.startswith(f"{set_id}:") for r in fact["raised"])
        after = dset.scheduled is None or conferral.date >= dset.scheduled
        if (
            conferral.from_ == movant
            and conferral.to == deponent
            and about
            and after
            and conferral.date < served
        ):
            found.append(conferral.id)
    return found


class CaliforniaDepositions:
    """CCP 2025.450 (nonappearance) and 2025.480 (refusals at the deposition)."""

    @rule(
        id="ca.deposition.inquiry_required",
        authorities=("ccp:2025.450(b)(2)",),
        statement="The deponent did not attend: the motion must show that {movant} contacted "
        "the deponent to ask about the nonappearance.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Requirement,),
    )
    @Rule(
        Motion(system="california", kind="compel_attendance"),
        DiscoverySet(set=MATCH.set, kind="deposition", in_motion=True),
    )
    def inquiry_required(self: Any, set: str) -> None:
        """CCP 2025.450(b)(2): when the deponent fails to attend, "a declaration stating that
        the petitioner has contacted the deponent to inquire about the nonappearance"."""
        self.conclude(Requirement(requirement=INQUIRY, set=set))

    @rule(
        id="ca.deposition.record_no_inquiry",
        kind="record",
        statement="No communication from {movant} to the deponent about the deposition{after} "
        "came before the motion.",
        derives=(Absence,),
    )
    @Rule(
        Requirement(requirement=INQUIRY, set=MATCH.set),
        DiscoverySet(set=MATCH.set, scheduled=MATCH.scheduled),
    )
    def record_no_inquiry(self: Any, set: str, scheduled: dt.date | None) -> None:
        """The record of communications holds none from the movant to the deponent that raised
        the deposition, dated on or after the day it was set for (when the file gives it) and
        before the motion was served."""
        if inquiries(self, set):
            return
        self.conclude(
            Absence(kind="inquiry", subject=set, set=set, where="conferrals[*]"),
            because=["fact:conferrals"],
            after=f" after {scheduled.isoformat()}" if scheduled else "",
        )

    @rule(
        id="ca.deposition.no_inquiry",
        authorities=("ccp:2025.450(b)(2)",),
        statement="{movant} shows no contact with the deponent about the nonappearance; the "
        "motion is denied without prejudice.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(Absence(kind="inquiry", set=MATCH.set))
    def no_inquiry(self: Any, set: str) -> None:
        """A declaration that shows only scheduling efforts, or none at all, does not state that
        the movant "contacted the deponent to inquire about the nonappearance"; "implicit in the
        requirement ... is a requirement that counsel listen to the reasons offered and make a
        good faith attempt to resolve the issue" (Leko v. Cornerstone Bldg. Inspection Service
        (2001) 86 Cal.App.4th 1109, 1124, as quoted in Arriaga v. Honda)."""
        self.conclude(
            Ground(
                rule="ca.deposition.no_inquiry",
                gate="conferral",
                effect="denied_without_prejudice",
                set=set,
            )
        )

    @rule(
        id="ca.deposition.failed_to_appear",
        authorities=("ccp:2025.450(a)",),
        statement="After service of the deposition notice the deponent failed to appear "
        "without serving an objection: attendance is compelled.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_attendance"),
        Request(request=MATCH.request, set_kind="deposition", responded=False),
    )
    def failed_to_appear(self: Any, request: str) -> None:
        """CCP 2025.450(a): a party deponent who, "without having served a valid objection under
        Section 2025.410, fails to appear" may be ordered to attend and testify."""
        self.conclude(
            Ground(
                rule="ca.deposition.failed_to_appear",
                gate="merits",
                effect="granted",
                request=request,
            )
        )

    @rule(
        id="ca.deposition.objection_not_valid",
        authorities=("ccp:2025.450(a)", "ccp:2025.410(a)"),
        statement="The deponent served an objection but did not appear; {verdict}: attendance "
        "is compelled.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground, OpenQuestion),
    )
    @Rule(
        Motion(system="california", kind="compel_attendance"),
        Request(
            request=MATCH.request,
            set_kind="deposition",
            responded=True,
            objections=L("overruled") | L("no_finding"),
        ),
    )
    def objection_not_valid(self: Any, request: str) -> None:
        """An objection excuses attendance only if it is "valid" (2025.450(a)); the objecting
        deponent, who did not move to stay the deposition (2025.410(c)), bears the burden of
        showing that it was."""
        found = self.fact(f"fact:finding:objections:{request}")
        self.conclude(
            Ground(
                rule="ca.deposition.objection_not_valid",
                gate="merits",
                effect="granted",
                request=request,
            ),
            because=[found.node_id()] if found is not None else [],
            verdict="the objection is overruled"
            if found is not None
            else "nothing shows the objection valid",
        )
        if found is None:
            self.conclude(
                OpenQuestion(
                    finding="findings.objections",
                    request=request,
                    gate="merits",
                    question="Was the deponent's objection to the deposition notice valid?",
                    assumed="not valid (the objecting deponent's burden)",
                )
            )

    @rule(
        id="ca.deposition.objection_valid",
        authorities=("ccp:2025.450(a)", "ccp:2025.410(a)"),
        statement="The deponent's objection to the deposition notice is sustained: the "
        "deponent need not attend as noticed.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_attendance"),
        Request(request=MATCH.request, set_kind="deposition", objections="sustained"),
    )
    def objection_valid(self: Any, request: str) -> None:
        """CCP 2025.450(a) reaches only a deponent who failed to appear "without having served a
        valid objection"."""
        self.conclude(
            Ground(
                rule="ca.deposition.objection_valid",
                gate="merits",
                effect="denied",
                request=request,
            ),
            because=[f"fact:finding:objections:{request}"],
        )

    # --- CCP 2025.480: answers and production at the deposition ---------------------------

    @rule(
        id="ca.deposition.record_deadline",
        authorities=("ccp:2025.480(b)", "ccp:2016.060"),
        statement="A motion to compel answers or production at the deposition was due within "
        "{days} days after the record was completed on {start}: last day {last_day}.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Deadline,),
    )
    @Rule(
        Motion(system="california", kind="compel_further"),
        DiscoverySet(
            set=MATCH.set,
            kind="deposition",
            in_motion=True,
            responded=True,
            response_served=MATCH.start,
        ),
    )
    def record_deadline(self: Any, set: str, start: dt.date) -> None:
        """CCP 2025.480(b): "no later than 60 days after the completion of the record of the
        deposition"; for a business-records subpoena the objections are the record (Unzipped
        Apparel, LLC v. Bader (2007) 156 Cal.App.4th 123, 132-133)."""
        days = self.parameters.value("deposition_motion_days", self.as_of)
        last_day = next_court_day(start + dt.timedelta(days=days))
        self.conclude(
            Deadline(
                deadline="deposition_motion",
                set=set,
                set_kind="deposition",
                start=start,
                last_day=last_day,
                steps=(f"{start.isoformat()} + {days} days",),
            ),
            days=days,
            start=start,
            last_day=last_day,
        )

    @rule(
        id="ca.deposition.motion_late",
        authorities=("ccp:2025.480(b)", "case:weinstein-v-blumberg-2018"),
        statement="The motion was made on {served}, after the last day ({last_day}): the "
        "court has no power to compel the answers or production.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="compel_further", served=MATCH.served),
        Deadline(deadline="deposition_motion", set=MATCH.set, last_day=MATCH.last_day),
        TEST(lambda served, last_day: served > last_day),
    )
    def motion_late(self: Any, served: dt.date, set: str, last_day: dt.date) -> None:
        """Weinstein v. Blumberg (2018) 25 Cal.App.5th 316, 321: the 60-day limit of
        2025.480(b) is mandatory; a late motion must be denied."""
        self.conclude(
            Ground(rule="ca.deposition.motion_late", gate="timeliness", effect="denied", set=set)
        )
