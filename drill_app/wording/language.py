"""The interface language: Qt translators for our strings and Qt's own.

The interface strings are English in the code (``self.tr(...)`` and
``QCoreApplication.translate(...)``); ``assets/translations/drill_app_<lang>.qm`` turns
them into another language. Used by the window, the documents and the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from drill_app.paths import TRANSLATIONS_DIR

DEFAULT_LANGUAGE = "zh_CN"
# "en" needs no translator: the source strings are English.
SUPPORTED_LANGUAGES = ("zh_CN", "en")


def is_english(language: str) -> bool:
    return language == "en"


def interface_is_english() -> bool:
    """True when no Chinese translation is installed (``--lang en`` or a broken install)."""
    source = "Phone report"
    return translate("ReportKind", source) == source


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our translation and Qt's own (dialog buttons) for *language*.

    Returns the installed translators: keep them referenced while they should apply, and
    pass them to ``remove_translators`` to switch back. Raises ValueError for a language
    we do not ship and FileNotFoundError when our translation file is missing.
    """
    if language not in SUPPORTED_LANGUAGES:
        supported = ", ".join(SUPPORTED_LANGUAGES)
        raise ValueError(f"unsupported language {language!r} (supported: {supported})")
    if is_english(language):
        return []
    ours = QTranslator(app)
    qm_file = TRANSLATIONS_DIR / f"drill_app_{language}.qm"
    if not ours.load(str(qm_file)):
        raise FileNotFoundError(f"cannot load the translation {qm_file}")
    installed = [ours]
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


_without_app: list[QTranslator] = []
"""Translators in force where no Qt application runs (the command line)."""


def translate(context: str, source: str) -> str:
    """``QCoreApplication.translate``, or the command line's translators when no app runs."""
    if _without_app:
        for translator in _without_app:
            text = translator.translate(context, source)
            if text:
                return text
        return source
    return QCoreApplication.translate(context, source)


@contextmanager
def interface_language(language: str) -> Iterator[None]:
    """Words in *language* inside the block, also where no Qt application runs (the command
    line: a bare translator is consulted; no application is created)."""
    app = QCoreApplication.instance()
    if app is not None:
        translators = install_translators(app, language)
        try:
            yield
        finally:
            remove_translators(app, translators)
        return
    loaded = _load_ours(language)
    _without_app.extend(loaded)
    try:
        yield
    finally:
        for translator in loaded:
            _without_app.remove(translator)


def _load_ours(language: str) -> list[QTranslator]:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    if is_english(language):
        return []
    translator = QTranslator()
    qm_file = TRANSLATIONS_DIR / f"drill_app_{language}.qm"
    if not translator.load(str(qm_file)):
        raise FileNotFoundError(f"cannot load the translation {qm_file}")
    return [translator]
