"""RuleMeta.cited remembers what it worked out by the values its Select authorities read; the
remembered answer is always the one worked out afresh."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from jurisdictions import all_rule_sets
from kb.rules import RuleMeta, Select, rule_meta, rules_of


def _selecting_rules() -> list[RuleMeta]:
    metas: dict[str, RuleMeta] = {}
    for mixins in all_rule_sets(include_plugins=False).values():
        for experta_rule in rules_of(*mixins):
            meta = rule_meta(experta_rule)
            if any(isinstance(spec, Select) for spec in meta.authority_specs):
                metas[meta.id] = meta
    return [metas[k] for k in sorted(metas)]


RULES = _selecting_rules()


def _values(meta: RuleMeta) -> st.SearchStrategy[Any]:
    known = sorted(
        {v for spec in meta.authority_specs if isinstance(spec, Select) for v, _ in spec.choices}
    )
    one = st.sampled_from([*known, "unknown", None])
    return one | st.tuples(one, one) | st.lists(one, max_size=2)  # lists: unhashable


@given(st.data())
def test_cited_is_what_the_selects_pick(data: st.DataObject) -> None:
    assert RULES  # the rule base has rules whose authorities depend on the firing
    meta = data.draw(st.sampled_from(RULES))
    keys = [spec.key for spec in meta.authority_specs if isinstance(spec, Select)]
    context = {key: data.draw(_values(meta)) for key in keys}
    context["other"] = data.draw(st.integers())  # values no Select reads do not matter
    fresh = meta._cite(context)
    assert meta.cited(context) == fresh
    assert meta.cited(dict(context)) == fresh  # asked again: remembered, or not (a list)
    assert meta.cited({**context, "other": None}) == fresh
