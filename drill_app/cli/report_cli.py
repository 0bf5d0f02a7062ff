"""`drill-app report`: the scoring sheet or the after-action report as a PDF, headless.

For a stored exercise (scored against the exact plan and scenario it ran with) or for
a replay.  Qt renders the pages offscreen; no window opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from drill_app.cli.errors import EXIT_FINDINGS, EXIT_OK, CliError
from drill_app.core.plan import Plan, load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.core.sourcefile import DataFileError
from drill_app.reports.context import ImprovementRow, ReportContext, Verification, seats_of
from drill_app.wording.plan_words import PlanWords
from drill_app.wording.refusals import problem_text


def _unit(plan: Plan, name: str | None) -> str | None:
    if name is None:
        return None
    unit = plan.resolve_unit(name)
    if unit is None:
        raise CliError(f"--unit: the plan has no unit {name!r}")
    return unit.id


def context_from_replay(args: argparse.Namespace) -> ReportContext:
    plan = load_plan(args.plan)
    rules = load_scoring_rules(args.scoring)
    scenario_path, actions_path = (Path(p) for p in args.replay)
    scenario = load_scenario(plan, scenario_path)
    try:
        exercise, sheet = replay(
            plan, scenario, rules, read_actions(actions_path), file=str(actions_path)
        )
    except DataFileError as exc:  # a refused command: worded by the one table
        words = PlanWords(plan, scenario=scenario)
        raise CliError(problem_text(exc.problems[0], words)) from None
    return ReportContext(
        title=scenario.title,
        held_on=args.held_on,  # None: the documents say the replay has no date
        location=scenario.location.name,
        exercise_type=scenario.exercise_type,
        controller="",
        evaluators=(),
        seats=seats_of(scenario),
        plan=plan,
        scenario=scenario,
        rules=exercise.rules,
        sheet=sheet,
        events=tuple(exercise.events),
        language=args.lang,
    )


def context_from_store(args: argparse.Namespace) -> ReportContext:
    from drill_app.cli.archive_cli import verified_exercise
    from drill_app.cli.storage import opened_store  # SQLAlchemy only for a stored exercise

    with opened_store(args) as store:
        exercise_id = store.find_exercise(args.exercise)
        exercise, check = verified_exercise(store, exercise_id, args.scoring, force=args.force)
        detail = store.exercise(exercise_id)
        items = [i for i in store.improvements() if i.exercise_id == exercise_id]
    return ReportContext(
        title=detail.summary.title,
        held_on=detail.summary.held_on,
        location=detail.location,
        exercise_type=detail.summary.exercise_type,
        controller=detail.controller,
        evaluators=detail.evaluators,
        seats=seats_of(exercise.scenario, [(s.unit_id, s.participant) for s in detail.seats]),
        plan=exercise.plan,
        scenario=exercise.scenario,
        rules=exercise.rules,
        sheet=exercise.score(),
        events=tuple(exercise.events),
        improvements=tuple(
            ImprovementRow(
                i.issue,
                i.action,
                i.element,
                i.owner_unit,
                i.contact,
                i.plan_ref,
                i.start_date,
                i.due_date,
                i.status,
            )
            for i in items
        ),
        final_hash=check.head_hash,
        verification=Verification(check.ok, check.event_count, check.head_hash),
        not_verified=not check.ok,
        language=args.lang,
    )


def run(args: argparse.Namespace) -> int:
    args.lang = args.lang or "zh_CN"  # the documents are in Chinese unless asked otherwise
    if (args.exercise is None) == (args.replay is None):
        raise CliError("give an EXERCISE from the database or --replay SCENARIO ACTIONS")
    if args.unit is not None and not args.sheet:
        raise CliError("--unit goes with --sheet (one scoring sheet per unit)")
    try:
        ctx = context_from_replay(args) if args.replay else context_from_store(args)
    except DataFileError as exc:
        raise CliError(str(exc.problems[0])) from None
    unit = _unit(ctx.plan, args.unit)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: pages only
    from PySide6.QtGui import QGuiApplication

    from drill_app.reports.aar import after_action_report
    from drill_app.reports.render import export_pdf
    from drill_app.reports.sheet import scoring_sheet
    from drill_app.wording.language import install_translators, remove_translators

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    translators = install_translators(app, args.lang)
    try:
        document = scoring_sheet(ctx, unit) if args.sheet else after_action_report(ctx)
        try:
            pages = export_pdf(document, args.pdf)
        except OSError as exc:
            raise CliError(f"{args.pdf}: cannot write: {exc}") from None
    finally:
        remove_translators(app, translators)
    print(f"{args.pdf}: {pages} pages")
    if ctx.not_verified:
        print(f"{args.pdf}: every page is marked: the record failed verification", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
