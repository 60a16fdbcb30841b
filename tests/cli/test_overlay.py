"""``--overlay FILE``: what-if law for one run (kb/overlay.py, jurisdictions/overlays.py).

The overlays under ``overlays/`` are the examples the docs use; each test here checks what the
overlay should change, and that the rule base itself is left as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from tests.helpers import EXAMPLES, ROOT

OVERLAYS = ROOT / "overlays"
LATE = str(EXAMPLES / "ca-motion-noticed-too-late.yaml")
LA_SEED = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")
SD_SEED = str(EXAMPLES / "millare-v-stratton.yaml")
SANCTIONS = str(EXAMPLES / "ca-document-sanctions-2023-050.yaml")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def decision(case: str, *overlay: str) -> dict[str, object]:
    args = ["decide", case, "--format", "json"]
    if overlay:
        args += ["--overlay", overlay[0]]
    code, out = run(*args)
    assert code == 0, out
    data: dict[str, object] = json.loads(out)
    return data


def dispositions(data: dict[str, object]) -> dict[str, str]:
    requests = data["requests"]
    assert isinstance(requests, dict)
    return {k: v["disposition"] for k, v in requests.items()}


def test_a_longer_notice_period_saves_a_late_motion() -> None:
    base = decision(LATE)
    assert set(dispositions(base).values()) == {"denied"}
    changed = decision(LATE, str(OVERLAYS / "notice-60-days.yaml"))
    assert "granted" in set(dispositions(changed).values())
    assert changed["rules_version"] == f"{base['rules_version']}+notice-60-days"
    assert "ca.timeliness.notice_late" not in json.dumps(changed)


def test_a_rule_switched_off_no_longer_decides() -> None:
    overlay = str(OVERLAYS / "reply-rule-off.yaml")
    base, changed = dispositions(decision(LA_SEED)), dispositions(decision(LA_SEED, overlay))
    assert base == {k: "denied" for k in base}
    # Nos. 34 and 35: still never raised; Nos. 13-16 go on to the merits.
    assert changed["rfp1:34"] == changed["rfp1:35"] == "denied"
    assert all(changed[f"rfp1:{n}"] == "granted" for n in (13, 14, 15, 16))
    code, out = run("explain", LA_SEED, "--request", "13", "--overlay", overlay)
    assert code == 0 and "ca.meet_confer.offer_unanswered" not in out


def test_a_dated_parameter_applies_from_its_date() -> None:
    overlay = str(OVERLAYS / "sanction-1000-from-2023.yaml")
    amounts = [decision(SANCTIONS, *o)["sanctions"]["amount"] for o in ((), (overlay,))]  # type: ignore[index]
    assert amounts == [250.0, 1000.0]


def test_a_dated_parameter_leaves_earlier_cases_alone(tmp_path: Path) -> None:
    text = (OVERLAYS / "sanction-1000-from-2023.yaml").read_text(encoding="utf-8")
    later = tmp_path / "later.yaml"
    later.write_text(text.replace("since: 2023-01-01", "since: 2024-06-01"), encoding="utf-8")
    assert decision(SANCTIONS, str(later))["sanctions"]["amount"] == 250.0  # type: ignore[index]


def test_an_added_rule_module_takes_part() -> None:
    overlay = str(OVERLAYS / "idc-mandatory" / "overlay.yaml")
    base = decision(LA_SEED)
    changed = decision(LA_SEED, overlay)
    assert base["disposition"] == "denied"
    assert changed["disposition"] == "off_calendar"
    code, out = run("explain", LA_SEED, "--format", "json", "--overlay", overlay)
    assert code == 0
    rules = {n.get("rule") for n in json.loads(out)["nodes"]}
    assert "whatif.idc.required_everywhere" in rules
    # A federal case is untouched: the module names the California courts only.
    assert decision(SD_SEED, overlay)["requests"] == decision(SD_SEED)["requests"]


def test_the_rule_base_is_the_same_after_an_overlay() -> None:
    before = decision(LA_SEED)
    decision(LA_SEED, str(OVERLAYS / "reply-rule-off.yaml"))
    decision(LA_SEED, str(OVERLAYS / "idc-mandatory" / "overlay.yaml"))
    assert decision(LA_SEED) == before


def test_kb_diff_compares_without_and_with_an_overlay() -> None:
    overlay = str(OVERLAYS / "reply-rule-off.yaml")
    code, out = run("diff", LA_SEED, "--overlay", overlay, "--exit-code")
    assert code == 1, out
    assert f"kb diff: rule base -> overlay {overlay}" in out
    assert "rfp1:13: denied -> granted" in out
    assert "grounds: ca.meet_confer.offer_unanswered -> ca.merits.objections_unjustified" in out
    code, out = run("diff", SD_SEED, "--overlay", overlay, "--exit-code")
    assert code == 0 and "0 changed" in out, out


def test_kb_diff_compares_two_overlays() -> None:
    first, second = str(OVERLAYS / "reply-rule-off.yaml"), str(OVERLAYS / "notice-60-days.yaml")
    code, out = run("diff", LA_SEED, "--overlay", first, "--overlay", second, "--format", "json")
    assert code == 0, out
    assert "rfp1:13" in out


def test_the_other_commands_take_an_overlay() -> None:
    overlay = str(OVERLAYS / "reply-rule-off.yaml")
    for command in ("why-not", "advise", "deadlines", "checklist"):
        args = [command, LA_SEED, "--overlay", overlay, "--format", "json"]
        if command == "why-not":
            args.insert(2, "concl:request:13:granted")
        code, out = run(*args)
        assert code in (0, 2) and "Traceback" not in out, (command, out)
        if command != "why-not":
            assert "+reply-rule-off" in out, command


RULE_MODULE = """
from experta import Rule
from kb.facts import Motion, Requirement
from kb.rules import rule


class Extra:
    @rule(id="{id}", authorities=("{cite}",), statement="x", derives=(Requirement,))
    @Rule(Motion(system="california"))
    def extra(self):
        \"\"\"x\"\"\"
        self.conclude(Requirement(requirement="informal_conference"))
"""

BAD = {
    "unknown rule": (
        "overlay: 1\nid: x\ndisable: [ca.meet_confer.offer_unanswerd]\n",
        "disable[0]: no rule 'ca.meet_confer.offer_unanswerd' (did you mean "
        "ca.meet_confer.offer_unanswered",
    ),
    "unknown parameter": (
        "overlay: 1\nid: x\nparameters:\n  california:\n    motion_notice_dayz: 60\n",
        "parameters.california.motion_notice_dayz: california has no parameter "
        "'motion_notice_dayz' (did you mean motion_notice_days?)",
    ),
    "wrong type": (
        "overlay: 1\nid: x\nparameters:\n  california:\n    motion_notice_days: '60'\n",
        "parameters.california.motion_notice_days: expected a int like the current value 45",
    ),
    "unknown system": (
        "overlay: 1\nid: x\nparameters:\n  texas:\n    motion_notice_days: 60\n",
        "parameters.texas",
    ),
    "missing module": (
        "overlay: 1\nid: x\nadd:\n  - module: nowhere.py\n",
        "add[0].module: no such file",
    ),
    "broken module": (
        "overlay: 1\nid: x\nadd:\n  - module: broken.py\n",
        "add[0].module: cannot import broken.py: ZeroDivisionError: division by zero",
    ),
    "module without rules": (
        "overlay: 1\nid: x\nadd:\n  - module: empty.py\n",
        "add[0].module: empty.py defines no rule mixins",
    ),
    "a rule id already taken": (
        "overlay: 1\nid: x\nadd:\n  - module: taken.py\n",
        "add[0].module: rule ca.meet_confer.demand_only is already in the rule base",
    ),
    "an unknown authority": (
        "overlay: 1\nid: x\nadd:\n  - module: uncited.py\n",
        "add[0].module: rule whatif.x.y cites 'ccp:9999', which is unknown",
    ),
    "format version": ("overlay: 2\nid: x\n", "overlay: must be 1"),
    "typo in a key": ("overlay: 1\nid: x\ndisabled: []\n", "disabled"),
    "bad id": ("overlay: 1\nid: Not An Id\n", "id:"),
    "not a mapping": ("- overlay\n", "expected a mapping at the top level"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_overlay_is_one_line_and_exit_2(name: str, tmp_path: Path) -> None:
    text, expected = BAD[name]
    (tmp_path / "broken.py").write_text("1 / 0\n", encoding="utf-8")
    (tmp_path / "empty.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "taken.py").write_text(
        RULE_MODULE.format(id="ca.meet_confer.demand_only", cite="ccp:2016.040"), encoding="utf-8"
    )
    (tmp_path / "uncited.py").write_text(
        RULE_MODULE.format(id="whatif.x.y", cite="ccp:9999"), encoding="utf-8"
    )
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["decide", LA_SEED, "--overlay", str(overlay)])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {overlay}: "), result.output
    assert expected in lines[0], lines[0]


def test_an_overlay_file_that_is_missing_is_an_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["decide", LA_SEED, "--overlay", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and result.output.startswith("error: "), result.output


def test_kb_batch_decides_under_an_overlay_in_every_worker(tmp_path: Path) -> None:
    overlay = str(OVERLAYS / "reply-rule-off.yaml")
    cases = [LA_SEED, SD_SEED, LATE]
    for case in cases:
        (tmp_path / Path(case).name).write_text(Path(case).read_text(encoding="utf-8"))
    runner = CliRunner()
    two = runner.invoke(
        main, ["batch", str(tmp_path), "--jobs", "2", "--no-progress", "--overlay", overlay]
    )
    assert two.exit_code == 0, two.output
    got = {
        Path(line["source"]).name: line["decision"]
        for line in map(json.loads, two.output.splitlines())
    }
    for case in cases:
        assert got[Path(case).name] == decision(case, overlay)
    assert got[Path(LA_SEED).name]["rules_version"].endswith("+reply-rule-off")
