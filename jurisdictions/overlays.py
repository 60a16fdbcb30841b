"""Applying an overlay (kb/overlay.py) to the rule sets that decide a case.

An overlay becomes one more mixin, placed first so that its attributes win: ``disabled_rules``
(read by the engine when it picks the rules in force) and ``parameters`` (the system's table with
the overlay's values), followed by the mixins of the modules it adds that apply to the court.
Nothing in the rule base is modified, so decisions with and without the overlay can be made in
the same process (``kb diff --overlay``).
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from kb.authorities import UnknownAuthority, resolve
from kb.casefile import Court
from kb.errors import InputError
from kb.overlay import AddedModule, LoadedOverlay
from kb.parameters import Parameters
from kb.rules import RuleMeta, rule_meta, rules_of


class AppliedOverlay:
    """An overlay checked against the rule base, ready to wrap any court's rule sets."""

    def __init__(
        self, overlay: LoadedOverlay, added: tuple[tuple[AddedModule, tuple[type, ...]], ...]
    ) -> None:
        self.overlay = overlay
        self.added = added
        self._cache: dict[tuple[type, ...], tuple[type, ...]] = {}

    @property
    def id(self) -> str:
        return self.overlay.id

    def version(self, rules_version: str) -> str:
        """The rules version to record in decisions made under the overlay."""
        return self.overlay.version(rules_version)

    def wrap(self, court: Court, rule_sets: tuple[type, ...]) -> tuple[type, ...]:
        """``rule_sets`` (a court's, from :func:`jurisdictions.rule_sets_for`) under the overlay.

        The result is cached per input, so the engine class (and its compiled rules) is built
        once per combination."""
        extra = tuple(m for spec, mixins in self.added if _applies(spec, court) for m in mixins)
        key = (*extra, *rule_sets)
        found = self._cache.get(key)
        if found is None:
            found = (self._mixin(court.system, rule_sets), *key)
            self._cache[key] = found
        return found

    def rule_sets_for(self, court: Court) -> tuple[type, ...]:
        """The court's rule sets (installed plugins included) under the overlay."""
        from jurisdictions import rule_sets_for

        return self.wrap(court, rule_sets_for(court))

    def _mixin(self, system: str, rule_sets: tuple[type, ...]) -> type:
        attributes: dict[str, object] = {
            "disabled_rules": frozenset(self.overlay.model.disable),
            "__doc__": f"Overlay {self.overlay.id} ({self.overlay.file}).",
        }
        changes = self.overlay.changes(system)
        if changes:
            table = _parameters_of(rule_sets)
            for name, change in changes.items():
                table = table.with_values({name: change.value}, since=change.since)
            attributes["parameters"] = table
        name = "Overlay_" + "".join(c if c.isalnum() else "_" for c in self.overlay.id)
        return type(name, (), attributes)


def _applies(spec: AddedModule, court: Court) -> bool:
    """Whether an added module's selectors (none: every court) all match the court."""
    if spec.system is not None and court.system != spec.system:
        return False
    if spec.district is not None and court.district != spec.district:
        return False
    if spec.county is not None and (court.county or "").casefold() != spec.county.casefold():
        return False
    return not spec.departments or (court.department or "") in spec.departments


def _parameters_of(rule_sets: tuple[type, ...]) -> Parameters:
    for mixin in rule_sets:
        table = getattr(mixin, "parameters", None)
        if isinstance(table, Parameters):
            return table
    raise LookupError("no rule set of this court has parameters")


def _near(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def _import(overlay: LoadedOverlay, index: int, spec: AddedModule) -> ModuleType:
    where = f"add[{index}].module"
    name = spec.module
    try:
        if name.endswith(".py"):
            path = (overlay.base / name).resolve()
            if not path.is_file():
                raise InputError(overlay.file, where, f"no such file: {path}")
            module_name = f"discovery_kb_overlay_{overlay.digest}_{index}"
            if module_name in sys.modules:
                return sys.modules[module_name]
            loader_spec = importlib.util.spec_from_file_location(module_name, path)
            if loader_spec is None or loader_spec.loader is None:
                raise InputError(overlay.file, where, f"cannot import {path}")
            module = importlib.util.module_from_spec(loader_spec)
            sys.modules[module_name] = module
            try:
                loader_spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[module_name]
                raise
            return module
        return importlib.import_module(name)
    except InputError:
        raise
    except Exception as exc:  # the module's own code failed: report it as the overlay's error
        message = str(exc).splitlines()[0] if str(exc) else ""
        raise InputError(
            overlay.file, where, f"cannot import {name}: {type(exc).__name__}: {message}"
        ) from None


def _mixins_of(module: ModuleType) -> tuple[type, ...]:
    """The rule mixins a module adds: its ``RULES`` if it has one, else every class defined in
    it that carries rules, in the order they are defined."""
    declared = getattr(module, "RULES", None)
    if declared is not None:
        return tuple(declared)
    return tuple(
        value
        for value in vars(module).values()
        if isinstance(value, type) and value.__module__ == module.__name__ and rules_of(value)
    )


def _check_added_rule(
    overlay: LoadedOverlay, index: int, meta: RuleMeta, base_ids: set[str]
) -> None:
    """An added rule needs its own id and authorities that resolve (as ``kb lint`` requires of
    the rule base), so that a run under the overlay cannot fail half-way through a graph."""
    where = f"add[{index}].module"
    if meta.id in base_ids:
        raise InputError(
            overlay.file,
            where,
            f"rule {meta.id} is already in the rule base; to replace it, disable it and give "
            "the new rule another id",
        )
    for authority_id in meta.authorities:
        try:
            resolve(authority_id)
        except UnknownAuthority:
            raise InputError(
                overlay.file, where, f"rule {meta.id} cites {authority_id!r}, which is unknown"
            ) from None


def _system_parameters(rule_base: dict[str, tuple[type, ...]], system: str) -> Parameters:
    """A system's parameter table, read from its first rule set (``california``,
    ``federal/<district>``): every rule set of a system shares one table."""
    return _parameters_of(
        next(sets for name, sets in rule_base.items() if name.split("/")[0] == system)
    )


def apply_overlay(overlay: LoadedOverlay, rule_base: dict[str, tuple[type, ...]]) -> AppliedOverlay:
    """Check ``overlay`` against the rule base and return it ready to apply.

    ``rule_base`` is every rule set by name (:func:`jurisdictions.all_rule_sets`). Raises
    :class:`InputError` naming the overlay's field for a rule or parameter that does not exist,
    a value of the wrong type, or a module that cannot be imported or adds no rules."""
    model = overlay.model
    base_ids = {rule_meta(r).id for mixins in rule_base.values() for r in rules_of(*mixins)}
    added: list[tuple[AddedModule, tuple[type, ...]]] = []
    known = set(base_ids)
    for index, spec in enumerate(model.add):
        mixins = _mixins_of(_import(overlay, index, spec))
        if not mixins or not all(isinstance(m, type) for m in mixins):
            raise InputError(
                overlay.file, f"add[{index}].module", f"{spec.module} defines no rule mixins"
            )
        for meta in (rule_meta(r) for r in rules_of(*mixins)):
            _check_added_rule(overlay, index, meta, base_ids)
            known.add(meta.id)
        added.append((spec, mixins))
    for index, rule_id in enumerate(model.disable):
        if rule_id not in known:
            raise InputError(
                overlay.file,
                f"disable[{index}]",
                f"no rule {rule_id!r}{_near(rule_id, sorted(known))}",
            )
    for system in sorted(model.parameters):
        table = _system_parameters(rule_base, system)
        for name, change in overlay.changes(system).items():
            where = f"parameters.{system}.{name}"
            if name not in table.table:
                raise InputError(
                    overlay.file,
                    where,
                    f"{system} has no parameter {name!r}{_near(name, sorted(table.table))}",
                )
            current = table[name].values[-1][1]
            if type(change.value) is not type(current) and not (
                isinstance(current, float) and type(change.value) is int
            ):
                raise InputError(
                    overlay.file,
                    where,
                    f"expected a {type(current).__name__} like the current value "
                    f"{current!r}, got {change.value!r}",
                )
    return AppliedOverlay(overlay, tuple(added))


def load_and_apply(path: str | Path) -> AppliedOverlay:
    """Read an overlay file and check it against the installed rule base."""
    from jurisdictions import all_rule_sets
    from kb.overlay import load_overlay

    return apply_overlay(load_overlay(path), all_rule_sets())


_LOADED: dict[str, AppliedOverlay] = {}


@dataclass(frozen=True)
class OverlayRuleSets:
    """``rule_sets_for`` under the overlay in ``path``: a picklable callable, for ``kb batch``
    workers (each process reads and checks the overlay once, on its first case)."""

    path: str

    def applied(self) -> AppliedOverlay:
        found = _LOADED.get(self.path)
        if found is None:
            found = _LOADED[self.path] = load_and_apply(self.path)
        return found

    def __call__(self, court: Court) -> tuple[type, ...]:
        return self.applied().rule_sets_for(court)
