"""The `drill-app` verbs that use the database: verify, history, score, export, import.

Kept apart from commands.py so that the rules and replay verbs never import SQLAlchemy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import uuid
from dataclasses import replace
from pathlib import Path

from drill_app.cli.errors import EXIT_FINDINGS, EXIT_OK, CliError
from drill_app.cli.storage import opened_store
from drill_app.cli.textreport import format_sheet
from drill_app.core.compliance import history_json, plan_drill_status
from drill_app.core.evaluation import with_unit_totals
from drill_app.core.events import Event
from drill_app.core.exercise import Exercise
from drill_app.core.plan import load_plan
from drill_app.core.scoring import load_scoring_rules, sheet_to_json
from drill_app.core.sourcefile import DataFileError, read_text_file
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING
from drill_app.store.chain import VerifyResult, sha256_text
from drill_app.store.database import StoreError
from drill_app.store.portable import export_exercise, import_exercise
from drill_app.store.store import ArchivedExercise, NewExercise, SeatInfo, Store


def verify(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        return _verify(store, args)


def history(args: argparse.Namespace) -> int:
    from drill_app.wording.language import interface_language

    today = args.today or dt.date.today()
    with opened_store(args) as store:
        if args.json:
            return _history_json(store, today)
        with interface_language("zh_CN"):  # the listing is Chinese
            return _history(store, today)


def score(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        return _score(store, args)


def export(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        exercise_id = store.find_exercise(args.exercise)
        count = export_exercise(store, exercise_id, args.output)
    print(f"{args.output}: exercise {exercise_id}, {count} events")
    return EXIT_OK


def import_(args: argparse.Namespace) -> int:
    try:
        rules = load_scoring_rules(DEFAULT_SCORING)
    except DataFileError as exc:
        raise CliError(f"invalid scoring rules: {exc.problems[0]}") from None
    with opened_store(args) as store:
        result = import_exercise(store, args.file, rules)
    if result.already_present:
        print(f"exercise {result.exercise_id} is already here, the same: nothing to import")
    else:
        print(f"imported exercise {result.exercise_id}, {result.event_count} events")
    return EXIT_OK


LEGACY_NOTE = (
    "recorded before drill-app bound the exercise record: the chain covers the events, "
    "not the plan, scenario or exercise details"
)


def _verify(store: Store, args: argparse.Namespace) -> int:
    exercise_id = store.find_exercise(args.exercise)
    result = store.verify(exercise_id)
    if args.expect is not None:
        result = result.with_expected(args.expect)
    if result.ok:
        against = ", the hash on the signed sheet" if args.expect is not None else ""
        print(
            f"{exercise_id}: ok, {result.event_count} events, final hash {result.head_hash}"
            f"{against}"
        )
        if result.legacy:
            print(f"  {LEGACY_NOTE}")
        return EXIT_OK
    print(f"{exercise_id}: the record has been altered", file=sys.stderr)
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_FINDINGS


def verified_exercise(
    store: Store, exercise_id: str, scoring: Path, *, force: bool
) -> tuple[Exercise | ArchivedExercise, VerifyResult]:
    """The stored exercise, verified first: CliError (exit 1) unless it verifies, or *force*.

    The scoring rules must be those recorded with the exercise, when it recorded any.
    """
    try:
        rules_text = read_text_file(scoring)
        rules = load_scoring_rules(scoring)
    except DataFileError as exc:
        raise CliError(f"invalid scoring rules: {exc.problems[0]}") from None
    record = store.stored_record(exercise_id)
    check = record.check
    recorded = record.detail.scoring_sha256
    if recorded and recorded != sha256_text(rules_text):
        check = VerifyResult(
            False,
            check.event_count,
            check.head_hash,
            (*check.problems, f"{scoring} is not the scoring rules recorded with the exercise"),
            check.legacy,
        )
    if not check.ok and not force:
        raise CliError(
            f"{exercise_id}: the record fails verification ({check.problems[0]}); nothing "
            f"printed. `drill-app verify {exercise_id[:8]}` lists every problem; --force prints "
            "it marked as not verified.",
            EXIT_FINDINGS,
        )
    try:
        exercise = store.archived_exercise(record, rules)  # read only: records nothing
    except StoreError as exc:
        raise CliError(f"{exercise_id}: {exc}", EXIT_FINDINGS) from None
    return exercise, check


def _score(store: Store, args: argparse.Namespace) -> int:
    exercise_id = store.find_exercise(args.exercise)
    exercise, check = verified_exercise(store, exercise_id, args.scoring, force=args.force)
    sheet = exercise.score()
    if args.json:
        result = with_unit_totals(
            sheet_to_json(exercise.plan, sheet, exercise.rules),
            exercise.scenario,
            sheet,
            exercise.rules,
        )
        result["exercise"] = exercise_id
        result["final_hash"] = check.head_hash
        result["chain_ok"] = check.ok
        result["verification_problems"] = list(check.problems)
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK if check.ok else EXIT_FINDINGS
    failed = "校验未通过：记录已被改动，本评分不能作为评估依据（--force）"
    if not check.ok:
        print(failed)
    detail = store.exercise(exercise_id).summary
    print(f"{detail.title}  {detail.held_on.isoformat()}  [{exercise_id}]")
    from drill_app.wording.language import interface_language

    with interface_language("zh_CN"):  # the terminal table is Chinese, as the plan
        sys.stdout.write(format_sheet(exercise.plan, sheet, exercise.rules))
    state = "完整" if check.ok else "已被改动"
    print(f"事件记录终值哈希（{check.event_count}条，{state}）：{check.head_hash}")
    if not check.ok:
        print(failed)
    return EXIT_OK if check.ok else EXIT_FINDINGS


def _history(store: Store, today: dt.date) -> int:
    from drill_app.wording.evaluation import exercise_status_name, improvement_status_name

    plan = load_plan(DEFAULT_PLAN)
    exercises = store.list_exercises()
    held = [x.held_on for x in exercises if x.status == "ended"]
    status = plan_drill_status(plan, held, today)
    ref = plan.drills.ref
    print(f"演练情况（{ref}：每{plan.drills.interval_years}年至少组织一次应急演练）")
    if status.next_due is None:
        print("  尚无已完成的演练记录：应立即组织演练（已逾期）")
    else:
        days = status.days_left or 0
        state = f"已逾期{-days}天" if status.overdue else f"还有{days}天"
        if status.last_held is None:
            identity = plan.identity
            print(
                f"  尚无已完成的演练记录；预案自{identity.in_force_from}起实施"
                f"（{identity.in_force_ref}）"
            )
            print(f"  首次演练最迟：{status.next_due.isoformat()}（{state}）")
        else:
            print(f"  最近一次演练：{status.last_held.isoformat()}")
            print(f"  下次演练最迟：{status.next_due.isoformat()}（{state}）")
    print("  各年度演练次数：" + ("，".join(f"{y}年{n}次" for y, n in status.per_year) or "无"))
    print()
    print(f"演练记录（{len(exercises)}）")
    for x in exercises:
        print(
            f"  {x.held_on.isoformat()}  {exercise_status_name(x.status)}  {x.title}"
            f"  [{x.id[:8]}]  {x.event_count}条事件"
        )
    items = store.improvements(open_only=True)
    print()
    print(f"未完成的整改事项（{len(items)}）")
    for item in items:
        late = "  已逾期" if item.due_date < today else ""
        owner = plan.party_name(item.owner_unit)
        print(
            f"  {owner}  {item.due_date.isoformat()}  {improvement_status_name(item.status)}"
            f"  {item.action}{late}"
        )
    return EXIT_OK


def _history_json(store: Store, today: dt.date) -> int:
    plan = load_plan(DEFAULT_PLAN)
    held = [x.held_on for x in store.list_exercises() if x.status == "ended"]
    items = [
        {
            "id": item.id,
            "owner_unit": item.owner_unit,
            "action": item.action,
            "plan_ref": item.plan_ref,
            "due_date": item.due_date.isoformat(),
            "status": item.status,
            "overdue": item.due_date < today,
        }
        for item in store.improvements(open_only=True)
    ]
    json.dump(history_json(plan, held, items, today), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def save_replay(args: argparse.Namespace, exercise: Exercise) -> str:
    """Store a replayed exercise (its exact plan, scenario and rules, every event), at once.

    One transaction: a killed or failed save leaves nothing, never a half-saved drill.
    """
    with opened_store(args) as store:
        scenario = exercise.scenario
        exercise_id = uuid.uuid4().hex
        return store.create_exercise(
            NewExercise(
                title=scenario.title,
                plan_text=args.plan.read_text(encoding="utf-8"),
                scenario_text=args.scenario.read_text(encoding="utf-8"),
                held_on=args.held_on or dt.date.today(),
                exercise_type=scenario.exercise_type,
                location=scenario.location.name,
                seats=tuple(SeatInfo(u) for u in scenario.seats),
                options={"replayed_from": str(args.actions)},
                exercise_id=exercise_id,
                scoring_sha256=sha256_text(args.scoring.read_text(encoding="utf-8")),
            ),
            [_rehome(event, exercise_id) for event in exercise.events],
        )


def _rehome(event: Event, exercise_id: str) -> Event:
    return replace(event, id=f"{exercise_id}-{event.id}", exercise_id=exercise_id)
