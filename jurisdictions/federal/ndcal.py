"""N.D. Cal. Civil L.R. 37-1(a) and 1-5(n): conferring means direct dialogue.

Civ. L.R. 37-1(a): the court will not entertain a discovery motion "unless, pursuant to FRCP 37,
counsel have previously conferred for the purpose of attempting to resolve all disputed issues".
Civ. L.R. 1-5(n): "meet and confer" means to communicate directly and discuss in good faith;
"[t]he mere sending of a written, electronic, or voice-mail communication ... does not satisfy a
requirement to 'meet and confer'" (Doe v. City of San Mateo). Where a party is a prisoner, the
court does not require a meeting and lets the parties confer by other means (Luckert).
"""

from __future__ import annotations

from typing import Any

from experta import MATCH, TEST, Rule

from jurisdictions.common.exchange import conferred_directly
from jurisdictions.federal.conferral import CERTIFICATION_RULE, no_conference_ground
from kb.facts import Court, Exemption, Ground, Motion, Party, Request, Requirement
from kb.rules import rule


class NorthernDistrict:
    """N.D. Cal.: a conversation, not an exchange of letters or voicemails."""

    @rule(
        id="ndcal.meet_confer.no_direct_dialogue",
        authorities=(
            "ndcal-civlr:37-1(a)",
            "ndcal-civlr:1-5(n)",
            "case:doe-v-city-of-san-mateo-2009",
        ),
        statement="The parties never spoke about {requests}{written_words}; under Civil L.R. "
        "1-5(n) sending letters, e-mails or voicemails is not conferring.",
        effective=CERTIFICATION_RULE,
        derives=(Ground,),
    )
    @Rule(
        Motion(system="federal"),
        Court(district="ndcal"),
        Requirement(requirement="meet_and_confer", set=MATCH.set),
        Request(request=MATCH.request, set=MATCH.set, exchange=MATCH.exchange),
        TEST(lambda exchange: not conferred_directly(exchange)),
    )
    def no_direct_dialogue(self: Any, request: str, set: str, exchange: Any) -> None:
        """Civ. L.R. 1-5(n): "[t]he mere sending of a written, electronic, or voice-mail
        communication ... does not satisfy a requirement to 'meet and confer'"."""
        no_conference_ground(self, "ndcal.meet_confer.no_direct_dialogue", request, exchange)

    @rule(
        id="ndcal.meet_confer.prisoner_may_confer_in_writing",
        authorities=("case:luckert-v-brannon-2014",),
        statement="A party is a prisoner: the court does not require a meeting, and the "
        "parties may confer by other means, including in writing.",
        effective=CERTIFICATION_RULE,
        overrides=("ndcal.meet_confer.no_direct_dialogue",),
        derives=(Exemption,),
    )
    @Rule(Motion(system="federal"), Court(district="ndcal"), Party(incarcerated=True))
    def prisoner_may_confer_in_writing(self: Any) -> None:
        """Luckert v. Brannon (N.D. Cal. 2014): in prisoner cases the court does not require
        in-person meetings and lets the prisoner and defense counsel confer by other means."""
        self.conclude(Exemption(requirement="direct_dialogue", reason="prisoner case"))
