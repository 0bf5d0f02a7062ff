"""Message boxes. Every QMessageBox of the application is made here.

The modal part is a classmethod, so tests replace it instead of clicking a real box.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget


class ProblemListDialog(QMessageBox):
    """A critical message listing located problems ("file:line:col: message")."""

    MAX_LISTED = 12

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        problems: Sequence[str],
    ) -> None:
        super().__init__(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent
        )
        self.problems = list(problems)
        listed = [html.escape(problem) for problem in self.problems[: self.MAX_LISTED]]
        hidden = len(self.problems) - len(listed)
        if hidden > 0:
            listed.append(html.escape(self.tr("… and {count} more").format(count=hidden)))
            self.setDetailedText("\n".join(self.problems))
        # Rich text so that a "<" in a message is shown as it is.
        self.setInformativeText("<p>" + "<br>".join(listed) + "</p>")

    @classmethod
    def show_modal(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        problems: Sequence[str],
    ) -> None:
        """Show the problems and wait until the user closes the box."""
        dialog = cls(parent, title, text, problems)
        dialog.exec()
        dialog.deleteLater()


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


class QuestionDialog(QMessageBox):
    """A yes/no question; "no" is the default, so Enter never does the irreversible thing."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        yes: str | None = None,
        no: str | None = None,
    ) -> None:
        super().__init__(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        if yes:
            self.button(QMessageBox.StandardButton.Yes).setText(yes)
        if no:
            self.button(QMessageBox.StandardButton.No).setText(no)
        self.setDefaultButton(QMessageBox.StandardButton.No)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        yes: str | None = None,
        no: str | None = None,
    ) -> bool:
        """Ask and wait; True when the user chose yes (the modal seam tests replace)."""
        dialog = cls(parent, title, text, yes, no)
        answer = dialog.exec()
        dialog.deleteLater()
        return bool(answer == QMessageBox.StandardButton.Yes)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str | None = None,
    no: str | None = None,
) -> bool:
    """Ask a yes/no question; *yes*/*no* name the buttons by what they do."""
    return QuestionDialog.ask(parent, title, text, yes, no)
