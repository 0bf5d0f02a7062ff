"""Guards on the Qt binding itself, for faults that would crash a long drill."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    bare = Signal()
    carrying = Signal(object)


def test_emitting_signals_leaks_no_reference_to_true(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped a reference to True on every emit, and the
    # interpreter aborted ("bool_dealloc") after about a thousand: a status board emits
    # that many in minutes.  Fifty emits show the leak without reaching the crash.
    emitter = _Emitter()
    emitter.bare.connect(lambda: None)
    emitter.carrying.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(25):
        emitter.bare.emit()
        emitter.carrying.emit(1)
    # (Another reference may appear meanwhile; the fault is references lost.)
    assert sys.getrefcount(True) - before >= 0
