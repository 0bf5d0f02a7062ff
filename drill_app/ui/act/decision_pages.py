"""Act as a unit, decisions in force: working groups (§2.3) and warnings (§3.3–§3.5)."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from drill_app.core.events import ExerciseState
from drill_app.core.plan import COLOUR_ORDER
from drill_app.ui.act.base import ActContext, ActionPageWidget, ChoiceListPage, button_row
from drill_app.ui.shared.describe import describe
from drill_app.ui.shared.table_model import (
    RowsModel,
    TableRow,
    make_table,
)
from drill_app.wording.clock import clock_text
from drill_app.wording.palette import HINT_COLOUR, OK_COLOUR, WARNING_COLOURS


class GroupsActionWidget(ChoiceListPage):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        super().__init__(context, parent)
        self.set_heading(self.tr("Activate or stand down working groups"), "§2.3.2")
        self.model = RowsModel(
            (self.tr("Working group"), self.tr("§"), self.tr("Lead"), self.tr("Status")), self
        )
        self.view = make_table(self.model, self, 2)
        self.view.setObjectName("groups")
        describe(
            self.view,
            self.tr("The plan's working groups (§2.3.2) and whether each is active"),
            self.tr("Working groups"),
        )
        self.activate_button = QPushButton(self.tr("Activate group"), self)
        self.activate_button.setObjectName("activate_group")
        self.stand_down_button = QPushButton(self.tr("Stand down group"), self)
        self.stand_down_button.setObjectName("stand_down_group")
        self.feedback = self.feedback_label("groups_feedback")
        self.body.addWidget(self.view, 1)
        self.body.addLayout(button_row(self.feedback, self.activate_button, self.stand_down_button))
        self.activate_button.clicked.connect(lambda: self._change("group_activated"))
        self.stand_down_button.clicked.connect(lambda: self._change("group_stood_down"))
        self._plan = plan
        self.refresh(ExerciseState(), None)
        self.watch_choice(self.activate_button, self.stand_down_button)

    def select_group(self, group_id: str) -> None:
        self.select(group_id)

    def _change(self, kind: str) -> None:
        group = self.chosen(self.tr("Choose a working group in the list"))
        if group is None:
            return
        name = self.words.group(group)
        if kind == "group_activated":
            what = self.tr("{group} activated").format(group=name)
        else:
            what = self.tr("{group} stood down").format(group=name)
        self.send(kind, {"group": group}, self.feedback, what=what)

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        rows = []
        for group in self._plan.groups:
            event = state.active_groups.get(group.id)
            lead = self.words.party(group.lead) if group.lead else group.lead_text
            if event is not None:
                status = self.tr("Active since {time} ({unit})").format(
                    time=clock_text(event.scenario_time), unit=self.words.party(event.unit or "")
                )
                colours = {3: OK_COLOUR}
            else:
                status = self.tr("Not active")
                colours = {}
            rows.append(
                TableRow(
                    (self.words.group(group.id), group.ref, lead, status),
                    key=group.id,
                    colours=colours,
                    tooltip=group.duties,
                )
            )
        self.model.set_rows(rows)


# Background and text colour of a warning in force.
WARNING_STYLE = WARNING_COLOURS


class WarningActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        super().__init__(context, parent)
        self.set_heading(self.tr("Issue, change or lift a warning"), plan.warnings.ref)
        self.in_force = QLabel(self)
        self.in_force.setObjectName("warning_in_force")
        self.colour_combo = QComboBox(self)
        self.colour_combo.setObjectName("colour")
        describe(
            self.colour_combo,
            self.tr("The colour of the warning to issue or change to"),
            self.tr("Warning colour"),
        )
        for colour_id in reversed(COLOUR_ORDER):
            colour = plan.colour(colour_id)
            self.colour_combo.addItem(
                self.tr("{colour} warning ({severity})").format(
                    colour=self.words.colour(colour_id), severity=colour.severity
                ),
                colour_id,
            )
        self.issue_button = QPushButton(self.tr("Issue warning"), self)
        self.issue_button.setObjectName("issue_warning")
        self.change_button = QPushButton(self.tr("Change warning"), self)
        self.change_button.setObjectName("change_warning")
        self.lift_button = QPushButton(self.tr("Lift warning"), self)
        self.lift_button.setObjectName("lift_warning")
        self.authority = QLabel(self)
        self.authority.setWordWrap(True)
        self.authority.setStyleSheet(f"color: {HINT_COLOUR}")
        self.feedback = self.feedback_label("warning_feedback")
        row = QHBoxLayout()
        label = QLabel(self.tr("Warning level"), self)
        label.setBuddy(self.colour_combo)
        row.addWidget(label)
        row.addWidget(self.colour_combo)
        row.addStretch(1)
        self.body.addWidget(self.in_force, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addLayout(row)
        self.body.addWidget(self.authority)
        self.body.addLayout(
            button_row(self.feedback, self.issue_button, self.change_button, self.lift_button)
        )
        self.body.addStretch(1)
        self.issue_button.clicked.connect(lambda: self._colour_action("warning_issued"))
        self.change_button.clicked.connect(lambda: self._colour_action("warning_changed"))
        self.lift_button.clicked.connect(self._lift)
        self.colour_combo.currentIndexChanged.connect(self._show_authority)
        self._show_authority()

    def _show_authority(self, *_args: object) -> None:
        colour = self.plan.colour(self.colour_combo.currentData())
        self.authority.setText(
            self.tr("Issued by {body} ({ref}). {role}").format(
                body=self.words.party(colour.issued_by),
                ref=colour.authority_ref,
                role=colour.district_role,
            )
        )

    def _colour_action(self, kind: str) -> None:
        colour = str(self.colour_combo.currentData())
        name = self.words.colour(colour)
        if kind == "warning_issued":
            what = self.tr("{colour} warning issued").format(colour=name)
        else:
            what = self.tr("warning changed to {colour}").format(colour=name)
        self.send(kind, {"colour": colour}, self.feedback, what=what)

    def _lift(self) -> None:
        self.send("warning_lifted", {}, self.feedback, what=self.tr("warning lifted"))

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        event = state.warning_event
        if event is None:
            self.in_force.setStyleSheet("")
            self.in_force.setText(self.tr("No warning is in force."))
            return
        colour = event.payload["colour"]
        background, text = WARNING_STYLE.get(colour, ("#dddddd", "black"))
        self.in_force.setStyleSheet(
            f"background: {background}; color: {text}; padding: 4px 8px; font-weight: bold"
        )
        self.in_force.setText(
            self.tr("In force: {colour} warning, since {time} ({unit})").format(
                colour=self.words.colour(colour),
                time=clock_text(event.scenario_time),
                unit=self.words.party(event.unit or ""),
            )
        )
