"""Which Code of Civil Procedure subdivision governs, by kind of discovery.

The Civil Discovery Act repeats the same scheme for each device (interrogatories 2030.x,
inspection demands 2031.x, admissions 2033.x, depositions 2025.x); a rule cites the subdivision
for the device at hand through :class:`kb.rules.Select` on ``set_kind``.
"""

from __future__ import annotations

import datetime as dt

from kb.rules import Effective

CIVIL_DISCOVERY_ACT = Effective(
    since=dt.date(2005, 7, 1),
    note="Civil Discovery Act, Stats. 2004, ch. 182, operative 2005-07-01",
)

ROGS = ("interrogatories", "form_interrogatories")


def _by_kind(rogs: str, rfp: str, rfa: str, depo: str | None = None) -> dict[str, str]:
    table = {
        "interrogatories": rogs,
        "form_interrogatories": rogs,
        "production": rfp,
        "admissions": rfa,
    }
    if depo:
        table["deposition"] = depo
    return table


FURTHER_DECLARATION = _by_kind(
    "ccp:2030.300(b)(1)", "ccp:2031.310(b)(2)", "ccp:2033.290(b)(1)", "ccp:2025.480(b)"
)
"""The further-response section that requires a CCP 2016.040 declaration."""

FURTHER_GROUNDS = _by_kind(
    "ccp:2030.300(a)", "ccp:2031.310(a)", "ccp:2033.290(a)", "ccp:2025.480(a)"
)
NOTICE_WITHIN_45_DAYS = _by_kind("ccp:2030.300(c)", "ccp:2031.310(c)", "ccp:2033.290(c)")
FURTHER_SANCTION = _by_kind(
    "ccp:2030.300(d)", "ccp:2031.310(h)", "ccp:2033.290(d)", "ccp:2025.480(j)"
)
INITIAL_WAIVER = _by_kind("ccp:2030.290(a)", "ccp:2031.300(a)", "ccp:2033.280(a)")
INITIAL_MOTION = _by_kind("ccp:2030.290(b)", "ccp:2031.300(b)", "ccp:2033.280(b)")
INITIAL_SANCTION = _by_kind("ccp:2030.290(c)", "ccp:2031.300(c)", "ccp:2033.280(c)")
RESPONSE_DUE = _by_kind("ccp:2030.260(a)", "ccp:2031.260(a)", "ccp:2033.250(a)")
PROTECTIVE_ORDER = _by_kind(
    "ccp:2030.090(a)", "ccp:2031.060(a)", "ccp:2033.080(a)", "ccp:2025.420(a)"
)
PROTECTIVE_ORDER_GOOD_CAUSE = _by_kind(
    "ccp:2030.090(b)", "ccp:2031.060(b)", "ccp:2033.080(b)", "ccp:2025.420(b)"
)
PROTECTIVE_ORDER_SANCTION = _by_kind(
    "ccp:2030.090(d)", "ccp:2031.060(h)", "ccp:2033.080(d)", "ccp:2025.420(h)"
)

DECLARATION_BY_MOTION: dict[str, dict[str, str]] = {
    "compel_further": FURTHER_DECLARATION,
    "protective_order": PROTECTIVE_ORDER,
}
"""Motions whose section requires a CCP 2016.040 declaration. A motion to compel attendance at
a deposition the deponent failed to attend needs instead a declaration that the movant asked
about the nonappearance (CCP 2025.450(b)(2); jurisdictions/california/deposition.py)."""


def declaration_sections() -> dict[str, str]:
    """``"compel_further:production" -> "ccp:2031.310(b)(2)"`` and so on, for ``Select``."""
    return {
        f"{motion}:{kind}": section
        for motion, table in DECLARATION_BY_MOTION.items()
        for kind, section in table.items()
    }
