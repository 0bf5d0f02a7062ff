"""The MSEL panel: the scenario's injects, what is due, and releasing, skipping or delaying them.

The rows and their statuses are the model's (``msel_model``); this is the panel around it:
the table, the detail of the selected inject and the actions, each sent with
``session.send``.

Delaying ("推迟 N 分钟") is a local hold in this window, not an event: the inject stays
pending and is not offered as due (nor released by "release all due") before the hold
ends. Nothing is recorded for the hold itself; what the log records is the actual release
(``inject_delivered`` at the scenario time it was released), and that is what scoring
and the after-action report see. A hold does not survive closing the window: after a
restart the inject is simply due again.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event
from drill_app.core.exercise import inject_payload
from drill_app.core.scenario import Inject
from drill_app.ui.exercise.adhoc_inject_dialog import AdhocInjectDialog
from drill_app.ui.exercise.msel_model import MselModel
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.describe import describe, explain

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

# --- the panel ---------------------------------------------------------------------------------


class MselPanel(QWidget):
    """The injects table, the actions on the selected inject, and its full text."""

    due_count_changed = Signal(int)

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MselModel(session, self)
        self._due_count = -1

        title = QLabel(self.tr("Injects (MSEL)"), self)
        title_font = QFont(title.font())
        title_font.setBold(True)
        title.setFont(title_font)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("msel_summary")

        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab and Shift+Tab leave the table: no trap
        self.view.setObjectName("msel")
        describe(
            self.view,
            self.tr("The injects in order of time and their status; select one to act on it"),
            self.tr("Injects (MSEL)"),
        )
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        metrics = self.view.fontMetrics()
        # The title takes the room left; the rest is elided (the tooltip and the detail pane
        # show it whole) so that the table fits the side pane of a 1366 px screen.
        widths = {
            MselModel.TIME: metrics.horizontalAdvance("00:00 条件："),
            MselModel.STATUS: max(
                metrics.horizontalAdvance(text)
                for text in (
                    translate("Msel", "Released {time}").format(time="00:00"),
                    translate("Msel", "Delayed to {time}").format(time="00:00"),
                    translate("Msel", "Not released"),
                )
            ),
            MselModel.SOURCE: metrics.horizontalAdvance("12345市民服务"),
            MselModel.RECIPIENTS: metrics.horizontalAdvance("区住房和城乡建设"),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width + 16)
        header.setSectionResizeMode(MselModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("中") * 4)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("inject_detail")
        describe(
            self.detail,
            self.tr("The selected inject's full text, source, recipients and condition"),
            self.tr("Inject detail"),
        )
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select an inject to read its full text."))

        self.release_button = QPushButton(self.tr("Release now"), self)
        self.release_button.setObjectName("release")
        self.release_button.setShortcut(QKeySequence("Ctrl+R"))
        self.skip_button = QPushButton(self.tr("Skip…"), self)
        self.skip_button.setObjectName("skip")
        self.delay_minutes = QSpinBox(self)
        self.delay_minutes.setObjectName("delay_minutes")
        self.delay_minutes.setAccessibleName(self.tr("Delay by minutes"))
        self.delay_minutes.setRange(1, 240)
        self.delay_minutes.setValue(5)
        self.delay_minutes.setSuffix(self.tr(" min"))
        self.delay_button = QPushButton(self.tr("Delay"), self)
        self.delay_button.setObjectName("delay")
        self.release_due_button = QPushButton(self.tr("Release all due"), self)
        self.release_due_button.setObjectName("release_due")
        self.adhoc_button = QPushButton(self.tr("Ad-hoc inject…"), self)
        self.adhoc_button.setObjectName("adhoc")
        for button, name in (
            (self.release_button, self.tr("Release now")),
            (self.skip_button, self.tr("Skip")),
            (self.delay_button, self.tr("Delay")),
            (self.release_due_button, self.tr("Release all due")),
            (self.adhoc_button, self.tr("Ad-hoc inject")),
        ):
            button.setAccessibleName(name)
        for button in (
            self.release_button,
            self.skip_button,
            self.delay_button,
            self.release_due_button,
            self.adhoc_button,
        ):
            button.setAutoDefault(False)
        self.release_button.clicked.connect(self.release_selected)
        self.skip_button.clicked.connect(self.skip_selected)
        self.delay_button.clicked.connect(self.delay_selected)
        self.release_due_button.clicked.connect(self.release_all_due)
        self.adhoc_button.clicked.connect(self.write_adhoc)

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.summary_label)
        selected_actions = QHBoxLayout()
        selected_actions.setSpacing(6)
        selected_actions.addWidget(self.release_button)
        selected_actions.addWidget(self.skip_button)
        selected_actions.addWidget(self.delay_button)
        selected_actions.addWidget(self.delay_minutes)
        selected_actions.addStretch(1)
        all_actions = QHBoxLayout()
        all_actions.setSpacing(6)
        all_actions.addWidget(self.release_due_button)
        all_actions.addWidget(self.adhoc_button)
        all_actions.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addLayout(all_actions)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(selected_actions)

        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._model_changed)
        self.model.rowsInserted.connect(self._model_changed)
        session.event_added.connect(self._event_added)
        session.command_refused.connect(self._refused)
        self._model_changed()

    # --- selection ----------------------------------------------------------------------

    def selected_row(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else None

    def select_inject(self, inject_id: str) -> None:
        index = self.model.index(self.model.row_of(inject_id), 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selected_pending(self) -> Inject | None:
        row = self.selected_row()
        if row is None:
            return None
        inject = self.model.inject_at(row)
        if inject is None or self.model.row(row).state not in ("pending", "held", "due"):
            return None
        return inject

    def _current_changed(self, current: AnyIndex, _previous: AnyIndex) -> None:
        self._show_detail()
        self._update_actions()

    def _show_detail(self) -> None:
        row = self.selected_row()
        self.detail.setHtml(self.model.detail_html(row) if row is not None else "")

    # --- state ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute due statuses for the current clock (the view's refresh timer)."""
        self.model.refresh()

    def _model_changed(self, *_args: object) -> None:
        due = self.model.count("due")
        pending = self.model.count("pending") + self.model.count("held")
        released = self.model.count("delivered")
        self.summary_label.setText(
            self.tr("{due} due · {pending} to come · {released} released").format(
                due=due, pending=pending, released=released
            )
        )
        self.summary_label.setStyleSheet("color: #8a5a00; font-weight: bold;" if due else "")
        self._update_actions()
        if self.selected_row() is not None:
            self._show_detail()
        if due != self._due_count:
            self._due_count = due
            self.due_count_changed.emit(due)

    def _update_actions(self) -> None:
        mirror = self.session.mirror
        live = mirror.started and not mirror.ended
        selected = self._selected_pending()
        self.release_button.setEnabled(live and selected is not None)
        self.skip_button.setEnabled(live and selected is not None)
        self.delay_button.setEnabled(live and selected is not None)
        self.delay_minutes.setEnabled(live and selected is not None)
        due = len(self.model.due_injects())
        self.release_due_button.setEnabled(live and due > 0)
        self.release_due_button.setText(
            self.tr("Release all due ({count})").format(count=due)
            if due
            else self.tr("Release all due")
        )
        self.adhoc_button.setEnabled(live)
        self._explain_buttons(live, selected is not None, due)

    def _explain_buttons(self, live: bool, selected: bool, due: int) -> None:
        """Each button's tooltip says what it does and, while it is disabled, why now."""
        why_not = ""
        if not live and self.session.mirror.ended:
            why_not = self.tr("The exercise has ended.")
        elif not live:
            why_not = self.tr("Start the exercise first.")
        needs_choice = why_not or (
            "" if selected else self.tr("Select a pending inject in the list first.")
        )
        texts = {
            self.release_button: (
                self.tr("Deliver the selected inject to its recipients now (Ctrl+R)"),
                needs_choice,
            ),
            self.skip_button: (
                self.tr("Leave the selected inject out of this exercise"),
                needs_choice,
            ),
            self.delay_button: (
                self.tr(
                    "Hold the selected inject back: it is not offered as due until then. "
                    "Only the actual release is recorded."
                ),
                needs_choice,
            ),
            self.release_due_button: (
                self.tr("Release every inject that is due now"),
                why_not or ("" if due else self.tr("No inject is due now.")),
            ),
            self.adhoc_button: (
                self.tr("Write and release an inject that is not in the MSEL"),
                why_not,
            ),
        }
        for button, (does, reason) in texts.items():
            explain(button, does, reason)
        self.delay_minutes.setToolTip(
            self.tr("How many minutes the Delay button holds the selected inject back")
            + (f"\n{needs_choice}" if needs_choice else "")
        )

    # --- actions ----------------------------------------------------------------------

    def _release(self, inject: Inject) -> None:
        command_id = self.session.send(
            "inject_delivered", inject_payload(inject), actor="controller"
        )
        if command_id is not None:
            self.model.sending(command_id, inject.id)

    def release_selected(self) -> None:
        inject = self._selected_pending()
        if inject is not None:
            self._release(inject)

    def release_all_due(self) -> None:
        for inject in self.model.due_injects():
            self._release(inject)

    def skip_selected(self) -> None:
        inject = self._selected_pending()
        if inject is None:
            return
        reason = type(self).ask_skip_reason(self, inject.title)
        if reason is None:
            return
        command_id = self.session.send(
            "inject_skipped", {"inject": inject.id, "reason": reason}, actor="controller"
        )
        if command_id is not None:
            self.model.sending(command_id, inject.id)

    def delay_selected(self) -> None:
        inject = self._selected_pending()
        if inject is not None:
            self.model.hold(inject.id, self.delay_minutes.value())

    def write_adhoc(self) -> None:
        payload = AdhocInjectDialog.ask(self.session, self)
        if payload is not None:
            self.session.send("inject_delivered", payload, actor="controller")

    @classmethod
    def ask_skip_reason(cls, parent: QWidget, title: str) -> str | None:
        """The reason for skipping, or None if the user cancelled (the modal seam)."""
        text, ok = QInputDialog.getText(
            parent,
            translate("Msel", "Skip inject"),
            translate("Msel", "Skip “{title}”. Reason (optional, goes into the log):").format(
                title=title
            ),
        )
        return text.strip() if ok else None

    # --- results ------------------------------------------------------------------------

    def _event_added(self, event: Event) -> None:
        self.model.event_added(event)
        self._update_actions()

    def _refused(self, command_id: str, _kind: str, _reason: object) -> None:
        self.model.refused(command_id)
