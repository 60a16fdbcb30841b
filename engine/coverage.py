"""Rule coverage over a corpus of cases: which rules fired, which never did."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.engine import Result


@dataclass
class Coverage:
    """How often each rule fired (standing) and was defeated, over many results."""

    cases: int = 0
    fired: Counter[str] = field(default_factory=Counter)
    defeated: Counter[str] = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        self.cases += 1
        for rule_id in {f.rule_id for f in result.firings if f.defeated_by is None}:
            self.fired[rule_id] += 1
        for rule_id in {f.rule_id for f in result.firings if f.defeated_by is not None}:
            self.defeated[rule_id] += 1

    def never_fired(self, rule_ids: Iterable[str]) -> list[str]:
        return sorted(r for r in rule_ids if not self.fired[r])

    def render(self, rule_ids: Iterable[str]) -> str:
        ids = sorted(rule_ids)
        lines = [
            f"{self.cases} cases; {sum(1 for r in ids if self.fired[r])} of {len(ids)} rules "
            "fired at least once",
            "",
        ]
        width = max((len(r) for r in ids), default=10)
        lines.append(f"  {'rule'.ljust(width)}  cases fired  defeated")
        for rule_id in ids:
            lines.append(
                f"  {rule_id.ljust(width)}  {self.fired[rule_id]:>11}  {self.defeated[rule_id]:>8}"
            )
        never = self.never_fired(ids)
        lines += ["", "never fired: " + (", ".join(never) if never else "none")]
        return "\n".join(lines) + "\n"
