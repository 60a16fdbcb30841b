"""The ``kb`` command line: parse arguments, call kb/engine/jurisdictions, render.

Bad input gets one line, ``error: FILE: path.to.field: what is wrong``, and exit code 2; an
internal failure gets ``error: internal: ...`` and exit code 1; an interrupt (Ctrl-C) gets
``error: interrupted after N of M ...`` and exit code 130; ``--debug`` shows the traceback.
The codes and messages are documented in docs/reference/cli.md.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import json
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from kb.errors import InputError, Interrupted, one_line
from kb.limits import ENV_MAX_FILE_BYTES, ENV_MAX_REQUESTS, Limits

F = TypeVar("F", bound=Callable[..., Any])

# `kb` uses no pydantic plugins; looking for them scans every installed package's entry points
# on the first model (tens of milliseconds of a ~0.5 s command). An explicit setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class _State:
    debug = False
    max_file_bytes: int | None = None
    max_requests: int | None = None
    overlay_path: str | None = None
    overlay: Any = None  # jurisdictions.overlays.AppliedOverlay, loaded on first use


def _fail(message: str, code: int) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def _output_closed() -> NoReturn:
    """The reader of standard output went away (``kb rules | head``): stop quietly, as a
    pipeline expects; point stdout at /dev/null so that the exit flush stays silent."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


def guarded(function: F) -> F:
    """Turn exceptions into the one-line errors and exit codes of DESIGN.md section 6."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except InputError as exc:
            if _State.debug:
                traceback.print_exc()
            _fail(exc.line(), 2)
        except Interrupted as exc:
            if _State.debug:
                traceback.print_exc()
            _fail(exc.line(), 130)
        except KeyboardInterrupt:
            if _State.debug:
                traceback.print_exc()
            _fail("error: interrupted", 130)
        except BrokenPipeError:
            _output_closed()
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as exc:
            if _State.debug:
                traceback.print_exc()
            _fail(one_line(f"error: internal: {type(exc).__name__}: {exc}", 2000), 1)

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
    """Load a case file within the limits given to ``kb`` (options, else environment)."""
    from kb.casefile import load_case

    return load_case(path, _limits())


def _limits() -> Limits:
    """The bounds on case files: ``--max-file-bytes``/``--max-requests``, else environment."""
    return Limits.from_env(max_file_bytes=_State.max_file_bytes, max_requests=_State.max_requests)


def _overlay() -> Any:
    """The overlay given with ``--overlay`` (checked against the rule base), or None."""
    if _State.overlay_path is None:
        return None
    if _State.overlay is None:
        from jurisdictions.overlays import load_and_apply

        _State.overlay = load_and_apply(_State.overlay_path)
    return _State.overlay


def _rule_sets(court: Any) -> tuple[type, ...]:
    """The rule sets that decide a court's case in this run (under ``--overlay``, if given)."""
    from jurisdictions import rule_sets_for

    overlay = _overlay()
    return overlay.rule_sets_for(court) if overlay is not None else rule_sets_for(court)


def _rules_version() -> str:
    from jurisdictions import RULES_VERSION

    overlay = _overlay()
    return overlay.version(RULES_VERSION) if overlay is not None else RULES_VERSION


def _decide(case: Any) -> tuple[Any, Any]:
    from engine.api import decide

    return decide(case, _rule_sets(case.model.case.court), _rules_version())


def _set_overlay(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    # Only the path here: the file is read inside the command, where errors become one line.
    if value is not None:
        _State.overlay_path, _State.overlay = value, None


def overlay_option(function: F) -> F:
    """``--overlay FILE``: what-if law for this run (kb/overlay.py)."""
    return click.option(
        "--overlay",
        metavar="FILE",
        expose_value=False,
        callback=_set_overlay,
        help="Apply what-if law from FILE for this run: rules switched off, parameters "
        "changed, rule modules added (docs/how-to/overlays.md).",
    )(function)


# Options several commands share.
_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
_OUTPUT = click.option(
    "-o", "--output", help="Write to FILE (atomically) instead of standard output."
)
_FORCE = click.option("--force", is_flag=True, help="Replace an existing output file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.option(
    "--max-file-bytes",
    type=click.IntRange(min=1),
    help=f"Refuse case files larger than this (default 10 MB; env {ENV_MAX_FILE_BYTES}).",
)
@click.option(
    "--max-requests",
    type=click.IntRange(min=1),
    help=f"Refuse case files naming more requests (default 5000; env {ENV_MAX_REQUESTS}).",
)
def main(debug: bool, max_file_bytes: int | None, max_requests: int | None) -> None:
    """discovery-kb: decide civil discovery motions and explain why."""
    # At exit the interpreter's cyclic collector walks every object still alive (the rule
    # classes, the pydantic schemas, several hundred modules): 70 to 110 ms of a ~0.5 s
    # `kb decide`, only to free memory the process is about to hand back. Frozen objects are
    # out of its reach. Files are closed by the commands and the standard streams flushed by
    # the interpreter as usual; unregister first so that repeated invocations add it once.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    _State.debug = debug
    _State.max_file_bytes = max_file_bytes
    _State.max_requests = max_requests
    _State.overlay_path, _State.overlay = None, None  # an overlay lasts for one command


@main.command()
@click.argument("cases", nargs=-1, required=True)
@_FORMAT
@_OUTPUT
@_FORCE
@overlay_option
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
        raise InputError(case.file, "--request", f"no disposition of {matches[0]} was reached")
    return str(sorted(found)[0])


EXPLAIN_FORMATS = ["text", "json", "graphml", "dot", "mermaid", "narrative", "html"]


@main.command()
@click.argument("case_path", metavar="CASE")
@click.option("--request", "request", help="Explain one request (N, or SET:N).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPLAIN_FORMATS),
    default="text",
    show_default=True,
    help="text: the chain; json/graphml/dot/mermaid: the graph; narrative: a ruling-style "
    "text; html: one self-contained page (decision, interactive graph, narrative).",
)
@_OUTPUT
@_FORCE
@overlay_option
@guarded
def explain(case_path: str, request: str | None, fmt: str, output: str | None, force: bool) -> None:
    """Explain a decision: the chain of facts, absences and rule firings behind it.

    With --request, the graph formats and the narrative are limited to that request.
    """
    from engine.explain import render_chain, why
    from engine.provenance import ancestors_subgraph, build_graph

    case = _load(case_path)
    decision, result = _decide(case)
    graph = build_graph(result)
    if request is not None:
        target = _request_target(case, graph, request)
    else:
        target = next((n for n in sorted(graph.nodes) if n.startswith("concl:motion:")), "")
    sub = ancestors_subgraph(graph, [target]) if request is not None else graph
    if fmt == "text":
        text = render_chain(why(graph, target))
    elif fmt in ("json", "graphml", "dot", "mermaid"):
        text = _graph_text(fmt, sub)
    elif fmt == "narrative":
        from engine.exports.narrative import paragraphs

        about = json.loads(graph.nodes[target]["data"]).get("request")
        chosen = [p for p in paragraphs(result, graph) if about is None or about in p.requests]
        text = "\n\n".join(p.text for p in chosen) + "\n"
    else:
        from engine.exports.html import render_html

        text = render_html(result, graph, decision, focus=target)
    _emit(text, output, force)


def _graph_text(fmt: str, graph: Any) -> str:
    if fmt == "json":
        from engine.exports.node_link import to_json

        return to_json(graph)
    if fmt == "graphml":
        from engine.exports.graphml import to_graphml

        return to_graphml(graph)
    if fmt == "dot":
        from engine.exports.dot import to_dot

        return to_dot(graph)
    from engine.exports.mermaid import to_mermaid

    return to_mermaid(graph)


def _explained(case_path: str) -> tuple[Any, Any, Any, Any]:
    """Load and decide a case; returns the case, its decision, the run and its graph."""
    from engine.provenance import build_graph

    case = _load(case_path)
    decision, result = _decide(case)
    return case, decision, result, build_graph(result)


def _unknown(case: Any, exc: Any) -> InputError:
    return InputError(case.file, "conclusion", str(exc))


@main.command()
@click.argument("case_path", metavar="CASE")
@click.argument("conclusion")
@_FORMAT
@_OUTPUT
@_FORCE
@overlay_option
@guarded
def why(case_path: str, conclusion: str, fmt: str, output: str | None, force: bool) -> None:
    """Why CONCLUSION was reached: the chain from case-file facts (with their YAML paths and
    record cites) through rule firings and authorities to it.

    CONCLUSION is a node id such as concl:request:rfp1:34:denied (or concl:request:34:denied
    when the case has one discovery set).
    """
    from engine.explain import UnknownConclusion, as_data, render_chain, resolve_conclusion
    from engine.explain import why as why_chain

    case, _, result, graph = _explained(case_path)
    try:
        target = resolve_conclusion(result, graph, conclusion)
    except UnknownConclusion as exc:
        raise _unknown(case, exc) from None
    chain = why_chain(graph, target)
    if fmt == "json":
        _emit(json.dumps(as_data(chain), indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        _emit(render_chain(chain), output, force)


@main.command(name="why-not")
@click.argument("case_path", metavar="CASE")
@click.argument("conclusion")
@_FORMAT
@_OUTPUT
@_FORCE
@overlay_option
@guarded
def why_not(case_path: str, conclusion: str, fmt: str, output: str | None, force: bool) -> None:
    """Why CONCLUSION was not reached: every rule that could have derived it and, for each,
    the premise that failed (a fact, or an absence with where in the case file it would have
    come from).

    CONCLUSION is an id such as concl:request:rfp1:34:granted (concl:request:34:granted when
    the case has one discovery set) or concl:motion:granted.
    """
    from engine.explain import UnknownConclusion, as_data, render_why_not
    from engine.explain import why_not as why_not_answer
    from kb.rules import rules_of

    case, _, result, graph = _explained(case_path)
    rules = rules_of(*_rule_sets(case.model.case.court))
    try:
        answer = why_not_answer(result, graph, conclusion, rules)
    except UnknownConclusion as exc:
        raise _unknown(case, exc) from None
    if fmt == "json":
        _emit(json.dumps(as_data(answer), indent=2, ensure_ascii=False) + "\n", output, force)
    else:
        _emit(render_why_not(answer), output, force)


@main.command()
@click.option("--jurisdiction", help="california, federal, or federal/<district>.")
@click.option("--as-of", "as_of", help="Only rules in force on this date (YYYY-MM-DD).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
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
    if fmt == "markdown":
        from kb.rule_reference import render_markdown

        click.echo(render_markdown(entries), nl=False)
        return
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
    from kb.sources import case_paths, iter_cases

    tally = Coverage()
    for _, case in iter_cases(case_paths(paths), _limits()):
        tally.add(_decide(case)[1])
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
@click.option(
    "-o", "--output", help="Write the JSON Lines to FILE (FILE.partial until the run completes)."
)
@_FORCE
@click.option(
    "--resume",
    is_flag=True,
    help="Continue an interrupted run (FILE.partial): cases already decided are skipped.",
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@overlay_option
@guarded
def batch(
    paths: tuple[str, ...],
    jobs: int,
    executor: str,
    scheduler: str | None,
    output: str | None,
    force: bool,
    resume: bool,
    progress: bool | None,
) -> None:
    """Decide many cases: files, directories and JSON Lines streams (``-`` for standard input).

    Writes one JSON line per case, in input order: {"source", "decision"} or {"source",
    "error"}. A bad case is reported and skipped (exit 2 at the end); the rest go on.
    """
    from engine import batch as B
    from jurisdictions import RULES_VERSION, rule_sets_for
    from kb.jsonl import JsonlWriter
    from kb.progress import run_all

    law = B.Law(rule_sets_for, RULES_VERSION, _limits())
    if _State.overlay_path is not None:
        from jurisdictions.overlays import OverlayRuleSets

        # Check it here (a bad overlay is one error, not one per case); workers read it again.
        path = str(Path(_State.overlay_path).resolve())
        law = B.Law(OverlayRuleSets(path), _rules_version(), _limits())
    streamed = any(p == "-" or p.endswith(".jsonl") for p in paths)
    listed = None if streamed else list(B.items(paths))
    everything = B.items(paths) if listed is None else listed
    show = sys.stderr.isatty() if progress is None else progress
    failed = 0
    target = Path(output) if output else None
    with JsonlWriter(target, key=lambda r: str(r["source"]), resume=resume, force=force) as out:
        # Cases an interrupted run already decided are not decided again (--resume).
        source = (item for item in everything if item.source not in out.done)
        if executor == "dask":
            if not scheduler:
                raise click.UsageError("--executor dask needs --scheduler ADDRESS")
            outcomes = B.run_dask(source, law, scheduler)
        else:
            outcomes = B.run_local(source, law, jobs or B.default_jobs())
        todo = None if listed is None else len(listed) - len(out.done)
        bar = _Progress(todo, show)

        def write(outcome: Any) -> None:
            nonlocal failed
            out.write_line(outcome.source, outcome.line)
            if outcome.failed:
                failed = max(failed, outcome.failed)
                if show and bar.done:
                    click.echo("", err=True)  # keep the error off the bar's line
                click.echo(json.loads(outcome.line)["error"], err=True)
            bar.step()

        try:
            # A case is done once its line is written (one line per case, errors included).
            run_all(
                outcomes,
                write,
                what="cases",
                note=out.progress_note,
                total=todo,
                count=lambda: out.written,
            )
        finally:
            bar.close()
    if failed:
        sys.exit(1 if failed == 2 else 2)


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
@click.option(
    "--cases",
    "case_paths",
    multiple=True,
    help="Also decide these case files/directories and check for contradictions.",
)
@guarded
def lint(case_paths: tuple[str, ...]) -> None:
    """Check the rule base: authorities, overrides, reachability, contradictions. Exit 1 if any."""
    from engine.lint import check_contradictions
    from engine.lint import lint as lint_rules
    from jurisdictions import all_rule_sets

    findings = lint_rules(all_rule_sets())
    if case_paths:
        from kb.sources import case_paths as expand
        from kb.sources import iter_cases

        results = (_decide(case)[1] for _, case in iter_cases(expand(case_paths), _limits()))
        findings += check_contradictions(results)
    for finding in findings:
        click.echo(finding.line())
    click.echo(f"{len(findings)} problem(s)")
    if findings:
        sys.exit(1)


def _gates(rule_sets: tuple[type, ...]) -> tuple[str, ...]:
    gates: tuple[str, ...] = ()
    for rule_set in rule_sets:
        gates = tuple(getattr(rule_set, "GATES", gates))
    return gates


def _day(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(option, "", f"not a date: {value!r} (write YYYY-MM-DD)") from None


def _report(report: dict[str, Any], fmt: str, render: Callable[[dict[str, Any]], str]) -> str:
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    return render(report)


@main.command()
@click.argument("case_path", metavar="CASE")
@click.option("--today", help="Advise as of this day (YYYY-MM-DD): nothing can be done before it.")
@click.option(
    "--budget",
    type=click.IntRange(min=1),
    default=400,
    show_default=True,
    help="The most engine runs the search may spend.",
)
@_FORMAT
@_OUTPUT
@_FORCE
@overlay_option
@guarded
def advise(
    case_path: str, today: str | None, budget: int, fmt: str, output: str | None, force: bool
) -> None:
    """Minimal changes of the facts that would win each request the movant did not win, each
    proved by deciding the changed case again (docs/reference/advice.md)."""
    from engine.advice_report import advice_report
    from engine.advice_text import render_advice
    from engine.counterfactual import advise as search

    case = _load(case_path)
    day = _day("--today", today)
    rule_sets = _rule_sets(case.model.case.court)
    advice = search(case, rule_sets, _gates(rule_sets), today=day, budget=budget)
    _emit(_report(advice_report(advice, _rules_version()), fmt, render_advice), output, force)


@main.command()
@click.argument("case_path", metavar="CASE")
@_FORMAT
@_OUTPUT
@_FORCE
@overlay_option
@guarded
def deadlines(case_path: str, fmt: str, output: str | None, force: bool) -> None:
    """Every deadline the rules know about for this case, with its arithmetic and authority."""
    from engine.advice_text import render_deadlines
    from engine.deadlines import deadlines_report

    _, result = _decide(_load(case_path))
    _emit(_report(deadlines_report(result, _rules_version()), fmt, render_deadlines), output, force)


@main.command()
@click.argument("case_path", metavar="CASE")
@_FORMAT
@_OUTPUT
@_FORCE
@overlay_option
@guarded
def checklist(case_path: str, fmt: str, output: str | None, force: bool) -> None:
    """The movant's pre-filing checklist: each requirement met, not met, unknown or not
    required, with the facts behind it."""
    from engine.advice_text import render_checklist
    from engine.checklist import checklist_report

    _, result = _decide(_load(case_path))
    _emit(_report(checklist_report(result, _rules_version()), fmt, render_checklist), output, force)


@main.command()
@click.argument("cases", nargs=-1, required=True)
@click.option(
    "--jsonl",
    "output",
    required=True,
    help="Write the records to FILE (written to a temporary file, renamed when complete); "
    "'-' for standard output.",
)
@_FORCE
@click.option(
    "--resume", is_flag=True, help="Continue an interrupted export (FILE.partial), no duplicates."
)
@overlay_option
@guarded
def export(cases: tuple[str, ...], output: str, force: bool, resume: bool) -> None:
    """Training records: one JSON line per conclusion (each request's disposition, then the
    motion's) of every case in CASES (files, directories, or '-' for a stream of case
    documents on standard input). Schema: kb/schema/training-record.v1.json.

    Streams: each case is decided and written before the next is read; records go to
    FILE.partial, flushed one by one, and FILE appears only when the run completes. Ctrl-C stops
    cleanly and says how far it got; --resume continues from FILE.partial without duplicates.
    A progress bar shows on a terminal, and none when standard error is not one.
    """
    import contextlib

    from engine.exports.training import case_records
    from kb.jsonl import JsonlWriter
    from kb.progress import run_all
    from kb.sources import STDIN, case_paths, iter_cases

    names = case_paths(cases)
    show = sys.stderr.isatty() and not (output == STDIN and not sys.stdout.isatty())
    total = None if STDIN in names else len(names)
    bar: Any = (
        click.progressbar(length=total, label="cases", file=sys.stderr, show_pos=True)
        if show and total is not None
        else contextlib.nullcontext()
    )
    target = None if output == STDIN else Path(output)

    def key(record: Mapping[str, Any]) -> str:
        return f"{record['source']}|{record['id']}"

    with JsonlWriter(target, key=key, resume=resume, force=force) as out, bar as progress:

        def work(item: tuple[str, Any]) -> None:
            source, case = item
            decision, result = _decide(case)
            for record in case_records(source, case, decision, result):
                out.write(record)
            if progress is not None:
                progress.update(1)

        run_all(iter_cases(names, _limits()), work, what="cases", note=out.progress_note)


@main.command()
@click.option("--n", "count", type=click.IntRange(min=0), required=True, help="How many cases.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same files.")
@click.option(
    "--jurisdiction", help="california, federal, or federal/<district> (default: any of them)."
)
@click.option(
    "--motion",
    type=click.Choice(
        [
            "compel_further",
            "compel_initial",
            "deem_admitted",
            "protective_order",
            "compel_compliance",
            "compel_attendance",
        ]
    ),
    help="The kind of motion (default: drawn, mostly motions to compel further responses).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True
)
@click.option(
    "-o",
    "--output",
    "directory",
    default="-",
    show_default=True,
    help="Directory to write into; '-': JSON Lines on standard output (for kb export - or "
    "kb batch -).",
)
@click.option("--force", is_flag=True, help="Replace existing files of the same names.")
@guarded
def generate(
    count: int,
    seed: int,
    jurisdiction: str | None,
    motion: str | None,
    fmt: str,
    directory: str,
    force: bool,
) -> None:
    """Write N synthetic, valid case files, reproducibly (the property tests' generators)."""
    from kb.output import atomic_write
    from kb.testing import Knobs, jurisdiction_knobs, to_json, to_yaml
    from kb.testing import generate as generate_cases

    try:
        knobs = jurisdiction_knobs(jurisdiction) if jurisdiction else Knobs()
    except ValueError as exc:
        raise InputError("--jurisdiction", "", str(exc)) from None
    knobs = knobs.with_(motion=motion)
    if directory == "-":
        from kb.jsonl import encode

        for doc in generate_cases(count, seed, knobs):
            sys.stdout.write(encode(doc) + "\n")
        sys.stdout.flush()
        return
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise InputError(directory, "", "not a directory")
    width = max(5, len(str(max(count - 1, 0))))
    paths = [folder / f"case-{index:0{width}d}.{fmt}" for index in range(count)]
    clash = next((p for p in paths if p.exists()), None)
    if clash is not None and not force:
        raise InputError(str(clash), "", "output file exists; use --force to replace it")
    folder.mkdir(parents=True, exist_ok=True)
    render = to_yaml if fmt == "yaml" else to_json
    for path, doc in zip(paths, generate_cases(count, seed, knobs), strict=True):
        atomic_write(path, render(doc), force=True)
    click.echo(f"wrote {count} case files to {folder}")


def _decided_here(path: str, as_of: dt.date | None = None) -> Any:
    """A rulediff snapshot of one case decided by this rule base (as of a date, if given)."""
    from engine.exports.node_link import to_data
    from engine.provenance import build_graph
    from engine.rulediff import snapshot
    from kb.crossref import resolve
    from kb.reader import read_document

    if as_of is None:
        case = _load(path)
    else:
        document = read_document(Path(path), limits=_limits())
        if isinstance(document, dict) and isinstance(document.get("case"), dict):
            document["case"]["decided"] = as_of.isoformat()
        try:
            case = resolve(path, document)
        except InputError as exc:
            if exc.path != "motion.served.date":
                raise
            raise InputError(path, "--as-of", f"{as_of} is before the motion was served") from None
    decision, result = _decide(case)
    return snapshot(path, decision.model_dump(mode="json"), to_data(build_graph(result)))


@main.command("diff")
@click.argument("cases", nargs=-1, required=True)
@click.option(
    "--rules",
    "refs",
    multiple=True,
    help="A git revision or rules version, twice: OLD then NEW ('.' is the working tree).",
)
@click.option("--as-of", "dates", multiple=True, help="A date (YYYY-MM-DD), twice: OLD then NEW.")
@click.option(
    "--overlay",
    "overlays",
    multiple=True,
    metavar="FILE",
    help="Once: the rule base without, then with this overlay. Twice: OLD then NEW overlay.",
)
@_FORMAT
@click.option("--exit-code", is_flag=True, help="Exit 1 when any decision changed.")
@guarded
def diff(
    cases: tuple[str, ...],
    refs: tuple[str, ...],
    dates: tuple[str, ...],
    overlays: tuple[str, ...],
    fmt: str,
    exit_code: bool,
) -> None:
    """Which decisions change between two rule bases, two dates, or without and with an overlay,
    request by request, with the rule firings that differ (CASES: files or directories)."""
    from engine import rulediff
    from kb.sources import case_paths

    paths = case_paths(cases)
    if overlays and (refs or dates or len(overlays) > 2):
        raise InputError(
            "kb diff", "", "give --overlay FILE once or twice, without --rules or --as-of"
        )
    if overlays:
        chosen: list[str | None] = [None, *overlays] if len(overlays) == 1 else list(overlays)
        sides = []
        for overlay_path in chosen:
            _State.overlay_path, _State.overlay = overlay_path, None
            sides.append([_decided_here(p) for p in paths])
        _State.overlay_path, _State.overlay = None, None
        labels = tuple(f"overlay {o}" if o else "rule base" for o in chosen)
    elif len(refs) == 2 and not dates:
        from engine import revisions

        sides = []
        for ref in refs:
            if ref == ".":
                sides.append([_decided_here(p) for p in paths])
                continue
            repo = revisions.repository(Path.cwd())
            with revisions.checkout(repo, revisions.resolve_revision(repo, ref)) as tree:
                outputs = revisions.decide_in(tree, [Path(p) for p in paths])
            sides.append(
                [rulediff.snapshot(p, d, g) for p, (d, g) in zip(paths, outputs, strict=True)]
            )
        labels = (f"rules {refs[0]}", f"rules {refs[1]}")
    elif len(dates) == 2 and not refs:
        days = []
        for text in dates:
            try:
                days.append(dt.date.fromisoformat(text))
            except ValueError:
                raise InputError(
                    "--as-of", "", f"not a date: {text!r} (write YYYY-MM-DD)"
                ) from None
        sides = [[_decided_here(p, day) for p in paths] for day in days]
        labels = (f"as of {dates[0]}", f"as of {dates[1]}")
    else:
        raise InputError(
            "kb diff",
            "",
            "give --rules OLD --rules NEW, --as-of OLD --as-of NEW, or --overlay FILE",
        )
    diffs = [rulediff.compare(old, new) for old, new in zip(sides[0], sides[1], strict=True)]
    render = rulediff.render_text if fmt == "text" else rulediff.to_json
    click.echo(render(diffs, labels[0], labels[1]), nl=False)
    if exit_code and any(d.changed for d in diffs):
        sys.exit(1)


@main.command()
@_OUTPUT
@_FORCE
@guarded
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of the case file (format 1)."""
    from kb.schema import casefile_schema

    _emit(json.dumps(casefile_schema(), indent=2, ensure_ascii=False) + "\n", output, force)


if __name__ == "__main__":
    main()
