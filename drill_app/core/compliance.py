"""§9.3 compliance: a drill at least every N years; when is the next one due."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


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
    """None when no drill was ever held: one is due now."""
    overdue: bool
    days_left: int | None
    per_year: tuple[tuple[int, int], ...]


def drill_status(held: Iterable[dt.date], interval_years: int, today: dt.date) -> DrillStatus:
    """Status from the dates of the drills actually held (ended exercises)."""
    dates = sorted(held)
    per_year = tuple(sorted(Counter(d.year for d in dates).items()))
    if not dates:
        return DrillStatus(None, None, True, None, per_year)
    last = dates[-1]
    due = add_years(last, interval_years)
    return DrillStatus(last, due, today > due, (due - today).days, per_year)
