"""The main window's navigation: each page is built on its first visit and refreshed once per later visit."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.core.auth import STAFF, Permission
from desktop_app.ui.feature import Feature
from desktop_app.ui.main_window import MainWindow


class CountingPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1


def _window(qtbot, ctx):
    seen = Permission("see", STAFF)
    features = [Feature(key, key.title(), lambda _ctx: CountingPage(), seen) for key in ("dashboard", "desk", "meals")]
    window = MainWindow(ctx, features)
    qtbot.addWidget(window)
    return window


def test_a_dashboard_tile_into_another_page_refreshes_it_once(qtbot, ctx):
    """Issue 21: show_page set the row (which ran _on_nav) and then ran _on_nav again: two refreshes a visit."""
    window = _window(qtbot, ctx)
    desk = window.show_page("desk")  # the first visit builds the page; nothing to refresh yet
    assert desk.refreshes == 0
    window.show_page("dashboard")
    assert window.show_page("desk") is desk
    assert desk.refreshes == 1
    window.nav.setCurrentRow(0)  # by the navigation list
    window.nav.setCurrentRow(1)
    assert desk.refreshes == 2


def test_show_page_on_the_page_already_shown_refreshes_it_once(qtbot, ctx):
    window = _window(qtbot, ctx)
    dashboard = window.pages["dashboard"]  # the first page is shown when the window opens
    assert window.show_page("dashboard") is dashboard
    assert dashboard.refreshes == 1
    assert window.show_page("nowhere") is None
