"""The trainee window: one unit's seat at its own workstation, joined to the host.

What the unit sees (only what the host sent it, issue 15 §3–§4):

- at the top, the unit (the plan's name, in the unit's colour), the person, the exercise
  clock (the host's, ``SeatClient.scenario_seconds``) and the connection: offline, the
  forms keep working and a banner says how many actions wait in the outbox on disk;
- on the left, the inbox of injects delivered to the unit, newest first, unread in bold
  with their count (a beep and a flash of the window on arrival), the chosen one in full
  with its attachments; under it the unit's own deadlines, only when the controller chose
  to show them (``obligations``);
- on the right, the same action pages as the console's act-as-unit panel
  (``ui.act.pages``), limited to what the plan gives this unit, sending through the seat
  link; under them the log of what the unit sent: 发送中 until the host's ack, then
  已记录 with the host's time, refused with the reason, or 已作废 with the controller's.

Keyboard: Tab walks the window; Ctrl+1 the inbox, Ctrl+2 the actions, Ctrl+3 the log;
Ctrl+Enter sends the page's form.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event, exercise_state
from drill_app.core.plan import Plan
from drill_app.net.protocol import (
    Ack,
    AnyHostMessage,
    Bye,
    EventMessage,
    Obligations,
    Refused,
    SeatBriefing,
    Welcome,
)
from drill_app.net.visibility import SEAT_KINDS
from drill_app.ui.act.base import ActContext, ActionPageWidget
from drill_app.ui.act.pages import build_pages
from drill_app.ui.shared.table_model import bold_label, make_table
from drill_app.ui.trainee.seat_link import SeatLink, event_of, refusal_of
from drill_app.ui.trainee.trainee_models import (
    InboxItem,
    InboxModel,
    ObligationsModel,
    SentLogModel,
    inbox_item,
)
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.clock import format_clock
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, OK_COLOUR

READ_FILE = "read.json"
"""In the seat's state folder: the injects the user has opened (kept across restarts)."""
BANNER_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px; font-weight: bold"
ERROR_STYLE = f"background: #fdecea; color: {ERROR_COLOUR}; padding: 6px; font-weight: bold"


REJOINABLE = frozenset({"token_expired", "seat_freed", "seat_moved"})
"""Why the host let this seat go when joining again (with the new code, or another seat)
is what the person does next: the banner offers it."""


class TraineeWindow(QMainWindow):
    """One unit's seat: inbox, clock, deadlines, the unit's forms and its sent log."""

    rejoin_requested = Signal(str)
    """Join again (the host's address): the join dialog, then a new window for the seat."""

    def __init__(
        self,
        link: SeatLink,
        plan: Plan,
        welcome: Welcome,
        *,
        seen_before: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        """*seen_before*: the last event this seat had seen before the window opened (the
        stream is received again from the start; older injects arrive without a beep)."""
        super().__init__(parent)
        self.setObjectName("trainee_window")
        self.link = link
        self.plan = plan
        self.words = PlanWords(plan)
        self.welcome = welcome
        self.unit = welcome.unit or ""
        self.briefing = welcome.briefing or SeatBriefing()
        self.events: list[Event] = []
        self.ended = False
        self._seen_before = seen_before
        self._state_dir: Path = link.client.outbox.folder
        self._read = self._load_read()
        self.setWindowTitle(
            self.tr("{unit} — {title}").format(
                unit=self.words.party(self.unit), title=welcome.title
            )
        )
        self.inbox = InboxModel(self.words, self)
        self.obligations = ObligationsModel(self.words.english, self)
        self.sent_log = SentLogModel(self.words, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_header())
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.rejoin_button = QPushButton(self.tr("Join again…"), self)
        self.rejoin_button.setObjectName("rejoin")
        self.rejoin_button.setToolTip(
            self.tr("Join the exercise again: the join code, and the seat to take")
        )
        self.rejoin_button.setAccessibleName(self.tr("Join again"))
        self.rejoin_button.clicked.connect(self._rejoin)
        self.rejoin_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.rejoin_button)
        layout.addLayout(banner_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 860])  # the inbox readable beside the forms at 1366×768
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._shortcuts()
        for pending in link.client.outbox.pending():
            self.sent_log.sending(pending.id, pending.kind, pending.payload)
        link.message_received.connect(self._received)
        link.status_changed.connect(self._status_changed)
        link.submitted.connect(self.sent_log.sending)
        link.submitted.connect(lambda *_: self._show_connection())
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._refresh_pages()
        self._show_connection()
        self._tick()

    # --- building -----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.unit_label = QLabel(self.words.party(self.unit), self)
        self.unit_label.setObjectName("unit_name")
        colour = self.words.unit_colour(self.unit)
        self.unit_label.setStyleSheet(f"color: {colour}; font-size: 18pt; font-weight: bold")
        person = self.briefing.person
        self.person_label = QLabel(person, self)
        self.person_label.setObjectName("person")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clock")
        self.clock_label.setStyleSheet("font-size: 18pt; font-weight: bold")
        self.clock_label.setAccessibleName(self.tr("Exercise clock"))
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connection")
        row = QHBoxLayout()
        row.addWidget(self.unit_label)
        row.addWidget(self.person_label)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Exercise time"), self))
        row.addWidget(self.clock_label)
        row.addSpacing(16)
        row.addWidget(self.connection_label)
        return row

    def _build_left(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.inbox_title = bold_label("", box)
        self.inbox_view = make_table(self.inbox, box, 2)
        self.inbox_view.setObjectName("inbox")
        self.inbox_view.setAccessibleName(self.tr("Inbox"))
        self.inbox_title.setBuddy(self.inbox_view)
        self.inbox_view.selectionModel().currentRowChanged.connect(self._inbox_chosen)
        self.detail = QTextBrowser(box)
        self.detail.setObjectName("inject_detail")
        self.detail.setAccessibleName(self.tr("The message chosen"))
        self.detail.setPlaceholderText(self.tr("Choose a message in the inbox to read it."))
        column.addWidget(self.inbox_title)
        column.addWidget(self.inbox_view, 3)
        column.addWidget(self.detail, 2)
        self.obligations_title = bold_label(self.tr("Our deadlines"), box)
        self.obligations_view = make_table(self.obligations, box, 0)
        self.obligations_view.setObjectName("obligations")
        self.obligations_view.setAccessibleName(self.tr("Our deadlines"))
        column.addWidget(self.obligations_title)
        column.addWidget(self.obligations_view, 2)
        shown = self.briefing.show_deadlines
        self.obligations_title.setVisible(shown)
        self.obligations_view.setVisible(shown)
        self._show_unread()
        return box

    def _build_right(self) -> QWidget:
        allowed = frozenset(self.briefing.actions)
        recipients = self.briefing.recipients
        context = ActContext(
            self.words, self.link, lambda: self.unit, lambda _unit, kind: recipients.get(kind, [])
        )
        self.actions_view = QListView(self)  # before the pages: Tab reaches it first
        built = build_pages(context, self, allowed)
        self.pages: list[ActionPageWidget] = [page for _spec, page in built]
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
        self.actions_model = QStringListModel([spec.name() for spec, _page in built], self)
        self.actions_view.setObjectName("actions")
        self.actions_view.setAccessibleName(self.tr("Actions"))
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        names = self.actions_model.stringList() or [""]
        width = max(self.actions_view.fontMetrics().horizontalAdvance(n) for n in names)
        self.actions_view.setFixedWidth(width + 36)
        self.actions_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.stack.setCurrentIndex(max(0, current.row()))
        )
        self.actions_view.setCurrentIndex(self.actions_model.index(0, 0))
        forms = QWidget(self)
        row = QHBoxLayout(forms)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.actions_view)
        row.addWidget(self.stack, 1)
        log_box = QWidget(self)
        log_column = QVBoxLayout(log_box)
        log_column.setContentsMargins(0, 0, 0, 0)
        log_title = bold_label(self.tr("What we sent"), log_box)
        self.log_view: QTableView = make_table(self.sent_log, log_box, 0)
        self.log_view.setObjectName("sent_log")
        self.log_view.setAccessibleName(self.tr("What we sent"))
        log_column.addWidget(log_title)
        log_column.addWidget(self.log_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(forms)
        split.addWidget(log_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        return split

    def _shortcuts(self) -> None:
        for keys, target in (
            ("Ctrl+1", self.inbox_view),
            ("Ctrl+2", self.actions_view),
            ("Ctrl+3", self.log_view),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(target.setFocus)

    # --- what the host sends ------------------------------------------------------------------

    @Slot(object)
    def _received(self, message: AnyHostMessage) -> None:
        if isinstance(message, EventMessage):
            self._event(message)
        elif isinstance(message, Obligations):
            self.obligations.set_obligations(list(message.obligations))
        elif isinstance(message, Ack):
            self.sent_log.acknowledged(message.id, message.event_id, message.scenario_time)
            self._show_connection()
        elif isinstance(message, Refused) and message.id is not None:
            self.sent_log.refused(message.id, refusal_text(refusal_of(message), self.words))
            self._show_connection()
        elif isinstance(message, Bye) and message.code != "replaced":
            self._closed_by_host(message)

    def _event(self, message: EventMessage) -> None:
        view = message.event
        event = event_of(view, self.welcome.exercise)
        self.events.append(event)
        if view.kind == "inject_delivered":
            item = inbox_item(view)
            if self.inbox.add(item, read=item.event_id in self._read):
                self._announce(item, message.seq > self._seen_before)
        elif view.kind == "entry_voided":
            self.sent_log.voided(str(view.payload.get("event", "")), str(view.payload["reason"]))
        elif view.kind in SEAT_KINDS and view.unit == self.unit:
            self.sent_log.recorded(view)
        if view.kind == "exercise_ended":
            self.ended = True
        self._refresh_pages()
        self._tick()

    def _announce(self, item: InboxItem, new: bool) -> None:
        """An inject in the inbox: the count; when it is new, a beep and a flash of the
        window (the taskbar entry, until the window is looked at)."""
        self._show_unread()
        if new and item.event_id not in self._read:
            QApplication.beep()
            QApplication.alert(self, 0)

    def _closed_by_host(self, bye: Bye) -> None:
        text = refusal_text(refusal_of(Refused(code=bye.code, params=bye.params)), self.words)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setText(text)
        self.banner.show()
        self.rejoin_button.setVisible(bye.code in REJOINABLE)

    def _rejoin(self) -> None:
        self.rejoin_requested.emit(self.link.client.join.address)
        self.close()

    @Slot(str)
    def _status_changed(self, _status: str) -> None:
        self._show_connection()

    # --- showing ------------------------------------------------------------------------------

    def _refresh_pages(self) -> None:
        state = exercise_state(self.events)
        for page in self.pages:
            page.refresh(state, self.unit)
            page.setEnabled(not self.ended)

    def _show_unread(self) -> None:
        unread = self.inbox.unread
        self.inbox_title.setText(
            self.tr("Inbox ({count} unread)").format(count=unread) if unread else self.tr("Inbox")
        )

    def _show_connection(self) -> None:
        status = self.link.client.status
        queued = self.link.queued
        online = status == "online"
        self.connection_label.setText(self.tr("Online") if online else self.tr("Offline"))
        colour = OK_COLOUR if online else ERROR_COLOUR
        self.connection_label.setStyleSheet(f"color: {colour}; font-weight: bold")
        if self.link.client.closed_code is not None:
            return  # the host's refusal stays in the banner
        if online:
            self.banner.hide()
            return
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setText(
            self.tr(
                "Offline, {count} queued: the forms keep working; what you send is kept and "
                "delivered when the connection is back."
            ).format(count=queued)
        )
        self.banner.show()

    def _tick(self) -> None:
        seconds = self.link.client.scenario_seconds()
        if self.ended:
            self.clock_label.setText(self.tr("Ended"))
        elif seconds is None:
            self.clock_label.setText(self.tr("Not started"))
        else:
            self.clock_label.setText(format_clock(seconds))
            self.obligations.set_now(seconds)
        grey = f"color: {HINT_COLOUR}; " if seconds is None or self.ended else ""
        self.clock_label.setStyleSheet(f"{grey}font-size: 18pt; font-weight: bold")

    def _inbox_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        item = self.inbox.item(current.row())
        self.inbox.mark_read(current.row())
        self._read.add(item.event_id)
        self._save_read()
        self._show_unread()
        self.detail.setHtml(self._detail_html(item))

    def _detail_html(self, item: InboxItem) -> str:
        from html import escape

        source = self.words.source(item.source) if item.source else ""
        parts = [
            f"<h3>{escape(item.title)}</h3>",
            f"<p style='color: {HINT_COLOUR}'>{format_clock(item.time)}　{escape(source)}</p>",
            "<p>" + escape(item.text).replace("\n", "<br>") + "</p>",
        ]
        if item.attachments:
            heading = self.tr("Attachments")
            parts.append(f"<p><b>{escape(heading)}</b></p><ul>")
            parts.extend(f"<li>{escape(name)}</li>" for name in item.attachments)
            parts.append("</ul>")
        return "".join(parts)

    # --- the read marks -----------------------------------------------------------------------

    def _load_read(self) -> set[str]:
        try:
            data = json.loads((self._state_dir / READ_FILE).read_text(encoding="utf-8"))
            return {str(i) for i in data}
        except (OSError, ValueError, TypeError):
            return set()

    def _save_read(self) -> None:
        tmp = self._state_dir / (READ_FILE + ".tmp")
        tmp.write_text(json.dumps(sorted(self._read)), encoding="utf-8")
        tmp.replace(self._state_dir / READ_FILE)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.link.stop()
        super().closeEvent(event)
