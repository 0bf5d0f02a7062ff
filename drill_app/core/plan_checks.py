"""Cross-checks of a plan file: every id it names exists and every table is complete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drill_app.core.plan_base import COLOUR_ORDER, LEVEL_ORDER
from drill_app.core.sourcefile import PathKey, Problem, SourceDocument

if TYPE_CHECKING:
    from drill_app.core.plan import Plan


def reference_problems(plan: Plan, doc: SourceDocument) -> list[Problem]:
    """Check that every id a plan names exists and every table is complete."""
    problems: list[Problem] = []

    def need(path: PathKey, party_id: str | None, *, units_only: bool = False) -> None:
        if party_id is None:
            return
        table = plan.units_by_id if units_only else plan.parties
        if party_id not in table:
            what = "unit" if units_only else "unit or body"
            problems.append(doc.problem(path, f"unknown {what} {party_id!r}"))

    seen: dict[str, PathKey] = {}
    party_ids = [("units", i, u.id) for i, u in enumerate(plan.units)]
    party_ids += [("bodies", i, b.id) for i, b in enumerate(plan.bodies)]
    for kind, i, party_id in party_ids:
        if party_id in seen:
            problems.append(doc.problem((kind, i, "id"), f"duplicate id {party_id!r}"))
        seen[party_id] = (kind, i, "id")

    need(("identity", "interpreted_by"), plan.identity.interpreted_by, units_only=True)
    need(("command", "office", "host_unit"), plan.command.office.host_unit, units_only=True)
    for i, group in enumerate(plan.groups):
        need(("groups", i, "lead"), group.lead, units_only=True)
        for j, member in enumerate(group.members):
            need(("groups", i, "members", j), member, units_only=True)
        if group.lead is None and not group.lead_text:
            problems.append(doc.problem(("groups", i), "a group needs a lead or a lead_text"))
    for i, response in enumerate(plan.responses):
        base: PathKey = ("responses", i)
        for key in ("leads", "first_response_by", "proposed_by", "approved_by", "ends_response"):
            need((*base, key), getattr(response, key))
        need((*base, "command_handover_to"), response.command_handover_to)
        need((*base, "releases_information"), response.releases_information)
        for j, party in enumerate(response.information_assisted_by):
            need((*base, "information_assisted_by", j), party)
        for j, unit in enumerate(response.on_scene_units):
            need((*base, "on_scene_units", j), unit, units_only=True)
    for i, colour in enumerate(plan.warnings.colours):
        for key in ("issued_by", "changed_by", "lifted_by", "proposed_by"):
            need(("warnings", "colours", i, key), getattr(colour, key))
    for i, obligation in enumerate(plan.reporting.obligations):
        for j, party in enumerate(obligation.reporters):
            need(("reporting", "obligations", i, "reporters", j), party)
        for j, party in enumerate(obligation.recipients):
            need(("reporting", "obligations", i, "recipients", j), party)
    for j, party in enumerate(plan.reporting.responsible):
        need(("reporting", "responsible", j), party)
    for i, request in enumerate(plan.actions.requests):
        for key in ("by", "to"):
            for j, party in enumerate(getattr(request, key)):
                need(("actions", "requests", i, key, j), party)
    for section in (
        "first_response_safety",
        "first_response_supply",
        "warning_actions",
        "safety_measures",
        "supply_measures",
        "response_steps",
    ):
        for i, step in enumerate(getattr(plan.actions, section)):
            for j, party in enumerate(step.by):
                need(("actions", section, i, "by", j), party)
    need(("drills", "organiser"), plan.drills.organiser)

    problems.extend(completeness_problems(plan, doc))
    return problems


def completeness_problems(plan: Plan, doc: SourceDocument) -> list[Problem]:
    problems: list[Problem] = []

    def exactly_once(path: PathKey, what: str, got: list[str], expected: tuple[str, ...]) -> None:
        missing = [e for e in expected if e not in got]
        extra = sorted({g for g in got if got.count(g) > 1})
        if missing:
            problems.append(doc.problem(path, f"{what}: missing {', '.join(missing)}"))
        if extra:
            problems.append(doc.problem(path, f"{what}: listed more than once: {', '.join(extra)}"))

    exactly_once(("levels",), "levels", [lv.id for lv in plan.levels], LEVEL_ORDER)
    exactly_once(("responses",), "responses", [r.level for r in plan.responses], LEVEL_ORDER)
    exactly_once(
        ("warnings", "colours"), "colours", [c.id for c in plan.warnings.colours], COLOUR_ORDER
    )
    exactly_once(
        ("categories",), "categories", [c.id for c in plan.categories], ("safety", "supply")
    )
    ids = [o.id for o in plan.reporting.obligations]
    exactly_once(("reporting", "obligations"), "obligation ids", ids, tuple(dict.fromkeys(ids)))
    ids = [g.id for g in plan.groups]
    exactly_once(("groups",), "group ids", ids, tuple(dict.fromkeys(ids)))
    if not plan.actions.supply_priority:
        problems.append(doc.problem(("actions", "supply_priority"), "the priority order is empty"))
    return problems
