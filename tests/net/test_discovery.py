"""Finding a host: mDNS/DNS-SD on the loopback interface, and a typed address as fallback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from roomtest import CLI, Proc, free_port, start_host

from drill_app.net.discovery import DEFAULT_PORT, parse_address


def hosts(*args: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [*CLI, "hosts", "--interface", "127.0.0.1", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_host_announced_on_the_network_is_found_with_its_exercise(
    procs: list[Proc], tmp_path: Path
) -> None:
    _, first = start_host(procs, f"sqlite:///{tmp_path / 'a.sqlite3'}", "--code", "FINDME")
    found = hosts("--timeout", "10")
    mine = [h for h in found if h["exercise"] == first["exercise"]]
    assert mine == [
        {
            "address": first["address"],
            "exercise": first["exercise"],
            "title": "姚家街道山海社区居民楼燃气爆炸事故桌面推演",
            "protocol": 1,
            "announced": True,
        }
    ]


def test_where_multicast_is_blocked_the_typed_address_alone_is_tried(
    procs: list[Proc], tmp_path: Path
) -> None:
    _, first = start_host(procs, f"sqlite:///{tmp_path / 'a.sqlite3'}", "--no-announce")
    typed = hosts("--timeout", "0.5", first["address"])
    assert {
        "address": first["address"],
        "exercise": "",
        "title": "",
        "protocol": 0,
        "announced": False,
    } in typed
    nobody = f"127.0.0.1:{free_port()}"
    assert all(h["address"] != nobody for h in hosts("--timeout", "0.5", nobody))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("192.168.1.20:47615", ("192.168.1.20", 47615)),
        ("pc-07", ("pc-07", DEFAULT_PORT)),
        (" 10.0.0.5:8080 ", ("10.0.0.5", 8080)),
    ],
)
def test_typed_addresses(typed: str, expected: tuple[str, int]) -> None:
    assert parse_address(typed) == expected


@pytest.mark.parametrize("typed", ["", ":80", "host:0", "host:70000", "host:http", "a b:1"])
def test_bad_typed_addresses_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_address(typed)


def test_a_bad_typed_address_on_the_command_line_is_one_line_and_exit_2() -> None:
    done = subprocess.run([*CLI, "hosts", "pc:http"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == "drill-app hosts: not a port number: 'http'"
