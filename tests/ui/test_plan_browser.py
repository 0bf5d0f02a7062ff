"""The plan browser as a user sees it: sections, tables, filter, detail pane, errors, languages."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from browsing import column_texts, find_row, headers, row_texts, table_view
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QFontInfo, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drill_app import __version__
from drill_app.core.plan import Plan
from drill_app.paths import DEFAULT_PLAN, TRANSLATIONS_DIR
from drill_app.ui.app import run_gui
from drill_app.ui.plan import plan_browser
from drill_app.ui.plan.plan_browser import PlanBrowserWindow
from drill_app.ui.plan.plan_sections import build_sections
from drill_app.ui.shared.dialogs import ProblemListDialog
from drill_app.ui.shared.i18n import CJK_FONT_FAMILY
from drill_app.ui.shared.table_model import RowTableModel

OpenBrowser = Callable[..., PlanBrowserWindow]  # the open_browser fixture of conftest.py
ROOT = Path(__file__).resolve().parents[2]
CHINESE_SECTIONS = [
    "概况",
    "成员单位",
    "工作组",
    "事件分级",
    "分级应对",
    "预警",
    "信息报告",
    "处置措施",
    "演练",
    "解读设置",
]
# A YAML syntax error on line 5 (the "[" of line 4 is never closed).
BROKEN_PLAN = "schema_version: 1\nidentity:\n  id: lixia\n  title: [unclosed\nunits: []\n"


# --- reading what the window shows ---------------------------------------------------------


def navigation_texts(window: PlanBrowserWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def type_with_input_method(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method commits it (QTest.keyClicks handles only Latin-1)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- Chinese, the default ------------------------------------------------------------------


def test_chinese_window_names_the_plan_and_lists_every_section(
    open_browser: OpenBrowser,
) -> None:
    window = open_browser("zh_CN")

    assert window.windowTitle() == "drill-app — 济南市历下区城镇燃气突发事件应急预案"
    assert navigation_texts(window) == CHINESE_SECTIONS
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "帮助(&H)"]
    assert "历下政办字〔2025〕5号" in window.plan_label.text()
    assert "济南市历下区城镇燃气突发事件应急预案" in window.plan_label.text()


def test_units_table_lists_the_seventeen_member_units_with_aliases_and_refs(
    open_browser: OpenBrowser,
) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "units", "units")

    assert view.model().rowCount() == 17
    assert headers(view) == ["名称", "又称", "类别", "职责", "§"]
    housing = row_texts(view, find_row(view, "名称", "区住房和城乡建设局"))
    assert housing["又称"] == "区住建局"
    assert housing["§"] == "§2.1.3"
    assert housing["类别"] == "政府部门"
    assert window.row_count_label.text() == "显示 17/17 行"


def test_long_duties_are_one_line_in_the_table_and_whole_in_the_detail_pane(
    open_browser: OpenBrowser, qtbot: QtBot
) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "units", "units")
    row = find_row(view, "名称", "区住房和城乡建设局")
    duties = view.model().index(row, headers(view).index("职责"))

    assert "\n" not in duties.data()
    assert view.wordWrap() is False
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    tooltip = duties.data(Qt.ItemDataRole.ToolTipRole)
    assert "根据需要调用相关建筑物资、机械参与应急抢险救援。" in tooltip

    click_row(qtbot, view, row)

    detail = window.detail_view.toPlainText()
    assert "区住房和城乡建设局" in detail
    assert "负责收集、报送城镇燃气突发事件预警信息" in detail
    assert "根据需要调用相关建筑物资、机械参与应急抢险救援。" in detail
    assert "区应急指挥部办公室设在本局（§2.2）。" in detail


def test_detail_pane_follows_the_last_row_clicked_in_any_table_of_the_section(
    open_browser: OpenBrowser, qtbot: QtBot
) -> None:
    window = open_browser("zh_CN")
    bands = table_view(window, "levels", "level_bands")
    categories = window.section("levels").table("categories").view
    band_row = find_row(bands, "预案原文", "3人以上10人以下死亡")

    click_row(qtbot, bands, band_row)
    assert "3人以上10人以下死亡" in window.detail_view.toPlainText()
    click_row(qtbot, categories, 1)
    assert "供应保障类" in window.detail_view.toPlainText()
    assert not bands.selectionModel().hasSelection()
    click_row(qtbot, bands, band_row)
    assert "3人以上10人以下死亡" in window.detail_view.toPlainText()

    window.show_section("units")
    window.show_section("levels")
    assert "3人以上10人以下死亡" in window.detail_view.toPlainText()


def test_levels_section_shows_each_band_with_its_reading_and_ref(
    open_browser: OpenBrowser,
) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "levels", "level_bands")

    band = row_texts(view, find_row(view, "预案原文", "3人以上10人以下死亡"))
    assert band["§"] == "§1.6.2.3(1)"
    assert band["级别"] == "Ⅲ级 较大"
    assert band["指标"] == "死亡人数"
    assert band["数值解读"].startswith(">= 3 且 < 10")
    assert view.model().rowCount() == 20  # five criteria, four levels each
    categories = table_view(window, "levels", "categories")
    assert column_texts(categories, "类别") == ["安全事故类", "供应保障类"]


def test_warnings_section_shows_who_issues_each_colour(open_browser: OpenBrowser) -> None:
    window = open_browser("zh_CN")
    colours = table_view(window, "warnings", "warning_colours")

    assert column_texts(colours, "颜色") == ["红色", "橙色", "黄色", "蓝色"]
    orange = row_texts(colours, find_row(colours, "颜色", "橙色"))
    assert orange["印发机关"] == "市应急指挥部"
    assert orange["§"] == "§3.3.2 §3.4"
    criteria = window.section("warnings").table("warning_criteria").view
    shown_colours = column_texts(criteria, "颜色")
    assert shown_colours == sorted(shown_colours, key=["红色", "橙色", "黄色", "蓝色"].index)


def test_response_section_compares_the_levels_side_by_side(open_browser: OpenBrowser) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "responses", "responses")

    assert headers(view) == ["事项", "Ⅰ级 特别重大", "Ⅱ级 重大", "Ⅲ级 较大", "Ⅳ级 一般", "§"]
    leads = row_texts(view, find_row(view, "事项", "应对主体"))
    assert leads["Ⅰ级 特别重大"] == "市应急指挥部"
    assert leads["Ⅳ级 一般"] == "区应急指挥部"
    approval = row_texts(view, find_row(view, "事项", "启动响应的批准"))
    assert approval["Ⅲ级 较大"] == "市应急指挥部副总指挥"


def test_reporting_section_shows_deadlines_checklist_and_failures(
    open_browser: OpenBrowser,
) -> None:
    window = open_browser("zh_CN")
    obligations = table_view(window, "reporting", "report_obligations")
    phone = row_texts(obligations, find_row(obligations, "报告", "电话报告"))
    assert phone["时限"] == "20分钟"
    assert phone["报告单位"] == "区应急管理局、区住房和城乡建设局"
    assert phone["§"] == "§4.1.2"

    section = window.section("reporting")
    assert section.table("report_content").view.model().rowCount() == 17
    failures = section.table("report_failures").view
    assert column_texts(failures, "情形") == ["迟报", "谎报", "瞒报", "漏报"]
    assert set(column_texts(failures, "§")) == {"§8"}


def test_filter_narrows_the_rows_of_the_current_section(
    open_browser: OpenBrowser, qtbot: QtBot
) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "units", "units")

    type_with_input_method(window.filter_edit, "住建")

    names = column_texts(view, "名称")
    assert "区住房和城乡建设局" in names
    assert 0 < len(names) < 17
    assert "区财政局" not in names
    assert window.row_count_label.text() == f"显示 {len(names)}/17 行"

    window.filter_edit.clear()
    assert view.model().rowCount() == 17


def test_filter_follows_the_user_to_another_section(
    open_browser: OpenBrowser, qtbot: QtBot
) -> None:
    window = open_browser("zh_CN")
    window.show_section("groups")
    type_with_input_method(window.filter_edit, "街道办事处")
    groups = window.section("groups").table("groups").view
    filtered = groups.model().rowCount()
    assert 0 < filtered < 8

    window.navigation.setCurrentRow(CHINESE_SECTIONS.index("成员单位"))

    units = window.section("units").table("units").view
    assert window.stack.currentWidget() is window.section("units")
    assert "街道办事处" in column_texts(units, "名称")
    assert units.model().rowCount() < 17


def test_every_table_cites_a_section_reference_on_each_row(plan: Plan) -> None:
    for english in (False, True):
        for section in build_sections(plan, english):
            for table in section.tables:
                assert table.rows, f"{section.key}/{table.key} is empty"
                assert "§" in table.headers, f"{section.key}/{table.key} has no § column"
                refs = [row[table.headers.index("§")] for row in table.rows]
                if table.key == "identity":  # only "interpreted by" has a clause (§10.1)
                    assert "§10.1" in refs
                    continue
                for ref in refs:
                    assert re.fullmatch(r"§[\d.()]+( §[\d.()]+)*", ref), (table.key, ref)


# --- English ---------------------------------------------------------------------------------


def test_english_mode_shows_english_chrome_and_the_plans_english_names(
    open_browser: OpenBrowser,
) -> None:
    window = open_browser("en")

    assert "Member units" in navigation_texts(window)
    assert window.windowTitle() == "drill-app — Lixia District (Jinan) Urban Gas Emergency Plan"
    view = table_view(window, "units", "units")
    housing = row_texts(
        view, find_row(view, "Name", "District Housing and Urban-Rural Development Bureau")
    )
    assert housing["Chinese name"] == "区住房和城乡建设局"
    assert housing["§"] == "§2.1.3"
    # Plan text without an English version stays as the plan has it.
    assert housing["Duties"].startswith("负责收集、报送城镇燃气突发事件预警信息")
    levels = table_view(window, "levels", "level_bands")
    assert "Level III (Relatively serious)" in column_texts(levels, "Level")
    # Lists of Chinese plan text keep the Chinese enumeration comma.
    publication = table_view(window, "warnings", "warning_publication")
    channels = row_texts(publication, find_row(publication, "Item", "Channels"))
    assert channels["Content"].startswith("广播电台、电视、通信")


def test_interface_font_is_the_simplified_chinese_family(qapp: QApplication) -> None:
    if CJK_FONT_FAMILY not in QFontDatabase.families():
        pytest.skip(f"{CJK_FONT_FAMILY} is not installed (Debian: fonts-noto-cjk)")
    assert qapp.font().family() == CJK_FONT_FAMILY
    assert QFontInfo(qapp.font()).family() == CJK_FONT_FAMILY


# --- opening plan files ------------------------------------------------------------------


def test_opening_a_broken_plan_shows_file_and_line_and_keeps_the_old_plan(
    open_browser: OpenBrowser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_browser("zh_CN")
    window.show_section("units")
    old_plan = window.plan
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN_PLAN, encoding="utf-8")
    errors: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(PlanBrowserWindow, "ask_plan_path", classmethod(lambda cls, *args: broken))
    monkeypatch.setattr(
        window, "show_error", lambda title, text, problems: errors.append((title, text, problems))
    )

    window.open_action.trigger()  # 文件 → 打开预案…

    assert len(errors) == 1
    title, text, problems = errors[0]
    assert title == "无法打开预案"
    assert "broken.yaml" in text
    assert problems[0].startswith(f"{broken}:5:")
    assert "YAML" in problems[0]
    assert window.plan is old_plan
    assert window.plan_path == DEFAULT_PLAN
    assert window.windowTitle() == "drill-app — 济南市历下区城镇燃气突发事件应急预案"
    assert window.section("units").table("units").view.model().rowCount() == 17


def test_opening_a_valid_plan_shows_it_and_stays_on_the_section(
    open_browser: OpenBrowser, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_browser("zh_CN")
    window.show_section("warnings")
    other = tmp_path / "other.yaml"
    text = DEFAULT_PLAN.read_text(encoding="utf-8")
    other.write_text(text.replace("title: 济南市历下区", "title: 演练用 济南市历下区", 1), "utf-8")

    with qtbot.waitSignal(window.plan_opened) as opened:
        assert window.open_plan(other)

    assert opened.args == [other]
    assert window.windowTitle() == "drill-app — 演练用 济南市历下区城镇燃气突发事件应急预案"
    assert window.stack.currentWidget() is window.section("warnings")
    assert window.navigation.currentItem().text() == "预警"


def test_problem_dialog_lists_the_problems_without_a_traceback(qtbot: QtBot) -> None:
    problems = [
        f"plan.yaml:{line}:3: units.{line}.name: required field is missing" for line in range(1, 21)
    ]
    dialog = ProblemListDialog(None, "Cannot open the plan", "The plan has errors:", problems)
    qtbot.addWidget(dialog)

    assert dialog.icon() == ProblemListDialog.Icon.Critical
    shown = dialog.informativeText()
    assert "plan.yaml:1:3: units.1.name: required field is missing" in shown
    assert "plan.yaml:13:3" not in shown  # the first twelve, then a count
    assert "… and 8 more" in shown
    assert "Traceback" not in shown
    assert dialog.detailedText().splitlines() == problems


def test_run_gui_reports_a_broken_plan_in_chinese_and_exits_with_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN_PLAN, encoding="utf-8")
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        ProblemListDialog,
        "show_modal",
        classmethod(lambda cls, parent, title, text, problems: shown.append((title, problems))),
    )

    assert run_gui(broken, "zh_CN") == 2

    assert len(shown) == 1
    title, problems = shown[0]
    assert title == "drill-app：无法打开预案"
    assert problems[0].startswith(f"{broken}:5:")
    # run_gui took its translators away again.
    assert QCoreApplication.translate("PlanBrowserWindow", "&File") == "&File"
    assert QApplication.applicationName() == "drill-app"


def test_about_names_the_version(
    open_browser: OpenBrowser, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_browser("zh_CN")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        plan_browser, "show_about", lambda parent, title, text: shown.append((title, text))
    )

    window.about_action.trigger()

    assert shown[0][0] == "关于 drill-app"
    assert __version__ in shown[0][1]
    assert "历下政办字〔2025〕5号" in shown[0][1]


# --- the model --------------------------------------------------------------------------------


def test_table_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, plan: Plan) -> None:
    for section in build_sections(plan, english=False):
        for table in section.tables:
            qtmodeltester.check(RowTableModel(table.headers, table.rows))
    qtmodeltester.check(RowTableModel(("a", "b"), ()))


def test_the_window_model_passes_the_qt_model_tester(
    qtmodeltester: ModelTester, open_browser: OpenBrowser
) -> None:
    window = open_browser("zh_CN")
    table = window.section("units").table("units")
    qtmodeltester.check(table.model)
    qtmodeltester.check(table.proxy)


def test_table_model_refuses_rows_that_do_not_match_the_headers() -> None:
    with pytest.raises(ValueError, match="row 1 has 1 cells for 2 headers"):
        RowTableModel(("a", "b"), (("1", "2"), ("3",)))


# --- translations -----------------------------------------------------------------------------


def test_every_interface_string_has_a_chinese_translation() -> None:
    ts_file = TRANSLATIONS_DIR / "drill_app_zh_CN.ts"
    messages = list(ET.parse(ts_file).getroot().iter("message"))
    assert len(messages) > 100
    for message in messages:
        translation = message.find("translation")
        source = message.findtext("source")
        assert translation is not None, source
        assert translation.get("type") is None, f"unfinished: {source}"
        assert (translation.text or "").strip(), f"empty: {source}"
        for placeholder in re.findall(r"\{[a-z_]+\}", source or ""):
            assert placeholder in (translation.text or ""), (source, translation.text)


def test_translation_files_match_the_sources() -> None:
    """The .ts has every string of the code, and the .qm is what lrelease makes of it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_translation_loads() -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS_DIR / "drill_app_zh_CN.qm"))
    assert translator.translate("PlanSections", "Member units") == "成员单位"
    assert translator.translate("PlanBrowserWindow", "&Open plan…") == "打开预案(&O)…"
