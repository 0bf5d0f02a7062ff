"""The score as a plain-text table for the terminal (CJK-width aware).

Words come from drill_app.wording: call it inside ``interface_language(...)``."""

from __future__ import annotations

import unicodedata

from drill_app.core.plan import Plan
from drill_app.core.scoring import ScoreSheet, ScoringRules


def format_sheet(plan: Plan, sheet: ScoreSheet, rules: ScoringRules) -> str:
    """A readable score table for the terminal."""
    from drill_app.wording.statuses import line_status_text  # Qt only when a table is printed

    names = {c.id: c.name for c in rules.categories}
    out: list[str] = []
    category = None
    for line in sheet.lines:
        if line.category != category:
            category = line.category
            out.append(f"\n== {names.get(category, category)} ==")
        due = _minutes(line.due_at)
        done = _minutes(line.done_at)
        status = line_status_text(line)
        out.append(
            f"{_pad(line.plan_ref, 12)} {_pad(plan.party_name(line.unit), 24)} "
            f"{_pad(_clip(line.title, 44), 46)} 应{due:>6} 实{done:>6}  {_pad(status, 12)}"
            f" {line.points:g}/{line.max_points:g}"
        )
        if line.detail:
            out.append(f"{'':<12} {line.detail}")
    t = sheet.overall
    out.append(
        f"\n得分 {t.points:g}/{t.max_points:g}（得分率 {t.percent:g}%）"
        f"  评估表总分 {sheet.sheet_total:g}（百分制）  等级：{sheet.grade.grade}\n"
    )
    return "\n".join(out) + "\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            return out + "…"
        out += ch
    return out


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes = seconds / 60
    return f"{minutes:g}分" if minutes == int(minutes) else f"{minutes:.1f}分"
