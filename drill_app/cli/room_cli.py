"""`drill-app host` and `drill-app seat`: the training room without a window.

host: creates the exercise from SCENARIO in the database (or resumes one with
``--exercise``), claims it, listens, prints one JSON line (address, code,
exercise), runs the scripted injects, ends at the scenario's duration, exits 0.

seat: joins ADDRESS as UNIT, prints every message it receives as a JSON line,
sends the unit's lines of a replay-format actions file when the host's scenario
clock reaches each line's minute, exits 0 when the exercise ends. Each action line
is sent with an id derived from the file and the line, so a seat restarted after
being killed sends it again and the host still records it once.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import hashlib
import json
import socket
import sys
import threading
import time
from pathlib import Path

from drill_app.cli.errors import EXIT_OK, CliError
from drill_app.core.plan import Plan, load_plan
from drill_app.core.replay import Action, read_actions
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.core.sourcefile import DataFileError
from drill_app.net.client import JoinRequest, SeatClient
from drill_app.net.connection import HostOptions
from drill_app.net.host import HostService
from drill_app.net.protocol import AnyHostMessage
from drill_app.paths import DEFAULT_SCORING

MAX_SPEED = 120.0


def hosts(args: argparse.Namespace) -> int:
    from drill_app.net.discovery import find_hosts, parse_address

    if not 0 < args.timeout <= 30:
        raise CliError("--timeout must be more than 0 and at most 30 seconds")
    if args.address:
        try:
            parse_address(args.address)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    for host in find_hosts(args.address, args.timeout, args.interface):
        print(json.dumps(dataclasses.asdict(host), ensure_ascii=False), flush=True)
    return EXIT_OK


# --- host ------------------------------------------------------------------------------


def host(args: argparse.Namespace) -> int:
    from drill_app.store.database import StoreError
    from drill_app.store.ownership import OwnedElsewhere
    from drill_app.store.store import NewExercise, Store

    plan = _plan(args.plan)
    try:
        scenario = load_scenario(plan, args.scenario)
    except DataFileError as exc:
        raise CliError(f"invalid scenario: {exc.problems[0]}") from None
    if not 0 < args.speed <= MAX_SPEED:
        raise CliError(f"--speed must be more than 0 and at most {MAX_SPEED:g}")
    seats = tuple(args.seats or scenario.seats)
    unknown = [s for s in seats if s not in scenario.seats]
    if unknown:
        raise CliError(f"--seats: {unknown[0]!r} has no seat in this scenario")
    try:
        store = Store.open(args.host_db or args.db)
        exercise_id = args.exercise or store.create_exercise(
            NewExercise(
                title=scenario.title,
                plan_text=args.plan.read_text(encoding="utf-8"),
                scenario_text=args.scenario.read_text(encoding="utf-8"),
                held_on=dt.date.today(),
            )
        )
        if args.exercise:
            exercise_id = store.find_exercise(args.exercise)
        options = HostOptions(
            host=args.bind,
            port=args.port,
            code=args.code,
            speed=args.speed,
            start_when_joined=seats if args.start_when_joined else None,
            announce=not args.no_announce,
            announce_interfaces=("127.0.0.1",) if args.bind == "127.0.0.1" else None,
            announce_ip=_reachable_address(args.bind),
        )
        service = HostService(store, exercise_id, load_scoring_rules(DEFAULT_SCORING), options)
    except OwnedElsewhere as exc:
        raise CliError(str(exc)) from None
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        asyncio.run(_serve(service, args.start))
    finally:
        store.close()
    return EXIT_OK


async def _serve(service: HostService, start: bool) -> None:
    address = await service.start()
    host, port = address.rsplit(":", 1)
    shown = _reachable_address(host)
    line = {
        "address": f"{shown}:{port}",
        "code": service.room.code,
        "exercise": service.exercise_id,
    }
    print(json.dumps(line, ensure_ascii=False), flush=True)
    if start and not service.runner.exercise.started:
        await service.start_exercise()
    await service.run(until_ended=True)


def _reachable_address(bound: str) -> str:
    """The address seats should type: the bound one, or this machine's LAN address."""
    if bound not in ("0.0.0.0", "::", ""):
        return bound
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return "127.0.0.1"


def _plan(path: Path) -> Plan:
    try:
        return load_plan(path)
    except DataFileError as exc:
        raise CliError(f"invalid plan: {exc.problems[0]}") from None


# --- seat ------------------------------------------------------------------------------


def seat(args: argparse.Namespace) -> int:
    actions: list[Action] = []
    digest = ""
    if args.actions is not None:
        try:
            actions = [a for a in read_actions(args.actions) if a.unit == args.unit]
        except DataFileError as exc:
            raise CliError(str(exc.problems[0])) from None
        digest = hashlib.sha256(args.actions.read_bytes()).hexdigest()[:12]
    state = args.state or _default_state(args.address, args.unit)
    printer = threading.Lock()

    def show(message: AnyHostMessage) -> None:
        with printer:
            sys.stdout.write(message.model_dump_json() + "\n")
            sys.stdout.flush()

    join = JoinRequest(args.address, args.code, "seat", args.unit, args.name)
    client = SeatClient(join, state, on_message=show).start()
    try:
        for action in sorted(actions, key=lambda a: a.at):
            if not _wait_for_minute(client, action.at):
                break
            sid = f"{args.unit}-{digest}-L{action.line}"
            client.submit(action.kind, action.payload, submission_id=sid)
        while not client.ended.is_set() and client.closed_code is None:
            client.ended.wait(0.1)
    except KeyboardInterrupt:
        return 130
    finally:
        client.stop()
    if client.closed_code is not None:
        raise CliError(f"the host refused: {client.closed_code}")
    return EXIT_OK


def _wait_for_minute(client: SeatClient, minute: float) -> bool:
    """Wait until the host's scenario clock reaches *minute*; False if the exercise ended."""
    target = minute * 60
    while not client.ended.is_set() and client.closed_code is None:
        now = client.scenario_seconds()
        if now is not None and now >= target:
            return True
        time.sleep(0.01)
    return False


def _default_state(address: str, unit: str) -> Path:
    import platformdirs

    safe = address.replace(":", "_").replace("/", "_")
    return Path(platformdirs.user_data_dir("drill-app", appauthor=False)) / "seats" / safe / unit
