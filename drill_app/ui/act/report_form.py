"""The report form: kind, recipients, the §4.1.3 content and the typed figures of a report.

``ReportForm.payload()`` is exactly the ``report_submitted`` payload of the core
(``drill_app.core.events.ReportSubmitted``).  The form never refuses an incomplete
report (completeness is what the scoring checks); it shows, with the engine's own
function, how many §4.1.3 items are filled.  Figures are typed: counts in integer spin
boxes, amounts in 元; a field that was left "not filled" is not sent.

Plan names come from ``drill_app.wording.PlanWords``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan import LEVEL_ORDER, Obligation, Plan
from drill_app.core.scoring import report_missing_fields
from drill_app.ui.shared.describe import describe
from drill_app.wording.events import report_kind_name
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, OK_COLOUR
from drill_app.wording.plan_words import PlanWords

# The report kinds a unit files in a drill, in the order of §4.1.2 / §5.2.1.
REPORT_KINDS = ("phone", "written", "followup", "final", "sensitive", "result")
# Kinds for which the plan asks for every §4.1.3 item (the written report is scored on it).
FULL_CONTENT_KINDS = frozenset({"written", "final"})
SCORED_CONTENT_KINDS = frozenset({"written"})
# The figures a report can state (facts vocabulary), in the order of the form.
REPORT_FIGURES = (
    "deaths",
    "serious_injuries",
    "minor_injuries",
    "direct_loss_yuan",
    "households_without_gas_24h",
    "evacuated_people",
    "households_affected",
)
# Text items shown on several lines.
LONG_TEXT_FIELDS = frozenset({"course", "measures_taken"})
MAX_COUNT = 1_000_000
MAX_AMOUNT = 1e12


# --- inputs -------------------------------------------------------------------------------


def _bare(spin: FigureSpinBox | AmountSpinBox, text: str) -> str:
    """The text without the spin box's prefix and suffix (" 人", " 元")."""
    for affix in (spin.suffix(), spin.suffix().strip()):
        if affix and text.endswith(affix):
            text = text[: -len(affix)]
            break
    for affix in (spin.prefix(), spin.prefix().strip()):
        if affix and text.startswith(affix):
            text = text[len(affix) :]
            break
    return text.strip()


def _show_not_filled(spin: FigureSpinBox | AmountSpinBox) -> None:
    """An emptied field reads "not filled" again once the user leaves it."""
    if spin.figure() is None and spin.text() != spin.specialValueText():
        spin.lineEdit().setText(spin.specialValueText())


def _without_placeholder(spin: QAbstractSpinBox, text: str, pos: int) -> tuple[str, int]:
    """Typing into "not filled" replaces it: "未填3" is read as "3"."""
    special = spin.specialValueText()
    if special and text != special and special in text:
        return text.replace(special, "", 1), max(0, pos - len(special))
    return text, pos


def _lenient_result(
    spin: FigureSpinBox | AmountSpinBox, result: object, text: str, pos: int
) -> tuple[QValidator.State, str, int]:
    """A refused keystroke is announced, not swallowed silently."""
    if isinstance(result, tuple):
        state, text, pos = result
    else:
        state = QValidator.State(result)
    if state == QValidator.State.Invalid:
        spin.input_refused.emit(text)
    return state, text, pos


class FigureSpinBox(QSpinBox):
    """A count: a whole number from 0, or "not filled" (the minimum, -1); empty = not filled.

    Keystrokes that would make the value invalid are refused, and ``input_refused`` says so,
    so the form can tell the user what is wrong instead of ignoring the key.
    """

    input_refused = Signal(str)  # the text that was refused

    NOT_FILLED = -1

    def __init__(self, maximum: int = MAX_COUNT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NOT_FILLED, maximum)
        self.setSpecialValueText(self.tr("not filled"))
        self.setValue(self.NOT_FILLED)
        self.setAccelerated(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.editingFinished.connect(lambda: _show_not_filled(self))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        text, pos = _without_placeholder(self, text, pos)
        if _bare(self, text) == "":
            return QValidator.State.Acceptable, text, pos
        return _lenient_result(self, super().validate(text, pos), text, pos)

    def valueFromText(self, text: str) -> int:
        if _bare(self, text) in ("", self.specialValueText()):
            return self.NOT_FILLED
        return int(super().valueFromText(text))

    def figure(self) -> int | None:
        value = self.value()
        return None if value == self.NOT_FILLED else value

    def set_figure(self, value: int | None) -> None:
        self.setValue(self.NOT_FILLED if value is None else value)


class AmountSpinBox(QDoubleSpinBox):
    """An amount in 元 (whole yuan), or "not filled"; see FigureSpinBox."""

    input_refused = Signal(str)

    NOT_FILLED = -1.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(0)
        self.setRange(self.NOT_FILLED, MAX_AMOUNT)
        self.setGroupSeparatorShown(True)
        self.setSpecialValueText(self.tr("not filled"))
        self.setValue(self.NOT_FILLED)
        self.setAccelerated(True)
        self.editingFinished.connect(lambda: _show_not_filled(self))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        text, pos = _without_placeholder(self, text, pos)
        if _bare(self, text) == "":
            return QValidator.State.Acceptable, text, pos
        return _lenient_result(self, super().validate(text, pos), text, pos)

    def valueFromText(self, text: str) -> float:
        if _bare(self, text) in ("", self.specialValueText()):
            return self.NOT_FILLED
        return float(super().valueFromText(text))

    def figure(self) -> int | None:
        value = self.value()
        return None if value < 0 else round(value)

    def set_figure(self, value: float | None) -> None:
        self.setValue(self.NOT_FILLED if value is None else value)


# --- the form -------------------------------------------------------------------------------


class ReportForm(QWidget):
    """Everything a report says; ``payload()`` is the core's report_submitted payload."""

    changed = Signal()

    def __init__(self, plan: Plan, words: PlanWords | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.words = words or PlanWords(plan)
        self._building = True

        # Kind and what the plan asks for it.
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("report_kind")
        describe(
            self.kind_combo,
            self.tr("Phone report (§4.1.2) or written report (§4.1.3), and which one"),
            self.tr("Kind of report"),
        )
        for kind in REPORT_KINDS:
            self.kind_combo.addItem(report_kind_name(kind), kind)
        self.kind_hint = QLabel(self)
        self.kind_hint.setObjectName("report_kind_hint")
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setStyleSheet(f"color: {HINT_COLOUR}")

        # Recipients.
        self.recipient_boxes: dict[str, QCheckBox] = {}
        recipients_box = QGroupBox(self.tr("Report to"), self)
        recipients_layout = QGridLayout(recipients_box)
        for number, party_id in enumerate(self._recipient_choices()):
            box = QCheckBox(self.words.party(party_id), recipients_box)
            box.setObjectName(f"recipient_{party_id}")
            box.setAccessibleName(self.words.party(party_id))
            box.setToolTip(
                self.tr("Send this report to {party} too").format(party=self.words.party(party_id))
            )
            box.toggled.connect(self._on_changed)
            self.recipient_boxes[party_id] = box
            recipients_layout.addWidget(box, number // 2, number % 2)
        self.recipient_hint = QLabel(recipients_box)
        self.recipient_hint.setObjectName("recipient_hint")
        self.recipient_hint.setWordWrap(True)
        self.recipient_hint.setStyleSheet(f"color: {HINT_COLOUR}")
        recipients_layout.addWidget(self.recipient_hint, 99, 0, 1, 2)

        # The §4.1.3 content.
        content_ref = plan.reporting.content_ref
        self.content_box = QGroupBox(self.tr("Report content ({ref})").format(ref=content_ref))
        self.content_box.setParent(self)
        self.completeness_label = QLabel(self.content_box)
        self.completeness_label.setObjectName("completeness")
        self.text_inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.markers: dict[str, QLabel] = {}
        self.level_combo = QComboBox(self.content_box)
        self.level_combo.setObjectName("field_initial_level")
        self.level_combo.addItem(self.tr("(not stated)"), None)
        self.level_combo.addItem(self.tr("Below every level criterion"), "none")
        for level_id in reversed(LEVEL_ORDER):
            self.level_combo.addItem(self.words.level(level_id), level_id)
        self.level_combo.currentIndexChanged.connect(self._on_changed)

        content_form = QFormLayout()
        content_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for number, item in enumerate(plan.reporting.content, start=1):
            label_text = item.label_en if self.words.english else item.label
            label = QLabel(f"{number}. {label_text}", self.content_box)
            label.setWordWrap(True)
            label.setMinimumWidth(120)
            editor: QWidget
            if item.id == "initial_level":
                editor = self.level_combo
            elif item.id in LONG_TEXT_FIELDS:
                text_edit = QPlainTextEdit(self.content_box)
                text_edit.setTabChangesFocus(True)
                text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * 3 + 12)
                text_edit.textChanged.connect(self._on_changed)
                self.text_inputs[item.id] = text_edit
                editor = text_edit
            else:
                line_edit = QLineEdit(self.content_box)
                line_edit.textChanged.connect(self._on_changed)
                self.text_inputs[item.id] = line_edit
                editor = line_edit
            editor.setObjectName(f"field_{item.id}")
            describe(
                editor,
                self.tr("Item {number} of a written report (§4.1.3): {item}").format(
                    number=number, item=label_text
                ),
                label_text,
            )
            label.setBuddy(editor)
            marker = QLabel(self.content_box)
            marker.setObjectName(f"marker_{item.id}")
            marker.setMinimumWidth(marker.fontMetrics().horizontalAdvance("必填 ✓") + 8)
            self.markers[item.id] = marker
            row = QHBoxLayout()
            row.addWidget(editor, 1)
            row.addWidget(marker)
            content_form.addRow(label, row)
        content_layout = QVBoxLayout(self.content_box)
        content_layout.addWidget(self.completeness_label)
        content_layout.addLayout(content_form)

        # Figures.
        figures_box = QGroupBox(self.tr("Figures (only the figures you fill in are reported)"))
        figures_box.setParent(self)
        figures_layout = QGridLayout(figures_box)
        self.figure_inputs: dict[str, FigureSpinBox | AmountSpinBox] = {}
        self.figure_messages: dict[str, QLabel] = {}
        for number, key in enumerate(REPORT_FIGURES):
            spin: FigureSpinBox | AmountSpinBox
            if FACTS_BY_KEY[key].kind == "amount":
                spin = AmountSpinBox(figures_box)
            else:
                spin = FigureSpinBox(parent=figures_box)
            spin.setObjectName(f"figure_{key}")
            describe(
                spin,
                self.tr("{figure}: left empty, it is not reported").format(
                    figure=self.words.fact(key)
                ),
                self.words.fact(key),
            )
            unit = self.words.fact_unit(key)
            if unit:
                spin.setSuffix(f" {unit}")
            widest = "1,000,000,000 元" if isinstance(spin, AmountSpinBox) else "1,000,000 人"
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance(widest) + 30)
            spin.valueChanged.connect(self._on_changed)
            spin.valueChanged.connect(lambda _value, k=key: self._clear_figure_message(k))
            spin.input_refused.connect(lambda text, k=key: self._figure_refused(k, text))
            label = QLabel(self.words.fact(key), figures_box)
            label.setWordWrap(True)
            label.setBuddy(spin)
            message = QLabel(figures_box)
            message.setObjectName(f"figure_message_{key}")
            message.setStyleSheet(f"color: {ERROR_COLOUR}")
            message.setWordWrap(True)
            message.hide()
            self.figure_inputs[key] = spin
            self.figure_messages[key] = message
            line, column = divmod(number, 2)
            figures_layout.addWidget(label, line * 2, column * 2)
            figures_layout.addWidget(spin, line * 2, column * 2 + 1)
            figures_layout.addWidget(message, line * 2 + 1, column * 2, 1, 2)
        figures_layout.setColumnStretch(0, 1)
        figures_layout.setColumnStretch(2, 1)

        kind_row = QHBoxLayout()
        kind_label = QLabel(self.tr("Kind of report"), self)
        kind_label.setBuddy(self.kind_combo)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind_combo)
        kind_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kind_row)
        layout.addWidget(self.kind_hint)
        layout.addWidget(recipients_box)
        layout.addWidget(self.content_box)
        layout.addWidget(figures_box)
        self.kind_combo.currentIndexChanged.connect(self._on_changed)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._editors_in_order = [
            self.kind_combo,
            *self.recipient_boxes.values(),
            *(
                self.level_combo if item.id == "initial_level" else self.text_inputs[item.id]
                for item in plan.reporting.content
            ),
            *self.figure_inputs.values(),
        ]
        self._set_tab_order()
        self._building = False
        self._refresh()

    def _set_tab_order(self) -> None:
        """Tab goes down the form as it reads: kind, recipients, the §4.1.3 items 1..17
        in the plan's order, then the figures (not in the order the widgets were made:
        the level list, item 8, is made before item 1)."""
        for before, after in itertools.pairwise(self._editors_in_order):
            QWidget.setTabOrder(before, after)

    # --- reading the form -----------------------------------------------------------------

    def report_kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_report_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def payload(self) -> dict[str, Any]:
        """The report_submitted payload: only stated fields and filled figures."""
        fields: dict[str, Any] = {}
        for field_id, editor in self.text_inputs.items():
            text = (
                editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            ).strip()
            if text:
                fields[field_id] = text
        level = self.level_combo.currentData()
        if level is not None:
            fields["initial_level"] = level
        figures: dict[str, int] = {}
        for key, spin in self.figure_inputs.items():
            value = spin.figure()
            if value is not None:
                figures[key] = value
        return {
            "report_kind": self.report_kind(),
            "recipients": [p for p, box in self.recipient_boxes.items() if box.isChecked()],
            "fields": fields,
            "figures": figures,
        }

    def missing_items(self) -> list[str]:
        """The §4.1.3 items left empty, by the scoring's own rule (figures count)."""
        return report_missing_fields(self.plan, self.payload())

    def completeness(self) -> tuple[int, int]:
        total = len(self.plan.reporting.content)
        return total - len(self.missing_items()), total

    # --- writing the form -------------------------------------------------------------------

    def clear(self) -> None:
        """Empty every input (after the report was recorded); the kind stays."""
        self._building = True
        for box in self.recipient_boxes.values():
            box.setChecked(False)
        for editor in self.text_inputs.values():
            editor.clear()
        self.level_combo.setCurrentIndex(0)
        for key, spin in self.figure_inputs.items():
            spin.set_figure(None)
            self._clear_figure_message(key)
        self._building = False
        self._refresh()

    def set_recipients(self, recipients: Iterable[str]) -> None:
        """Tick exactly *recipients* (the plan's, for the chosen kind)."""
        wanted = set(recipients)
        self._building = True
        for party_id, box in self.recipient_boxes.items():
            box.setChecked(party_id in wanted)
        self._building = False
        self._refresh()

    def set_text(self, field_id: str, text: str) -> None:
        editor = self.text_inputs[field_id]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def set_initial_level(self, level: str | None) -> None:
        self.level_combo.setCurrentIndex(self.level_combo.findData(level))

    def show_field_message(self, field_id: str, message: str) -> None:
        """A message on one figure (from the engine's check of the payload)."""
        label = self.figure_messages.get(field_id)
        if label is not None:
            label.setText(message)
            label.show()

    def clear_messages(self) -> None:
        for key in self.figure_messages:
            self._clear_figure_message(key)

    # --- internals ---------------------------------------------------------------------------

    def _recipient_choices(self) -> list[str]:
        """The bodies reports go to under the plan, then the HQs themselves."""
        choices: list[str] = []
        for obligation in self.plan.reporting.obligations:
            if obligation.kind in REPORT_KINDS:
                choices.extend(obligation.recipients)
        choices.extend(("district_hq", "city_hq"))
        return [p for p in dict.fromkeys(choices) if p in self.plan.parties]

    def _obligation(self, kind: str) -> Obligation | None:
        for obligation in self.plan.reporting.obligations:
            if obligation.kind == kind:
                return obligation
        return None

    def _figure_refused(self, key: str, text: str) -> None:
        spin = self.figure_inputs[key]
        if isinstance(spin, AmountSpinBox):
            message = self.tr("{figure}: enter an amount in yuan, 0 or more (digits only)")
        else:
            message = self.tr("{figure}: enter a whole number, 0 or more (digits only)")
        self.show_field_message(key, message.format(figure=self.words.fact(key)))

    def _clear_figure_message(self, key: str) -> None:
        label = self.figure_messages[key]
        label.clear()
        label.hide()

    def _on_changed(self, *_args: object) -> None:
        if self._building:
            return
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        kind = self.report_kind()
        obligation = self._obligation(kind)
        hint_parts: list[str] = []
        if obligation is not None:
            name = obligation.name_en if self.words.english else obligation.name
            hint_parts.append(
                self.tr("{name} ({ref}): {deadline}").format(
                    name=name, ref=obligation.ref, deadline=obligation.deadline_text
                )
            )
        if kind in SCORED_CONTENT_KINDS:
            hint_parts.append(
                self.tr(
                    "Every item of {ref} is required; the evaluation checks each one. "
                    "A report with items missing can still be sent."
                ).format(ref=self.plan.reporting.content_ref)
            )
        elif kind in FULL_CONTENT_KINDS:
            hint_parts.append(
                self.tr("Every item of {ref} is required.").format(
                    ref=self.plan.reporting.content_ref
                )
            )
        else:
            hint_parts.append(
                self.tr("A short report: fill in what is known; no item is required.")
            )
        self.kind_hint.setText("\n".join(hint_parts))
        if obligation is not None:
            names = [self.words.party(p) for p in obligation.recipients]
            self.recipient_hint.setText(
                self.tr("The plan says: to {recipients} ({ref})").format(
                    recipients=self.words.listing(names), ref=obligation.ref
                )
            )
        else:
            self.recipient_hint.clear()

        missing = set(self.missing_items())
        required = kind in FULL_CONTENT_KINDS
        for item in self.plan.reporting.content:
            marker = self.markers[item.id]
            if item.label not in missing:
                marker.setText("✓")
                marker.setStyleSheet(f"color: {OK_COLOUR}")
            elif required:
                marker.setText(self.tr("required"))
                marker.setStyleSheet(f"color: {ERROR_COLOUR}")
            else:
                marker.clear()
        filled, total = self.completeness()
        text = self.tr("Filled {filled}/{total} items").format(filled=filled, total=total)
        colour = OK_COLOUR if filled == total else (ERROR_COLOUR if required else HINT_COLOUR)
        self.completeness_label.setText(f"<b style='color: {colour}'>{text}</b>")


def report_summary(words: PlanWords, payload: Mapping[str, Any]) -> str:
    """One line about a recorded report: kind, recipients, completeness, figures."""
    parts = [report_kind_name(str(payload.get("report_kind", "")))]
    recipients = [words.party(p) for p in payload.get("recipients") or []]
    if recipients:
        parts.append(
            QCoreApplication.translate("ReportForm", "to {recipients}").format(
                recipients=words.listing(recipients)
            )
        )
    missing = report_missing_fields(
        words.plan, {"fields": payload.get("fields") or {}, "figures": payload.get("figures")}
    )
    total = len(words.plan.reporting.content)
    parts.append(
        QCoreApplication.translate("ReportForm", "Filled {filled}/{total} items").format(
            filled=total - len(missing), total=total
        )
    )
    for key, value in (payload.get("figures") or {}).items():
        unit = words.fact_unit(key)
        parts.append(
            f"{words.fact(key)} {value:,}{unit}" if unit else f"{words.fact(key)} {value:,}"
        )
    return "；".join(parts) if not words.english else "; ".join(parts)
