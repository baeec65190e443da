"""Register the bundled CJK font with Qt so Chinese never renders as boxes, even with no system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from desktop_app.core import paths

CJK_FAMILY = "WenQuanYi Micro Hei"
_loaded: list[str] = []


def install_fonts(app, point_size: float | None = None) -> list[str]:
    if not _loaded:
        for file in sorted(paths.fonts_dir().glob("*.tt[fc]")):
            font_id = QFontDatabase.addApplicationFont(str(file))
            if font_id >= 0:
                _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont(app.font())
    families = [f for f in [CJK_FAMILY, *_loaded] if f]
    font.setFamilies(list(dict.fromkeys(families)))
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return list(_loaded)
