"""Evaluator notes and ratings: recorded as events through the archive, listed as they arrive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from drilling import Drill, click, control, recorded_by, shown, start, type_text
from exercising import wait_idle
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from drill_app.ui.evaluation.evaluator_panel import EvaluatorPanel, latest_ratings


@pytest.fixture
def evaluator(qtbot: QtBot, drill: Drill) -> Iterator[EvaluatorPanel]:
    widget = EvaluatorPanel(drill.session)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def cells(panel: EvaluatorPanel) -> list[tuple[str, ...]]:
    model = panel.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_a_note_about_a_unit(qtbot: QtBot, drill: Drill, evaluator: EvaluatorPanel) -> None:
    start(qtbot, drill, minute=7)
    type_text(qtbot, evaluator.note_text, "区住建局接报后未及时核实")
    evaluator.note_unit.setCurrentIndex(evaluator.note_unit.findData("housing"))
    event = recorded_by(qtbot, drill, lambda: click(qtbot, evaluator.note_button))
    assert (event.kind, event.actor, event.unit, dict(event.payload)) == (
        "evaluator_note",
        "evaluator",
        None,
        {"text": "区住建局接报后未及时核实", "about_unit": "housing"},
    )
    assert evaluator.note_feedback.text() == "已记录 00:07:00"
    assert evaluator.note_text.toPlainText() == ""
    assert cells(evaluator) == [
        ("00:07:00", "观察记录", "", "区住房和城乡建设局", "", "区住建局接报后未及时核实")
    ]


def test_an_empty_note_is_not_recorded(
    qtbot: QtBot, drill: Drill, evaluator: EvaluatorPanel
) -> None:
    click(qtbot, evaluator.note_button)
    assert shown(evaluator.note_message) == "请先填写观察到的情况"
    wait_idle(qtbot, drill.session)
    assert drill.stored() == []
    # Notes need no running exercise: one before the start is recorded.
    type_text(qtbot, evaluator.note_text, "推演前检查：参演人员到位")
    assert shown(evaluator.note_message) == ""
    event = recorded_by(qtbot, drill, lambda: click(qtbot, evaluator.note_button))
    assert dict(event.payload) == {"text": "推演前检查：参演人员到位", "about_unit": None}


def test_a_rating_needs_a_choice_and_is_listed(
    qtbot: QtBot, drill: Drill, evaluator: EvaluatorPanel, qtmodeltester: Any
) -> None:
    start(qtbot, drill, minute=30)
    click(qtbot, evaluator.rating_button)
    assert shown(evaluator.rating_message) == "请选择评级：P、S、M 或 U"
    wait_idle(qtbot, drill.session)
    assert [e.kind for e in drill.stored()] == ["exercise_started"]

    evaluator.set_target("reporting", "emergency")
    assert evaluator.objective_combo.currentText().startswith(
        "检验区应急管理局、区住建局接报后20分钟"
    )
    s_button = evaluator.rating_buttons.button(1)
    assert s_button.text() == "S：基本完成（存在一些问题）"
    qtbot.mouseClick(s_button, Qt.MouseButton.LeftButton, pos=QPoint(8, s_button.height() // 2))
    assert shown(evaluator.rating_message) == ""
    type_text(qtbot, evaluator.comment, "电话报告迟报10分钟")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, evaluator.rating_button))
    assert (event.kind, event.actor, dict(event.payload)) == (
        "evaluator_rating",
        "evaluator",
        {
            "rating": "S",
            "objective": "reporting",
            "about_unit": "emergency",
            "comment": "电话报告迟报10分钟",
        },
    )
    assert evaluator.rating_buttons.checkedId() == -1 and evaluator.comment.text() == ""
    objective = drill.session.scenario.objectives[0].text
    assert cells(evaluator) == [
        ("00:30:00", "评级", objective, "区应急管理局", "S", "电话报告迟报10分钟")
    ]
    assert (
        evaluator.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
        == "S：基本完成（存在一些问题）"
    )
    qtmodeltester.check(evaluator.model)


def test_ratings_are_allowed_after_the_end_and_the_latest_counts(
    qtbot: QtBot, drill: Drill, evaluator: EvaluatorPanel
) -> None:
    start(qtbot, drill, minute=5)
    control(qtbot, drill, "exercise_ended")
    for rating in ("M", "P"):
        evaluator.set_target(None, "fire")
        evaluator.rating_buttons.button("PSMU".index(rating)).setChecked(True)
        recorded_by(qtbot, drill, lambda: click(qtbot, evaluator.rating_button))
    latest = latest_ratings(drill.session.events)
    assert list(latest) == [(None, "fire")]
    assert latest[(None, "fire")].payload["rating"] == "P"
    assert [row[1] for row in cells(evaluator)] == ["评级", "评级"]
    assert [row[2] for row in cells(evaluator)] == ["演练总体", "演练总体"]
