"""The Help menu: the illustrated user guide, the keyboard shortcuts, About (version and licences).

The guide is Markdown with screenshots in docs/guide/ (guide_zh_CN.md, guide_en.md, images/), shown
in a QTextBrowser; the same files are bundled into the installers. Shortcuts come from the action
registry (ui/actions.py) and the features' navigation shortcuts, so the list can never go stale.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.core import paths
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.actions import Action
from desktop_app.ui.widgets import fit_columns

GUIDE_TEXT = QT_TRANSLATE_NOOP("Help", "User guide")
GUIDE_SHORTCUT = "Shift+F1"

# (distribution name, shown name, licence) of the libraries inside the installers.
LIBRARIES = (
    ("PySide6-Essentials", "Qt for Python (PySide6)", "LGPL-3.0"),
    ("SQLModel", "SQLModel", "MIT"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD-3-Clause"),
    ("segno", "segno", "BSD-3-Clause"),
    ("pypinyin", "pypinyin", "MIT"),
    ("python-stdnum", "python-stdnum", "LGPL-2.1-or-later"),
    ("phonenumbers", "phonenumbers", "Apache-2.0"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("chinese-calendar", "chinese-calendar", "MIT"),
    ("ortools", "OR-Tools", "Apache-2.0"),
    ("openpyxl", "openpyxl", "MIT"),
    ("psycopg", "psycopg", "LGPL-3.0"),
    ("numpy", "NumPy", "BSD-3-Clause"),
    ("pandas", "pandas", "BSD-3-Clause"),
)


def guide_dir() -> Path:
    return paths.resources_dir().parent / "docs" / "guide"


def guide_path(language: str) -> Path:
    """The guide in ``language`` ("zh_CN" or "en"); Chinese when there is none in that language."""
    path = guide_dir() / f"guide_{language}.md"
    return path if path.exists() else guide_dir() / "guide_zh_CN.md"


def current_language() -> str:
    """The language of the interface as installed (a Chinese translation loaded or not)."""
    probe = QCoreApplication.translate("Help", GUIDE_TEXT)
    return "en" if probe == GUIDE_TEXT else "zh_CN"


def shortcut_rows(features=()) -> list[tuple[str, str]]:
    """(what, keys) for every registered action with a shortcut, the guide and each page."""
    rows = [(QCoreApplication.translate("Actions", a.text), a.shortcut) for a in Action if a.shortcut]
    rows.append((QCoreApplication.translate("Help", GUIDE_TEXT), GUIDE_SHORTCUT))
    rows += [(QCoreApplication.translate("Navigation", f.title), f.shortcut) for f in features if f.shortcut]
    return rows


def font_licences() -> list[tuple[str, str]]:
    """(family, licence) rows of resources/fonts/README.md's table, the fonts actually bundled."""
    readme = paths.fonts_dir() / "README.md"
    rows = []
    if readme.exists():
        for line in readme.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[0] and not cells[0].startswith(("file", "---")):
                family = re.sub(r"\s*\(subfont \d+\)", "", cells[1])
                licence = re.sub(r"\s*\(.*?\)\s*$", "", cells[3])
                if licence == "same" and rows:  # the README says "same" for the second Hanazono file
                    licence = rows[-1][1]
                rows.append((family, licence))
    return rows


def library_rows() -> list[tuple[str, str, str]]:
    out = []
    for dist, name, licence in LIBRARIES:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = ""
        out.append((name, version, licence))
    return out


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close = QCoreApplication.translate("Help", "Close")
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(close)
    buttons.rejected.connect(dialog.reject)
    return buttons


class GuideDialog(QDialog):
    """The user guide with its screenshots; links between sections work, external links open outside."""

    def __init__(self, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("SmileDesk user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        self.path = guide_path(language or current_language())
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(_close_buttons(self))
        self.resize(900, 700)


class ShortcutsDialog(QDialog):
    def __init__(self, features=(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(features)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (what, keys) in enumerate(rows):
            native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            self.table.setItem(r, 0, QTableWidgetItem(native))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        fit_columns(self.table)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(_close_buttons(self))
        self.resize(480, 460)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About SmileDesk"))
        head = QLabel(
            "<h2>SmileDesk 微笑驿站 {version}</h2><p>{what}</p><p>{licence}</p>".format(
                version=__version__,
                what=self.tr("Desk software for community service stations: visits, volunteer rosters, meals, "
                             "smile passports and certificates. Works offline on the station's own computer."),
                licence=self.tr("SmileDesk is free software under the Apache License 2.0."),
            )
        )
        head.setTextFormat(Qt.TextFormat.RichText)  # our own words only (ui.plain_text)
        head.setObjectName("aboutHead")
        head.setWordWrap(True)
        fonts = font_licences()
        libs = library_rows()
        self.table = QTableWidget(len(fonts) + len(libs), 3)
        self.table.setObjectName("licencesTable")
        self.table.setAccessibleName(self.tr("Bundled fonts and libraries with their licences"))
        self.table.setHorizontalHeaderLabels([self.tr("Font or library"), self.tr("Version"), self.tr("Licence")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (family, licence) in enumerate(fonts):
            for c, text in enumerate((self.tr("Font: {family}").format(family=family), "", licence)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for r, row in enumerate(libs, start=len(fonts)):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        fit_columns(self.table)
        where = QLabel(self.tr("Licence texts of the fonts are in resources/fonts/ of the installation folder."))
        where.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(where)
        lay.addWidget(_close_buttons(self))
        self.resize(640, 560)


def guide_action(parent: QWidget, open_guide) -> QAction:
    action = QAction(QCoreApplication.translate("Help", GUIDE_TEXT), parent)
    action.setObjectName("user_guide")
    action.setShortcut(QKeySequence(GUIDE_SHORTCUT))
    action.triggered.connect(open_guide)
    return action
