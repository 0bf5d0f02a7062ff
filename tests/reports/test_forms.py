"""What an evaluation team checks before signing, read back from the PDFs of a stored
exercise with a controller, evaluators, notes, findings and an improvement plan."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pdftext import (
    A4_HEIGHT,
    BOTTOM_MARGIN,
    TOP_MARGIN,
    baselines,
    bodies,
    flat,
    images,
    lines,
    pages_text,
)
from PySide6.QtPrintSupport import QPrinter
from stored_drill import (
    ACTIONS,
    CONTROLLER,
    EVALUATORS,
    HELD_ON,
    SCENARIO,
    store_exercise,
    written_by_people,
)

from drill_app.cli import main
from drill_app.core.evaluation import unit_totals
from drill_app.core.plan import Plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.reports.aar import after_action_report
from drill_app.reports.context import ReportContext, Verification, seats_of
from drill_app.reports.render import export_pdf, print_document
from drill_app.reports.sheet import scoring_sheet
from drill_app.store.store import Store

HEADING = re.compile(r"^[一二三四五六七八九十]+、")
KEYWORDS = re.compile(r"\b(occurred|known|each_unit|joint|both|either|null|None|true|false)\b")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    return store_exercise(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="module")
def document(
    archive: tuple[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., Path]:
    """Make a document of the stored exercise with `drill-app report` (once per kind)."""
    url, exercise_id = archive
    folder = tmp_path_factory.mktemp("pdf")
    made: dict[tuple[str, ...], Path] = {}

    def make(*options: str, lang: str = "zh_CN") -> Path:
        key = (lang, *options)
        if key not in made:
            out = folder / f"{len(made)}.pdf"
            args = ["--db", url, "--lang", lang, "report", exercise_id, "--pdf", str(out)]
            assert main([*args, *options]) == 0
            made[key] = out
        return made[key]

    return make


def text(path: Path) -> str:
    return "".join(bodies(path))


ALL = [("--sheet",), ("--sheet", "--unit", "emergency"), ("--aar",)]


@pytest.mark.parametrize("options", ALL)
def test_nothing_is_drawn_outside_the_page_frame(
    document: Callable[..., Path], options: tuple[str, ...]
) -> None:
    for page in baselines(document(*options)):
        assert page
        for y in page:
            assert BOTTOM_MARGIN <= y <= A4_HEIGHT - TOP_MARGIN


@pytest.mark.parametrize("options", ALL)
def test_no_heading_or_header_row_ends_a_page(
    document: Callable[..., Path], options: tuple[str, ...]
) -> None:
    pages = lines(document(*options))
    headers = {p[0][1] for p in pages[1:]}  # what a continued table repeats at the top
    for page in pages[:-1]:
        last = page[-1][1]
        assert not HEADING.match(last), last
        assert last not in headers, last


@pytest.mark.parametrize("options", ALL)
def test_a_heading_keeps_its_top_margin_after_a_table(
    document: Callable[..., Path], options: tuple[str, ...]
) -> None:
    for number, page in enumerate(lines(document(*options))):
        for (above, _), (y, line) in itertools.pairwise(page[1:] if number == 0 else page):
            if HEADING.match(line):  # (the first heading under the title aside)
                assert above - y >= 24, line  # a text line and the heading's margin


def test_the_normalisation_row_shows_its_arithmetic(
    document: Callable[..., Path], archive: tuple[str, str], plan: Plan
) -> None:
    raw = "\n".join(pages_text(document("--sheet")))
    rows = re.findall(r"\n(\S+)\n(\d+)\n(\d+)\n(\d+)\xa0/\xa0(\d+)\n(\d+\.\d\d)(?=\n)", raw)
    assert len(rows) == 5  # the categories that apply; 预警 and 供应保障 are 不适用
    for _name, weight, _lines, earned, possible, score in rows:
        assert round(int(weight) * int(earned) / int(possible), 2) == float(score)
    compact = flat(raw)
    assert "预警100—不适用" in compact and "供应保障100—不适用" in compact
    spaced = " ".join(raw.split())
    found = re.search(
        r"适用类别合计 (\d+) (\d+\.\d\d) 总分 = (\d+\.\d\d) ÷ (\d+) × 100（折算为百分制） "
        r"(\d+\.\d) 评定等级 (\S)",
        spaced,
    )
    assert found
    weight, subtotal, numerator, denominator, total, grade = found.groups()
    assert grade == "优"
    assert sum(int(r[1]) for r in rows) == int(weight) == int(denominator) == 80
    assert subtotal == numerator
    assert abs(sum(float(r[5]) for r in rows) - float(subtotal)) < 0.011
    assert round(float(numerator) / float(denominator) * 100, 1) == float(total)
    url, exercise_id = archive
    with Store.open(url) as store:
        sheet = store.load_exercise(exercise_id, load_scoring_rules(DEFAULT_SCORING)).score()
    assert float(total) == sheet.sheet_total  # the engine's figure, on screen and in JSON


def test_a_unit_sheet_carries_the_units_own_total(
    document: Callable[..., Path], archive: tuple[str, str]
) -> None:
    compact = text(document("--sheet", "--unit", "emergency"))
    found = re.search(r"总分=(\d+\.\d\d)÷(\d+)×100（折算为百分制）(\d+\.\d)", compact)
    assert found
    numerator, denominator, total = found.groups()
    # 信息报告 25 x 60/65 = 23.08 (the phone report late, 5 of 10; the 17-item content 5,
    # written, two follow-ups, accuracy and final 10 each) + 分级与指挥 20 x 5/5 = 20.00
    # (its head on scene, §5.2.2) = 43.08 of 45; 43.08 / 45 x 100 = 95.7
    assert (numerator, denominator) == ("43.08", "45")
    assert round(float(numerator) / float(denominator) * 100, 1) == float(total) == 95.7
    url, exercise_id = archive
    rules = load_scoring_rules(DEFAULT_SCORING)
    with Store.open(url) as store:
        exercise = store.load_exercise(exercise_id, rules)
    assert unit_totals(exercise.scenario, exercise.score(), rules)["emergency"] == 95.7


def test_score_json_gives_each_units_sheet_total(
    document: Callable[..., Path], archive: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, exercise_id = archive
    capsys.readouterr()
    assert main(["--db", url, "score", exercise_id, "--json"]) == 0
    by_unit = json.loads(capsys.readouterr().out)["totals"]["by_unit"]
    for unit in ("emergency", "housing", "health"):
        compact = text(document("--sheet", "--unit", unit))
        printed = re.search(r"×100（折算为百分制）(\d+\.?\d*)评定等级", compact)
        assert printed, unit
        assert by_unit[unit]["total"] == float(printed.group(1))
    assert by_unit["emergency"]["total"] == 95.7  # (25 x 60/65 + 20 x 5/5) / 45 x 100
    # the command seat owns the group lines (§5.3.1), the medical group missed among them:
    # (25 x 65/65 + 20 x 40/40 + 15 x 25/30) / 60 x 100 = 57.50 / 60 x 100 = 95.8
    assert by_unit["housing"]["total"] == 95.8
    assert by_unit["health"]["total"] == 100.0  # its one line: its head on scene (§5.2.2)


def test_the_scoring_standard_explains_a_half_score(document: Callable[..., Path]) -> None:
    compact = text(document("--sheet"))
    assert (
        "评分标准：按时完成得该项全部分值；逾期完成得该项分值的50%；未完成或错误得0分。" in compact
    )
    # the late line: its minutes in the 迟(分) column only, the result in a word
    assert "区应急管理局§4.1.20:250:327迟报5/10" in compact
    assert "迟7分钟" not in compact
    # the engine's detail, where it has one, in the 说明 column; organiser in the header
    assert "组织单位区应急指挥部办公室" in compact


def test_signature_lines_for_each_evaluator_the_controller_and_the_unit(
    document: Callable[..., Path],
) -> None:
    sheet = text(document("--sheet"))
    for name in EVALUATORS:
        assert sheet.count(f"评估人员{name}（签字）") == 1
    assert sheet.count(f"导调负责人{CONTROLLER}（签字）") == 1
    assert sheet.count("日期：") == len(EVALUATORS) + 1
    assert "被评估单位区应急管理局（签字）" not in sheet
    unit = text(document("--sheet", "--unit", "emergency"))
    assert unit.count("被评估单位区应急管理局（签字）") == 1
    assert unit.count("日期：") == len(EVALUATORS) + 2
    assert "评估组补充意见：" in sheet  # room for handwritten comments


def test_evaluator_notes_carry_their_time(document: Callable[..., Path]) -> None:
    compact = text(document("--sheet"))
    assert "[0:20]区应急管理局：接报后未及时核实，电话报告延误。" in compact
    assert "[1:30]伤亡上升后级别研判及时。" in compact


def test_the_full_final_hash_and_its_verification(
    document: Callable[..., Path], archive: tuple[str, str]
) -> None:
    url, exercise_id = archive
    with Store.open(url) as store:
        check = store.verify(exercise_id)
    for options in ALL:
        path = document(*options)
        compact = text(path)
        assert f"事件记录终值哈希{check.head_hash}" in compact
        assert f"校验结果已校验：{check.event_count}条事件的哈希链完整" in compact
        for page in pages_text(path):  # every footer: the hash's head and the state
            assert f"事件记录哈希{check.head_hash[:16]}…（已校验）" in flat(page)
            assert "编制日期：" in flat(page)
    assert f"演练日期{HELD_ON.year}年{HELD_ON.month}月{HELD_ON.day}日" in text(document("--sheet"))


def test_the_improvement_plan_answers_every_problem(document: Callable[..., Path]) -> None:
    compact = text(document("--aar"))
    plan = compact.split("十、整改计划")[1].split("十一、参演人员名单")[0]
    # the stored item, with its §, unit, contact and due date
    assert "区应急管理局电话报告迟报7分钟（§4.1.2）§4.1.2修订值班接报流程" in plan
    assert "区应急管理局刘洋2027-02-28未整改" in plan
    # the problem no stored item answers is proposed, due 90 days after the drill, to the
    # unit whose line it is: the command seat (区住建局) activates the groups (§5.3.1)
    assert "启动医疗救护组（未完成）§2.3.2.3区住房和城乡建设局2027-02-18建议" in plan
    problems = compact.split("六、存在问题及原因分析")[1].split("七、")[0]
    assert "区应急管理局电话报告超过20分钟时限§4.1.2改进项值班人员未掌握报告时限" in problems
    assert "启动医疗救护组（未完成）§2.3.2.3不足项" in problems
    assert "待评估组分析" not in compact  # a cause not yet analysed is a blank to fill in
    assert "九、改进建议（含预案修订建议）1.培训：修订值班接报流程" in compact


def test_the_report_concludes_and_is_compiled_and_reviewed(document: Callable[..., Path]) -> None:
    compact = text(document("--aar"))
    # 100 x (24.17 + 20.00 + 15 x 25/30 + 10.00 + 10.00) / 80 = 100 x 76.67 / 80 = 95.8;
    # 41 lines: 16 信息报告, 13 分级与指挥, 6 工作组启动, 5 先期处置, 1 情景专项
    assert "二、总体结论本次演练总分95.8分（满分100分），评定等级为“优”。共评估41项" in compact
    assert "其中按时完成39项，迟报（逾期完成）1项，未完成1项，错误0项" in compact
    assert "发现的2个问题已列入整改计划" in compact
    assert "编制单位区应急指挥部办公室编制日期" in compact and "审核（签字）" in compact


@pytest.mark.parametrize("options", ALL)
def test_no_configuration_keyword_in_the_text(
    document: Callable[..., Path], options: tuple[str, ...]
) -> None:
    words = " ".join(pages_text(document(*options)))
    assert not KEYWORDS.search(words), KEYWORDS.search(words)
    assert "_" not in re.sub(r"_{4,}", "", words)  # signature blanks aside, no identifiers


def test_the_reading_of_each_ambiguous_passage_is_in_words(document: Callable[..., Path]) -> None:
    compact = text(document("--aar"))
    assert "本次演练的理解：时限自各报告单位获知（接报）事件时起算。" in compact
    assert "本次演练的理解：两局各自报送、各自计分。" in compact
    assert "本次演练的理解：不设分钟时限：终报在演练结束前报送即为履行。" in compact


def test_the_timeline_is_text_with_each_mark_named(document: Callable[..., Path]) -> None:
    path = document("--aar")
    chart = text(path).split("三、信息报告时效")[1].split("四、评估结果")[0]
    for label in ("演练时间（时:分）", "0:00", "4:00", "区住房和城乡建设局", "区应急管理局"):
        assert label in chart, label
    # the 事发单位's row: the company, named in its role, with its §4.1.1 report (a phone
    # report in the plan); the two bureaus' phone, written, two follow-ups and final each
    assert "山东港华燃气集团有限公司（事发单位）电话" in chart
    assert chart.count("电话") == 3 and chart.count("终报") == 2 and chart.count("续报") == 4
    assert "incident" not in chart
    assert "报告时限" in chart and "按时报告" in chart and "迟报" in chart and "未报告" in chart
    assert all(w * h <= 1 for w, h in images(path))  # no picture of the chart


def test_narrow_columns_do_not_break_a_reference_a_date_or_a_status(
    document: Callable[..., Path],
) -> None:
    sheet = "\n".join(pages_text(document("--sheet")))
    assert "§5.3.2.1(2)" in sheet  # on one line, not "§5.3.2.1(" / "2)"
    aar = "\n".join(pages_text(document("--aar")))
    for unbroken in ("2027-02-28", "2027-02-18", "未整改", "§2.3.2.3"):
        assert unbroken in aar, unbroken
    unit = "\n".join(pages_text(document("--sheet", "--unit", "emergency")))
    assert "（区应急管理局）" in unit


def cjk_runs(value: str) -> set[str]:
    return set(re.findall(r"[\u3000-\u9fff\uff00-\uffef]+", value))


@pytest.mark.parametrize("options", [("--sheet",), ("--aar",)])
def test_english_documents_use_the_plans_english_names(
    document: Callable[..., Path], options: tuple[str, ...], plan: Plan
) -> None:
    path = document(*options, lang="en")
    words = " ".join(" ".join(pages_text(path)).split())
    scenario = load_scenario(plan, SCENARIO)
    own = "".join(  # what the scenario and the people wrote has no English
        [scenario.title, scenario.summary, scenario.location.name, plan.identity.document_number]
        + [o.text for o in scenario.objectives]
        + [e.text for i in scenario.injects for e in i.expects]
        + written_by_people()
        + [CONTROLLER, *EVALUATORS]
    )
    for run in cjk_runs(words):
        assert run in flat(own), run
    for unit in scenario.seats:
        name = plan.units_by_id[unit].name_en
        assert name in words, name
    assert "Lixia District (Jinan) Urban Gas Emergency Plan: Drill" in words
    assert "all 1 items" not in words
    if options == ("--sheet",):
        assert "4. Evaluators' comments" in words
        assert "Telephone report by District Emergency Management Bureau" in words
    else:
        assert "Medical Rescue Group" in words  # the problem the report names, in English


def replayed(plan: Plan, actions: Path, check: Verification | None = None) -> ReportContext:
    """The documents' context of a replay of scenario a (not stored: *check* says how the
    caller verified its log)."""
    rules = load_scoring_rules(DEFAULT_SCORING)
    scenario = load_scenario(plan, SCENARIO)
    exercise, sheet = replay(plan, scenario, rules, read_actions(actions))
    return ReportContext(
        title=scenario.title,
        held_on=HELD_ON,
        location="",
        exercise_type=scenario.exercise_type,
        controller=CONTROLLER,
        evaluators=EVALUATORS,
        seats=seats_of(scenario),
        plan=plan,
        scenario=scenario,
        rules=exercise.rules,
        sheet=sheet,
        events=tuple(exercise.events),
        verification=check,
    )


@pytest.mark.parametrize(
    ("check", "state", "footer"),
    [
        (
            Verification(False, 44, "ab" * 32),
            "校验未通过：存档的事件记录与其哈希链不符（44条事件）",
            "校验未通过：记录已被改动",
        ),
        (
            Verification(True, 44, "ab" * 32, expected_hash="cd" * 32),
            "校验未通过：哈希链完整（44条事件），但终值哈希与预期不符",
            "校验未通过：记录已被改动",
        ),
        (
            Verification(True, 44, "ab" * 32, expected_hash="ab" * 32),
            "已校验：44条事件的哈希链完整，终值哈希与预期一致",
            "已校验",
        ),
    ],
)
def test_the_verification_state_the_caller_supplies_is_printed(
    chinese: None, plan: Plan, tmp_path: Path, check: Verification, state: str, footer: str
) -> None:
    ctx = replayed(plan, ACTIONS, check)
    out = tmp_path / "sheet.pdf"
    export_pdf(scoring_sheet(ctx), out)
    compact = text(out)
    assert f"事件记录终值哈希{'ab' * 32}" in compact
    assert f"校验结果{state}" in flat(compact)
    if check.expected_hash:
        assert f"预期终值哈希{check.expected_hash}" in compact
    for page in pages_text(out):
        assert f"事件记录哈希{'ab' * 8}…（{footer}）" in flat(page)


@pytest.mark.parametrize("actions", ["a-missing-written.jsonl", "a-wrong-level.jsonl"])
def test_print_and_preview_have_the_pages_of_the_pdf(
    chinese: None, plan: Plan, tmp_path: Path, actions: str
) -> None:
    """Reports whose last rows fall near a page's foot: laid out at 1200 dpi (a printer's,
    the preview's) they once took a page less than the 300-dpi PDF."""
    ctx = replayed(plan, ACTIONS.parent / actions)
    exported = tmp_path / "aar.pdf"
    pages = export_pdf(after_action_report(ctx), exported)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_document(after_action_report(ctx), printer) == pages
    del printer  # closes the file
    assert [flat(p) for p in pages_text(printed)] == [flat(p) for p in pages_text(exported)]
