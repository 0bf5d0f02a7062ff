"""Writing an ad-hoc inject: one the controller makes up during the exercise.

The dialog builds an ``inject_delivered`` payload with ``inject: None``; the caller submits
it. Before it closes, the payload is dry-run against the exercise (``session.check``), so a
refused inject is explained on the form and nothing is sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.facts import FACTS, FACTS_BY_KEY, FactDef, FactValue
from drill_app.core.refusals import EventError
from drill_app.core.scenario import SOURCE_NAMES
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.describe import describe
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.palette import ERROR_COLOUR

ERROR_STYLE = f"color: {ERROR_COLOUR};"


class AdhocInjectDialog(QDialog):
    """Title, text, source, recipients, and optionally facts the inject makes true."""

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Ad-hoc inject"))
        self.facts: dict[str, FactValue] = {}

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        describe(
            self.title_edit,
            self.tr("A short title of the inject, as the MSEL lists it"),
            self.tr("Title"),
        )
        self.title_edit.setPlaceholderText(
            self.tr("e.g. residents report a smell of gas near the scene")
        )
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("text")
        describe(self.text_edit, self.tr("What the recipients are told"), self.tr("Text"))
        self.text_edit.setPlaceholderText(self.tr("What the recipients are told"))
        self.text_edit.setTabChangesFocus(True)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("source")
        describe(self.source_combo, self.tr("Who the information comes from"), self.tr("Source"))
        for source, name in SOURCE_NAMES.items():
            self.source_combo.addItem(name, source)
        self.source_combo.setCurrentIndex(self.source_combo.findData("controller"))

        self.recipients = QListWidget(self)
        self.recipients.setObjectName("recipients")
        describe(
            self.recipients,
            self.tr("Tick the units that receive the inject"),
            self.tr("Recipients"),
        )
        self.recipients.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for unit in session.scenario.seats:
            item = QListWidgetItem(session.plan.party_name(unit), self.recipients)
            item.setData(Qt.ItemDataRole.UserRole, unit)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = min(len(session.scenario.seats), 6)
        self.recipients.setFixedHeight(
            rows * (self.fontMetrics().height() + 6) + 2 * self.recipients.frameWidth() + 4
        )
        self.informs = QCheckBox(
            self.tr(
                "The recipients learn of the incident with this inject (reporting clocks start)"
            ),
            self,
        )
        self.informs.setObjectName("informs_incident")
        describe(
            self.informs,
            self.tr("Tick when this inject is how the recipients first learn of the incident"),
        )
        self.city_arrives = QCheckBox(
            self.tr("The city HQ arrives on scene with this inject (hand-over due, §5.3.1.7)"),
            self,
        )
        self.city_arrives.setObjectName("city_hq_arrives")
        describe(
            self.city_arrives, self.tr("Tick when the city headquarters arrives with this inject")
        )

        # facts: key, typed value, add; the added ones listed with a remove button
        self.fact_combo = QComboBox(self)
        self.fact_combo.setObjectName("fact")
        describe(
            self.fact_combo,
            self.tr("A fact of the incident the inject states (casualties, pressure …)"),
            self.tr("Fact"),
        )
        for fact in FACTS:
            label = f"{fact.label_zh}（{fact.unit}）" if fact.unit else fact.label_zh
            self.fact_combo.addItem(label, fact.key)
        self.fact_editors = QStackedWidget(self)
        self._editor_for: dict[str, QWidget] = {}
        for fact in FACTS:
            editor = _value_editor(fact, self)
            describe(editor, self.tr("The value of the fact"), self.tr("Value"))
            self._editor_for[fact.key] = editor
            self.fact_editors.addWidget(editor)
        self.fact_combo.currentIndexChanged.connect(self._fact_chosen)
        self.add_fact_button = QPushButton(self.tr("Add fact"), self)
        self.add_fact_button.setObjectName("add_fact")
        describe(self.add_fact_button, self.tr("Add the fact and its value to the inject"))
        self.add_fact_button.setAutoDefault(False)
        self.add_fact_button.clicked.connect(self._add_fact)
        self.facts_list = QListWidget(self)
        self.facts_list.setObjectName("facts")
        describe(self.facts_list, self.tr("The facts the inject states"), self.tr("Facts"))
        self.facts_list.setFixedHeight(3 * (self.fontMetrics().height() + 6) + 6)
        self.remove_fact_button = QPushButton(self.tr("Remove fact"), self)
        describe(self.remove_fact_button, self.tr("Remove the selected fact from the inject"))
        self.remove_fact_button.setAutoDefault(False)
        self.remove_fact_button.clicked.connect(self._remove_fact)

        self.title_error = _error_label(self)
        self.text_error = _error_label(self)
        self.recipients_error = _error_label(self)
        self.form_error = _error_label(self)
        self.form_error.setObjectName("form_error")

        fact_row = QHBoxLayout()
        fact_row.addWidget(self.fact_combo, 1)
        fact_row.addWidget(self.fact_editors)
        fact_row.addWidget(self.add_fact_button)
        facts_box = QVBoxLayout()
        facts_box.addLayout(fact_row)
        listed = QHBoxLayout()
        listed.addWidget(self.facts_list, 1)
        listed.addWidget(self.remove_fact_button, 0, Qt.AlignmentFlag.AlignTop)
        facts_box.addLayout(listed)
        facts_hint = QLabel(
            self.tr(
                "Facts change the incident (casualties, losses …) from the moment of release; "
                "the recipients are then held to know them."
            ),
            self,
        )
        facts_hint.setWordWrap(True)
        facts_hint.setStyleSheet("color: #555;")
        facts_box.addWidget(facts_hint)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Title:"), _with_error(self.title_edit, self.title_error))
        form.addRow(self.tr("Text:"), _with_error(self.text_edit, self.text_error))
        form.addRow(self.tr("Source:"), self.source_combo)
        form.addRow(
            self.tr("To:"),
            _with_error(self.recipients, self.recipients_error, self.informs, self.city_arrives),
        )
        form.addRow(self.tr("Facts (optional):"), facts_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Release"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe(
            self.buttons.button(QDialogButtonBox.StandardButton.Ok),
            self.tr("Release the inject to its recipients now"),
        )
        describe(
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
            self.tr("Close without releasing anything"),
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    # --- facts ----------------------------------------------------------------------------

    def _fact_chosen(self, index: int) -> None:
        self.fact_editors.setCurrentIndex(index)

    def fact_value(self, key: str) -> FactValue:
        """The value typed in the editor of *key*, of the fact's type."""
        editor = self._editor_for[key]
        fact = FACTS_BY_KEY[key]
        if isinstance(editor, QComboBox):
            return bool(editor.currentData())
        if isinstance(editor, QSpinBox):
            return editor.value()
        assert isinstance(editor, QDoubleSpinBox)
        value = editor.value()
        return int(value) if fact.kind == "amount" and value.is_integer() else value

    def set_fact_editor(self, key: str, value: FactValue) -> None:
        """Choose *key* and type *value* into its editor (as the user would)."""
        self.fact_combo.setCurrentIndex(self.fact_combo.findData(key))
        editor = self._editor_for[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(bool(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))

    def _add_fact(self) -> None:
        key = str(self.fact_combo.currentData())
        self.facts[key] = self.fact_value(key)
        self._show_facts()

    def _remove_fact(self) -> None:
        item = self.facts_list.currentItem()
        if item is not None:
            self.facts.pop(str(item.data(Qt.ItemDataRole.UserRole)), None)
            self._show_facts()

    def _show_facts(self) -> None:
        self.facts_list.clear()
        for key, value in self.facts.items():
            fact = FACTS_BY_KEY[key]
            if fact.is_flag:
                shown = self.tr("yes") if value else self.tr("no")
            else:
                shown = (
                    f"{value:g}{fact.unit}" if isinstance(value, float) else f"{value}{fact.unit}"
                )
            item = QListWidgetItem(f"{fact.label_zh}：{shown}", self.facts_list)
            item.setData(Qt.ItemDataRole.UserRole, key)

    # --- the payload ------------------------------------------------------------------------

    def checked_recipients(self) -> list[str]:
        units = []
        for row in range(self.recipients.count()):
            item = self.recipients.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                units.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return units

    def set_recipients(self, units: list[str]) -> None:
        for row in range(self.recipients.count()):
            item = self.recipients.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in units
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def payload(self) -> dict[str, Any]:
        return {
            "inject": None,
            "title": self.title_edit.text().strip(),
            "text": self.text_edit.toPlainText().strip(),
            "source": self.source_combo.currentData(),
            "to": self.checked_recipients(),
            "informs_incident": self.informs.isChecked(),
            "facts": dict(self.facts),
            "city_hq_arrives": self.city_arrives.isChecked(),
        }

    def validate(self) -> bool:
        """Say on the form what is wrong; True when the inject would be recorded."""
        payload = self.payload()
        missing = {
            self.title_error: self.tr("Give the inject a title.") if not payload["title"] else "",
            self.text_error: self.tr("Write what the recipients are told.")
            if not payload["text"]
            else "",
            self.recipients_error: self.tr("Choose at least one recipient.")
            if not payload["to"]
            else "",
        }
        for label, message in missing.items():
            label.setText(message)
            label.setVisible(bool(message))
        self.form_error.hide()
        if any(missing.values()):
            return False
        try:
            self.session.check("inject_delivered", payload, actor="controller")
        except EventError as error:
            words = PlanWords(self.session.plan, scenario=self.session.scenario)
            self.form_error.setText(
                self.tr("This inject cannot be released: {reason}").format(
                    reason=refusal_text(error.refusal, words)
                )
            )
            self.form_error.show()
            return False
        return True

    def accept(self) -> None:
        if self.validate():
            super().accept()

    @classmethod
    def ask(cls, session: ExerciseSession, parent: QWidget | None = None) -> dict[str, Any] | None:
        """The payload of a new ad-hoc inject, or None if cancelled (the modal seam)."""
        dialog = cls(session, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.payload()
            return None
        finally:
            dialog.deleteLater()


def _value_editor(fact: FactDef, parent: QWidget) -> QWidget:
    if fact.is_flag:
        combo = QComboBox(parent)
        combo.addItem(QCoreApplication.translate("AdhocInjectDialog", "yes"), True)
        combo.addItem(QCoreApplication.translate("AdhocInjectDialog", "no"), False)
        return combo
    spin: QSpinBox | QDoubleSpinBox
    if fact.kind == "count":
        spin = QSpinBox(parent)
        spin.setRange(0, 100_000_000)
        spin.setGroupSeparatorShown(True)
    else:
        decimal = QDoubleSpinBox(parent)
        decimal.setDecimals({"amount": 0, "percent": 1, "pressure": 3}.get(fact.kind, 2))
        decimal.setRange(0, 1e12 if fact.kind == "amount" else 1000)
        decimal.setGroupSeparatorShown(fact.kind == "amount")
        spin = decimal
    if fact.unit:
        spin.setSuffix(f" {fact.unit}")
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("100,000,000,000 元") + 24)
    return spin


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _with_error(field: QWidget, error: QLabel, *more: QWidget) -> QWidget:
    box = QWidget(field.parentWidget())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    for widget in more:
        layout.addWidget(widget)
    layout.addWidget(error)
    return box
