"""Overlays over generated cases: what an overlay may change, and what it must not.

- An overlay that changes nothing decides every case as the rule base does (only the rules
  version says an overlay was applied).
- A rule an overlay switches off never fires, and neither does a rule that only it could feed.
- Changing a parameter to the value it already has changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from engine.api import decide as fresh_decide
from jurisdictions import RULES_VERSION, rule_sets_for
from jurisdictions.overlays import AppliedOverlay, load_and_apply
from kb.rules import rule_meta, rules_of
from kb.testing import case_files
from tests.properties.support import Doc, decide, load


def overlay(tmp: Path, text: str) -> AppliedOverlay:
    path = tmp / "overlay.yaml"
    path.write_text(text, encoding="utf-8")
    return load_and_apply(path)


def under(applied: AppliedOverlay, doc: Doc) -> tuple[object, object]:
    case = load(doc)
    return fresh_decide(
        case, applied.rule_sets_for(case.model.case.court), applied.version(RULES_VERSION)
    )


def same_but_version(doc: Doc, applied: AppliedOverlay) -> None:
    base, _ = decide(doc)
    changed, _ = under(applied, doc)
    left = base.model_dump(mode="json")
    right = changed.model_dump(mode="json")  # type: ignore[attr-defined]
    assert right.pop("rules_version") == f"{left.pop('rules_version')}+{applied.id}"
    assert left == right


def _rule_ids() -> list[str]:
    from jurisdictions import all_rule_sets

    ids = {rule_meta(r).id for sets in all_rule_sets(False).values() for r in rules_of(*sets)}
    return sorted(ids)


def test_an_empty_overlay_decides_as_the_rule_base(tmp_path: Path) -> None:
    applied = overlay(tmp_path, "overlay: 1\nid: nothing\n")

    @given(case_files())
    def check(doc: Doc) -> None:
        same_but_version(doc, applied)

    check()


def test_an_unchanged_parameter_changes_nothing(tmp_path: Path) -> None:
    applied = overlay(
        tmp_path,
        "overlay: 1\nid: same-45\nparameters:\n  california:\n    motion_notice_days: 45\n",
    )

    @given(case_files(system="california", motion="compel_further", near_deadline=True))
    def check(doc: Doc) -> None:
        same_but_version(doc, applied)

    check()


def test_a_rule_switched_off_never_fires(tmp_path: Path) -> None:
    ids = _rule_ids()

    @given(case_files(), st.sampled_from(ids))
    def check(doc: Doc, rule_id: str) -> None:
        applied = overlay(tmp_path, f"overlay: 1\nid: rule-off\ndisable: [{rule_id}]\n")
        _, result = under(applied, doc)
        fired = {f.rule_id for f in result.firings}  # type: ignore[attr-defined]
        assert rule_id not in fired
        in_force = {m.id for m in result.rules}  # type: ignore[attr-defined]
        assert rule_id not in in_force

    check()


def test_rule_sets_for_is_unchanged_by_an_overlay(tmp_path: Path) -> None:
    applied = overlay(tmp_path, "overlay: 1\nid: rule-off\ndisable: [ca.meet_confer.demand_only]\n")

    @given(case_files())
    def check(doc: Doc) -> None:
        court = load(doc).model.case.court
        before = rule_sets_for(court)
        wrapped = applied.rule_sets_for(court)
        assert wrapped[1:] == before
        assert rule_sets_for(court) == before

    check()
