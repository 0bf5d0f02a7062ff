"""From the join dialog to the trainee window (the start page's 加入演练…, and
``drill-app join [ADDRESS]`` through ``ui.app.run_join``).

The seat's outbox, its session token, the last event it saw and the injects it has read
live in the user data folder, one folder per exercise and unit
(``seats/<exercise>/<unit>``): a workstation restarted (or killed) and joined again
resends what the host had not acknowledged and shows what it had received.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from drill_app.core.plan import Plan
from drill_app.net.client import JoinRequest, SeatClient
from drill_app.net.outbox import Outbox
from drill_app.ui.start.join_dialog import JoinDialog, JoinResult
from drill_app.ui.trainee.seat_link import SeatLink
from drill_app.ui.trainee.trainee_window import TraineeWindow

LAPTOP_SIZE = (1366, 768)


def seat_folder(exercise_id: str, unit: str, base: Path | None = None) -> Path:
    """Where the seat of *unit* in *exercise_id* keeps its outbox on this workstation."""
    if base is None:
        import platformdirs

        base = Path(platformdirs.user_data_dir("drill-app", appauthor=False)) / "seats"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in exercise_id)
    return base / safe / unit


def open_trainee_window(joined: JoinResult, plan: Plan, base: Path | None = None) -> TraineeWindow:
    """Start the seat's own client (resuming the dialog's session) and its window."""
    folder = seat_folder(joined.welcome.exercise, joined.unit, base)
    box = Outbox(folder)  # resume the dialog's session (its token), not a second join
    box.save_token(joined.welcome.token)
    seen_before = box.last_seq
    box.close()
    request = JoinRequest(joined.address, joined.code, "seat", joined.unit, joined.name)
    client = SeatClient(request, folder)
    client.last_seq = 0  # the window shows the whole stream again (inbox, sent log)
    link = SeatLink(client)
    window = TraineeWindow(link, plan, joined.welcome, seen_before=seen_before)
    link.setParent(window)
    client.start()
    return window


def join_room(
    parent: QWidget | None,
    plan: Plan,
    plan_text: str,
    address: str = "",
    *,
    base: Path | None = None,
    browse: bool = True,
) -> TraineeWindow | None:
    """Ask where and as whom to join; the trainee window, shown, or None if cancelled."""
    joined = JoinDialog.ask(parent, plan, plan_text, address, browse=browse)
    if joined is None:
        return None
    window = open_trainee_window(joined, plan, base)
    window.resize(*LAPTOP_SIZE)
    window.show()

    def rejoin(host_address: str) -> None:  # the seat freed or moved, the code changed
        again = join_room(parent, plan, plan_text, host_address, base=base)
        if again is not None:  # kept until it is closed (the old window closes now)
            again.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            _REJOINED.add(again)
            again.destroyed.connect(lambda: _REJOINED.discard(again))

    window.rejoin_requested.connect(rejoin)
    return window


_REJOINED: set[TraineeWindow] = set()
"""Windows opened by 重新加入 from another trainee window (nobody else holds them)."""
