"""The two seed rulings, end to end through the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli import main
from tests.helpers import EXAMPLES

PALOMINOS = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")
MILLARE = str(EXAMPLES / "millare-v-stratton.yaml")


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_palominos_denied_request_by_request() -> None:
    decision = json.loads(invoke("decide", PALOMINOS, "--format", "json"))
    assert decision["disposition"] == "denied"
    requests = decision["requests"]
    for n in (13, 14, 15, 16):
        assert requests[f"rfp1:{n}"] == {
            "disposition": "denied",
            "grounds": ["ca.meet_confer.offer_unanswered"],
        }
    for n in (34, 35):
        assert requests[f"rfp1:{n}"] == {
            "disposition": "denied",
            "grounds": ["ca.meet_confer.request_never_raised"],
        }
    grounds = {g["rule"]: g for g in decision["grounds"]}
    never = grounds["ca.meet_confer.request_never_raised"]
    assert never["requests"] == ["rfp1:34", "rfp1:35"]
    assert {"ccp:2016.040", "ccp:2031.310(b)(2)", "case:clement-v-alegre-2009"} <= set(
        never["authorities"]
    )
    assert "Yashar Decl. ¶ 7, Ex. 3" in never["record"]
    assert "raised only Nos. 2, 3, 8 and 13-16" in never["statement"]
    offer = grounds["ca.meet_confer.offer_unanswered"]
    assert offer["requests"] == ["rfp1:13", "rfp1:14", "rfp1:15", "rfp1:16"]
    assert "2023-08-30" in offer["statement"] and "supplement" in offer["statement"]
    assert "protective order" in offer["statement"]
    assert decision["orders"] == [] and decision["sanctions"] is None


def test_palominos_text_names_the_grounds() -> None:
    text = invoke("decide", PALOMINOS)
    assert "motion to compel further responses: DENIED" in text
    assert "Code Civ. Proc., § 2016.040" in text
    assert "Clement v. Alegre (2009) 177 Cal.App.4th 1277" in text


def test_millare_denied_without_prejudice_with_orders() -> None:
    decision = json.loads(invoke("decide", MILLARE, "--format", "json"))
    assert decision["disposition"] == "denied_without_prejudice"
    assert {r["disposition"] for r in decision["requests"].values()} == {"denied_without_prejudice"}
    rules = {g["rule"] for g in decision["grounds"]}
    assert {
        "frcp.certification.missing",
        "sdcal.meet_confer.no_conference",
        "frcp.excuse.status_does_not_excuse",
        "frcp.excuse.stated_excuse_rejected",
    } <= rules
    statements = " ".join(g["statement"] for g in decision["grounds"])
    assert "telephone access" in statements
    assert "incarcerated" in statements
    orders = {o["kind"]: o for o in decision["orders"]}
    assert orders["meet_and_confer"]["method"] == "phone"
    assert orders["meet_and_confer"]["initiator"] == "defendants"
    assert "joint_motion" in orders
    authorities = {a for g in decision["grounds"] for a in g["authorities"]}
    assert {"frcp:37(a)(1)", "sdcal-civlr:26.1(a)", "case:madsen-v-risenhoover-2012"} <= authorities


def test_decide_several_cases_gives_an_array() -> None:
    both = json.loads(invoke("decide", PALOMINOS, MILLARE, "--format", "json"))
    assert [d["case"] for d in both] == ["23STCV03596", "16cv1633-BAS-MDD"]


def test_explain_request_34_text() -> None:
    text = invoke("explain", PALOMINOS, "--request", "34")
    assert "absence:raised:rfp1:34" in text
    assert "fact:conferral:letter-2023-08-17" in text
    assert "[conferrals[0]] (Yashar Decl. ¶ 7, Ex. 3)" in text
    assert "ca.meet_confer.request_never_raised" in text
    assert "ccp:2016.040 = Code Civ. Proc., § 2016.040" in text
    assert "concl:request:rfp1:34:denied" in text


def test_explain_request_34_json_reaches_the_authority() -> None:
    import networkx as nx

    data = json.loads(invoke("explain", PALOMINOS, "--request", "34", "--format", "json"))
    graph = nx.node_link_graph(data, edges="links")
    target = "concl:request:rfp1:34:denied"
    assert {"absence:raised:rfp1:34", "fact:conferral:letter-2023-08-17"} <= nx.ancestors(
        graph, target
    )
    firing = "rule:ca.meet_confer.request_never_raised#rfp1:34"
    assert graph.has_edge(firing, "auth:ccp:2016.040")
    assert graph.nodes["absence:raised:rfp1:34"]["kind"] == "absence"
    assert graph.nodes["fact:conferral:letter-2023-08-17"]["path"] == "conferrals[0]"
