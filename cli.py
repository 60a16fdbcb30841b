"""The ``kb`` command line: parse arguments, call kb/engine/jurisdictions, render.

Bad input gets one line, ``error: FILE: path.to.field: what is wrong``, and exit code 2; an
internal failure gets ``error: internal: ...`` and exit code 1; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from kb.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])

# `kb` uses no pydantic plugins; looking for them scans every installed package's entry points
# on the first model (tens of milliseconds of a ~0.5 s command). An explicit setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class _State:
    debug = False


def _fail(message: str, code: int) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def guarded(function: F) -> F:
    """Turn exceptions into the one-line errors and exit codes of DESIGN.md section 6."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except InputError as exc:
            if _State.debug:
                traceback.print_exc()
            _fail(exc.line(), 2)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as exc:
            if _State.debug:
                traceback.print_exc()
            _fail(f"error: internal: {type(exc).__name__}: {exc}", 1)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper  # type: ignore[return-value]


def _emit(text: str, output: str | None, force: bool) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from kb.output import atomic_write

    atomic_write(Path(output), text, force=force)


def _load(path: str) -> Any:
    from kb.casefile import load_case

    return load_case(path)


def _decide(case: Any) -> tuple[Any, Any]:
    from engine.api import decide
    from jurisdictions import RULES_VERSION, rule_sets_for

    return decide(case, rule_sets_for(case.model.case.court), RULES_VERSION)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
def main(debug: bool) -> None:
    """discovery-kb: decide civil discovery motions and explain why."""
    _State.debug = debug


@main.command()
@click.argument("cases", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("-o", "--output", help="Write to FILE (atomically) instead of standard output.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@guarded
def decide(cases: tuple[str, ...], fmt: str, output: str | None, force: bool) -> None:
    """Decide each CASE file; JSON is the decision object (an array for several cases)."""
    from engine.exports.decision_text import render_decision

    texts: list[str] = []
    objects: list[Any] = []
    for path in cases:
        case = _load(path)
        decision, _ = _decide(case)
        if fmt == "json":
            objects.append(decision.model_dump(mode="json"))
        else:
            movant = case.model.parties[case.model.motion.movant].name
            texts.append(render_decision(decision, movant))
    if fmt == "json":
        body = objects[0] if len(objects) == 1 else objects
        _emit(json.dumps(body, indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        _emit("\n".join(texts), output, force)


def _request_target(case: Any, graph: Any, request: str) -> str:
    from engine.explain import UnknownConclusion

    refs = [str(r) for r in case.motion_requests]
    matches = [r for r in refs if r == request or r.rsplit(":", 1)[1] == request]
    if len(matches) != 1:
        reason = (
            "is ambiguous; name the set (SET:N)" if matches else "is not a request in the motion"
        )
        raise InputError(
            case.file,
            "--request",
            f"{request!r} {reason}; requests: "
            + ", ".join(refs[:12])
            + (" ..." if len(refs) > 12 else ""),
        )
    found = [
        n
        for n in graph.nodes
        if n.startswith(f"concl:request:{matches[0]}:") and not graph.nodes[n].get("defeated")
    ]
    if not found:
        raise UnknownConclusion(f"concl:request:{matches[0]}:*", [])
    return str(sorted(found)[0])


@main.command()
@click.argument("case_path", metavar="CASE")
@click.option("--request", "request", help="Explain one request (N, or SET:N).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("-o", "--output", help="Write to FILE (atomically) instead of standard output.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@guarded
def explain(case_path: str, request: str | None, fmt: str, output: str | None, force: bool) -> None:
    """Explain a decision: the chain of facts, absences and rule firings behind it."""
    from engine.explain import render_chain, why
    from engine.exports.node_link import to_json
    from engine.provenance import ancestors_subgraph, build_graph

    case = _load(case_path)
    _, result = _decide(case)
    graph = build_graph(result)
    if request is not None:
        target = _request_target(case, graph, request)
    else:
        target = next((n for n in sorted(graph.nodes) if n.startswith("concl:motion:")), "")
    if fmt == "json":
        sub = ancestors_subgraph(graph, [target]) if request is not None else graph
        _emit(to_json(sub), output, force)
    else:
        _emit(render_chain(why(graph, target)), output, force)


@main.command()
@click.option("--jurisdiction", help="california, federal, or federal/<district>.")
@click.option("--as-of", "as_of", help="Only rules in force on this date (YYYY-MM-DD).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@guarded
def rules(jurisdiction: str | None, as_of: str | None, fmt: str) -> None:
    """List every rule: id, authorities, statement, effective dates."""
    from jurisdictions import all_rule_sets
    from kb.rules import catalog

    day = None
    if as_of is not None:
        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError:
            raise InputError("--as-of", "", f"not a date: {as_of!r} (write YYYY-MM-DD)") from None
    sets = all_rule_sets()
    if jurisdiction is not None:
        chosen = {
            name: value
            for name, value in sets.items()
            if name == jurisdiction or name.startswith(f"{jurisdiction}/")
        }
        if not chosen:
            raise InputError(
                "--jurisdiction",
                "",
                f"unknown jurisdiction {jurisdiction!r}; choose from {', '.join(sets)}",
            )
        sets = chosen
    entries = catalog(sets, day)
    if fmt == "json":
        click.echo(json.dumps(entries, indent=2, ensure_ascii=False))
        return
    for entry in entries:
        click.echo(f"{entry['id']}  [{entry['effective']}]  ({', '.join(entry['rule_sets'])})")
        click.echo(f"    {entry['statement']}")
        if entry["authorities"]:
            click.echo(f"    authorities: {', '.join(entry['authorities'])}")
        if entry["overrides"]:
            click.echo(f"    overrides: {', '.join(entry['overrides'])}")


def _case_files(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix in (".yaml", ".yml", ".json")
                and not p.name.endswith((".expected.yaml", ".expected.json"))
            )
        else:
            files.append(path)
    return files


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--fail-unexercised", is_flag=True, help="Exit 1 if any rule of the rule sets used never fired."
)
@guarded
def coverage(paths: tuple[str, ...], fail_unexercised: bool) -> None:
    """Which rules fired over the case files in PATHS (files or directories)."""
    from engine.coverage import Coverage
    from jurisdictions import all_rule_sets
    from kb.rules import catalog

    tally = Coverage()
    for path in _case_files(paths):
        _, result = _decide(_load(str(path)))
        tally.add(result)
    rule_ids = [entry["id"] for entry in catalog(all_rule_sets())]
    click.echo(tally.render(rule_ids), nl=False)
    if fail_unexercised and tally.never_fired(rule_ids):
        sys.exit(1)


class _Progress:
    """A one-line progress bar on standard error (only drawn on a terminal)."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        import time

        self.total, self.enabled, self.done = total, enabled, 0
        self.clock = time.monotonic
        self.start = self.last = self.clock()

    def step(self, count: int = 1) -> None:
        self.done += count
        now = self.clock()
        if self.enabled and (now - self.last > 0.1 or self.done == self.total or not count):
            self.last = now
            rate = self.done / max(now - self.start, 1e-9)
            if self.total:
                filled = int(30 * self.done / self.total)
                bar = "#" * filled + "." * (30 - filled)
                line = f"[{bar}] {self.done}/{self.total} cases, {rate:.0f}/s"
            else:
                line = f"{self.done} cases, {rate:.0f}/s"
            click.echo("\r" + line, nl=False, err=True)

    def close(self) -> None:
        if self.enabled and self.done:
            self.step(0)  # the final count
            click.echo("", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (0: one per core).")
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine (a process pool); dask: a Dask distributed cluster.",
)
@click.option("--scheduler", help="The Dask scheduler's address (tcp://HOST:8786).")
@click.option("-o", "--output", help="Write the JSON Lines to FILE (atomically).")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@guarded
def batch(
    paths: tuple[str, ...],
    jobs: int,
    executor: str,
    scheduler: str | None,
    output: str | None,
    force: bool,
    progress: bool | None,
) -> None:
    """Decide many cases: files, directories and JSON Lines streams (``-`` for standard input).

    Writes one JSON line per case, in input order: {"source", "decision"} or {"source",
    "error"}. A bad case is reported and skipped (exit 2 at the end); the rest go on.
    """
    from engine import batch as B
    from jurisdictions import RULES_VERSION, rule_sets_for

    law = B.Law(rule_sets_for, RULES_VERSION)
    streamed = any(p == "-" or p.endswith(".jsonl") for p in paths)
    listed = None if streamed else list(B.items(paths))
    source = B.items(paths) if listed is None else listed
    if executor == "dask":
        if not scheduler:
            raise click.UsageError("--executor dask needs --scheduler ADDRESS")
        outcomes = B.run_dask(source, law, scheduler)
    else:
        outcomes = B.run_local(source, law, jobs or B.default_jobs())
    show = sys.stderr.isatty() if progress is None else progress
    bar = _Progress(None if listed is None else len(listed), show)
    failed = 0
    with _lines_out(output, force) as out:
        for outcome in outcomes:
            out.write(outcome.line + "\n")
            if outcome.failed:
                failed = max(failed, outcome.failed)
                if show and bar.done:
                    click.echo("", err=True)  # keep the error off the bar's line
                click.echo(json.loads(outcome.line)["error"], err=True)
            bar.step()
    bar.close()
    if failed:
        sys.exit(1 if failed == 2 else 2)


def _lines_out(output: str | None, force: bool) -> Any:
    """Standard output, or a temporary file renamed onto ``output`` once all is written."""
    import contextlib
    import os
    import tempfile

    @contextlib.contextmanager
    def to_file(path: Path) -> Any:
        if path.exists() and not force:
            raise InputError(str(path), "", "output file exists; use --force to replace it")
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                yield handle
            os.replace(temp, path)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)

    if output is None:
        return contextlib.nullcontext(sys.stdout)
    return to_file(Path(output))


@main.command()
@click.option("--quick", is_flag=True, help="Small sizes, one run each: a smoke test.")
@click.option("--repeat", type=int, help="Runs per timing (the median is reported).")
@click.option("--stream", type=int, help="Cases in the streamed memory run (default 100000).")
@click.option(
    "-o",
    "--output",
    default="benchmarks/RESULTS.md",
    show_default=True,
    help="Where to write the results table ('-' for none).",
)
@guarded
def bench(quick: bool, repeat: int | None, stream: int | None, output: str) -> None:
    """Run the benchmarks; print each figure with its target and write the results table."""
    import dataclasses

    from benchmarks import run as R

    config = R.QUICK if quick else R.Config()
    if repeat is not None:
        config = dataclasses.replace(config, repeat=repeat)
    if stream is not None:
        config = dataclasses.replace(config, stream=stream)
    rows = R.run(config, click.echo)
    command = "kb bench" + (" --quick" if quick else "")
    text = R.report(rows, config, command)
    if output != "-":
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    if not quick and any(row.met is False for row in rows):
        sys.exit(1)


@main.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the case file (format 1)."""
    from kb.schema import casefile_schema

    click.echo(json.dumps(casefile_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
