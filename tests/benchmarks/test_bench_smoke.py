"""A quick run of ``kb bench``: every benchmark works and the table is written.

The targets themselves are for the full run on a quiet machine (benchmarks/RESULTS.md); timed
assertions have no place in the test suite, so this checks only that each figure is produced
(and the benchmarks' own checks: the CLIPS peer agrees on every request, parallel batch output
equals the sequential output).
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import main

FIGURES = (
    "large motion, decision + full graph",
    "growth",
    "provenance cost",
    "peer: ours / CLIPS (outcomes asserted equal)",
    "kb decide <seed>, fresh process, cached bytecode",
    "imports of kb decide",
    "peak memory, large motion + graph",
    "kb batch, typical cases, 2 jobs (output = sequential)",
    "peak memory, streamed run (largest process)",
)


def test_kb_bench_quick_writes_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    result = CliRunner().invoke(main, ["bench", "--quick", "--stream", "60", "-o", str(output)])
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark results")
    assert "- machine:" in text
    for figure in FIGURES:
        assert figure in text, figure
        assert figure in result.output, figure
    assert "| fastest of 1 |" in text  # beside the median the target is checked on
