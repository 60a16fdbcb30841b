"""Report how many inputs the fuzz tests tried, and with which seed, after every run."""

from __future__ import annotations

from typing import Any

from tests.properties.fuzzing import SCALE, SEED, TRIED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    if not TRIED:
        return
    seed = SEED if SEED is not None else config.getoption("hypothesis_seed", None)
    parts = ", ".join(f"{name}: {count}" for name, count in sorted(TRIED.items()))
    terminalreporter.write_line(
        f"fuzz: {sum(TRIED.values())} inputs tried ({parts}); "
        f"seed: {seed if seed is not None else 'random'}; scale: {SCALE:g}"
    )
