"""The PDFs carry the engine's figures, in Chinese, with their fonts, on A4."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from documenting import flat, report, text_of

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

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
    assert "区应急管理局§4.1.20:250:327迟报7分钟5/10" in compact
    # the 100-point total and grade: 100 x (25 x 145/150 + 55) / 80 = 99.0
    assert "信息报告2516145/15024.2" in compact  # weight 25, 16 lines, 145/150, 24.2
    assert "预警100—不适用" in compact
    assert "总分（按适用类别折算为百分制）99" in compact
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
    assert "迟报7分钟" in compact


def test_after_action_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    compact = flat(text_of(report(tmp_path, capsys, "--aar")))
    for label in (
        "应急演练总结报告",
        "一、演练概况",
        "二、信息报告时效",
        "三、评估结果",
        "四、主要做法与亮点",
        "五、存在问题及原因分析",
        "六、点评与经验教训",
        "七、预案实用性和可操作性评估（第9.3条）",
        "八、改进建议（含预案修订建议）",
        "九、整改计划",
        "十、参演人员名单",
    ):
        assert label in compact, label
    assert "区应急管理局电话报告" in compact and "迟7分钟" in compact and "改进项" in compact
    # §9.3: the readings the drill had to fix are put forward for the plan's revision
    assert "§4.1.2" in compact and "建议预案修订时予以明确" in compact


def test_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = " ".join(text_of(report(tmp_path, capsys, "--sheet", lang="en")).split())
    assert "Drill Scoring Sheet" in text and "1. Summary of scores" in text
    assert "7 min late" in text
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
