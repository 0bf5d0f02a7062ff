"""The one vocabulary: every word a user reads for a code, an id or a status.

Shared by the windows (``drill_app.ui``), the documents (``drill_app.reports``) and the
command line. It imports the core and ``PySide6.QtCore`` (for ``QCoreApplication.translate``)
only, never widgets: English source strings here, Chinese in the .ts files.

- ``language``: the interface language and its translators.
- ``plan_words``: names from the plan (units, bodies, groups, steps, colours, levels …).
- ``refusals``: a refused command (``drill_app.core.refusals.Refusal``) as a sentence.
- ``palette``: the colours that carry meaning (error red, ok green, P/S/M/U, statuses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drill_app.wording.plan_words import PlanWords
    from drill_app.wording.refusals import refusal_text

__all__ = ["PlanWords", "refusal_text"]


def __getattr__(name: str) -> Any:
    """``PlanWords`` and ``refusal_text`` are imported when first asked for: they bring the
    plan's model (pydantic), which the first window does not need (``language`` is read
    before it is painted)."""
    if name == "PlanWords":
        from drill_app.wording.plan_words import PlanWords

        return PlanWords
    if name == "refusal_text":
        from drill_app.wording.refusals import refusal_text

        return refusal_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
