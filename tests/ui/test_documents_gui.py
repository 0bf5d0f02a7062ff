"""The documents from the score view: PDF export, print and print preview through the
panel's seams, off the GUI thread, with the figures the score view shows."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from drilling import Drill, all_cells, click, flat, text_of
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from drill_app.ui.score.documents import DocumentsPanel, DocumentTask
from drill_app.ui.score.score_view import ScoreView

A4 = (595, 842)  # points


def page_count(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[Path]:
    """The file dialog answers *path*; returns the names it suggested."""
    suggested: list[Path] = []

    def ask(cls: type, parent: QWidget, proposal: Path) -> Path:
        suggested.append(proposal)
        return path

    monkeypatch.setattr(DocumentsPanel, "ask_pdf_path", classmethod(ask))
    return suggested


def finished(qtbot: QtBot, view: ScoreView, action: Callable[[], None]) -> str:
    """Run *action* and wait for the job's message on screen."""
    with qtbot.waitSignal(view.documents.job_finished, timeout=30_000) as done:
        action()
    message: str = done.args[0]
    assert view.documents.status.text() == message
    assert not view.documents.busy
    assert all(b.isEnabled() for b in view.documents.buttons.values())
    return message


def export(qtbot: QtBot, view: ScoreView, kind: str) -> str:
    return finished(qtbot, view, lambda: click(qtbot, view.documents.buttons[(kind, "pdf")]))


def test_the_exported_sheet_has_the_figures_of_the_score_view(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "sheet.pdf"
    suggested = save_as(monkeypatch, out)
    assert view.report_context().language == "zh_CN"
    message = export(qtbot, view, "sheet")
    assert suggested[0].name == "山海社区燃气爆炸桌面推演-演练评估表.pdf"
    pages = page_count(out)
    assert message == f"已导出 {pages} 页：{out}"
    assert not out.with_name("sheet.pdf.part").exists()

    reader = pypdf.PdfReader(out)
    assert (
        round(float(reader.pages[0].mediabox.width)),
        round(float(reader.pages[0].mediabox.height)),
    ) == A4
    assert reader.metadata is not None
    assert reader.metadata.title == "济南市历下区城镇燃气突发事件应急演练评估表"
    compact = flat(text_of(out))
    assert "应急演练评估表" in compact
    assert "演练名称山海社区燃气爆炸桌面推演" in compact
    # Every unit the score view totals is named on the sheet.
    for unit_name, *_ in all_cells(view.lines_tab.unit_totals):
        assert unit_name in compact, unit_name
    # The late phone report: the minutes the score view shows, in the sheet's row.
    row = view.lines_tab.lines.row_of("phone_report:housing")
    unit, _title, ref, due, done, status, points, max_points = (
        view.lines_tab.lines.cell(row, c) for c in (1, 2, 3, 4, 5, 6, 7, 8)
    )
    assert status == "迟报10分钟"
    minutes = re.sub(r"\D", "", status)
    hm = [f"{int(t[:2])}:{t[3:5]}" for t in (due, done)]  # 00:20:00 on screen, 0:20 on paper
    assert f"{unit}{ref}{hm[0]}{hm[1]}{minutes}迟报{points}/{max_points}" in compact
    assert "区住房和城乡建设局§4.1.20:200:3010迟报5/10" in compact
    # The total and grade of the score view's header are the sheet's.
    header = re.search(
        r"评估表百分制得分 <b>([\d.]+)</b>，等级 <b[^>]*>(\w+)</b>", view.total_label.text()
    )
    assert header is not None and header.groups() == ("15", "差")
    assert f"×100（折算为百分制）{header[1]}" in compact
    assert f"评定等级{header[2]}" in compact
    # A category line: the score view's 30 / 70 points for 信息报告.
    assert all_cells(view.lines_tab.category_totals)[0][:3] == ("信息报告", "30", "70")
    assert "30/70" in compact


def test_the_sheet_of_the_unit_chosen_in_the_score_view(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "unit.pdf"
    suggested = save_as(monkeypatch, out)
    view.lines_tab.unit_filter.setCurrentIndex(
        view.lines_tab.unit_filter.findText("区住房和城乡建设局")
    )
    assert view.documents.unit_combo.currentText() == "区住房和城乡建设局"
    export(qtbot, view, "sheet")
    assert suggested[0].name == "山海社区燃气爆炸桌面推演-演练评估表-区住房和城乡建设局.pdf"
    compact = flat(text_of(out))
    assert "应急演练评估表（区住房和城乡建设局）" in compact
    assert "被评估单位区住房和城乡建设局" in compact
    assert "3010迟报5/10" in compact  # 10 minutes late, in the 迟(分) column
    assert "区应急管理局电话报告" not in compact  # another unit's line
    # Choosing "all" in the score view goes back to the whole drill.
    view.lines_tab.unit_filter.setCurrentIndex(0)
    assert view.documents.unit() is None
    view.lines_tab.unit_totals_view.selectRow(view.lines_tab.unit_totals.row_of("emergency"))
    assert view.documents.unit() == "emergency"


def test_the_after_action_report_has_the_improvement_items_of_the_view(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drill.archive.add_improvement(
        drill.exercise_id,
        {
            "issue": "电话报告迟报",
            "action": "组织接报核实与电话报告专项培训",
            "element": "training",
            "owner_unit": "housing",
            "contact": "王磊",
            "plan_ref": "§4.1.2",
            "start_date": dt.date(2026, 12, 1),
            "due_date": dt.date(2027, 1, 31),
        },
    )
    qtbot.waitUntil(lambda: view.improvements_tab.improvements.rowCount() == 1, timeout=10_000)
    out = tmp_path / "aar.pdf"
    suggested = save_as(monkeypatch, out)
    message = export(qtbot, view, "aar")
    assert suggested[0].name == "山海社区燃气爆炸桌面推演-演练总结报告.pdf"
    assert message == f"已导出 {page_count(out)} 页：{out}"
    compact = flat(text_of(out))
    for label in (
        "应急演练总结报告",
        "一、演练概况",
        "三、信息报告时效",
        "六、存在问题及原因分析",
        "十、整改计划",
        "十一、参演人员名单",
    ):
        assert label in compact, label
    assert "组织接报核实与电话报告专项培训" in compact
    assert "区住房和城乡建设局张强" in compact  # the participant list
    assert "迟10分钟" in compact  # the late report, as a problem found by the engine


def test_print_preview_paints_the_pages(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previews: list[tuple[str, Path]] = []

    def show(cls: type, parent: QWidget, title: str, paint: Callable[[QPrinter], None]) -> None:
        path = tmp_path / f"preview-{len(previews)}.pdf"
        paint(pdf_printer(path))  # what the preview dialog does on its own printer
        previews.append((title, path))

    monkeypatch.setattr(DocumentsPanel, "show_preview", classmethod(show))
    message = finished(
        qtbot, view, lambda: click(qtbot, view.documents.buttons[("sheet", "preview")])
    )
    assert message == "演练评估表打印预览"
    ((title, path),) = previews
    assert title == "演练评估表"
    out = tmp_path / "sheet.pdf"
    save_as(monkeypatch, out)
    export(qtbot, view, "sheet")
    assert page_count(path) == page_count(out) == view.documents.last_pages > 1
    assert "应急演练评估表" in flat(text_of(path))

    click(qtbot, view.documents.buttons[("aar", "preview")])
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=30_000)
    assert previews[1][0] == "演练总结报告"
    assert page_count(previews[1][1]) > 1


def test_print_goes_to_the_chosen_printer(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(DocumentsPanel, "ask_printer", classmethod(lambda cls, p: pdf_printer(out)))
    message = finished(
        qtbot, view, lambda: click(qtbot, view.documents.buttons[("sheet", "print")])
    )
    assert message == f"已发送到打印机，共 {page_count(out)} 页"
    reader = pypdf.PdfReader(out)
    size = reader.pages[0].mediabox
    assert (round(float(size.width)), round(float(size.height))) == A4

    # Cancelled in the print dialog: nothing happens.
    monkeypatch.setattr(DocumentsPanel, "ask_printer", classmethod(lambda cls, p: None))
    click(qtbot, view.documents.buttons[("sheet", "print")])
    assert not view.documents.busy and view.documents.status.text() == message


def test_the_export_runs_off_the_gui_thread(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "sheet.pdf"
    save_as(monkeypatch, out)
    gui_thread = threading.get_ident()
    painted_in: set[int] = set()
    ticks: list[int] = []

    def started(task: DocumentTask) -> None:
        # Called in the painting thread itself (a direct connection).
        task.signals.progressed.connect(
            lambda _page, _pages: painted_in.add(threading.get_ident()),
            Qt.ConnectionType.DirectConnection,
        )

    view.documents.job_started.connect(started)
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        with qtbot.waitSignal(view.documents.job_finished, timeout=30_000):
            click(qtbot, view.documents.buttons[("sheet", "pdf")])
            # The click has returned; the PDF is still being written.
            assert view.documents.busy
            assert not out.exists()
            assert view.documents.status.text() == "正在将演练评估表导出为PDF…"
            assert not view.documents.buttons[("aar", "pdf")].isEnabled()
            ticks_at_click = len(ticks)
    finally:
        timer.stop()
    assert painted_in and gui_thread not in painted_in
    assert len(ticks) > ticks_at_click  # the GUI thread kept running its timers
    assert out.exists()


@pytest.mark.parametrize("where", ["missing folder", "a file in the way", "read-only folder"])
def test_an_export_that_cannot_be_written_says_so(
    qtbot: QtBot,
    drill: Drill,
    view: ScoreView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    if where == "missing folder":
        folder = tmp_path / "no such folder"
    elif where == "a file in the way":
        folder = tmp_path / "notes.txt"
        folder.write_text("not a folder", encoding="utf-8")
    else:
        if os.geteuid() == 0:
            pytest.skip("root may write into a read-only folder")
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
    out = folder / "sheet.pdf"
    save_as(monkeypatch, out)
    message = export(qtbot, view, "sheet")
    assert message == f"未能导出：无法写入 {out}：请确认文件夹存在且有写入权限"
    assert view.documents.status.styleSheet() == "color: #b00020"
    assert not out.exists() and not out.with_name("sheet.pdf.part").exists()
    assert "Traceback" not in message


def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, drill: Drill, view: ScoreView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "aar.pdf"
    save_as(monkeypatch, out)

    def export_then_cancel() -> None:
        click(qtbot, view.documents.buttons[("aar", "pdf")])
        progress = view.documents.progress
        assert progress is not None
        (cancel,) = progress.findChildren(QPushButton)
        assert cancel.text() == "取消"
        cancel.click()  # the progress dialog's Cancel button

    message = finished(qtbot, view, export_then_cancel)
    assert message == "已取消"
    assert list(tmp_path.glob("aar.pdf*")) == []


def test_panel_seams_are_classmethods(view: ScoreView) -> None:
    for name in ("ask_pdf_path", "ask_printer", "show_preview"):
        assert isinstance(DocumentsPanel.__dict__[name], classmethod), name
    assert [b.text() for b in view.documents.buttons.values()] == [
        "打印预览",
        "打印…",
        "导出PDF…",
    ] * 2
    assert view.documents.unit_combo.itemText(0) == "整个演练（全部参演单位）"


def test_documents_follow_the_interface_language(drill: Drill, view: ScoreView) -> None:
    ctx: Any = view.report_context()
    assert ctx.language == "zh_CN" and not ctx.english
    assert [unit for unit, _ in ctx.seats] == list(drill.session.scenario.seats)
    assert dict(ctx.seats)["housing"] == "张强" and dict(ctx.seats)["emergency"] == "李明"
    assert ctx.sheet == drill.session.score()
    # The stored date when the session carries it, else the day the exercise started.
    started = drill.session.events[0]
    assert started.kind == "exercise_started"
    expected = getattr(drill.session.loaded, "held_on", None) or dt.date.fromtimestamp(
        started.wall_time
    )
    assert ctx.held_on == expected
    assert view.documents.status.text() == (
        "可先打印预览再打印；导出的PDF已嵌入字体，在任何电脑上打印效果都相同。"
    )
