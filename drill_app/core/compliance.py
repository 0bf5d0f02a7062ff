"""§9.3 compliance: a drill at least every N years; when is the next one due.

With no drill on record the first is due N years after the plan took effect (§10.2
本预案…自发布之日起实施: the date of the issuing notice, ``identity.in_force_from``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the start page's schedule is computed before the plan model loads)
    from drill_app.core.plan import Plan


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day *years* later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class DrillStatus:
    last_held: dt.date | None
    next_due: dt.date | None
    """None only when no drill was ever held and the plan's date is unknown: due now."""
    overdue: bool
    days_left: int | None
    per_year: tuple[tuple[int, int], ...]


def drill_status(
    held: Iterable[dt.date],
    interval_years: int,
    today: dt.date,
    in_force_from: dt.date | None = None,
) -> DrillStatus:
    """Status from the dates of the drills actually held (ended exercises).  With none,
    the first is due *interval_years* after *in_force_from* (if known)."""
    dates = sorted(held)
    per_year = tuple(sorted(Counter(d.year for d in dates).items()))
    start = dates[-1] if dates else in_force_from
    if start is None:
        return DrillStatus(None, None, True, None, per_year)
    due = add_years(start, interval_years)
    last = dates[-1] if dates else None
    return DrillStatus(last, due, today > due, (due - today).days, per_year)


def plan_drill_status(plan: Plan, held: Iterable[dt.date], today: dt.date) -> DrillStatus:
    """:func:`drill_status` with the plan's interval (§9.3) and date in force (§10.2)."""
    return drill_status(held, plan.drills.interval_years, today, plan.identity.in_force_from)


def history_json(
    plan: Plan,
    held: Sequence[dt.date],
    open_items: Sequence[Mapping[str, Any]],
    today: dt.date,
) -> dict[str, Any]:
    """The `history --json` object for scripts: the last drill, the next due date
    (YYYY-MM-DD), whether it is overdue, drills per year and the open improvement items."""
    status = plan_drill_status(plan, held, today)
    return {
        "plan_ref": plan.drills.ref,
        "interval_years": plan.drills.interval_years,
        "plan_in_force_from": _iso(plan.identity.in_force_from),
        "last_drill": _iso(status.last_held),
        "next_due": _iso(status.next_due),
        "overdue": status.overdue,
        "days_left": status.days_left,
        "drills_per_year": {str(year): n for year, n in status.per_year},
        "open_improvement_items": [dict(item) for item in open_items],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
