"""The Mermaid export renders with Mermaid itself, in headless Chromium, as a Markdown viewer
(GitHub, GitLab) would render a ```mermaid block. The bundle comes from the npm registry
(.ci/fetch-mermaid); CI fetches it, elsewhere the test is skipped without it."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from engine.exports.mermaid import to_mermaid
from tests.cli.chromium import console, run
from tests.engine.support import PALOMINOS, explained, hostile_case

VERSION = "11.17.2"


def bundle() -> Path:
    named = os.environ.get("MERMAID_JS")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = (
        Path(named)
        if named
        else cache / f"discovery-kb/mermaid-{VERSION}/package/dist/mermaid.min.js"
    )
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"no Mermaid bundle at {path}; .ci/run fetches it with .ci/fetch-mermaid")
        pytest.skip("no Mermaid bundle (run .ci/fetch-mermaid)")
    return path


def render(chart: str, tmp_path: Path) -> tuple[str, list[str]]:
    page = tmp_path / "mermaid.html"
    text = json.dumps(chart).replace("<", "\\u003c")
    page.write_text(
        f"""<!DOCTYPE html><html><body><div id="out">pending</div>
<script src="{bundle().as_uri()}"></script>
<script>
mermaid.initialize({{startOnLoad: false, securityLevel: "strict"}});
mermaid.render("chart", {text})
  .then(function (r) {{ document.getElementById("out").innerHTML = r.svg; }})
  .catch(function (e) {{ document.getElementById("out").textContent = "FAILED " + e; }});
</script></body></html>""",
        encoding="utf-8",
    )
    done = run(
        page.as_uri(),
        tmp_path / "profile",
        "--allow-file-access-from-files",
        "--virtual-time-budget=20000",
        "--dump-dom",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, console(done.stderr)


@pytest.mark.parametrize("hostile", [False, True])
def test_the_flowchart_renders_with_mermaid(hostile: bool, tmp_path: Path) -> None:
    graph = explained(hostile_case() if hostile else PALOMINOS).graph
    dom, messages = render(to_mermaid(graph), tmp_path)
    assert '<div id="out"><svg id="chart"' in dom, dom[dom.index('<div id="out">') :][:500]
    assert messages == []
    svg = dom[dom.index('<svg id="chart"') :]
    assert len(re.findall(r'<g class="node ', svg)) == graph.number_of_nodes()
    assert "<img" not in svg  # the hostile party name is text, not an element


def test_a_broken_chart_is_seen_as_broken(tmp_path: Path) -> None:
    dom, _ = render('flowchart LR\n  n0["a "quoted" label"]\n', tmp_path)
    assert '<div id="out">FAILED' in dom
