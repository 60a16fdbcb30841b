"""The vocabulary rules match on: experta Fact classes for case facts and derived conclusions.

Facts are *shaped* so that per-request rules match one fact rather than joining two fact types:
a :class:`Request` already carries its response and the exchange of communications that raised
it (see :mod:`kb.record`), so "a request no conferral raised" is a test on one fact, linear in
the number of requests, instead of a requests x conferrals join.

Every class knows its explanation-graph node id (DESIGN.md section 5):
``fact:conferral:letter-2023-08-17``, ``absence:raised:rfp1:34``, ``concl:request:rfp1:34:denied``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple

from experta import Fact
from experta.utils import freeze

_PLAIN = frozenset({str, int, float, bool, type(None), dt.date, tuple})
"""Values experta's ``freeze`` returns unchanged (a plain tuple is ``Hashable`` to it, so it
is returned as is): stored without its per-value dispatch."""


_FIELD_NAMES: set[Any] = set()
"""Keys seen to be field names: strings experta does not treat as special."""


def field_names_only(keys: Any) -> bool:
    """True if every key in ``keys`` (a dict's keys) is a field name: a string experta does not
    treat as special (``__factid__``, ``__bind__``). Checked as one set test once the names
    are known, so facts need no key-by-key filtering."""
    if keys <= _FIELD_NAMES:
        return True
    names = [k for k in keys if isinstance(k, str) and not Fact.is_special(k)]
    _FIELD_NAMES.update(names)
    return len(names) == len(keys)


class KBFact(Fact):  # type: ignore[misc]
    """Base class: a fact that knows its node id, node kind and scope."""

    node_kind: ClassVar[str] = "conclusion"
    _Fact__defaults: Mapping[Any, Any] = MappingProxyType({})
    """experta's per-fact memo of declared field defaults, read only by ``Fact.__missing__``
    for a field the class declares (``__fields__``). A class that declares none never reads
    it, so its facts share this empty, read-only one: no instance dictionary and no memo per
    fact (three allocations each, a tenth of a large run's live memory)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args, **kwargs)
            return
        # experta's Fact.__init__ freezes each value through a singledispatch call; runs
        # build tens of thousands of facts, and most values are already immutable.
        dict.update(self, kwargs)
        for key, value in kwargs.items():
            if type(value) not in _PLAIN:
                dict.__setitem__(self, key, freeze(value))
        if self.__fields__:  # a class with declared fields memoises defaults per fact
            self._Fact__defaults = {}

    def node_id(self) -> str:
        raise NotImplementedError

    def scope(self) -> tuple[str, ...]:
        """What the fact is about: ``("request", "rfp1:34")``, ``("set", "rfp1")`` or
        ``("motion",)``.

        Overrides apply between firings whose scopes contain one another (kb.rules).
        """
        if self.get("request"):
            return ("request", str(self["request"]))
        if self.get("set"):
            return ("set", str(self["set"]))
        return ("motion",)

    def fields(self) -> dict[str, Any]:
        """The fact's own fields, without experta's bookkeeping keys."""
        fields: dict[str, Any] = dict(self)
        fields.pop("__factid__", None)
        if field_names_only(fields.keys()):  # the usual case: no other special or odd key
            return fields
        return {k: v for k, v in self.items() if isinstance(k, str) and not self.is_special(k)}


def scope_contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """True if ``outer`` covers ``inner``: the motion covers sets and requests, a set its
    requests."""
    if outer == ("motion",) or outer == inner:
        return True
    if outer[0] == "set" and inner[0] == "request":
        return inner[1].rsplit(":", 1)[0] == outer[1]
    return False


# --- facts from the case file ----------------------------------------------------------------


class CaseFact(KBFact):
    node_kind = "fact"


class Court(CaseFact):
    """The court: ``system``, ``district``, ``county``, ``department``, ``standing_orders``."""

    def node_id(self) -> str:
        return "fact:court"


class Motion(CaseFact):
    """The motion: ``kind``, ``system``, ``movant``, ``opponents``, ``served``, ``served_method``,
    ``as_of`` (the decision date), ``sets`` (discovery sets it reaches)."""

    def node_id(self) -> str:
        return "fact:motion"


class Party(CaseFact):
    """A party: ``party``, ``side``, ``counsel``, ``incarcerated``, ``role``
    (movant, opponent or other)."""

    def node_id(self) -> str:
        return f"fact:party:{self['party']}"


class DiscoverySet(CaseFact):
    """A discovery set: ``set``, ``kind``, ``propounder``, ``responder``, ``served``,
    ``served_method``, ``responded``, ``response_served``, ``response_method``, ``verified``,
    ``response_kinds`` (kinds of response given to the requests at issue), ``in_motion``,
    ``scheduled`` (for a deposition, the date it was set for, or None)."""

    def node_id(self) -> str:
        return f"fact:discovery:{self['set']}"


class Exchange(NamedTuple):
    """One communication in the meet-and-confer exchange about a request (see kb.record)."""

    conferral: str
    date: dt.date
    by_movant: bool
    method: str
    substance: str | None
    offers: tuple[str, ...]
    answered: bool


class Request(CaseFact):
    """A request at issue in the motion, shaped with everything per-request rules need:

    ``request`` (``rfp1:34``), ``set``, ``number``, ``set_kind``, ``response`` (its kind, or
    ``none``), ``responded``, ``verified``, ``exchange`` (communications before the motion that
    raised it, oldest first, as :class:`Exchange`), ``late_exchange`` (those after the motion was
    served), ``supplemental`` (kind of the latest supplemental response to it, or None),
    ``supplemental_after_motion``, ``objections`` (``overruled``, ``sustained`` or
    ``no_finding``).
    """

    def node_id(self) -> str:
        return f"fact:request:{self['request']}"


class Conferral(CaseFact):
    """A meet-and-confer communication: ``conferral``, ``date``, ``sender``, ``recipient``,
    ``method``, ``by_movant``, ``before_motion``, ``substance``, ``offers``, ``replying_to``,
    ``answered_by`` (ids of later communications from the other side that reply to it)."""

    def node_id(self) -> str:
        return f"fact:conferral:{self['conferral']}"


class ConferralRecord(CaseFact):
    """The whole record of communications (``count``, ``before_motion``); each
    :class:`Conferral` is ``part_of`` it in the graph."""

    def node_id(self) -> str:
        return "fact:conferrals"


class Paper(CaseFact):
    """A paper filed (or stated as not filed) with the motion: ``paper``, ``filed``,
    ``compliant``, ``defects``."""

    def node_id(self) -> str:
        return f"fact:paper:{self['paper']}"


class Agreement(CaseFact):
    """A written agreement: ``index``, ``kind``, ``until``."""

    def node_id(self) -> str:
        return f"fact:agreement:{self['index']}"


class PriorOrder(CaseFact):
    """An order already made in the case: ``index``, ``kind``, ``by``, ``method``."""

    def node_id(self) -> str:
        return f"fact:prior_order:{self['index']}"


class InformalConference(CaseFact):
    """A court-run informal discovery conference: ``index``, ``date``, ``held``,
    ``before_motion``, ``before_hearing`` (on or before the decision date), ``requests``."""

    def node_id(self) -> str:
        return f"fact:informal_conference:{self['index']}"


class Excuse(CaseFact):
    """A reason a party gives for not meeting a requirement: ``index``, ``by``, ``by_movant``,
    ``requirement``, ``reason``."""

    def node_id(self) -> str:
        return f"fact:excuse:{self['index']}"


class Finding(CaseFact):
    """A judge's finding given as input: ``finding`` (name), ``value``, optional ``request``."""

    def node_id(self) -> str:
        if self.get("request"):
            return f"fact:finding:{self['finding']}:{self['request']}"
        return f"fact:finding:{self['finding']}"


class SanctionsRequest(CaseFact):
    """A request for sanctions in the notice: ``by`` (movant|opponent), ``party`` (who asks),
    ``against`` (party ids and ``counsel:<party>``), ``amount`` (or None)."""

    def node_id(self) -> str:
        return f"fact:sanctions_request:{self['by']}"


# --- derived facts ------------------------------------------------------------------------------


class Absence(KBFact):
    """Something shown not to exist: ``kind`` and ``subject``
    (``absence:raised:rfp1:34`` = no communication raised request rfp1:34)."""

    node_kind = "absence"

    def node_id(self) -> str:
        return f"absence:{self['kind']}:{self['subject']}"


class Requirement(KBFact):
    """A requirement that applies to this motion: ``requirement``, optional ``set``."""

    def node_id(self) -> str:
        suffix = f":{self['set']}" if self.get("set") else ""
        return f"concl:requirement:{self['requirement']}{suffix}"


class Exemption(KBFact):
    """A requirement that does not apply, by an exception: ``requirement``, ``reason``, and
    ``set`` or ``request`` when it is narrower than the motion."""

    def node_id(self) -> str:
        subject = self.get("request") or self.get("set")
        suffix = f":{subject}" if subject else ""
        reason = str(self["reason"]).replace(" ", "-")
        return f"concl:exemption:{self['requirement']}{suffix}:{reason}"


class Deadline(KBFact):
    """A computed deadline: ``deadline``, ``set`` (or ``subject`` when it is not about a
    discovery set), ``start``, ``last_day``, ``steps`` (the arithmetic), and ``governs``: the
    case-file path of the date of the act it limits (``motion.served.date``)."""

    def node_id(self) -> str:
        subject = self.get("set") or self.get("subject") or "motion"
        return f"concl:deadline:{self['deadline']}:{subject}"


class Ground(KBFact):
    """A reason bearing on a disposition: ``rule`` (the rule id), ``gate`` (the step of the
    court's decision procedure), ``effect`` (the disposition it calls for), and ``request``
    or ``set`` (absent for motion-wide grounds)."""

    def node_id(self) -> str:
        subject = self.get("request") or self.get("set") or "motion"
        return f"concl:ground:{subject}:{self['rule']}"


class ExcuseRuling(KBFact):
    """How an excuse (stated, or implicit in a party's status) fares: ``reason``,
    ``requirement``, ``accepted``."""

    def node_id(self) -> str:
        verdict = "accepted" if self["accepted"] else "rejected"
        suffix = f":{self['request']}" if self.get("request") else ""
        return f"concl:excuse:{self['requirement']}:{self['reason']}:{verdict}{suffix}"


class RequestDisposition(KBFact):
    """The disposition of one request: ``request``, ``disposition``, ``gate``."""

    def node_id(self) -> str:
        return f"concl:request:{self['request']}:{self['disposition']}"


class MotionDisposition(KBFact):
    """The disposition of the motion: ``disposition``."""

    def node_id(self) -> str:
        return f"concl:motion:{self['disposition']}"


class Order(KBFact):
    """An order the court makes: ``order`` (kind), ``method``, ``initiator``, ``by``,
    ``requests``, ``note``."""

    def node_id(self) -> str:
        return f"concl:order:{self['order']}"


class Sanction(KBFact):
    """A monetary sanction awarded: ``against`` (party id), ``also_against`` (counsel),
    ``payee``, ``amount`` (or None when the court must fix it), ``basis`` (rule id)."""

    def node_id(self) -> str:
        return f"concl:sanction:{self['basis']}:{self['against']}"


class SanctionRefused(KBFact):
    """A sanctions request that fails: ``by`` (movant|opponent), ``basis``, ``reason``."""

    def node_id(self) -> str:
        return f"concl:sanction_refused:{self['by']}:{self['basis']}"


class OpenQuestion(KBFact):
    """A finding a rule needed and the case file did not give: ``finding``, optional
    ``request``, ``question``, ``assumed``."""

    def node_id(self) -> str:
        suffix = f":{self['request']}" if self.get("request") else ""
        return f"concl:open:{self['finding']}{suffix}"


CASE_FACT_TYPES: tuple[type[CaseFact], ...] = (
    Court,
    Motion,
    Party,
    DiscoverySet,
    Request,
    Conferral,
    ConferralRecord,
    Paper,
    Agreement,
    PriorOrder,
    InformalConference,
    Excuse,
    Finding,
    SanctionsRequest,
)
DERIVED_FACT_TYPES: tuple[type[KBFact], ...] = (
    Absence,
    Requirement,
    Exemption,
    Deadline,
    Ground,
    ExcuseRuling,
    RequestDisposition,
    MotionDisposition,
    Order,
    Sanction,
    SanctionRefused,
    OpenQuestion,
)
