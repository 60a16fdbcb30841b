"""Output files: atomic, never replaced without --force, no partial file after a failure; JSONL
exports that stop cleanly on Ctrl-C and resume without duplicates."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main
from kb.errors import InputError, Interrupted
from kb.jsonl import JsonlWriter, done_keys, partial_path
from kb.output import atomic_write, atomic_writer
from kb.progress import run_all
from tests.helpers import EXAMPLES, ROOT

CASE = str(EXAMPLES / "palominos-cervantes-v-gm.yaml")


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_atomic_write_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="output file exists; use --force"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "keep me"
    atomic_write(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert leftovers(tmp_path) == ["out.txt"]


def test_atomic_write_gives_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "out.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644


def test_a_failure_half_way_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half of it")
        raise RuntimeError("rendering failed")
    assert leftovers(tmp_path) == []
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target, force=True) as handle:
        handle.write("half of it")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == ["out.txt"]


def test_a_file_appearing_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(InputError, match="output file exists"), atomic_writer(target) as handle:
        handle.write("mine")
        target.write_text("theirs", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "theirs"
    assert leftovers(tmp_path) == ["out.txt"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [(".", "is a directory; name an output file"), ("missing/out.txt", "no such directory")],
)
def test_bad_targets_are_input_errors(tmp_path: Path, name: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        atomic_write(tmp_path / name, "x", force=True)


def test_cli_rendering_failure_leaves_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import engine.exports.decision_text as decision_text

    def broken(*args: object) -> str:
        raise RuntimeError("rendering failed half-way")

    monkeypatch.setattr(decision_text, "render_decision", broken)
    target = tmp_path / "out.txt"
    result = CliRunner().invoke(main, ["decide", CASE, "-o", str(target)])
    assert result.exit_code == 1
    assert result.output.strip() == "error: internal: RuntimeError: rendering failed half-way"
    assert leftovers(tmp_path) == []


def test_cli_bad_second_case_leaves_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    target = tmp_path / "out.json"
    result = CliRunner().invoke(
        main, ["decide", CASE, str(bad), "--format", "json", "-o", str(target)]
    )
    assert result.exit_code == 2 and "case: missing required key" in result.output
    assert leftovers(tmp_path) == ["bad.yaml"]


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def key(record: object) -> str:
    assert isinstance(record, dict)
    return str(record["id"])


def test_jsonl_writes_each_record_as_it_goes_and_finishes_with_a_rename(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with JsonlWriter(target, key=key) as out:
        out.write({"id": "a", "n": 1})
        # Flushed already: an interruption now would keep it.
        assert records(partial_path(target)) == [{"id": "a", "n": 1}]
        assert not target.exists()
        assert out.write({"id": "b", "n": 2}) and not out.write({"id": "a", "n": 3})
    assert records(target) == [{"id": "a", "n": 1}, {"id": "b", "n": 2}]
    assert leftovers(tmp_path) == ["out.jsonl"]


def test_interrupted_export_says_how_far_it_got_and_resumes_without_duplicates(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.jsonl"
    items = [f"case-{i}" for i in range(10)]

    def export(stop_at: int | None, resume: bool) -> JsonlWriter:
        with JsonlWriter(target, key=key, resume=resume) as out:

            def work(item: str) -> None:
                if item == f"case-{stop_at}":
                    raise KeyboardInterrupt
                for part in ("x", "y"):
                    out.write({"id": f"{item}/{part}"})

            run_all(items, work, what="case files", note=out.progress_note)
        return out

    with pytest.raises(Interrupted) as info:
        export(stop_at=4, resume=False)
    assert info.value.line() == (
        f"error: interrupted after 4 of 10 case files; 8 records in {partial_path(target)}; "
        "run again with --resume to continue"
    )
    assert not target.exists() and len(records(partial_path(target))) == 8
    with pytest.raises(InputError, match="use --resume to continue it or --force"):
        export(stop_at=None, resume=False)
    out = export(stop_at=None, resume=True)
    assert (out.resumed, out.written, out.skipped) == (8, 12, 8)
    ids = [r["id"] for r in records(target)]
    assert len(ids) == 20 == len(set(ids))
    assert leftovers(tmp_path) == ["out.jsonl"]
    # Resuming a finished export adds nothing and keeps it whole.
    out = export(stop_at=None, resume=True)
    assert (out.resumed, out.written) == (20, 0) and len(records(target)) == 20


def test_resume_drops_a_line_cut_short_and_refuses_a_foreign_file(tmp_path: Path) -> None:
    partial = tmp_path / "out.jsonl.partial"
    partial.write_bytes(b'{"id": "a"}\n{"id": "b"}\n{"id": "c"')
    assert done_keys(partial, key) == {"a", "b"}
    assert partial.read_bytes() == b'{"id": "a"}\n{"id": "b"}\n'
    partial.write_bytes(b'{"id": "a"}\nnot json\n')
    with pytest.raises(InputError, match="line 2: not a record of this export"):
        done_keys(partial, key)


def test_jsonl_refuses_to_replace_or_resume_without_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="output file exists"), JsonlWriter(target, key=key):
        pass
    with (
        pytest.raises(InputError, match="needs an output file"),
        JsonlWriter(None, key=key, resume=True),
    ):
        pass


SLOW_EXPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import click
    from cli import guarded
    from kb.jsonl import JsonlWriter
    from kb.progress import run_all

    @click.command()
    @click.argument("output")
    @click.option("--resume", is_flag=True)
    @guarded
    def export(output, resume):
        with JsonlWriter(Path(output), key=lambda r: r["id"], resume=resume) as out:
            def work(n):
                time.sleep(0.1 if not resume else 0)
                out.write({"id": f"case-{n}"})
            run_all(range(10), work, what="case files", note=out.progress_note)

    export()
    """
)


def test_a_real_sigint_stops_cleanly_with_exit_130(tmp_path: Path) -> None:
    script = tmp_path / "slow_export.py"
    script.write_text(SLOW_EXPORT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, str(script), str(target)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    partial = partial_path(target)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if partial.exists() and partial.read_text(encoding="utf-8").count("\n") >= 3:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    (line,) = err.splitlines()
    done = len(records(partial))
    assert 3 <= done < 10
    assert line.startswith(f"error: interrupted after {done} of 10 case files; {done} records")
    assert line.endswith("run again with --resume to continue")
    resumed = subprocess.run(
        [*command, "--resume"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert resumed.returncode == 0, resumed.stderr
    assert [r["id"] for r in records(target)] == [f"case-{n}" for n in range(10)]
    assert leftovers(tmp_path) == ["out.jsonl", "slow_export.py"]


def test_schema_writes_atomically_too(tmp_path: Path) -> None:
    target = tmp_path / "casefile.schema.json"
    runner = CliRunner()
    assert runner.invoke(main, ["schema", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"]
    again = runner.invoke(main, ["schema", "-o", str(target)])
    assert again.exit_code == 2 and "use --force" in again.output


def test_a_ctrl_c_during_a_write_is_counted_with_the_line_it_held_back(tmp_path: Path) -> None:
    """SIGINT arriving while a line is written is held back until the line is whole; the line
    is then in the file, and both counts in the message include it (kb batch counts cases by
    the lines written, since the signal may land after the line, before the case's work
    returns)."""
    target = tmp_path / "out.jsonl"

    class InterruptingFile:
        """A file whose third flush receives a real SIGINT, as from Ctrl-C mid-write."""

        def __init__(self, handle: Any) -> None:
            self.handle, self.flushes = handle, 0

        def __getattr__(self, name: str) -> Any:
            return getattr(self.handle, name)

        def flush(self) -> None:
            self.handle.flush()
            self.flushes += 1
            if self.flushes == 3:
                os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(Interrupted) as info, JsonlWriter(target, key=key) as out:
        out._handle = InterruptingFile(out._handle)
        run_all(
            range(10),
            lambda n: out.write({"id": f"case-{n}"}),
            what="cases",
            note=out.progress_note,
            count=lambda: out.written,
        )
    written = records(partial_path(target))
    assert len(written) == 3 == out.written
    assert info.value.line().startswith(
        f"error: interrupted after 3 of 10 cases; 3 records in {partial_path(target)}"
    )
