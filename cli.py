"""The ``kb`` command line: parse arguments, call kb/engine/jurisdictions, render.

Bad input gets one line, ``error: FILE: path.to.field: what is wrong``, and exit code 2; an
internal failure gets ``error: internal: ...`` and exit code 1; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from kb.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


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
@click.option("-o", "--output", "directory", required=True, help="Directory to write into.")
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
        document = read_document(Path(path))
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
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when any decision changed.")
@guarded
def diff(
    cases: tuple[str, ...], refs: tuple[str, ...], dates: tuple[str, ...], fmt: str, exit_code: bool
) -> None:
    """Which decisions change between two rule bases or two dates, request by request, with the
    rule firings that differ (CASES: files or directories)."""
    from engine import rulediff

    paths = [str(p) for p in _case_files(cases)]
    if len(refs) == 2 and not dates:
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
        raise InputError("kb diff", "", "give --rules OLD --rules NEW, or --as-of OLD --as-of NEW")
    diffs = [rulediff.compare(old, new) for old, new in zip(sides[0], sides[1], strict=True)]
    render = rulediff.render_text if fmt == "text" else rulediff.to_json
    click.echo(render(diffs, *labels), nl=False)
    if exit_code and any(d.changed for d in diffs):
        sys.exit(1)


@main.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the case file (format 1)."""
    from kb.schema import casefile_schema

    click.echo(json.dumps(casefile_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
