"""The main window: navigation on the left, one page per feature, menus from the action registry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.auth import ROLE_LABELS
from desktop_app.ui import heap, ops
from desktop_app.ui import help as help_ui
from desktop_app.ui.accessibility import name_unnamed_controls
from desktop_app.ui.actions import Action
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import CHECK_MS, day_watch
from desktop_app.ui.feature import Feature
from desktop_app.ui.fit import place_window, scrolling
from desktop_app.ui.server_banner import ServerBanner
from desktop_app.ui.widgets import deleted_when_closed


def add_export_actions(page: QWidget, ctx: AppContext, title: str) -> int:
    """Every list on a page exports what it shows to Excel (context menu, Ctrl+E), masked as shown."""
    from PySide6.QtWidgets import QTableView

    from desktop_app.ui.export_action import add_export_action, export_title

    added = 0
    for view in page.findChildren(QTableView):
        if any(a.objectName() == "exportToExcel" for a in view.actions()):
            continue  # the page added its own, with a better title
        # Named after the page, the list's tab and the filter shown when exporting (not the columns).
        if add_export_action(view, ctx, lambda v=view: export_title(title, v)) is not None:
            added += 1
    return added


def tr_nav(text: str) -> str:
    return QCoreApplication.translate("Navigation", text)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    lock_requested = Signal()
    settings_requested = Signal()
    password_requested = Signal()

    def __init__(self, ctx: AppContext, features: list[Feature], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ctx.navigate = lambda key: self.show_page(key, now=False)  # a dashboard tile: as a click would
        self._show_built_later = False  # the first page is built and shown before the window opens
        self.features = [f for f in features if ctx.can(f.permission)]
        self.pages: dict[str, QWidget] = {}
        self.actions: dict[Action, QAction] = {}
        self.setWindowTitle(self.tr("SmileDesk 微笑驿站 — {station}").format(station=ctx.station_name))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(190)
        self.nav.setAccessibleName(self.tr("Pages"))  # looks: resources/styles/*.qss
        self.stack = QStackedWidget()
        for feature in self.features:
            item = QListWidgetItem(tr_nav(feature.title))
            item.setData(Qt.ItemDataRole.UserRole, feature.key)
            if feature.shortcut:
                item.setToolTip(feature.shortcut)
            self.nav.addItem(item)
            holder = QWidget()  # replaced by the real page on first visit (fast start-up)
            holder.setObjectName(f"placeholder-{feature.key}")
            self.stack.addWidget(holder)
        self.nav.currentRowChanged.connect(self._on_nav)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([190, 1100])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.server_banner = ServerBanner(central)  # "server unreachable — retrying" (a sub-district server)
        column.addWidget(self.server_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        ops.server_monitor().restored.connect(self.refresh_current)
        day_watch().changed.connect(self._new_day)  # left running overnight: the dates move, the page reads again
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(CHECK_MS)
        self._day_timer.timeout.connect(day_watch().check)
        self._day_timer.start()
        self._build_menus()
        role = QCoreApplication.translate("Roles", ROLE_LABELS.get(ctx.actor.role, ctx.actor.role))
        self.user_label = QLabel(f"{ctx.actor.display_name} ({role})")
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().showMessage(ctx.station_name)
        self._restore_geometry()
        if self.features:
            self.nav.setCurrentRow(0)
        self._show_built_later = True

    # --- navigation -------------------------------------------------------------------------
    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        feature = self.features[row]
        if feature.key not in self.pages:
            with ops.held():  # its first reads start once it is shown (ui/ops.py)
                page = feature.factory(self.ctx)
                page.setObjectName(f"page-{feature.key}")
                self.pages[feature.key] = page
                # Built in this turn of the event loop, put in place in the next (its first reads start after
                # that), shown and painted in the one after: together they were a page's longest stall,
                # 110-130 ms for the desk, the rosters and the meals on the large database (issue 21); apart,
                # 30-70 ms each.
                if self._show_built_later:
                    ops.later(self, lambda: self._place(row, feature, page, show_later=True))
                    return
            self._place(row, feature, page)
            return
        if self.stack.widget(row).property("pageKey") != feature.key:  # built by a click, not yet in place
            if not self._show_built_later:  # show_page(now=True): in place and shown before it returns
                self._place(row, feature, self.pages[feature.key])
            return  # otherwise shown once it is placed (``_place``)
        self.stack.setCurrentIndex(row)
        page = self.pages[feature.key]
        refresh: Callable | None = getattr(page, "refresh", None)
        if callable(refresh) and getattr(page, "_shown_once", False):
            refresh()
        page._shown_once = True  # type: ignore[attr-defined]

    def _place(self, row: int, feature: Feature, page: QWidget, *, show_later: bool = False) -> None:
        """A page just built takes its placeholder's place in the stack, and is shown if still chosen (then,
        or on the next turn of the event loop)."""
        if self.stack.widget(row).property("pageKey") == feature.key:
            return  # placed already: show_page(now=True) came between the build and this turn
        self._finish_controls(page, feature)
        # Tabs build their contents when first shown: name those controls and give their lists the
        # export action then too.
        for tabs in page.findChildren(QTabWidget):
            tabs.currentChanged.connect(lambda _i, p=page, f=feature: self._finish_controls(p, f))
        old = self.stack.widget(row)
        # A page never forces the window's size: where the window is smaller than the page's minimum
        # (a 1024×768 screen in large text), the page scrolls (ui/fit.py).
        holder = scrolling(page)
        holder.setProperty("pageKey", feature.key)
        self.stack.insertWidget(row, holder)
        self.stack.removeWidget(old)
        old.deleteLater()
        heap.page_built(page)

        def show() -> None:
            if self.nav.currentRow() == row:
                self.stack.setCurrentIndex(row)
                page._shown_once = True  # type: ignore[attr-defined]

        if show_later:
            ops.later(self, show)
        else:
            show()

    def _new_day(self, _old, _new) -> None:
        self.refresh_current()

    def refresh_current(self) -> None:
        """The page on screen reads again (the database server answers again after an outage; a new day)."""
        page = self.current_page()  # the page itself: the stack holds it inside a scroll area (ui/fit.py)
        refresh: Callable | None = getattr(page, "refresh", None)
        if callable(refresh) and getattr(page, "_shown_once", False):
            refresh()

    def _finish_controls(self, page: QWidget, feature: Feature) -> None:
        name_unnamed_controls(page)  # fallback names for screen readers (ui/accessibility.py)
        add_export_actions(page, self.ctx, tr_nav(feature.title))

    def show_page(self, key: str, *, now: bool = True) -> QWidget | None:
        """Go to page ``key``: built on the first visit, refreshed once on each later one. ``now``: a page built
        now is shown before this returns (the command line's screenshots, tests); otherwise on the next turn of
        the event loop, as for a click in the navigation (a dashboard tile, ``ctx.navigate``)."""
        for row, feature in enumerate(self.features):
            if feature.key == key:
                later, self._show_built_later = self._show_built_later, self._show_built_later and not now
                try:
                    if self.nav.currentRow() == row:
                        self._on_nav(row)  # already there: setCurrentRow would not signal
                    else:
                        self.nav.setCurrentRow(row)  # currentRowChanged runs _on_nav, once
                finally:
                    self._show_built_later = later
                return self.pages.get(key)
        return None

    def current_page(self) -> QWidget | None:
        """The page shown now (None while it is still a placeholder)."""
        row = self.nav.currentRow()
        return self.pages.get(self.features[row].key) if 0 <= row < len(self.features) else None

    def page_keys(self) -> list[str]:
        return [f.key for f in self.features]

    # --- menus ------------------------------------------------------------------------------
    def _action(self, action: Action, slot: Callable[[], None]) -> QAction:
        qa = QAction(QCoreApplication.translate("Actions", action.text), self)
        if action.shortcut:
            qa.setShortcut(QKeySequence(action.shortcut))
        qa.triggered.connect(slot)
        qa.setObjectName(action.name)
        self.actions[action] = qa
        return qa

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(Action.SETTINGS, self.settings_requested.emit))
        file_menu.addAction(self._action(Action.CHANGE_PASSWORD, self.password_requested.emit))
        file_menu.addSeparator()
        file_menu.addAction(self._action(Action.LOCK, self.lock_requested.emit))
        file_menu.addAction(self._action(Action.SIGN_OUT, self.sign_out_requested.emit))
        file_menu.addAction(self._action(Action.QUIT, self.close))
        go = bar.addMenu(self.tr("&Go"))
        for row, feature in enumerate(self.features):
            qa = QAction(tr_nav(feature.title), self)
            if feature.shortcut:
                qa.setShortcut(QKeySequence(feature.shortcut))
            qa.setObjectName(f"go-{feature.key}")
            qa.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go.addAction(qa)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(help_ui.guide_action(self, self.show_guide))
        help_menu.addAction(self._action(Action.SHORTCUTS, self.show_shortcuts))
        help_menu.addAction(self._action(Action.ABOUT, self.show_about))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return help_ui.shortcut_rows(self.features)

    def show_guide(self) -> QDialog:
        dialog = deleted_when_closed(help_ui.GuideDialog(parent=self))
        dialog.open()
        return dialog

    def show_shortcuts(self) -> QDialog:
        dialog = deleted_when_closed(help_ui.ShortcutsDialog(self.features, parent=self))
        dialog.open()
        return dialog

    def show_about(self) -> QDialog:
        dialog = deleted_when_closed(help_ui.AboutDialog(parent=self))
        dialog.open()
        return dialog

    # --- geometry ---------------------------------------------------------------------------
    PREFERRED_SIZE = QSize(1280, 800)

    def _restore_geometry(self) -> None:
        """The size and place the window had when it was last closed, or 1280×800 — either way within the
        screen's available area (a 1366×768 screen less the taskbar is smaller than 1280×800 with a frame)."""
        geometry = self.ctx.settings.value("main_window/geometry")
        saved = geometry if isinstance(geometry, QByteArray | bytes) and geometry else None
        place_window(self, self.PREFERRED_SIZE, saved)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.ctx.settings.setValue("main_window/geometry", self.saveGeometry())
        self.ctx.settings.sync()
        heap.window_closed()  # its pages are no longer long-lived (a sign-out, another user after the lock)
        super().closeEvent(event)
