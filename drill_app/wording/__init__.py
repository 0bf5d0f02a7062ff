"""The one vocabulary: every word a user reads for a code, an id or a status.

Shared by the windows (``drill_app.ui``), the documents (``drill_app.reports``) and the
command line. It imports the core and ``PySide6.QtCore`` (for ``QCoreApplication.translate``)
only, never widgets: English source strings here, Chinese in the .ts files.

- ``language``: the interface language and its translators.
- ``plan_words``: names from the plan (units, bodies, groups, steps, colours, levels …).
- ``refusals``: a refused command (``drill_app.core.refusals.Refusal``) as a sentence.
- ``palette``: the colours that carry meaning (error red, ok green, P/S/M/U, statuses).
"""

from drill_app.wording.plan_words import PlanWords
from drill_app.wording.refusals import refusal_text

__all__ = ["PlanWords", "refusal_text"]
