"""The `host` and `seat` verbs' arguments (argparse only: cheap to import for every run)."""

from __future__ import annotations

import argparse
from pathlib import Path

HOST_HELP = "host an exercise on the network without a window"
HOST_DESCRIPTION = (
    "Create an exercise from SCENARIO and host it: the first line on standard output is "
    "one JSON object with address, code and exercise. Scripted injects are released on "
    "time; the exercise ends at the scenario's duration."
)
SEAT_HELP = "join a hosted exercise as one unit's seat, without a window"
SEAT_DESCRIPTION = "Print every message received as a JSON line; exit 0 when it ends."
JOIN_HELP = "join a hosted exercise as a trainee: the join dialog, then the trainee window"
JOIN_DESCRIPTION = (
    "Open the join dialog (hosts found on the network are listed; ADDRESS, typed where "
    "multicast is blocked, is filled in), then the trainee window of the seat joined."
)
HOSTS_HELP = "list the exercises hosted on the network"
HOSTS_DESCRIPTION = (
    "Browse mDNS/DNS-SD for hosted exercises and print one JSON line per host. With "
    "ADDRESS (typed where multicast is blocked) that one address is tried as well."
)


def host_arguments(host: argparse.ArgumentParser) -> None:
    host.add_argument("scenario", type=Path, metavar="SCENARIO")
    host.add_argument("--db", dest="host_db", metavar="URL", help="database URL")
    host.add_argument("--port", type=int, default=0, help="port to listen on (default: any)")
    host.add_argument("--bind", default="0.0.0.0", help="address to listen on (default: all)")
    host.add_argument("--code", help="the join code (default: a new random one)")
    host.add_argument("--speed", type=float, default=1.0, help="clock speed (1 to 120)")
    when = host.add_mutually_exclusive_group()
    when.add_argument("--start", action="store_true", help="start the clock at once")
    when.add_argument(
        "--start-when-joined", action="store_true", help="start once every seat has joined"
    )
    host.add_argument("--seats", nargs="+", metavar="UNIT", help="the seats to wait for")
    host.add_argument("--exercise", metavar="ID", help="resume this stored exercise")
    host.add_argument(
        "--no-announce", action="store_true", help="do not announce the exercise by mDNS"
    )


def hosts_arguments(hosts: argparse.ArgumentParser) -> None:
    hosts.add_argument("address", nargs="?", metavar="ADDRESS", help="HOST[:PORT] to try")
    hosts.add_argument("--timeout", type=float, default=2.0, help="seconds to listen (max 30)")
    hosts.add_argument(
        "--interface", action="append", metavar="IP", help="browse on this interface only"
    )


def seat_arguments(seat: argparse.ArgumentParser) -> None:
    seat.add_argument("address", metavar="ADDRESS", help="HOST:PORT of the host")
    seat.add_argument("--code", required=True, help="the join code")
    seat.add_argument("--unit", required=True, help="the unit whose seat this is")
    seat.add_argument("--name", default="", help="the person at the seat")
    seat.add_argument("--actions", type=Path, metavar="FILE.jsonl", help="actions to send")
    seat.add_argument("--state", type=Path, help="folder for the outbox (default: per user)")


def join_arguments(join: argparse.ArgumentParser) -> None:
    join.add_argument(
        "address", nargs="?", default="", metavar="ADDRESS", help="HOST:PORT of the host"
    )
