"""Finding hosts on the room's network: mDNS/DNS-SD (``zeroconf``), typed address fallback.

A host announces ``_drill-app._tcp.local.`` with its exercise and title; a workstation
browses for a bounded time. Where multicast is blocked the user types the host's
address, and only that one address is tried (one TCP connection, bounded by a
timeout): nothing is scanned, nothing is sent anywhere else. Tests keep both on the
loopback interface.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

from drill_app.net.protocol import PROTOCOL_VERSION

SERVICE_TYPE = "_drill-app._tcp.local."
DEFAULT_PORT = 47615
"""The port a host listens on when none is chosen (and a typed address without one)."""


@dataclass(frozen=True)
class FoundHost:
    address: str
    """HOST:PORT to join."""
    exercise: str = ""
    title: str = ""
    protocol: int = 0
    announced: bool = True
    """False for a typed address that answered (nothing is known about it yet)."""


def parse_address(text: str, default_port: int = DEFAULT_PORT) -> tuple[str, int]:
    """HOST or HOST:PORT as typed; ValueError says what is wrong."""
    text = text.strip()
    host, port_text = text.rsplit(":", 1) if ":" in text else (text, "")
    if not host or any(c.isspace() for c in host) or len(host) > 253:
        raise ValueError(f"not a host address: {text!r}")
    if not port_text:
        return host, default_port
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"not a port number: {port_text!r}")
    return host, int(port_text)


def probe(address: str, timeout: float = 1.0) -> bool:
    """Whether something listens at this one typed address (a single TCP connection)."""
    host, port = parse_address(address)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _zeroconf(interfaces: Sequence[str] | None) -> Zeroconf:
    if interfaces is None:
        return Zeroconf(ip_version=IPVersion.V4Only)
    return Zeroconf(interfaces=list(interfaces), ip_version=IPVersion.V4Only)


class Announcer:
    """Announces one hosted exercise until closed."""

    def __init__(
        self,
        ip: str,
        port: int,
        exercise: str,
        title: str,
        interfaces: Sequence[str] | None = None,
    ) -> None:
        name = f"drill-{exercise[:16]}.{SERVICE_TYPE}"  # DNS labels: ASCII, <= 63 bytes
        self._info = ServiceInfo(
            SERVICE_TYPE,
            name,
            addresses=[socket.inet_aton(ip)],
            port=port,
            properties={
                "protocol": str(PROTOCOL_VERSION),
                "exercise": exercise[:64],
                "title": title[:60],  # a TXT string holds 255 bytes
            },
            server=f"drill-{exercise[:8]}.local.",
        )
        self._interfaces = interfaces
        self._zc: Zeroconf | None = None

    def start(self) -> Announcer:
        self._zc = _zeroconf(self._interfaces)
        self._zc.register_service(self._info, allow_name_change=True)
        return self

    def close(self) -> None:
        if self._zc is not None:
            self._zc.unregister_service(self._info)
            self._zc.close()
            self._zc = None


class _Collector(ServiceListener):
    def __init__(self, on_change: Callable[[], None] | None) -> None:
        self.found: dict[str, FoundHost] = {}
        self.lock = threading.Lock()
        self._on_change = on_change

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        info = zc.get_service_info(type_, name, timeout=1000)
        if info is None or not info.parsed_addresses() or info.port is None:
            return
        props = {_text(k): _text(v) for k, v in info.properties.items()}
        host = FoundHost(
            f"{info.parsed_addresses()[0]}:{info.port}",
            props.get("exercise", ""),
            props.get("title", ""),
            int(props["protocol"]) if props.get("protocol", "").isdigit() else 0,
        )
        with self.lock:
            self.found[name] = host
        self._changed()

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.add_service(zc, type_, name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        with self.lock:
            self.found.pop(name, None)
        self._changed()


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value or "")


class HostBrowser:
    """Watches the network for hosts until closed; *on_change* is called from zeroconf's
    thread when the list changes (a window forwards it to its own thread)."""

    def __init__(
        self, interfaces: Sequence[str] | None = None, on_change: Callable[[], None] | None = None
    ) -> None:
        self._interfaces = interfaces
        self._collector = _Collector(on_change)
        self._zc: Zeroconf | None = None
        self._browser: ServiceBrowser | None = None

    def start(self) -> HostBrowser:
        self._zc = _zeroconf(self._interfaces)
        self._browser = ServiceBrowser(self._zc, SERVICE_TYPE, self._collector)
        return self

    def hosts(self) -> list[FoundHost]:
        with self._collector.lock:
            return sorted(self._collector.found.values(), key=lambda h: (h.title, h.address))

    def close(self) -> None:
        if self._browser is not None:
            self._browser.cancel()
        if self._zc is not None:
            self._zc.close()
        self._zc = self._browser = None


def browse(timeout: float = 2.0, interfaces: Sequence[str] | None = None) -> list[FoundHost]:
    """Hosts announced on the network within *timeout* seconds (returns at once when
    one has answered and nothing new came for a quarter of a second)."""
    changed = threading.Event()
    browser = HostBrowser(interfaces, changed.set).start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if changed.wait(min(0.25, max(0.0, deadline - time.monotonic()))):
                changed.clear()
            elif browser.hosts():
                break
        return browser.hosts()
    finally:
        browser.close()


def find_hosts(
    typed: str | None = None, timeout: float = 2.0, interfaces: Sequence[str] | None = None
) -> list[FoundHost]:
    """Announced hosts, plus the typed address when it answers and was not announced."""
    hosts = browse(timeout, interfaces)
    if typed:
        host, port = parse_address(typed)
        address = f"{host}:{port}"
        if all(h.address != address for h in hosts) and probe(address, timeout):
            hosts.append(FoundHost(address, announced=False))
    return hosts
