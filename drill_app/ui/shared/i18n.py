"""Interface language and fonts: the translators (from ``drill_app.wording.language``) and
a CJK font for the text.

Plan content is always shown as the plan has it (English mode uses the plan's ``*_en``).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from drill_app.wording.language import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    install_translators,
    is_english,
    remove_translators,
)

__all__ = [
    "CJK_FONT_FAMILY",
    "DEFAULT_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "install_translators",
    "interface_font",
    "is_english",
    "remove_translators",
]

# Chosen explicitly: with only Noto CJK installed, fallback picks the Japanese shapes.
CJK_FONT_FAMILY = "Noto Sans CJK SC"


def interface_font(base: QFont) -> QFont:
    """*base* with the Simplified Chinese CJK family when it is installed."""
    font = QFont(base)
    if CJK_FONT_FAMILY in QFontDatabase.families():
        font.setFamilies([CJK_FONT_FAMILY, *base.families()])
    return font
