"""Batch runs: the same lines in the same order whatever runs them; bad cases are skipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.generate import typical
from cli import main
from engine import batch as B
from engine.api import decide
from jurisdictions import RULES_VERSION, rule_sets_for
from kb.crossref import resolve
from tests.helpers import EXAMPLES

LAW = B.Law(rule_sets_for, RULES_VERSION)


def jsonl(count: int) -> list[B.Item]:
    return [B.Item(f"gen:{i}", text=json.dumps(typical(i, seed=11)) + "\n") for i in range(count)]


def lines(outcomes: object) -> list[str]:
    return [o.line for o in outcomes]  # type: ignore[attr-defined]


def test_a_batch_line_is_the_decision_of_a_fresh_engine() -> None:
    items = jsonl(12)
    for item, outcome in zip(items, B.run_local(items, LAW), strict=True):
        assert item.text is not None
        case = resolve(item.source, json.loads(item.text))
        decision, _ = decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)
        expected = {"source": item.source, "decision": decision.model_dump(mode="json")}
        assert json.loads(outcome.line) == expected


def test_a_process_pool_gives_the_sequential_lines() -> None:
    items = jsonl(60)
    assert lines(B.run_local(items, LAW, jobs=2)) == lines(B.run_local(items, LAW, jobs=1))


def write_cases(directory: Path, count: int) -> None:
    for i in range(count):
        (directory / f"case-{i:03d}.json").write_text(json.dumps(typical(i)), encoding="utf-8")
    (directory / "case-002.json").write_text('{"format": 1, "case": 3}', encoding="utf-8")


def test_kb_batch_skips_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    write_cases(tmp_path, 8)
    runner = CliRunner()
    one = runner.invoke(main, ["batch", str(tmp_path), "--jobs", "1", "--no-progress"])
    two = runner.invoke(main, ["batch", str(tmp_path), "--jobs", "2", "--no-progress"])
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    out = [json.loads(line) for line in one.stdout.splitlines()]
    assert len(out) == 8
    assert "decision" in out[1] and "decision" in out[3]
    assert out[2]["error"].startswith(f"error: {tmp_path / 'case-002.json'}: case:")
    assert out[2]["error"] in one.stderr


def test_kb_batch_reads_json_lines_and_shows_progress(tmp_path: Path) -> None:
    stream = tmp_path / "cases.jsonl"
    stream.write_text("".join(item.text or "" for item in jsonl(5)), encoding="utf-8")
    seed = EXAMPLES / "palominos-cervantes-v-gm.yaml"
    output = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["batch", str(stream), str(seed), "-j", "1", "-o", str(output), "--progress"]
    )
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [o["source"] for o in out] == [f"{stream}:{n}" for n in range(1, 6)] + [str(seed)]
    assert out[-1]["decision"]["disposition"] == "denied"
    assert "6 cases" in result.stderr and "/s" in result.stderr


def test_kb_batch_dask_needs_a_scheduler(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--executor", "dask"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output


def test_a_dask_cluster_gives_the_local_lines() -> None:
    distributed = pytest.importorskip("distributed")
    items = jsonl(1000)
    local = lines(B.run_local(items, LAW, jobs=1))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert lines(B.run_dask(items, LAW, client)) == local


def test_directories_are_read_as_every_command_reads_them(tmp_path: Path) -> None:
    """kb.sources.directory_files: no expected files, snapshots or hidden folders."""
    shutil.copy(EXAMPLES / "palominos-cervantes-v-gm.yaml", tmp_path / "case.yaml")
    (tmp_path / "case.expected.yaml").write_text("case: case.yaml\n", encoding="utf-8")
    for folder in ("__snapshots__", ".cache"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "snap.json").write_text("{}", encoding="utf-8")
    assert [item.source for item in B.items([str(tmp_path)])] == [str(tmp_path / "case.yaml")]
