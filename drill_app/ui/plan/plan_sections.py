"""What the plan browser shows: the plan turned into titled tables of text rows.

Pure functions from a ``Plan`` to ``SectionSpec`` values; the window only displays them.
Column titles and labels are English in the code and go through
``QCoreApplication.translate("PlanSections", ...)``; plan content stays as the plan has
it, except that English mode uses the plan's ``name_en`` / ``title_en`` / ``label_en``.
"""

from __future__ import annotations

from drill_app.core.plan import Plan
from drill_app.ui.plan.section_spec import (
    ColumnSpec,
    PlanWording,
    SectionSpec,
    TableSpec,
    plan_title,
)
from drill_app.ui.plan.sections_command import (
    groups_section,
    levels_section,
    overview_section,
    responses_section,
    units_section,
)
from drill_app.ui.plan.sections_response import (
    actions_section,
    drills_section,
    readings_section,
    reporting_section,
    warnings_section,
)

__all__ = ["ColumnSpec", "SectionSpec", "TableSpec", "build_sections", "plan_title"]


def build_sections(plan: Plan, english: bool) -> list[SectionSpec]:
    """Every section of the browser, in navigation order."""
    words = PlanWording(plan, english)
    return [
        overview_section(plan, words),
        units_section(plan, words),
        groups_section(plan, words),
        levels_section(plan, words),
        responses_section(plan, words),
        warnings_section(plan, words),
        reporting_section(plan, words),
        actions_section(plan, words),
        drills_section(plan, words),
        readings_section(plan, words),
    ]
