"""experta's ``KnowledgeEngine`` with its per-fact and per-firing bookkeeping made lean.

The meaning is experta's; what changes is the cost of each step on a run of tens of
thousands of facts:

- ``declare`` checks each fact once for patterns or nested keys (experta walks the facts twice
  through generic helpers) and the fact list keys duplicates with a plain loop;
- ``run`` pops activations without formatting the fact list of every firing for a log line no
  one reads (experta builds that string eagerly, whether its watcher is on or not), and
  otherwise does what experta's ``run`` does: update the agenda from the matcher's changes,
  fire the next activation with its context minus ``__`` keys, of which ``Rule.__call__``
  passes the names the rule's function takes (here filtered once, not twice);
- ``get_deffacts`` finds ``@DefFacts`` once per class instead of ``inspect.getmembers`` on
  every reset.

When experta's watchers are switched on (``experta.watch()``), experta's own ``run`` is used,
so its logging still works.
"""

from __future__ import annotations

import inspect
from typing import Any

from experta import Fact, KnowledgeEngine, watchers
from experta.agenda import Agenda
from experta.conditionalelement import ConditionalElement
from experta.deffacts import DefFacts
from experta.factlist import FactList

from kb.facts import KBFact, field_names_only

_DEFFACTS: dict[type, tuple[str, ...]] = {}
_PARAMETERS: dict[Any, Any] = {}
_UNSEEN = object()
_FACTS = watchers.FACTS


def _special(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("__") and key.endswith("__")


_CHECKED_KEYS: set[Any] = set()
"""Keys ``declare`` has accepted."""


class LeanFactList(FactList):  # type: ignore[misc]
    """experta's fact list: the same ids and duplicate rule, with the duplicate key (class and
    fields) built in one pass and validation only for classes that declare fields.

    A knowledge-base fact (:class:`~kb.facts.KBFact`) is keyed by its class and node id
    instead. Its node id is a function of its class and fields, so two facts with the same
    content share a key, as under experta's frozenset of fields; and the engine never declares
    two facts under one node id (case facts' ids are checked unique, and ``conclude`` reuses or
    rejects a fact whose node already stands before declaring it), so no two facts with
    different content meet under one key. The key is then one short string, not a hash of
    every field (a request's whole exchange of communications included)."""

    last_index: int

    @staticmethod
    def _get_fact_id(fact: Any) -> Any:
        if isinstance(fact, KBFact):
            return (fact.__class__, fact.node_id())
        items = fact.items()
        if not field_names_only(fact.keys()):  # rare: then filter exactly
            items = [(k, v) for k, v in items if not _special(k)]
        return frozenset([fact.__class__, *items])

    def declare(self, fact: Any) -> Any:
        if not isinstance(fact, Fact):
            raise ValueError("The fact must descend the Fact class.")
        if fact.__fields__:
            fact.validate()
        fact_id = self._get_fact_id(fact)
        counter = self.reference_counter
        if not self.duplication and fact_id in counter:
            return None
        index = self.last_index
        dict.__setitem__(fact, "__factid__", index)  # what Fact.__factid__'s setter does
        self[index] = fact
        self.last_index = index + 1
        self.added.append(fact)
        counter[fact_id] = counter.get(fact_id, 0) + 1  # a Counter: without its __missing__
        if _FACTS.level and watchers.worth("FACTS", "INFO"):
            watchers.FACTS.info(" ==> %s: %r", fact, fact)
        return fact


class LeanKnowledgeEngine(KnowledgeEngine):  # type: ignore[misc]
    """A KnowledgeEngine with lean ``declare``, ``run``, ``reset`` and ``get_deffacts``."""

    facts: FactList

    def reset(self, **kwargs: Any) -> None:
        """experta's reset (a new agenda and fact list, the matcher cleared, every
        ``@DefFacts`` declared), with each DefFacts' parameters read once per class."""
        self.agenda = Agenda()
        self.facts = LeanFactList()
        self.matcher.reset()
        declared = []
        for deffacts in self.get_deffacts():
            accepts = _PARAMETERS.get(deffacts, _UNSEEN)
            if accepts is _UNSEEN:
                parameters = inspect.signature(deffacts).parameters.values()
                takes_any = any(p.kind == inspect.Parameter.VAR_KEYWORD for p in parameters)
                accepts = _PARAMETERS[deffacts] = (
                    None if takes_any else frozenset(p.name for p in parameters)
                )
            given = kwargs if accepts is None else {k: v for k, v in kwargs.items() if k in accepts}
            declared.extend(deffacts(**given))
        self._declare(declared)
        self.running = False

    def get_deffacts(self) -> list[DefFacts]:
        names = _DEFFACTS.get(type(self))
        if names is None:
            found: dict[str, None] = {}
            for klass in inspect.getmro(type(self)):
                for name, value in vars(klass).items():
                    if isinstance(value, DefFacts):
                        found.setdefault(name, None)
            names = _DEFFACTS[type(self)] = tuple(sorted(found))
        out = []
        for name in names:
            deffacts = getattr(self, name)  # binds it to this engine, as experta does
            deffacts.ke = self
            out.append(deffacts)
        return sorted(out, key=lambda d: d.order)

    def declare(self, *facts: Any) -> Any:
        if not self.facts:
            watchers.ENGINE.warning("Declaring fact before reset()")
        return self._declare(facts)

    def _declare(self, facts: Any) -> Any:
        for fact in facts:
            for value in fact.values():
                if isinstance(value, ConditionalElement):
                    raise TypeError("Declared facts cannot contain conditional elements")
            keys = fact.keys()
            if not keys <= _CHECKED_KEYS:
                for key in keys:
                    if "__" in str(key).strip("_"):  # experta strips "__", i.e. every "_"
                        raise KeyError(
                            "Cannot declare facts containing double underscores as keys."
                        )
                _CHECKED_KEYS.update(keys)
        last = None
        for fact in facts:
            last = self.facts.declare(fact)
        if not self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def run(self, steps: float = float("inf")) -> None:
        if any(watchers.worth(w, "DEBUG") for w in ("RULES", "AGENDA", "ACTIVATIONS")):
            super().run(steps)
            return
        self.running = True
        matcher, strategy, facts = self.matcher, self.strategy, self.facts
        while steps > 0 and self.running:
            added, removed = matcher.changes(facts.added, facts.removed)
            facts.added, facts.removed = [], []
            strategy._update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            rule = activation.rule
            wanted = rule._wrapped_args
            if wanted and rule._wrapped_self is None:
                # What Rule.__call__ does (pass only the names the function takes), in one
                # pass over the context instead of two dictionaries per firing.
                rule._wrapped(
                    self,
                    **{
                        k: v
                        for k, v in activation.context.items()
                        if k in wanted and not k.startswith("__")
                    },
                )
            else:
                rule(
                    self,
                    **{k: v for k, v in activation.context.items() if not k.startswith("__")},
                )
        self.running = False
