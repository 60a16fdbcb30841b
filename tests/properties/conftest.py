"""Hypothesis profiles for the property suites, and the fuzz tests' report.

Profiles, chosen with ``KB_HYPOTHESIS_PROFILE``:

- ``dev`` (the default): a quick pass, so that ``uv run pytest`` stays fast while editing.
- ``ci``: what CI runs (.ci/run): 200 examples per property, derandomized (the same examples on
  every run, so a failure reproduces), no example database, no deadline.
- ``mutation``: a few examples each, for the rule-mutation check (tools/mutate_rules.py), which
  runs the suite once per mutant.

The loader test draws many more examples than the others (tests/properties/support.py); the fuzz
tests set their own counts (tests/properties/fuzzing.py). After every run, the number of inputs
the fuzz tests tried, and the seed, are printed.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings

from tests.properties.fuzzing import SCALE, SEED, TRIED

COMMON: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("dev", max_examples=15, **COMMON)
settings.register_profile("ci", max_examples=200, derandomize=True, **COMMON)
settings.register_profile("mutation", max_examples=12, derandomize=True, **COMMON)

settings.load_profile(os.environ.get("KB_HYPOTHESIS_PROFILE", "dev"))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    if not TRIED:
        return
    seed = SEED if SEED is not None else config.getoption("hypothesis_seed", None)
    parts = ", ".join(f"{name}: {count}" for name, count in sorted(TRIED.items()))
    terminalreporter.write_line(
        f"fuzz: {sum(TRIED.values())} inputs tried ({parts}); "
        f"seed: {seed if seed is not None else 'random'}; scale: {SCALE:g}"
    )
