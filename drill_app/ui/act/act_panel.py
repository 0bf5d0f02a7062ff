"""Act as a unit: a trainee's actions, at the controller's laptop, for the unit of their seat.

One laptop, trainees taking turns: choose the unit, then an action; each form produces
exactly the payload of a core event kind, sent with ``actor="seat"`` and the chosen unit.
Every action is dry-run with ``session.check`` first (the reason is shown next to the
button if it would be refused), then sent with ``session.send``; it is shown as
"recorded" only when the session reports the event (it is on disk then), and a form is
cleared only then.

The pages are in ``base`` (what every page shares) and one module per family of actions:
``report_pages``, ``decision_pages``, ``measure_pages``, ``command_pages``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QStringListModel,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.duties import plan_recipients
from drill_app.core.events import Event
from drill_app.ui.act.base import ActContext, ActionPageWidget
from drill_app.ui.act.command_pages import CommandActionWidget, InformationActionWidget
from drill_app.ui.act.commanding import (
    PendingCommands,
)
from drill_app.ui.act.decision_pages import GroupsActionWidget, WarningActionWidget
from drill_app.ui.act.measure_pages import StepsActionWidget, SupplyActionWidget
from drill_app.ui.act.pages import build_pages
from drill_app.ui.act.report_pages import LevelActionWidget, ReportActionWidget
from drill_app.wording import PlanWords

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession


# The status board's columns (drill_app.ui.exercise.status_board_model) and the form each
# opens: a report column chooses its report kind, the others their page.
BOARD_REPORT_KINDS = {
    "phone": "phone",
    "written": "written",
    "content": "written",
    "followup": "followup",
    "sensitive": "sensitive",
    "result": "result",
}
BOARD_PAGES = {
    "level": "level_page",
    "handover": "command_page",
    "group": "groups_page",
    "warning": "warning_page",
    "step": "steps_page",
    "supply": "supply_page",
    "authority": "command_page",
}

# --- the panel ----------------------------------------------------------------------------


class ActAsUnitPanel(QWidget):
    """Choose the unit of a seat, then one of its actions."""

    unit_changed = Signal(str)
    # The pages (set from ``pages.PAGES`` by their ``attr``).
    report_page: ReportActionWidget
    level_page: LevelActionWidget
    groups_page: GroupsActionWidget
    warning_page: WarningActionWidget
    steps_page: StepsActionWidget
    supply_page: SupplyActionWidget
    command_page: CommandActionWidget
    information_page: InformationActionWidget

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.words = PlanWords(session.plan)
        self.commands = PendingCommands(session, self)
        participants = dict(session.loaded.seats)

        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unit")
        for unit in session.scenario.seats:
            name = self.words.party(unit)
            person = participants.get(unit, "")
            self.unit_combo.addItem(f"{name} — {person}" if person else name, unit)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        unit_label = QLabel(self.tr("Acting for"), self)
        unit_label.setBuddy(self.unit_combo)
        font = unit_label.font()
        font.setBold(True)
        unit_label.setFont(font)

        plan, scenario = session.plan, session.scenario
        context = ActContext(
            self.words,
            self.commands,
            self.current_unit,
            lambda unit, kind: plan_recipients(plan, scenario, unit, kind),
        )
        built = build_pages(context, self)
        for spec, page in built:
            setattr(self, spec.attr, page)
        self.pages: list[ActionPageWidget] = [page for _spec, page in built]
        names = [spec.name() for spec, _page in built]
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
        self.actions_model = QStringListModel(names, self)
        self.actions_view = QListView(self)
        self.actions_view.setObjectName("actions")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.setSpacing(2)
        width = max(self.actions_view.fontMetrics().horizontalAdvance(n) for n in names)
        self.actions_view.setFixedWidth(width + 36)
        self.actions_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.stack.setCurrentIndex(max(0, current.row()))
        )
        self.actions_view.setCurrentIndex(self.actions_model.index(0, 0))

        top = QHBoxLayout()
        top.addWidget(unit_label)
        top.addWidget(self.unit_combo)
        top.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.actions_view)
        middle.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)

        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        session.event_added.connect(self._event_added)
        self._refresh()

    # --- public -----------------------------------------------------------------------------

    def current_unit(self) -> str | None:
        data = self.unit_combo.currentData()
        return str(data) if data is not None else None

    def set_unit(self, unit: str) -> None:
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def act_for(self, unit: str, column: str) -> None:
        """The forms for *unit* and what a status board column asks of it: the page of
        that action (a report kind chosen for reports), the unit chosen."""
        if self.unit_combo.findData(unit) < 0:
            return
        self.set_unit(unit)
        kind = BOARD_REPORT_KINDS.get(column)
        if kind is not None:
            self.show_page(self.report_page)
            self.report_page.form.set_report_kind(kind)
            return
        page_name = BOARD_PAGES.get(column)
        if page_name is not None:
            self.show_page(getattr(self, page_name))

    def show_page(self, page: ActionPageWidget) -> None:
        self.actions_view.setCurrentIndex(self.actions_model.index(self.pages.index(page), 0))

    # --- internals ----------------------------------------------------------------------------

    def _unit_changed(self, _index: int) -> None:
        for page in self.pages:
            page.clear_feedback()
        self._refresh()
        unit = self.current_unit()
        if unit is not None:
            self.unit_changed.emit(unit)

    @Slot(object)
    def _event_added(self, _event: Event) -> None:
        self._refresh()

    def _refresh(self) -> None:
        state = self.session.mirror.state
        unit = self.current_unit()
        for page in self.pages:
            page.refresh(state, unit)
