"""Interface language and fonts: Qt translators for the chrome, a CJK font for the text.

The interface strings are English in the code (``self.tr(...)`` and
``QCoreApplication.translate(...)``); ``assets/translations/drill_app_<lang>.qm`` turns
them into another language. Plan content is always shown as the plan has it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from drill_app.paths import TRANSLATIONS_DIR

DEFAULT_LANGUAGE = "zh_CN"
# "en" needs no translator: the source strings are English.
SUPPORTED_LANGUAGES = ("zh_CN", "en")
# Chosen explicitly: with only Noto CJK installed, fallback picks the Japanese shapes.
CJK_FONT_FAMILY = "Noto Sans CJK SC"


def is_english(language: str) -> bool:
    return language == "en"


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


def interface_font(base: QFont) -> QFont:
    """*base* with the Simplified Chinese CJK family when it is installed."""
    font = QFont(base)
    if CJK_FONT_FAMILY in QFontDatabase.families():
        font.setFamilies([CJK_FONT_FAMILY, *base.families()])
    return font
