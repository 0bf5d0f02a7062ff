"""Reviews (AQ/T 9009) and findings: recorded through the archive with the core's payloads,
listed once on disk, and printed in the after-action report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from drilling import (
    Drill,
    all_cells,
    click,
    flat,
    recorded_by,
    select_line,
    shown,
    text_of,
    type_text,
)
from exercising import wait_idle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from drill_app.ui.evaluation.findings_panel import FindingsPanel
from drill_app.ui.score.documents import DocumentsPanel
from drill_app.ui.score.score_view import ScoreView


@pytest.fixture
def panel(qtbot: QtBot, view: ScoreView) -> FindingsPanel:
    view.tabs.setCurrentWidget(view.findings_panel)
    return view.findings_panel


def choose(qtbot: QtBot, button: QRadioButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_the_panel_is_a_tab_of_the_score_view(view: ScoreView, panel: FindingsPanel) -> None:
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "评分明细",
        "评估意见",
        "点评与问题",
        "整改计划",
    ]
    assert [panel.stage_combo.itemText(i) for i in range(panel.stage_combo.count())] == [
        "现场点评（导调人员）",
        "参演人员自评",
        "评估组评估",
    ]
    assert [panel.grade_combo.itemText(i) for i in range(panel.grade_combo.count())] == [
        "（请选择等级）",
        "不足项",
        "整改项",
        "改进项",
    ]
    # Every scored line can be the subject of a finding, named as the sheet names it.
    assert panel.line_combo.count() == 1 + view.lines_tab.lines.rowCount()
    assert panel.line_combo.itemText(3) == (
        "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告） — 迟报10分钟"
    )


def test_reviews_are_checked_then_recorded_with_the_cores_payload(
    qtbot: QtBot, drill: Drill, panel: FindingsPanel, qtmodeltester: Any
) -> None:
    # Nothing written: the field says so, nothing is sent.
    click(qtbot, panel.review_button)
    assert shown(panel.review_messages["text"]) == "请填写点评内容"
    assert panel.review_feedback.text() == "未记录：请按提示修改"
    # A self-assessment is a unit's.
    panel.stage_combo.setCurrentIndex(panel.stage_combo.findData("self_assessment"))
    assert panel.stage_hint.text() == "各参演单位对本单位的表现进行自我评估：请选择单位。"
    type_text(qtbot, panel.review_text, "接报后核实时间过长")
    click(qtbot, panel.review_button)
    assert shown(panel.review_messages["unit"]) == "参演人员自评须选择自评的单位"
    wait_idle(qtbot, drill.session)
    assert [e for e in drill.stored() if e.kind == "review_recorded"] == []

    # The unit's participant is offered as the speaker.
    panel.review_unit.setCurrentIndex(panel.review_unit.findData("housing"))
    assert panel.review_by.text() == "张强"
    event = recorded_by(qtbot, drill, lambda: click(qtbot, panel.review_button))
    assert (event.kind, event.actor, event.unit) == ("review_recorded", "evaluator", None)
    assert dict(event.payload) == {
        "stage": "self_assessment",
        "text": "接报后核实时间过长",
        "about_unit": "housing",
        "by": "张强",
    }
    assert panel.review_feedback.text() == "已记录 00:50:00"
    assert panel.review_text.toPlainText() == ""

    panel.stage_combo.setCurrentIndex(panel.stage_combo.findData("onsite_review"))
    panel.review_unit.setCurrentIndex(0)
    panel.review_by.clear()
    type_text(qtbot, panel.review_by, "王主任")
    type_text(qtbot, panel.review_text, "各单位响应迅速，信息报告时效有待加强")
    onsite = recorded_by(qtbot, drill, lambda: click(qtbot, panel.review_button))
    assert dict(onsite.payload) == {
        "stage": "onsite_review",
        "text": "各单位响应迅速，信息报告时效有待加强",
        "about_unit": None,
        "by": "王主任",
    }
    assert all_cells(panel.reviews) == [
        ("00:50:00", "参演人员自评", "区住房和城乡建设局", "张强", "接报后核实时间过长"),
        ("00:50:00", "现场点评（导调人员）", "", "王主任", "各单位响应迅速，信息报告时效有待加强"),
    ]
    qtmodeltester.check(panel.reviews)


def test_a_problem_about_a_scored_line_carries_its_evidence(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    line = drill.session.score().lines[
        [x.id for x in drill.session.score().lines].index("phone_report:housing")
    ]
    select_line(qtbot, view, "phone_report:housing")
    click(qtbot, view.lines_tab.finding_button)
    panel = view.findings_panel
    assert view.tabs.currentWidget() is panel
    # Offered from the line: §, unit, grade (late → 改进项), the text, its evidence.
    assert panel.kind_buttons.checkedButton().objectName() == "finding_area_for_improvement"
    assert panel.ref_edit.text() == "§4.1.2"
    assert panel.finding_unit.currentData() == "housing"
    assert panel.grade_combo.currentText() == "改进项"
    assert panel.finding_text.toPlainText() == (
        "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟"
    )
    assert panel.evidence_label.text() == "依据事件：该评分项目的 1 个事件"

    # A wrong § and no grade: both fields say so; nothing is sent.
    panel.ref_edit.setText("4.1.x")
    panel.grade_combo.setCurrentIndex(0)
    click(qtbot, panel.finding_button)
    assert shown(panel.finding_messages["plan_ref"]) == "请填写预案条款，如 §4.1.2"
    assert shown(panel.finding_messages["grade"]) == "请选择问题等级"
    wait_idle(qtbot, drill.session)
    assert [e for e in drill.stored() if e.kind == "finding_recorded"] == []

    panel.ref_edit.setText("4.1.2")  # the § sign is added
    panel.grade_combo.setCurrentIndex(panel.grade_combo.findData("improvement"))
    type_text(qtbot, panel.cause_text, "值班人员未掌握20分钟电话报告时限")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, panel.finding_button))
    assert (event.kind, event.actor, event.unit) == ("finding_recorded", "evaluator", None)
    assert dict(event.payload) == {
        "finding": "area_for_improvement",
        "text": "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟",
        "plan_ref": "§4.1.2",
        "cause": "值班人员未掌握20分钟电话报告时限",
        "grade": "improvement",
        "evidence": list(line.evidence),
        "about_unit": "housing",
    }
    assert line.evidence and set(line.evidence) <= {e.id for e in drill.stored()}
    assert panel.finding_feedback.text() == "已记录 00:50:00"
    assert panel.finding_text.toPlainText() == "" and panel.cause_text.toPlainText() == ""

    # A strength about the on-time written report: no cause, no grade.
    choose(qtbot, panel.kind_buttons.button(0))
    assert not panel.grade_combo.isVisible() and not panel.cause_text.isVisible()
    assert panel.finding_button.text() == "记录亮点"
    panel.line_combo.setCurrentIndex(panel.line_combo.findData("written_report:housing"))
    type_text(qtbot, panel.finding_text, "书面报告按时报送，要素齐全")
    strength = recorded_by(qtbot, drill, lambda: click(qtbot, panel.finding_button))
    written = next(x for x in drill.session.score().lines if x.id == "written_report:housing")
    assert dict(strength.payload) == {
        "finding": "strength",
        "text": "书面报告按时报送，要素齐全",
        "plan_ref": "§4.1.2",
        "cause": "",
        "grade": None,
        "evidence": list(written.evidence),
        "about_unit": "housing",
    }
    assert all_cells(panel.findings) == [
        (
            "00:50:00",
            "问题",
            "改进项",
            "§4.1.2",
            "区住房和城乡建设局",
            "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟",
            "值班人员未掌握20分钟电话报告时限",
        ),
        ("00:50:00", "亮点", "", "§4.1.2", "区住房和城乡建设局", "书面报告按时报送，要素齐全", ""),
    ]
    qtmodeltester.check(panel.findings)
    # What the store holds is what the panel lists.
    stored = [e for e in drill.stored() if e.kind == "finding_recorded"]
    assert [dict(e.payload) for e in stored] == [dict(event.payload), dict(strength.payload)]


def test_the_after_action_report_prints_the_findings_and_reviews(
    qtbot: QtBot,
    drill: Drill,
    view: ScoreView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = view.findings_panel
    view.tabs.setCurrentWidget(panel)
    reviews = [
        ("onsite_review", None, "王主任", "各单位响应迅速，信息报告时效有待加强"),
        ("self_assessment", "emergency", "李明", "未及时向区政府电话报告"),
        ("team_assessment", None, "评估组", "预案第4.1.2条时限执行不到位"),
    ]
    for stage, unit, by, text in reviews:
        panel.stage_combo.setCurrentIndex(panel.stage_combo.findData(stage))
        panel.review_unit.setCurrentIndex(panel.review_unit.findData(unit))
        panel.review_by.setText(by)
        type_text(qtbot, panel.review_text, text)
        recorded_by(qtbot, drill, lambda: click(qtbot, panel.review_button))
    panel.line_combo.setCurrentIndex(panel.line_combo.findData("level:IV"))
    panel.grade_combo.setCurrentIndex(panel.grade_combo.findData("rectification"))
    type_text(qtbot, panel.finding_text, "事件级别判定错误")
    type_text(qtbot, panel.cause_text, "未对照分级标准核实伤亡人数")
    recorded_by(qtbot, drill, lambda: click(qtbot, panel.finding_button))
    choose(qtbot, panel.kind_buttons.button(0))
    panel.line_combo.setCurrentIndex(0)
    panel.ref_edit.clear()
    panel.finding_unit.setCurrentIndex(0)
    type_text(qtbot, panel.finding_text, "医疗救护组启动后各组协同顺畅")
    recorded_by(qtbot, drill, lambda: click(qtbot, panel.finding_button))

    out = tmp_path / "aar.pdf"
    monkeypatch.setattr(DocumentsPanel, "ask_pdf_path", classmethod(lambda cls, p, s: out))
    with qtbot.waitSignal(view.documents.job_finished, timeout=30_000):
        click(qtbot, view.documents.buttons[("aar", "pdf")])
    compact = flat(text_of(out))
    strengths = compact[
        compact.index("五、主要做法与亮点") : compact.index("六、存在问题及原因分析")
    ]
    problems = compact[
        compact.index("六、存在问题及原因分析") : compact.index("七、点评与经验教训")
    ]
    lessons = compact[compact.index("七、点评与经验教训") : compact.index("八、")]
    assert "医疗救护组启动后各组协同顺畅" in strengths
    assert "事件级别判定错误§1.6.2.4整改项未对照分级标准核实伤亡人数" in problems
    assert re.search(
        r"现场点评（导调人员）\d?\.?各单位响应迅速，信息报告时效有待加强（王主任）", lessons
    )
    assert "区应急管理局：未及时向区政府电话报告（李明）" in lessons
    assert "评估组评估" in lessons and "预案第4.1.2条时限执行不到位（评估组）" in lessons
    # The unit's own sheet: the finding about the housing bureau is its evaluators' comment.
    out_unit = tmp_path / "housing.pdf"
    monkeypatch.setattr(DocumentsPanel, "ask_pdf_path", classmethod(lambda cls, p, s: out_unit))
    view.documents.set_unit("housing")
    with qtbot.waitSignal(view.documents.job_finished, timeout=30_000):
        click(qtbot, view.documents.buttons[("sheet", "pdf")])
    assert "事件级别判定错误（§1.6.2.4）" in flat(text_of(out_unit))


def test_panel_works_alone(qtbot: QtBot, drill: Drill, qtmodeltester: Any) -> None:
    """Before any score view: the panel lists nothing and says which item gives evidence."""
    widget = FindingsPanel(drill.session)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.reviews.rowCount() == 0 and widget.findings.rowCount() == 0
    assert widget.evidence_label.text() == "选择所针对的评分项目，即附上该项目的依据事件"
    assert isinstance(widget.findChild(QWidget, "record_finding"), QWidget)
    qtmodeltester.check(widget.reviews)
    qtmodeltester.check(widget.findings)
