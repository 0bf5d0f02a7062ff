"""The PDFs carry the engine's figures, in Chinese, with their fonts, on A4."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pypdf
import pytest
from documenting import flat, report, text_of

from drill_app.cli import main
from drill_app.core.plan import Plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIO = str(SCENARIOS_DIR / "a-shanhai-explosion.yaml")
A4 = (595, 842)  # points


def test_scoring_sheet_text_is_the_engines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = text_of(report(tmp_path, capsys, "--sheet"))
    compact = flat(text)
    for label in (
        "济南市历下区城镇燃气突发事件应急演练评估表",
        "演练名称",
        "参演单位",
        "一、评分汇总",
        "二、逐项评分",
        "三、演练目标评定",
        "四、评估意见",
        "五、签字",
        "评估组组长（签字）",
    ):
        assert label in compact, label
    for unit in (
        "区应急管理局",
        "区住房和城乡建设局",
        "山东港华燃气集团有限公司",
        "区消防救援大队",
    ):
        assert unit in compact, unit
    # the late phone report: due 0:25, done 0:32, 7 minutes late, 5 of 10 points
    assert "区应急管理局电话报告" in compact
    assert "区应急管理局§4.1.20:250:327迟报5/10" in compact
    # the 100-point total and grade: 100 x (25 x 145/150 + 55) / 80 = 99.0
    assert "信息报告2516145/15024.17" in compact  # weight 25, 16 lines, 145/150, 24.17
    assert "预警100—不适用" in compact
    assert "适用类别合计8079.17总分=79.17÷80×100（折算为百分制）99.0" in compact
    assert "评定等级优" in compact


def test_fonts_are_embedded_and_the_page_is_a4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = pypdf.PdfReader(report(tmp_path, capsys, "--sheet"))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # the font program is inside
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "济南市历下区城镇燃气突发事件应急演练评估表"
    assert meta.author == "区应急指挥部办公室"
    assert meta.creation_date is not None
    assert meta.creation_date.date() == dt.date.today()


def test_page_numbers_on_every_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reader = pypdf.PdfReader(report(tmp_path, capsys, "--sheet"))
    count = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        assert f"第{n}页共{count}页" in flat(page.extract_text())


def test_unit_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    compact = flat(text_of(report(tmp_path, capsys, "--sheet", "--unit", "区应急管理局")))
    assert "应急演练评估表（区应急管理局）" in compact
    assert "被评估单位区应急管理局" in compact
    assert "区住房和城乡建设局电话报告" not in compact
    assert "迟报" in compact and "被评估单位区应急管理局（签字）" in compact


def test_a_replay_without_a_date_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    args = ["report", "--replay", SCENARIO, str(FIXTURES / "a-late-phone.jsonl"), "--sheet"]
    assert main([*args, "--pdf", str(out)]) == 0
    compact = flat(text_of(out))
    assert "演练日期未记录（回放演练，未注明日期）" in compact
    today = dt.date.today()
    assert f"编制日期：{today.year}年{today.month}月{today.day}日" in compact  # labelled
    assert f"演练日期{today.year}年" not in compact
    assert "校验结果未存档：回放演练，不在演练档案中" in compact


def test_after_action_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    compact = flat(text_of(report(tmp_path, capsys, "--aar")))
    for label in (
        "应急演练总结报告",
        "一、演练概况",
        "二、总体结论",
        "三、信息报告时效",
        "四、评估结果",
        "五、主要做法与亮点",
        "六、存在问题及原因分析",
        "七、点评与经验教训",
        "八、预案实用性和可操作性评估（第9.3条）",
        "九、改进建议（含预案修订建议）",
        "十、整改计划",
        "十一、参演人员名单",
        "十二、编制与审核",
    ):
        assert label in compact, label
    assert "区应急管理局电话报告" in compact and "迟7分钟" in compact and "改进项" in compact
    # §9.3: the readings the drill had to fix are put forward for the plan's revision
    assert "§4.1.2" in compact and "建议预案修订时予以明确" in compact


def test_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = " ".join(text_of(report(tmp_path, capsys, "--sheet", lang="en")).split())
    assert "Drill Scoring Sheet" in text and "1. Summary of scores" in text
    assert "4. Evaluators' comments" in text and "Evaluators comments" not in text
    assert "late 5/10" in text
    assert "Telephone report by District Emergency Management Bureau" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sheet"], "give an EXERCISE from the database or --replay SCENARIO ACTIONS"),
        (
            ["--aar", "--unit", "housing", "--replay", SCENARIO, "x.jsonl"],
            "--unit goes with --sheet",
        ),
        (
            ["--sheet", "--unit", "mars", "--replay", SCENARIO, str(FIXTURES / "a-perfect.jsonl")],
            "--unit: the plan has no unit 'mars'",
        ),
    ],
)
def test_bad_report_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "--pdf", str(tmp_path / "x.pdf"), *args])
    assert info.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


# The wrong-level run without the level III measures it still took (§5.2.1 the request to
# the city departments, §5.2.2 the heads on scene): a district that keeps level IV.
STAYS_AT_IV = ("help_requested", "leaders_to_scene")
# The evaluators' own rating prevails over the suggested one.
RATED_M = (
    '{"at": 200, "kind": "evaluator_rating", "payload": '
    '{"rating": "M", "objective": "escalation", "comment": "级别判定错误"}}'
)


@pytest.mark.parametrize(
    ("actions", "drop", "extra", "purpose", "ratings"),
    [
        (
            "a-late-phone.jsonl",
            (),
            "",
            "演练基本达到预期目的。发现的1个问题已列入整改计划",
            "顺利完成（P）4项，基本完成（S）0项",  # reporting: 105 of 110, 95 %
        ),
        # the level determined wrongly, the level III measures taken all the same: the
        # escalation objective earns level IV 10 + the nine heads on scene 45 of 75
        # (level III and the hand-over wrong) = 73 %, S: the purpose is met on the whole
        ("a-wrong-level.jsonl", (), "", "演练基本达到预期目的。", "基本完成（S）1项"),
        # the district keeps level IV and takes none of the level III measures: 10 of 75
        # (13 %), U (unable to be performed): the purpose is met only in part
        ("a-wrong-level.jsonl", STAYS_AT_IV, "", "演练部分达到预期目的。", "未能完成（U）1项"),
        # the evaluators rate the escalation M (major challenges): only in part
        ("a-wrong-level.jsonl", (), RATED_M, "演练部分达到预期目的。", "部分完成（M）1项"),
    ],
)
def test_the_overall_conclusion_follows_the_ratings(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    actions: str,
    drop: tuple[str, ...],
    extra: str,
    purpose: str,
    ratings: str,
) -> None:
    kept = [
        x
        for x in (FIXTURES / actions).read_text(encoding="utf-8").splitlines()
        if not any(f'"{kind}"' in x for kind in drop)
    ]
    run = tmp_path / "actions.jsonl"
    run.write_text("\n".join([*kept, extra]) + "\n", encoding="utf-8")
    out = tmp_path / "aar.pdf"
    args = ["report", "--replay", SCENARIO, str(run), "--aar", "--pdf", str(out)]
    assert main(args) == 0
    compact = flat(text_of(out))
    conclusion = compact.split("二、总体结论")[1].split("三、信息报告时效")[0]
    assert purpose in conclusion
    assert ratings in conclusion


def test_the_after_action_report_words_each_setting_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 10 and 13: every reading in force is named in words, new settings included."""
    compact = flat(text_of(report(tmp_path, capsys, "--aar")))
    assert "任一条件满足即可" in compact  # warning item (1): either half is enough
    assert "两局各自报送、各自计分" in compact  # §4.1.2: each bureau reports on its own
    assert "报告单位每获知一次重大变化，须在30分钟内续报" in compact  # a new setting
    assert "及时续报" in compact
    for keyword in ("either", "each_unit", "本次取值"):
        assert keyword not in compact


def test_a_voided_entry_is_listed_in_the_after_action_report_and_not_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan: Plan
) -> None:
    source = FIXTURES / "a-late-phone.jsonl"
    scenario = load_scenario(plan, Path(SCENARIO))
    exercise, _ = replay(plan, scenario, load_scoring_rules(DEFAULT_SCORING), read_actions(source))
    late = next(
        e for e in exercise.events if e.kind == "report_submitted" and e.unit == "emergency"
    )
    void = {"at": 40, "kind": "entry_voided", "payload": {"event": late.id, "reason": "误录"}}
    actions = tmp_path / "voided.jsonl"
    actions.write_text(source.read_text(encoding="utf-8") + json.dumps(void) + "\n", "utf-8")
    out = tmp_path / "aar.pdf"
    args = ["report", "--replay", SCENARIO, str(actions), "--held-on", "2026-11-20"]
    assert main(["--lang", "zh_CN", *args, "--aar", "--pdf", str(out)]) == 0
    capsys.readouterr()
    compact = flat(text_of(out))
    assert "作为误录作废的记录（共1条）：保留在演练记录中，不计入评分。" in compact
    assert "0:32区应急管理局信息报告0:40误录" in compact
    assert "迟7分钟" not in compact  # the late phone report is no longer scored
