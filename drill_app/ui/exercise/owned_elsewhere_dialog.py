"""The exercise is run by another live process: join it as a seat, watch it, or cancel.

A running exercise has one writer. When the console opens an exercise that another
console or host runs (its claim is alive), nothing is written here; this dialog names
that owner (computer, role, address) and offers what can be done instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from drill_app.ui.hosting import owner_text

if TYPE_CHECKING:
    from drill_app.store.ownership import OwnerInfo

Choice = Literal["join", "watch"] | None


class OwnedElsewhereDialog(QMessageBox):
    def __init__(
        self, parent: QWidget | None, title: str, owner: OwnerInfo, can_join: bool
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("The exercise is run elsewhere"))
        self.setText(
            self.tr("“{title}” is being run by {owner}.").format(
                title=title, owner=owner_text(owner)
            )
        )
        lines = [
            self.tr("An exercise has one computer that records it; this one will not write to it."),
            self.tr("Watch it: this window shows what is recorded, and sends nothing."),
        ]
        if can_join:
            lines.append(self.tr("Join it as a seat: a unit's workstation on that host."))
        self.setInformativeText("\n".join(lines))
        self.join_button = (
            self.addButton(self.tr("Join as a seat…"), QMessageBox.ButtonRole.ActionRole)
            if can_join
            else None
        )
        self.watch_button = self.addButton(
            self.tr("Watch (read-only)"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.watch_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> Choice:
        clicked = self.clickedButton()
        if clicked is None:
            return None
        if clicked is self.join_button:
            return "join"
        if clicked is self.watch_button:
            return "watch"
        return None

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, owner: OwnerInfo, can_join: bool) -> Choice:
        """Ask and wait (the modal seam tests replace)."""
        dialog = cls(parent, title, owner, can_join)
        dialog.exec()
        choice = dialog.choice()
        dialog.deleteLater()
        return choice
