"""Register the bundled CJK fonts with Qt so Chinese never renders as boxes, even with no system fonts.

WenQuanYi Micro Hei is the UI font (registered at start). The Hanazono fonts cover rare name
characters (CJK Extension A–F); they are large, so the app registers them just after the first paint
(``install_fallback_fonts``) and keeps start-up fast.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from desktop_app.core import paths

CJK_FAMILY = "WenQuanYi Micro Hei"
MAIN_FILES = ("wqy-microhei.ttc",)
FALLBACK_FILES = ("HanaMinA.ttf", "HanaMinB.ttf")
_families: dict[str, list[str]] = {}


def _add(file_name: str) -> list[str]:
    if file_name not in _families:
        path = paths.fonts_dir() / file_name
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        _families[file_name] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return _families[file_name]


def _apply(app, point_size: float | None = None) -> None:
    families = [CJK_FAMILY]
    for file_name in (*MAIN_FILES, *FALLBACK_FILES):
        families.extend(_families.get(file_name, []))
    font = QFont(app.font())
    font.setFamilies(list(dict.fromkeys(families)))
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)


def install_fonts(app, point_size: float | None = None, *, fallbacks: bool = False) -> list[str]:
    for file_name in MAIN_FILES:
        _add(file_name)
    if fallbacks:
        for file_name in FALLBACK_FILES:
            _add(file_name)
    _apply(app, point_size)
    return [f for fams in _families.values() for f in fams]


def install_fallback_fonts(app) -> list[str]:
    """Register the rare-character fonts (call after the first window is shown)."""
    return install_fonts(app, fallbacks=True)
