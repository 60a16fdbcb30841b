"""Hypothesis profiles for the property suites, chosen with ``KB_HYPOTHESIS_PROFILE``.

- ``dev`` (the default): a quick pass, so that ``uv run pytest`` stays fast while editing.
- ``ci``: what CI runs (.ci/run): 200 examples per property, derandomized (the same examples on
  every run, so a failure reproduces), no example database, no deadline.
- ``mutation``: a few examples each, for the rule-mutation check (tools/mutate_rules.py), which
  runs the suite once per mutant.

The loader test draws many more examples than the others (tests/properties/support.py).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("dev", max_examples=15, **COMMON)
settings.register_profile("ci", max_examples=200, derandomize=True, **COMMON)
settings.register_profile("mutation", max_examples=12, derandomize=True, **COMMON)

settings.load_profile(os.environ.get("KB_HYPOTHESIS_PROFILE", "dev"))
