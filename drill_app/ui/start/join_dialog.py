"""Join an exercise hosted on the room's network, as one unit's seat.

The hosts announced on the local network are listed as they are found (mDNS/DNS-SD,
``net.discovery``); where multicast is blocked the user types the host's address
(HOST:PORT, as the controller's host panel shows it). Then the seat (unit), the
person's name and the join code. 加入 tries it: the host's answer — wrong code, seat
taken, no such seat, another version — is shown in words (the one refusal table), never
a traceback; nothing is kept from a refused attempt.

The attempt is a real join (a ``SeatClient`` in a scratch folder): on ``welcome`` the
dialog knows the exercise, checks that this workstation has the exercise's plan, and
returns the session token so the trainee window resumes the same seat with its outbox
in the user data folder for that exercise and unit.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.plan import Plan
from drill_app.core.refusals import Refusal
from drill_app.net.client import JoinRequest, SeatClient
from drill_app.net.discovery import FoundHost, HostBrowser, parse_address
from drill_app.net.protocol import Bye, Welcome
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR

JOIN_TIMEOUT = 6.0
"""Seconds to wait for the host's answer before saying no host answers."""
AddressRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class JoinResult:
    address: str
    code: str
    unit: str
    name: str
    welcome: Welcome


class JoinDialog(QDialog):
    hosts_changed = Signal()

    def __init__(
        self,
        plan: Plan,
        plan_text: str,
        address: str = "",
        *,
        browse: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("join_dialog")
        self.setWindowTitle(self.tr("Join an exercise"))
        self.plan = plan
        self.words = PlanWords(plan)
        self._plan_sha = hashlib.sha256(plan_text.encode("utf-8")).hexdigest()
        self.result_: JoinResult | None = None
        self._client: SeatClient | None = None
        self._scratch: Path | None = None
        self._began = 0.0
        self._build(address)
        self._browser: HostBrowser | None = None
        if browse:
            self.hosts_changed.connect(self._show_hosts)
            try:
                self._browser = HostBrowser(on_change=self.hosts_changed.emit).start()
            except OSError:  # no multicast here: the address is typed
                self.found_label.setText(
                    self.tr("Searching this network is not possible here: type the address")
                )
        else:
            self.found_label.setText(self.tr("Type the address the controller shows"))
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check_answer)

    # --- building --------------------------------------------------------------------------

    def _build(self, address: str) -> None:
        self.hosts = QStandardItemModel(self)
        self.hosts_view = QListView(self)
        self.hosts_view.setObjectName("hosts")
        self.hosts_view.setModel(self.hosts)
        self.hosts_view.setAccessibleName(self.tr("Exercises found on the network"))
        self.hosts_view.selectionModel().currentChanged.connect(self._host_chosen)
        self.hosts_view.setMaximumHeight(self.hosts_view.fontMetrics().lineSpacing() * 6)
        self.found_label = QLabel(self.tr("Exercises hosted on this network (searching…)"), self)
        self.found_label.setBuddy(self.hosts_view)
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setObjectName("address")
        self.address_edit.setPlaceholderText(self.tr("e.g. 192.168.1.20:47615"))
        self.exercise_label = QLabel(self.tr("(chosen from the list, or typed)"), self)
        self.exercise_label.setObjectName("exercise")
        self.exercise_label.setStyleSheet(f"color: {HINT_COLOUR}")
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unit")
        self._fill_units([u.id for u in self.plan.units])
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("Who sits at this seat"))
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("The 6 characters the controller shows"))
        form = QFormLayout()
        form.addRow(self.tr("Host address"), self.address_edit)
        form.addRow(self.tr("Exercise"), self.exercise_label)
        form.addRow(self.tr("Seat (unit)"), self.unit_combo)
        form.addRow(self.tr("Your name"), self.name_edit)
        form.addRow(self.tr("Join code"), self.code_edit)
        self.message = QLabel(self)
        self.message.setObjectName("join_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.join_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setText(self.tr("Join"))
        self.join_button.setObjectName("join")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_join)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found_label)
        layout.addWidget(self.hosts_view)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        (self.code_edit if address else self.address_edit).setFocus()

    def _fill_units(self, units: list[str]) -> None:
        chosen = self.unit_combo.currentData()
        self.unit_combo.clear()
        for unit in units:
            self.unit_combo.addItem(self.words.party(unit), unit)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(chosen)))

    # --- hosts found ----------------------------------------------------------------------------

    def _show_hosts(self) -> None:
        if self._browser is None:
            return
        self.set_hosts(self._browser.hosts())

    def set_hosts(self, hosts: list[FoundHost]) -> None:
        self.hosts.clear()
        for host in hosts:
            item = QStandardItem(f"{host.title or host.exercise}　{host.address}")
            item.setData(host.address, AddressRole)
            item.setData(host.title, Qt.ItemDataRole.ToolTipRole)
            item.setEditable(False)
            self.hosts.appendRow(item)

    def _host_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.address_edit.setText(str(current.data(AddressRole)))
            self.exercise_label.setText(str(current.data(Qt.ItemDataRole.DisplayRole)))

    # --- joining --------------------------------------------------------------------------------

    def _say(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR if error else HINT_COLOUR}")
        self.message.setText(text)

    def _refused(self, code: str, **params: object) -> None:
        self._say(refusal_text(Refusal(code, dict(params)), self.words))  # type: ignore[arg-type]

    def try_join(self) -> None:
        """Check the fields, then ask the host (the answer comes by ``_check_answer``)."""
        if self._client is not None:
            return
        try:
            host, port = parse_address(self.address_edit.text())
        except ValueError:
            self._say(self.tr("Type the host's address as the controller shows it: HOST:PORT"))
            self.address_edit.setFocus()
            return
        code = self.code_edit.text().strip()
        if not code:
            self._refused("code_required")
            self.code_edit.setFocus()
            return
        request = JoinRequest(
            f"{host}:{port}",
            code,
            "seat",
            str(self.unit_combo.currentData()),
            self.name_edit.text().strip(),
        )
        self._scratch = Path(tempfile.mkdtemp(prefix="drill-join-"))
        self._client = SeatClient(request, self._scratch, retry_seconds=(0.2, 1.0)).start()
        self._began = time.monotonic()
        self.join_button.setEnabled(False)
        self._say(self.tr("Joining…"), error=False)
        self._poll.start()

    def _check_answer(self) -> None:
        client = self._client
        if client is None:
            return
        if client.welcome is not None:
            self._welcomed(client, client.welcome)
        elif client.closed_code is not None:
            bye = _last_bye(client)
            self._finish()
            params = dict(bye.params) if bye is not None else {}
            if bye is not None and bye.code == "unknown_unit" and params.get("seats"):
                self._fill_units([str(u) for u in params["seats"]])
            self._refused(bye.code if bye is not None else client.closed_code, **params)
        elif time.monotonic() - self._began > JOIN_TIMEOUT:
            address = client.join.address
            self._finish()
            self._refused("host_unreachable", address=address)

    def _welcomed(self, client: SeatClient, welcome: Welcome) -> None:
        request = client.join
        self._finish()
        briefing = welcome.briefing
        if briefing is None or briefing.plan_sha256 != self._plan_sha:
            self._refused("plan_mismatch", title=briefing.plan_title if briefing else "")
            return
        self.result_ = JoinResult(
            request.address, request.code, request.unit or "", request.name, welcome
        )
        self.accept()

    def _finish(self) -> None:
        """The attempt is over: stop its client, forget its scratch folder."""
        self._poll.stop()
        if self._client is not None:
            self._client.stop()
            self._client = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
        self.join_button.setEnabled(True)

    def done(self, result: int) -> None:
        self._finish()
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        super().done(result)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        plan: Plan,
        plan_text: str,
        address: str = "",
        *,
        browse: bool = True,
    ) -> JoinResult | None:
        """Show the dialog; what was joined, or None if cancelled."""
        dialog = cls(plan, plan_text, address, browse=browse, parent=parent)
        try:
            dialog.exec()
            return dialog.result_
        finally:
            dialog.deleteLater()


def _last_bye(client: SeatClient) -> Bye | None:
    bye = None
    while not client.messages.empty():
        message = client.messages.get_nowait()
        if isinstance(message, Bye):
            bye = message
    return bye
