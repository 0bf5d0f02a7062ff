"""In the review stage, after the end, the controller voids a mistaken entry from the
score view's evidence list (docs/scoring.md, "Voids"): the line is scored again without
it, the entry and the void stay in the log, and the log marks the void as a correction."""

from __future__ import annotations

from drilling import Drill, click, recorded_by
from pytestqt.qtbot import QtBot

from drill_app.ui.exercise.event_feed import EventFeedModel
from drill_app.ui.score.score_view import ScoreView
from drill_app.wording import PlanWords

PHONE = "phone_report:housing"


def status_shown(view: ScoreView, line_id: str) -> str:
    model = view.lines_tab.lines
    return str(model.index(model.row_of(line_id), 6).data())


def test_a_mistaken_entry_is_voided_from_the_evidence_after_the_end(
    qtbot: QtBot, drill: Drill, view: ScoreView
) -> None:
    tab = view.lines_tab
    assert status_shown(view, PHONE) == "迟报10分钟"
    tab.select_line(PHONE)
    controls = tab.void_controls
    assert not controls.button.isEnabled()
    assert controls.button.toolTip().endswith("请先在依据列表中选择一条单位记录。")
    tab.evidence_view.selectRow(0)
    report = controls.selected_entry()
    assert report is not None
    assert (report.kind, report.unit) == ("report_submitted", "housing")
    click(qtbot, controls.button)
    dialog = controls.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled() and dialog.ok.toolTip().endswith("请先填写原因。")
    dialog.reason.setText("应急局的报告误记为住建局")
    void = recorded_by(qtbot, drill, lambda: click(qtbot, dialog.ok))

    assert void.kind == "entry_voided" and void.actor == "controller"
    assert void.payload == {"event": report.id, "reason": "应急局的报告误记为住建局"}
    stored = [e.id for e in drill.stored()]
    assert report.id in stored  # nothing is deleted
    assert stored.index(void.id) > stored.index(
        next(e.id for e in drill.stored() if e.kind == "exercise_ended")
    )
    qtbot.waitUntil(lambda: status_shown(view, PHONE) == "未完成")
    assert controls.feedback.text() == "记录已作废"
    feed = EventFeedModel(PlanWords(drill.session.plan))
    feed.append_events(drill.session.events)
    last = feed.row(feed.rowCount() - 1)
    assert last.summary.startswith("［演练结束后，点评中更正］")
