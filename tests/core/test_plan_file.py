"""The plan data file: complete, cited, and a broken file is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill_app.core.plan import Plan, iter_refs, load_plan
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN


def test_identity(plan: Plan) -> None:
    assert plan.identity.title == "济南市历下区城镇燃气突发事件应急预案"
    assert plan.identity.document_number == "历下政办字〔2025〕5号"
    assert str(plan.identity.issued_on) == "2025-11-21"


def test_the_whole_organisation_is_there(plan: Plan) -> None:
    names = {u.name for u in plan.units}
    for name in [
        "区委宣传部",
        "区发展和改革局",
        "市公安局历下分局",
        "区财政局",
        "市生态环境局历下分局",
        "区住房和城乡建设局",
        "区交警大队",
        "区卫生健康局",
        "区应急管理局",
        "区市场监管局",
        "区消防救援大队",
        "区市政工程服务中心",
        "街道办事处",
        "山东港华燃气集团有限公司",
        "其他燃气供应企业",
    ]:
        assert name in names
    assert [g.name for g in plan.groups] == [
        "治安维护组",
        "抢险救援组",
        "医疗救护组",
        "后勤保障组",
        "环境监测组",
        "供应保障组",
        "善后处置组",
        "专家工作组",
    ]
    assert plan.command.office.host_unit == "housing"


@pytest.mark.parametrize(
    ("alias", "unit_id"),
    [
        ("区住建局", "housing"),
        ("区发展改革局", "ndrc"),
        ("区发展和改革委员会", "ndrc"),
        ("区市场监督管理局", "market"),
        ("区市政工程施工服务中心", "municipal"),
        ("抢险抢修组", None),
    ],
)
def test_aliases_the_text_uses(plan: Plan, alias: str, unit_id: str | None) -> None:
    unit = plan.resolve_unit(alias)
    assert (unit.id if unit else None) == unit_id


def test_rescue_group_alias(plan: Plan) -> None:
    assert "抢险抢修组" in plan.groups_by_id["rescue"].aliases


def test_reporting_deadlines_and_checklist(plan: Plan) -> None:
    minutes = {o.id: o.deadline_minutes for o in plan.reporting.obligations}
    assert minutes["phone_report"] == 20
    assert minutes["written_report"] == 45
    assert minutes["sensitive_report"] == 60
    assert minutes["level_iv_result_report"] == 24 * 60
    assert minutes["investigation_report"] == 60 * 24 * 60
    assert len(plan.reporting.content) == 17
    assert plan.reporting.content_ref == "§4.1.3"


def test_supply_priority_order(plan: Plan) -> None:
    assert [u.name for u in plan.actions.supply_priority] == [
        "居民生活用气",
        "公共福利用户用气",
        "公共交通工具用气",
        "商业用户用气",
        "工业生产用气",
    ]


def test_drill_interval(plan: Plan) -> None:
    assert plan.drills.interval_years == 2
    assert plan.drills.ref == "§9.3"


def test_every_section_the_issue_names_is_cited(plan: Plan) -> None:
    refs = set(iter_refs(plan))
    for ref in [
        "§1.6.1.1",
        "§1.6.1.2",
        "§1.7",
        "§2.1.3",
        "§2.2",
        "§2.3.2.1",
        "§2.3.2.8",
        "§3.3.1",
        "§3.4",
        "§3.5.1",
        "§3.5.7",
        "§4.1.1",
        "§4.1.2",
        "§4.1.3",
        "§5.1.1.1",
        "§5.1.2",
        "§5.2.1",
        "§5.2.4",
        "§5.3.1.7",
        "§5.5",
        "§5.6",
        "§6.1.1",
        "§8",
        "§9.3",
        "§10.1",
    ]:
        assert ref in refs, ref


def test_every_ambiguity_of_the_digest_is_an_explicit_setting(plan: Plan) -> None:
    settings = plan.settings
    assert settings.reporting_clock_start.value in ("occurred", "known")
    assert settings.report_duty.value in ("each_unit", "joint")
    assert settings.warning_demand_households.value in ("either", "both")
    readings = {r.id for r in plan.readings}
    assert {"level_iv_floor", "households_24h_outcome", "warning_band_edges"} <= readings


# --- broken files ---------------------------------------------------------------


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT_PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems(path: Path) -> list[str]:
    with pytest.raises(DataFileError) as info:
        load_plan(path)
    return [str(p) for p in info.value.problems]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = broken(tmp_path, "  interval_years: 2\n", "  interval_years: [2\n")
    (message,) = problems(path)
    assert message.startswith(f"{path}:")
    assert "YAML syntax" in message


def test_wrong_type_names_the_field_and_line(tmp_path: Path) -> None:
    path = broken(tmp_path, "  interval_years: 2\n", "  interval_years: often\n")
    (message,) = problems(path)
    line = line_of(path, "interval_years: often")
    assert message.startswith(f"{path}:{line}:19: drills.interval_years:")


def test_missing_field(tmp_path: Path) -> None:
    path = broken(tmp_path, "  organiser: district_hq_office\n", "")
    (message,) = problems(path)
    assert "drills.organiser: required field is missing" in message
    assert message.startswith(f"{path}:{line_of(path, 'drills:') + 1}:")


def test_unknown_unit_reference(tmp_path: Path) -> None:
    path = broken(tmp_path, "    lead: police\n", "    lead: polise\n")
    (message,) = problems(path)
    assert message == f"{path}:{line_of(path, 'lead: polise')}:11: unknown unit 'polise'"


def test_unknown_fact_in_a_criterion(tmp_path: Path) -> None:
    path = broken(tmp_path, "    fact: deaths\n", "    fact: death\n")
    (message,) = problems(path)
    assert "unknown fact 'death'" in message


def test_duplicate_key(tmp_path: Path) -> None:
    path = broken(tmp_path, "  interval_years: 2\n", "  interval_years: 2\n  interval_years: 3\n")
    (message,) = problems(path)
    assert (
        message == f"{path}:{line_of(path, 'interval_years: 3')}:3: duplicate key 'interval_years'"
    )


def test_a_level_missing_from_the_response_table(tmp_path: Path) -> None:
    text = DEFAULT_PLAN.read_text(encoding="utf-8")
    start = text.index("  - level: I\n    leads: city_hq")
    end = text.index("\nwarnings:")
    path = tmp_path / "plan.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert any("responses: missing I" in p for p in problems(path))


def test_unreadable_and_empty_files(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml")[0].startswith(
        f"{tmp_path / 'nope.yaml'}:1:1: cannot read"
    )
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert problems(empty) == [f"{empty}:1:1: the file is empty"]
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"a: 1\n\xff\xfe")
    assert problems(binary) == [f"{binary}:2:1: the file is not UTF-8 text"]
