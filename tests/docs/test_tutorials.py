"""The tutorials' code runs: each page's ```python blocks are executed in order (and so are
those of the how-to guides; concept and reference pages show fragments)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT

TUTORIALS = sorted((ROOT / "docs" / "tutorials").glob("*.md"))
HOW_TO = sorted(
    p
    for p in [*(ROOT / "docs" / "how-to").glob("*.md"), ROOT / "docs" / "testing-rules.md"]
    if "```python" in p.read_text("utf-8")
)
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("page", TUTORIALS, ids=lambda p: p.stem)
def test_tutorial_runs(page: Path) -> None:
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    assert blocks, f"{page.name} has no python blocks"
    namespace: dict[str, object] = {"__name__": f"tutorial_{page.stem.replace('-', '_')}"}
    exec(compile("\n".join(blocks), str(page), "exec"), namespace)


@pytest.mark.parametrize("page", HOW_TO, ids=lambda p: p.stem)
def test_guide_code_runs(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python in the other pages runs too, from the repository root as the pages assume."""
    monkeypatch.chdir(ROOT)
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": f"guide_{page.stem.replace('-', '_')}"}
    exec(compile("\n".join(blocks), str(page), "exec"), namespace)


def test_the_python_api_page_imports() -> None:
    """Every name the Python API reference lists can be imported as it says."""
    page = ROOT / "docs" / "reference" / "python-api.md"
    (block, *_) = BLOCK.findall(page.read_text(encoding="utf-8"))
    exec(compile(block, str(page), "exec"), {"__name__": "python_api_page"})
