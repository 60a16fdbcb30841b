"""When a response was due, and what a timely response does to a motion made for the lack of one.

CCP 2030.260(a), 2031.260(a), 2033.250(a): the response is due "within 30 days after service"
of the interrogatories, demand or requests, extended for the method of service (CCP 1013(a),
1010.6(a)(3)(B); CCP 2016.050) and by any extension the propounding party agreed to (2030.270,
2031.270, 2033.260). CCP 2033.280 applies only where a party "fails to serve a timely response":
a response served on time leaves nothing to deem admitted, and the mandatory sanction of
2033.280(c) reaches only "the party or attorney ... whose failure to serve a timely response
... necessitated this motion" (Turoci Firm v. Carlton, Riverside Super. Ct., Servino, J., 2021:
timely responses served, so "monetary sanctions are not mandatory or warranted").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.california.sections import CIVIL_DISCOVERY_ACT
from kb.facts import Deadline, DiscoverySet, Ground, Motion, SanctionRefused
from kb.rules import rule


def all_timely(engine: Any) -> bool:
    """True when every set the motion reaches was answered, verified, by its due date."""
    sets = engine.fact("fact:motion")["sets"]
    for set_id in sets:
        due = engine.fact(f"concl:deadline:response_due:{set_id}")
        dset = engine.fact(f"fact:discovery:{set_id}")
        if due is None or not dset["responded"] or dset["verified"] is False:
            return False
        if dset["response_served"] > due["last_day"]:
            return False
    return bool(sets)


class CaliforniaResponseTime:
    """The response deadline, and the consequences of meeting it."""

    @rule(
        id="ca.rfa.response_timely",
        authorities=("ccp:2033.280(b)", "ccp:2033.250(a)"),
        statement="A response to {set_words} was served on {served}, within the time "
        "to respond (last day {last_day}): there was no failure to respond, and nothing is "
        "deemed admitted.",
        effective=CIVIL_DISCOVERY_ACT,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="california", kind="deem_admitted"),
        Deadline(deadline="response_due", set=MATCH.set, last_day=MATCH.last_day),
        DiscoverySet(
            set=MATCH.set, responded=True, verified=MATCH.verified, response_served=MATCH.served
        ),
        TEST(lambda served, last_day, verified: verified is not False and served <= last_day),
    )
    def response_timely(
        self: Any, set: str, last_day: dt.date, served: dt.date, verified: Any
    ) -> None:
        """CCP 2033.280 applies only "[i]f a party to whom requests for admission are directed
        fails to serve a timely response"."""
        self.conclude(
            Ground(rule="ca.rfa.response_timely", gate="merits", effect="denied", set=set),
            set_words=self.record.set_label(set),
            served=served,
            last_day=last_day,
        )

    @rule(
        id="ca.sanctions.rfa_response_timely",
        authorities=("ccp:2033.280(c)",),
        statement="Timely responses were served, so no failure to respond necessitated the "
        "motion: the mandatory sanction of CCP 2033.280(c) does not apply.",
        effective=CIVIL_DISCOVERY_ACT,
        overrides=("ca.sanctions.admissions_mandatory",),
        derives=(SanctionRefused,),
        consumes=(Deadline,),
    )
    @Rule(Motion(system="california", kind="deem_admitted"))
    def rfa_response_timely(self: Any) -> None:
        """CCP 2033.280(c) makes the sanction mandatory on "the party or attorney, or both,
        whose failure to serve a timely response to requests for admission necessitated this
        motion"; where the response was timely there is no such party."""
        if not all_timely(self):
            return
        sets = self.fact("fact:motion")["sets"]
        self.conclude(
            SanctionRefused(
                by="movant", basis="ca.sanctions.rfa_response_timely", reason="timely response"
            ),
            because=[f"concl:deadline:response_due:{s}" for s in sets],
        )
