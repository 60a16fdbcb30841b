"""An incremental matcher for compiled rules: facts dispatched by type, patterns joined by hash.

It implements experta's ``Matcher`` interface (``changes(adding, deleting)`` returns the
activations added and removed), so a :class:`~experta.KnowledgeEngine` runs it in place of the
RETE network. What differs is the work per fact:

- a fact is tested only against the patterns of its own class (experta tests it against the
  type check of every pattern, copying a token each time);
- a positive pattern's matches are kept per branch; a new fact joins the other patterns'
  matches through hash indexes on the variables they share (experta loops over the whole
  opposite memory at every join);
- ``NOT`` and ``EXISTS`` are re-evaluated only when a fact of their pattern comes or goes.

The matches found are experta's: the same facts, the same bindings, added and removed in the
same changes (see :mod:`engine.compile` for the meaning of each element).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from experta.abstract import Matcher
from experta.fact import InitialFact

from engine.compile import (
    EXISTS_KIND,
    INITIAL_CAPTURE,
    NEG,
    TEST_KIND,
    Branch,
    Element,
    Pattern,
    compile_rules,
)

Bindings = dict[str, Any]
Index = dict[Any, dict[int, None]]


class Activation:
    """A rule with the facts and bindings of one match (what experta's Activation holds)."""

    __slots__ = ("branch", "context", "dead", "facts", "ids", "key", "match", "rule")

    def __init__(
        self, branch: int, match: tuple[int, ...], rule: Any, facts: list[Any], context: Bindings
    ) -> None:
        self.branch = branch
        self.match = match
        self.rule = rule
        self.facts = facts
        if len(facts) == 1:
            self.ids = [facts[0]["__factid__"]]
        elif len(facts) == 2:
            first, second = facts[0]["__factid__"], facts[1]["__factid__"]
            self.ids = [first, second] if first >= second else [second, first]
        else:
            self.ids = sorted((f["__factid__"] for f in facts), reverse=True)
        self.context = context
        self.dead = False
        self.key: Any = None


def alpha(pattern: Pattern, fact: Any) -> Bindings | None:
    """The bindings of ``fact`` under ``pattern``, or None if it does not match."""
    try:
        for key, value in pattern.literals:
            if not value == fact[key]:  # noqa: SIM201 (experta tests ==, not !=)
                return None
        for key, values in pattern.choices:
            actual = fact[key]
            if not any(value == actual for value in values):
                return None
        bound: Bindings = {}
        for key, name in pattern.binds:
            actual = fact[key]
            if name in bound and bound[name] != actual:
                return None
            bound[name] = actual
    except KeyError:
        return None
    for check in pattern.generic:
        result = check(fact)
        if not result:
            return None
        if result is not True:
            for name, actual in result.items():
                if name in bound and bound[name] != actual:
                    return None
                bound[name] = actual
    if pattern.capture is not None:
        if pattern.capture in bound and bound[pattern.capture] != fact:
            return None
        bound[pattern.capture] = fact
    for names, test in pattern.tests:  # the rule's TESTs on this fact alone (engine.compile)
        if not (test(bound[names[0]]) if len(names) == 1 else test(*[bound[n] for n in names])):
            return None
    return bound


def _agrees(left: Bindings, right: Bindings) -> bool:
    """experta's join test: every name both bind has equal values."""
    if len(right) < len(left):
        return all(k not in left or left[k] == v for k, v in right.items())
    return all(k not in right or v == right[k] for k, v in left.items())


ONE, PAIR, JOIN, BLOCK, EXIST = range(5)
"""What a new fact of a pattern does: completes a one-pattern match, joins the one partner
pattern, joins generally, blocks matches (NOT), or makes an EXISTS hold."""

Entry = tuple[int, int, Pattern, int, int]
"""(branch, element, pattern, what a fact of it does, the partner element for PAIR)."""


def _entry(b: int, i: int, branch: Branch) -> Entry:
    element = branch.elements[i]
    assert element.pattern is not None
    if element.kind == NEG:
        return (b, i, element.pattern, BLOCK, -1)
    if element.kind == EXISTS_KIND:
        return (b, i, element.pattern, EXIST, -1)
    if len(branch.positives) == 1 and not branch.exists:
        return (b, i, element.pattern, ONE, -1)
    if len(branch.positives) == 2 and not branch.exists:
        return (b, i, element.pattern, PAIR, branch.positives[branch.positives[0] == i])
    return (b, i, element.pattern, JOIN, -1)


class _Dispatch:
    """The patterns of one fact class that a fact may match, found field by field.

    Most patterns of a class test literals (a request's ``set_kind``, ``objections`` and
    ``response``; a ground's ``gate`` and ``rule``): indexing them by one literal field, and
    each group again by the next, skips the patterns a fact cannot match without testing them.
    Each node indexes by the field most of its patterns test; a fact without that field, or
    with a value no pattern names, goes on with the patterns that do not test it. The
    candidates keep the patterns' order, which decides the order of new activations.
    """

    def __init__(self, patterns: Sequence[Entry], tested: frozenset[str] = frozenset()) -> None:
        self.patterns = tuple(patterns)
        self.key: str | None = None
        self.by_value: dict[Any, _Dispatch] = {}
        self.others: _Dispatch | None = None
        counts: dict[str, int] = {}
        for entry in patterns:
            for key, _ in entry[2].literals:
                if key not in tested:
                    counts[key] = counts.get(key, 0) + 1
        if not counts:
            return
        key = max(sorted(counts), key=counts.__getitem__)
        try:
            values: dict[Any, None] = {}
            for entry in patterns:
                values.update((v, None) for k, v in entry[2].literals if k == key)
            groups = {
                value: [entry for entry in patterns if _admits(entry[2], key, value)]
                for value in values
            }
        except TypeError:  # an unhashable literal: no index on this field
            return
        self.key = key
        deeper = tested | {key}
        self.by_value = {value: _Dispatch(group, deeper) for value, group in groups.items()}
        self.others = _Dispatch(
            [entry for entry in patterns if all(k != key for k, _ in entry[2].literals)], deeper
        )

    def candidates(self, fact: Any) -> tuple[Entry, ...]:
        """The patterns ``fact`` may match, in order (a superset of those it matches)."""
        node = self
        while node.key is not None:
            assert node.others is not None
            try:
                found = node.by_value.get(fact[node.key])
            except (KeyError, TypeError):  # no such field, or a value no literal can equal
                found = None
            node = node.others if found is None else found
        return node.patterns


@cache
def _dispatch(branches: tuple[Branch, ...]) -> dict[type, _Dispatch]:
    """The dispatch of every fact class of a compiled rule set (made once per rule set)."""
    by_type: dict[type, list[Entry]] = {}
    for b, branch in enumerate(branches):
        for i, element in enumerate(branch.elements):
            if element.pattern is not None:
                by_type.setdefault(element.pattern.klass, []).append(_entry(b, i, branch))
    return {klass: _Dispatch(entries) for klass, entries in by_type.items()}


def _admits(pattern: Pattern, key: str, value: Any) -> bool:
    """True if ``pattern`` has no literal on ``key`` or its literal equals ``value``."""
    return all(literal == value for k, literal in pattern.literals if k == key)


class CompiledMatcher(Matcher):  # type: ignore[misc]
    """experta ``Matcher`` over :func:`engine.compile.compile_rules` (compiled once per rule
    set); holds the working memory of one engine and is cleared by :meth:`reset`."""

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.branches: tuple[Branch, ...] = compile_rules(tuple(engine.get_rules()))
        self.dispatch = _dispatch(self.branches)
        self._orders: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.reset()

    def reset(self) -> None:
        """Forget every fact and match."""
        # memory[b][i]: factid -> (fact, bindings), in arrival order
        self.memory: list[list[dict[int, tuple[Any, Bindings]]]] = [
            [{} for _ in branch.elements] for branch in self.branches
        ]
        # indexes[(b, i)][names]: values of those names -> factids (None: values unhashable)
        self.indexes: dict[tuple[int, int], dict[tuple[str, ...], Index | None]] = {}
        self.matches: list[dict[tuple[int, ...], Activation]] = [{} for _ in self.branches]
        self.by_fact: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        self.initial: Any = None
        self._added: dict[Activation, None] = {}
        self._removed: list[Activation] = []

    # --- the Matcher interface ------------------------------------------------------------

    def changes(
        self, adding: Iterable[Any] | None = None, deleting: Iterable[Any] | None = None
    ) -> tuple[list[Activation], list[Activation]]:
        """Apply retractions, then assertions; return the activations added and removed."""
        for fact in deleting or ():
            self._delete(fact)
        for fact in adding or ():
            self._add(fact)
        added, removed = list(self._added), self._removed
        self._added, self._removed = {}, []
        return added, removed

    # --- assertions and retractions ---------------------------------------------------------

    def _add(self, fact: Any) -> None:
        if type(fact) is InitialFact and self.initial is None:
            self.initial = fact
        factid = fact["__factid__"]
        dispatch = self.dispatch.get(type(fact))
        if dispatch is None:
            return
        for b, i, pattern, does, partner in dispatch.candidates(fact):
            bound = alpha(pattern, fact)
            if bound is None:
                continue
            memory = self.memory[b]
            memory[i][factid] = (fact, bound)
            indexes = self.indexes.get((b, i))
            if indexes:
                self._file(indexes, factid, bound)
            if does == ONE:
                self._found_one(b, self.branches[b], factid, fact, bound)
            elif does == PAIR:
                if memory[partner]:  # often empty: the partner comes in a later stratum
                    self._found_pair(b, self.branches[b], i, factid)
            elif does == JOIN:
                self._join(b, {i: factid})
            elif does == BLOCK:
                self._block(b, i, bound)
            elif len(memory[i]) == 1:  # EXISTS: the first fact makes it hold
                self._join(b, {})

    def _delete(self, fact: Any) -> None:
        factid = fact["__factid__"]
        for b, match in self.by_fact.pop(factid, ()):
            self._drop(b, match)
        dispatch = self.dispatch.get(type(fact))
        for b, i, *_ in dispatch.patterns if dispatch is not None else ():  # all of its class
            memory = self.memory[b][i]
            entry = memory.pop(factid, None)
            if entry is None:
                continue
            for names, index in self.indexes.get((b, i), {}).items():
                if index is not None:
                    index.get(tuple(entry[1][n] for n in names), {}).pop(factid, None)
            kind = self.branches[b].elements[i].kind
            if kind == NEG:  # a blocker gone: matches it blocked may hold now
                self._join(b, {})
            elif kind == EXISTS_KIND and not memory:
                for match in list(self.matches[b]):
                    self._drop(b, match)
        if fact is self.initial:
            self.initial = None

    def _drop(self, b: int, match: tuple[int, ...]) -> None:
        activation = self.matches[b].pop(match, None)
        if activation is None:
            return
        activation.dead = True
        if activation in self._added:
            del self._added[activation]
        else:
            self._removed.append(activation)

    def _block(self, b: int, i: int, bound: Bindings) -> None:
        """A fact for NOT at element ``i``: drop the matches it now blocks."""
        visible = self.branches[b].elements[i].visible
        shared = [name for name in bound if name in visible]
        for match, activation in list(self.matches[b].items()):
            context = activation.context
            if all(context[name] == bound[name] for name in shared if name in context):
                self._drop(b, match)

    # --- joins --------------------------------------------------------------------------------

    @staticmethod
    def _file(indexes: dict[tuple[str, ...], Index | None], factid: int, bound: Bindings) -> None:
        for names, index in indexes.items():
            if index is None:
                continue
            try:
                index.setdefault(tuple(bound[n] for n in names), {})[factid] = None
            except TypeError:  # an unhashable value: this index is given up
                indexes[names] = None

    def _candidates(
        self, b: int, i: int, context: Bindings
    ) -> Iterable[tuple[int, tuple[Any, Bindings]]]:
        """Facts of element ``i`` that may agree with ``context``: through a hash index on the
        names the pattern always binds and the context has, or all of them."""
        memory = self.memory[b][i]
        if len(memory) < 8:
            return memory.items()
        pattern = self.branches[b].elements[i].pattern
        assert pattern is not None
        names = tuple(name for name in pattern.always if name in context)
        if not names:
            return memory.items()
        indexes = self.indexes.setdefault((b, i), {})
        if names not in indexes:
            built: Index | None = {}
            try:
                for factid, (_, bound) in memory.items():
                    built.setdefault(tuple(bound[n] for n in names), {})[factid] = None  # type: ignore[union-attr]
            except TypeError:  # an unhashable value: no index for these names
                built = None
            indexes[names] = built
        index = indexes[names]
        if index is None:
            return memory.items()
        try:
            hits = index.get(tuple(context[name] for name in names), {})
        except TypeError:
            return memory.items()
        return [(factid, memory[factid]) for factid in hits]

    def _join(self, b: int, fixed: dict[int, int]) -> None:
        """Add every match of branch ``b`` that uses the facts in ``fixed`` (element -> id)."""
        branch = self.branches[b]
        memory = self.memory[b]
        for exists in branch.exists:
            if not memory[exists] or self.initial is None:
                return
        if len(branch.positives) == 1 and fixed:  # the common case: one fact, no join
            ((i, factid),) = fixed.items()
            self._found(b, branch, {i: factid}, dict(memory[i][factid][1]))
            return
        if len(branch.positives) == 2 and len(fixed) == 1:  # one fact and one partner
            ((i, factid),) = fixed.items()
            j = branch.positives[branch.positives[0] == i]
            mine = memory[i][factid][1]
            for other, (_, bound) in self._candidates(b, j, mine):
                if mine and bound and not _agrees(mine, bound):
                    continue
                self._found(b, branch, {i: factid, j: other}, {**mine, **bound})
            return
        # Start from the fixed fact: the other patterns are then looked up by what it binds.
        order = self._orders.get((b, *fixed))
        if order is None:
            order = self._orders[(b, *fixed)] = tuple(
                sorted(branch.positives, key=lambda i: i not in fixed)
            )
        partial: list[tuple[dict[int, int], Bindings]] = [({}, {})]
        for i in order:
            grown: list[tuple[dict[int, int], Bindings]] = []
            for chosen, context in partial:
                if i in fixed:
                    candidates: Iterable[tuple[int, tuple[Any, Bindings]]] = (
                        (fixed[i], memory[i][fixed[i]]),
                    )
                else:
                    candidates = self._candidates(b, i, context)
                for factid, (_, bound) in candidates:
                    if context and not _agrees(context, bound):
                        continue
                    grown.append(({**chosen, i: factid}, {**context, **bound}))
            partial = grown
        for chosen, context in partial:
            self._found(b, branch, chosen, context)

    def _found_one(self, b: int, branch: Branch, factid: int, fact: Any, bound: Bindings) -> None:
        """:meth:`_found` for a branch of one positive pattern and no EXISTS (most rules)."""
        match = (factid,)
        matches = self.matches[b]
        if match in matches:
            return
        context = dict(bound)
        if branch.checks and not self._holds(branch, b, context):
            return
        # with_initial and no EXISTS: the pattern is the initial fact's own
        facts = [fact] if not branch.with_initial or fact is self.initial else [fact, self.initial]
        self._activate(b, branch, match, facts, context)

    def _found_pair(self, b: int, branch: Branch, i: int, factid: int) -> None:
        """:meth:`_join` and :meth:`_found` for a branch of two positive patterns and no EXISTS
        (a per-request pattern and a singleton such as the motion): the same matches, contexts
        and activations, without the general join's bookkeeping."""
        first = branch.positives[0] == i
        j = branch.positives[first]
        memory = self.memory[b]
        mine_fact, mine = memory[i][factid]
        matches = self.matches[b]
        for other, (other_fact, bound) in self._candidates(b, j, mine):
            if mine and bound and not _agrees(mine, bound):
                continue
            match = (factid, other) if first else (other, factid)
            if match in matches:
                continue
            context = {**mine, **bound}
            if branch.checks and not self._holds(branch, b, context):
                continue
            facts = [mine_fact, other_fact] if other != factid else [mine_fact]
            initial = self.initial
            if branch.with_initial and initial is not None and all(f is not initial for f in facts):
                facts.append(initial)
            self._activate(b, branch, match, facts, context)

    def _found(self, b: int, branch: Branch, chosen: dict[int, int], context: Bindings) -> None:
        """A candidate match: if new and its TEST/NOT/EXISTS hold, a new activation."""
        match = tuple(chosen[i] for i in branch.positives)
        matches = self.matches[b]
        if match in matches or not self._holds(branch, b, context):
            return
        memory = self.memory[b]
        facts = {factid: memory[i][factid][0] for i, factid in chosen.items()}
        if branch.with_initial:
            facts[self.initial["__factid__"]] = self.initial
        self._activate(b, branch, match, list(facts.values()), context)

    def _activate(
        self,
        b: int,
        branch: Branch,
        match: tuple[int, ...],
        facts: list[Any],
        context: Bindings,
    ) -> None:
        """Record a new match of branch ``b`` and report its activation as added."""
        activation = Activation(b, match, branch.rule, facts, context)
        self.matches[b][match] = activation
        for factid in match if len(match) == 1 else set(match):
            self.by_fact.setdefault(factid, []).append((b, match))
        self._added[activation] = None

    def _holds(self, branch: Branch, b: int, context: Bindings) -> bool:
        """TEST, NOT and EXISTS of a candidate match, each seeing only the variables bound by
        the patterns before it (experta evaluates them at their place in the chain)."""
        elements: tuple[Element, ...] = branch.elements
        for i in branch.checks:
            element = elements[i]
            visible = element.visible
            if element.kind == TEST_KIND:
                assert element.test is not None
                values = {p: context.get(p) if p in visible else None for p in element.parameters}
                if not element.test(**values):
                    return False
            else:
                blockers = self.memory[b][i]
                if blockers:
                    bound = {k: context[k] for k in visible if k in context}
                    for _, blocker in blockers.values():
                        if _agrees(bound, blocker):
                            return False
        if branch.exists and self.initial is not None:
            context[INITIAL_CAPTURE] = self.initial
        return True
