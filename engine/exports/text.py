"""Plain-text renderings of the explanation answers: a ``why`` chain and a ``why-not``."""

from __future__ import annotations

from engine.explain_types import Attempt, Chain, FactStep, Premise, WhyNot


def _cite(step: FactStep) -> str:
    return f" ({step.record})" if step.record else ""


def render_chain(chain: Chain) -> str:
    """The chain as plain text: facts, absences, firings in dependency order, conclusion."""
    lines = [f"Why: {chain.label}", f"Conclusion: {chain.target}", ""]
    lines.append("Facts from the case file")
    for step in chain.facts:
        lines.append(f"  {step.id}  [{step.path}]{_cite(step)}")
        lines.append(f"      {step.label}")
    if chain.absences:
        lines += ["", "Absences (shown not to exist)"]
        for step in chain.absences:
            lines.append(f"  {step.id}  [would be at {step.path}]")
            lines.append(f"      {step.label}")
    lines += ["", "Rule firings, in order"]
    for index, firing in enumerate(chain.firings, 1):
        status = "" if firing.status == "fired" else f" ({firing.status})"
        lines.append(f"  {index}. {firing.rule}{status}  [{firing.id}]")
        lines.append(f"      {firing.statement}")
        if firing.authorities:
            lines.append(
                "      authorities: "
                + "; ".join(f"{a.id} = {a.citation}" for a in firing.authorities)
            )
        lines.append("      premises: " + (", ".join(firing.premises) or "none"))
        lines.append("      derives: " + ", ".join(firing.derives))
        if firing.overridden_by:
            lines.append("      defeated by: " + ", ".join(firing.overridden_by))
    lines += ["", "Conclusion", f"  {chain.target}: {chain.label}"]
    return "\n".join(lines) + "\n"


def _step_line(step: FactStep) -> str:
    where = ""
    if step.path:
        where = f" [would be at {step.path}]" if step.kind == "absence" else f" [{step.path}]"
    return f"{step.id}: {step.label}{where}{_cite(step)}"


def _premise(premise: Premise, indent: str) -> list[str]:
    head = {
        "missing": "missing",
        "mismatch": "not as required",
        "blocked": "blocked by",
        "test": "test false",
        "derived": "decided by",
    }[premise.kind]
    node = f"{premise.node}: " if premise.node else ""
    lines = [f"{indent}failed premise ({head}): {node}{premise.label}"]
    if premise.where:
        where = "would be at" if premise.kind == "missing" else "at"
        lines.append(f"{indent}  {where} {premise.where}")
    if premise.record:
        lines.append(f"{indent}  record: {premise.record}")
    lines.append(f"{indent}  condition: {premise.condition}")
    for problem in premise.problems:
        lines.append(
            f"{indent}  field {problem.field}: needs {problem.wanted}; is {problem.actual}"
        )
    for name, value in premise.values:
        lines.append(f"{indent}  {name} = {value}")
    if premise.derivable_by:
        lines.append(f"{indent}  could be derived by: {', '.join(premise.derivable_by)}")
    for attempt in premise.attempts:
        lines.extend(_attempt(attempt, indent + "    ", "-"))
    return lines


def _attempt(attempt: Attempt, indent: str, number: str) -> list[str]:
    lines = [f"{indent}{number} {attempt.rule} ({attempt.rule_kind}): {attempt.summary}"]
    inner = indent + " " * (len(number) + 1)
    lines.append(f"{inner}rule: {attempt.statement}")
    if attempt.authorities:
        lines.append(f"{inner}authorities: " + "; ".join(a.citation for a in attempt.authorities))
    if attempt.failed is not None:
        lines.extend(_premise(attempt.failed, inner))
    for reason in attempt.reasons:
        tag = "decisive" if reason.decisive else "also standing, not decisive"
        lines.append(f"{inner}{tag}: {_step_line(reason.conclusion)}")
        if reason.firing is not None:
            lines.append(f"{inner}  derived by {reason.firing.rule}: {reason.firing.statement}")
            if reason.firing.authorities:
                lines.append(
                    f"{inner}  authorities: "
                    + "; ".join(a.citation for a in reason.firing.authorities)
                )
        for step in reason.basis if reason.decisive else ():
            lines.append(f"{inner}  rests on {_step_line(step)}")
    if attempt.matched:
        lines.append(f"{inner}matched: {', '.join(attempt.matched)}")
    return lines


def render_why_not(answer: WhyNot) -> str:
    """The why-not answer as plain text: each candidate rule and what stood in its way."""
    lines = [f"Why not: {answer.label}", f"Conclusion: {answer.target}", ""]
    if answer.derived:
        lines.append("It was derived; `kb why` shows the chain.")
        return "\n".join(lines) + "\n"
    count = len(answer.attempts)
    lines.append(
        f"Not derived. {count} rule{'s' if count != 1 else ''} could have derived it:"
        if count
        else "Not derived. No rule of this case's rule sets derives a conclusion of this kind."
    )
    for index, attempt in enumerate(answer.attempts, 1):
        lines.append("")
        lines.extend(_attempt(attempt, "", f"{index}."))
    return "\n".join(lines) + "\n"
