"""Help menu: the illustrated guide in both languages, the shortcuts list, About with licences."""

from __future__ import annotations

import re

import pytest

from desktop_app.ui import help as help_ui
from desktop_app.ui.actions import Action


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_guide_exists_and_every_picture_it_shows_is_there(language):
    path = help_ui.guide_path(language)
    assert path.name == f"guide_{language}.md"
    text = path.read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) >= 5
    for image in images:
        assert (path.parent / image).exists(), image


def _outline(language: str) -> dict[str, list[str]]:
    """What a guide holds besides its wording: sections, pictures, numbered steps, list items, keys, commands."""
    text = help_ui.guide_path(language).read_text(encoding="utf-8").replace("Ctrl+回车", "Ctrl+Enter")  # as the UI says
    return {
        "sections": re.findall(r"^(#+) ", text, re.M),
        "pictures": [p.replace(f"_{language}.", ".") for p in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)],
        "steps": re.findall(r"^(\d+)\. ", text, re.M),
        "items": re.findall(r"^(\s*)- ", text, re.M),
        "keys": sorted(set(re.findall(r"(?:Ctrl|Shift)\+[\w,]+(?:\+\w)?", text))),
        "commands": sorted({" ".join(c.split()[:2]) for c in re.findall(r"`(smiledesk[^`]*|install\.sh[^`]*)`", text)}),
    }


def test_the_chinese_guide_is_as_complete_as_the_english_one():
    """Issue 15: the Chinese guide was shorter. Both have the same sections in the same order, the same
    pictures, steps and list items, and mention the same keys and commands."""
    chinese, english = _outline("zh_CN"), _outline("en")
    for part in english:
        assert chinese[part] == english[part], part
    headings = re.findall(r"^#+ (.*)$", help_ui.guide_path("zh_CN").read_text(encoding="utf-8"), re.M)
    assert all(re.search(r"[\u4e00-\u9fff]", h) for h in headings), headings


@pytest.mark.parametrize(("language", "heading"), [("zh_CN", "首次启动"), ("en", "First start")])
def test_the_guide_dialog_shows_the_guide_with_its_pictures(qtbot, language, heading):
    dialog = help_ui.GuideDialog(language)
    qtbot.addWidget(dialog)
    assert heading in dialog.browser.toPlainText()
    doc = dialog.browser.document()
    names = re.findall(r'<img src="([^"]+)"', doc.toHtml())
    assert names
    for name in names:  # each picture resolves to a loaded image, not a broken-image box
        resource = doc.resource(doc.ResourceType.ImageResource, dialog.browser.source().resolved(name))
        assert resource is not None and not resource.isNull(), name


def test_shortcuts_come_from_the_action_registry(qtbot):
    from desktop_app.ui.feature import Feature

    feature = Feature("residents", "Residents", lambda ctx: None, None, "Ctrl+1")
    dialog = help_ui.ShortcutsDialog([feature])
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    expected = {a.text for a in Action if a.shortcut} | {"User guide", "Residents"}
    assert shown == expected


def test_about_lists_fonts_and_libraries_with_licences(qtbot):
    dialog = help_ui.AboutDialog()
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    fonts = {r[0]: r[2] for r in rows if r[0].startswith("Font:")}
    assert "Apache-2.0" in fonts["Font: WenQuanYi Micro Hei"]
    hanazono = [licence for name, licence in fonts.items() if "HanaMin" in name]
    assert len(hanazono) == 2 and all("OFL" in licence for licence in hanazono)
    libs = {r[0]: (r[1], r[2]) for r in rows if not r[0].startswith("Font:")}
    assert libs["Qt for Python (PySide6)"][1] == "LGPL-3.0" and libs["Qt for Python (PySide6)"][0].startswith("6.")
    assert libs["ReportLab"][0]


def test_help_menu_opens_the_guide_shortcuts_and_about(qtbot, ctx):
    from PySide6.QtWidgets import QDialog

    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ctx, load_features())
    qtbot.addWidget(window)
    menu = window.menuBar().actions()[-1].menu()
    assert [a.objectName() for a in menu.actions()] == ["user_guide", "SHORTCUTS", "ABOUT"]
    assert menu.actions()[0].shortcut().toString() == help_ui.GUIDE_SHORTCUT
    for action, name in zip(menu.actions(), ("guideDialog", "shortcutsDialog", "aboutDialog"), strict=True):
        action.trigger()
        dialog = window.findChild(QDialog, name)
        assert dialog is not None and dialog.isVisible()
        dialog.close()
