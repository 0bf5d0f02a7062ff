"""What a unit's seat may do under the plan: the kinds of action its forms offer.

The trainee window shows a unit only the actions the plan gives it (issue 15 §3):

- every seat files reports (§4.1), determines for itself that an event is sensitive
  (§4.1.2: its own clock for the sensitive-event report) and asks for support (§5.4);
- the seat acting for the district HQ and its office (``roles.district_command``)
  determines the level (§4.2), activates working groups (§5.3.1), issues, changes and
  lifts warnings (§2.2.1.4, §3.6), hands over command (§5.3.1.7), declares disposal and
  the response ended (§5.5) and releases information (§5.6) — the acts
  ``expectations.AUTHORITY_OF_COMMAND`` scores as wrong from any other seat;
- the units the plan names to assist the release of information (§5.6) release it too;
- a unit named for one of the plan's steps and measures (§5.1) logs steps; one named for
  a supply step or measure (§5.1.2) cuts and restores supply.

The console's act-as-unit panel (the controller typing for anyone) is not limited.
"""

from __future__ import annotations

from collections.abc import Iterable

from drill_app.core.plan import Plan, Step
from drill_app.core.scenario import Scenario, recipient_seats, seat_for_party

EVERY_SEAT = frozenset({"report_submitted", "sensitive_determined", "help_requested"})
COMMAND_SEAT = frozenset(
    {
        "level_determined",
        "group_activated",
        "group_stood_down",
        "warning_issued",
        "warning_changed",
        "warning_lifted",
        "command_handed_over",
        "disposal_ended",
        "response_ended",
        "information_released",
    }
)
STEP_KINDS = frozenset({"step_taken"})
SUPPLY_KINDS = frozenset({"supply_cut", "supply_restored"})


def _holds(plan: Plan, scenario: Scenario, unit: str, steps: Iterable[Step]) -> bool:
    table = recipient_seats(plan, scenario)
    return any(
        not step.by or unit in (seat_for_party(p, scenario, table) for p in step.by)
        for step in steps
    )


def seat_actions(plan: Plan, scenario: Scenario, unit: str) -> frozenset[str]:
    """The kinds of action *unit*'s seat may send under the plan (empty: not a seat)."""
    if unit not in scenario.seats:
        return frozenset()
    kinds = set(EVERY_SEAT)
    if unit == scenario.roles.district_command:
        kinds |= COMMAND_SEAT | STEP_KINDS
    actions = plan.actions
    if _holds(plan, scenario, unit, actions.all_steps):
        kinds |= STEP_KINDS
    supply = [*actions.first_response_supply, *actions.supply_measures]
    if _holds(plan, scenario, unit, supply):
        kinds |= SUPPLY_KINDS
    if any(unit in r.information_assisted_by for r in plan.responses):
        kinds.add("information_released")
    return frozenset(kinds)
