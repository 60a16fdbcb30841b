"""What the record shows does not exist: reified absences, shared by both systems.

experta's ``NOT(...)`` leaves nothing behind to explain, so these rules assert an
:class:`~kb.facts.Absence` with its own provenance whenever a requirement that applies looks
for something the case file does not have. They read the record under the closed-world
assumption (a communication not in the file did not happen); they state no law, so they cite
no authority (``kind="record"``); the legal consequence is drawn by the rules that use them.
"""

from __future__ import annotations

from typing import Any

from experta import EXISTS, MATCH, NOT, TEST, Rule

from kb.facts import (
    Absence,
    Conferral,
    DiscoverySet,
    InformalConference,
    OpenQuestion,
    Paper,
    Request,
    Requirement,
)
from kb.rules import rule

PAPERS = ("meet_and_confer_declaration", "certification", "separate_statement", "joint_statement")


class RecordRules:
    """Absences: requests no communication raised, offers never answered, papers not filed."""

    @rule(
        id="common.record.request_not_raised",
        kind="record",
        derives=(Absence,),
        statement="No meet-and-confer communication before the motion was served raised "
        "{requests}.",
    )
    @Rule(
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=()),
    )
    def request_not_raised(self: Any, request: str, set: str) -> None:
        """The record of communications (``conferrals``) holds none, before service of the
        motion and between the parties to the discovery set, that names this request."""
        self.conclude(
            Absence(
                kind="raised", subject=request, request=request, where="conferrals[*].requests"
            ),
            because=["fact:conferrals"],
        )

    @rule(
        id="common.record.offer_unanswered",
        kind="record",
        derives=(Absence,),
        statement="No communication from {movant} answered the {method} of {date}.",
    )
    @Rule(
        EXISTS(Requirement(requirement="meet_and_confer")),
        Conferral(
            conferral=MATCH.conferral,
            by_movant=False,
            before_motion=True,
            answered_by=(),
            method=MATCH.method,
            date=MATCH.date,
            offers=MATCH.offers,
        ),
        TEST(lambda offers: bool(offers)),
    )
    def offer_unanswered(self: Any, conferral: str, method: str, date: Any, offers: Any) -> None:
        """An opposing communication that proposed or asked for something (``offers``) is
        answered only by a later communication from the movant that replies to it."""
        self.conclude(
            Absence(
                kind="answer",
                subject=conferral,
                conferral=conferral,
                where="conferrals[*].replying_to",
            ),
            because=["fact:conferrals"],
            method=method.replace("_", " "),
        )

    @rule(
        id="common.record.paper_not_filed",
        kind="record",
        derives=(Absence,),
        statement="The motion papers include no {paper_words}.",
    )
    @Rule(
        Requirement(requirement=MATCH.paper),
        TEST(lambda paper: paper in PAPERS),
        Paper(paper=MATCH.paper, filed=False),
    )
    def paper_not_filed(self: Any, paper: str) -> None:
        """The case file states the paper was not filed (``filed: false``)."""
        self.conclude(
            Absence(kind="paper", subject=paper, where=f"motion.papers.{paper}"),
            paper_words=paper.replace("_", " "),
        )

    @rule(
        id="common.record.paper_not_stated",
        kind="record",
        derives=(OpenQuestion,),
        statement="The case file does not say whether a {paper_words} was filed; the rules "
        "assume it was.",
    )
    @Rule(
        Requirement(requirement=MATCH.paper),
        TEST(lambda paper: paper in PAPERS),
        NOT(Paper(paper=MATCH.paper)),
    )
    def paper_not_stated(self: Any, paper: str) -> None:
        """A paper the file is silent about is unknown, not absent: transcriptions of rulings
        often omit papers the court never discussed, so silence is reported, not decided."""
        self.conclude(
            OpenQuestion(
                finding=f"motion.papers.{paper}",
                question=f"Was a {paper.replace('_', ' ')} filed?",
                assumed="filed",
            ),
            paper_words=paper.replace("_", " "),
        )

    @rule(
        id="common.record.no_informal_conference",
        kind="record",
        derives=(Absence,),
        statement="No informal discovery conference was held before the hearing.",
    )
    @Rule(
        Requirement(requirement="informal_conference"),
        NOT(InformalConference(held=True, before_hearing=True)),
    )
    def no_informal_conference(self: Any) -> None:
        """Only a conference the case file marks ``held: true``, held by the hearing, counts:
        departments that require one will hear a motion once the parties have attended it,
        even if it took place after the motion was filed."""
        self.conclude(
            Absence(kind="informal_conference", subject="motion", where="informal_conferences")
        )

    @rule(
        id="common.record.no_response",
        kind="record",
        derives=(Absence,),
        statement="No response to {set_words} was ever served.",
    )
    @Rule(DiscoverySet(set=MATCH.set, in_motion=True, responded=False, kind=MATCH.kind))
    def no_response(self: Any, set: str, kind: str) -> None:
        """A discovery set whose ``response`` key is absent was never answered."""
        self.conclude(
            Absence(kind="response", subject=set, set=set, where=f"discovery.{set}.response"),
            set_words=self.record.set_label(set),
        )
