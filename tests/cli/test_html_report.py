"""The HTML report in a real headless Chromium: the graph is drawn, nothing is logged to the
console, a node's details show, and case text is escaped and never runs."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import quote

import yaml
from click.testing import CliRunner

from cli import main
from engine.exports.style import KIND_STYLE
from tests.cli.chromium import colours, console, run
from tests.engine.support import PALOMINOS, XSS_NAME, XSS_TITLE, hostile_case


def report(case: Path, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["explain", str(case), "--format", "html", "-o", str(out), *extra]
    )
    assert result.exit_code == 0, result.output
    return out


def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(
        yaml.safe_dump(hostile_case(), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return path


def fill(kind: str) -> bytes:
    return bytes.fromhex(KIND_STYLE[kind][0].removeprefix("#"))


def test_the_graph_is_drawn_and_the_console_stays_silent(tmp_path: Path) -> None:
    page = report(PALOMINOS, tmp_path)
    shot = tmp_path / "shot.png"
    done = run(
        page.as_uri(),
        tmp_path / "profile",
        "--window-size=1400,1600",
        f"--screenshot={shot}",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert console(done.stderr) == []
    seen = colours(shot)
    # the boxes of the overview and of the first request's chain are painted
    for kind in ("fact", "rule", "conclusion", "authority", "absence"):
        assert seen[fill(kind)] > 500, kind


def test_a_node_shows_its_facts_rule_text_and_authority_links(tmp_path: Path) -> None:
    page = report(PALOMINOS, tmp_path, "--request", "34")
    node = "rule:ca.meet_confer.request_never_raised#rfp1:34"
    done = run(f"{page.as_uri()}#node={quote(node, safe='')}", tmp_path / "p", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console(done.stderr) == []
    dom = done.stdout
    details = dom[dom.index('id="details-body"') :]
    assert node in details
    assert "Rule text" in details and "each issue presented by the motion" in details
    assert "Code Civ. Proc., § 2016.040" in details
    assert re.search(r'<a href="https://[^"]+"[^>]*>Clement v\. Alegre', details)
    # the section of No. 34 is open, the others closed
    assert re.search(r'<details class="request" id="section-rfp1:34" open', dom)
    assert not re.search(r'<details class="request" id="section-rfp1:13" open', dom)


def test_case_text_is_escaped_and_does_not_run(tmp_path: Path) -> None:
    page = report(hostile_file(tmp_path), tmp_path)
    html = page.read_text(encoding="utf-8")
    assert XSS_TITLE not in html and XSS_NAME not in html
    assert "<script>alert(1)" not in html and '<script>console.error("xss-ran")' not in html
    assert html.count("<script") == 2  # the JSON data block and the page's own script
    data = html[html.index('id="kb-data">') : html.index("</script>")]
    assert "<" not in data.removeprefix('id="kb-data">')
    done = run(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console(done.stderr) == []
    assert "xss-ran" not in done.stderr
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;&lt;script&gt;console.error(" in done.stdout
    # and the node data survives the round trip through JSON intact
    start = html.index('id="kb-data">') + len('id="kb-data">')
    nodes = json.loads(html[start : html.index("</script>", start)])["nodes"]
    cites = {n.get("record") for n in nodes.values()}
    assert hostile_case()["conferrals"][0]["record"] in cites


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    html = report(PALOMINOS, tmp_path).read_text(encoding="utf-8")
    markup = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
    assert not re.search(r"\b(src|href|action|srcset|xlink:href)\s*=", markup)
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert meta is not None
    policy = unescape(meta.group(1))
    assert policy.startswith("default-src 'none';")
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+';", policy)
    assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+';", policy)


def test_the_console_check_sees_errors(tmp_path: Path) -> None:
    # The checks above are only as good as this: a page that logs an error or throws is seen.
    page = tmp_path / "noisy.html"
    page.write_text(
        "<!DOCTYPE html><p>x</p><script>console.error('boom'); missing();</script>",
        encoding="utf-8",
    )
    done = run(page.as_uri(), tmp_path / "profile", "--dump-dom")
    messages = console(done.stderr)
    assert any("boom" in m for m in messages)
    assert any("Uncaught ReferenceError" in m for m in messages)
