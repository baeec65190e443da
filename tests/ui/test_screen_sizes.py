"""Every page, tab, dialog, the kiosk and the smile wall fit the station screens — 1366×768 and 1024×768 less a
40 px taskbar — in the normal and large-text styles, in Chinese, with the demo data's real names and lists
(docs/user/screens.md). Fitting means: no page needs its fallback scroll bars (the window's client area less the
menus and the navigation holds the page's minimum), no dialog's minimum is larger than the screen, and no label
is cut: a label wraps, or elides with its whole text as tooltip.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTabWidget, QWidget
from sqlalchemy import text

from desktop_app.ui import fit, ops
from tests.ui.storm import Storm

TASKBAR = 40
SCREENS = {"1366×768": QRect(0, 0, 1366, 768 - TASKBAR), "1024×768": QRect(0, 0, 1024, 768 - TASKBAR)}
STYLES = ("normal", "large-text")
CORPUS = Path(__file__).parent.parent / "reports" / "corpus"


# --- the demo station, in Chinese, in a style --------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The small demo database, made once for the module (the lists and names of a real station)."""
    from desktop_app import demo
    from desktop_app.core import auth
    from desktop_app.core.db import session_scope
    from desktop_app.features import open_app_database

    path = tmp_path_factory.mktemp("screens") / "demo.sqlite3"
    engine = open_app_database(f"sqlite:///{path}")
    with session_scope(engine) as s:  # what `smiledesk demo` does on a new database
        auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="管理员",
                                password="admin12345", station_code="SQK")
    demo.load(engine, scale="small")
    engine.dispose()
    return path


@pytest.fixture
def demo_engine(demo_file, tmp_path):
    from desktop_app.core.db import make_engine

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def demo_ctx(demo_engine, tmp_path):
    from desktop_app import startup
    from desktop_app.app import make_services
    from desktop_app.ui.context import AppContext

    actor = startup.first_admin(demo_engine)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(engine=demo_engine, actor=actor, settings=settings,
                      station_name=startup.station_name(demo_engine, actor.station_id), services=make_services())


@pytest.fixture
def chinese(qapp, app_fonts):
    from desktop_app.ui import translation

    translation.install(qapp, "zh_CN")
    yield
    translation.install(qapp, "en")


@pytest.fixture
def styled(qapp):
    """apply(name): the application's style sheet; removed after the test's widgets are gone."""
    from desktop_app.ui.settings_dialog import apply_style

    def apply(name: str) -> None:
        apply_style(qapp, name)

    yield apply
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setStyleSheet("")


def settle(qtbot, widget: QWidget | None = None) -> None:
    """Every op has handed back its result, and the layouts have had their turns (FlowLayout sets its height
    after a resize, on the next turn of the event loop)."""
    with Storm() as storm:
        qtbot.waitUntil(ops.idle, timeout=15000)
        for _ in range(4):
            QApplication.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    storm.check("settling after a resize or a page change")
    qtbot.waitUntil(ops.idle, timeout=15000)


def gone(qtbot, widget: QWidget) -> None:
    """Close and delete a window the test made, now (before the style sheet it was polished with goes)."""
    settle(qtbot)
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def cut_labels(top: QWidget) -> list[str]:
    """The visible labels whose text does not fit the room they have (an ElidedLabel elides instead)."""
    cut = []
    for label in top.findChildren(QLabel):
        if not label.isVisibleTo(top) or isinstance(label, fit.ElidedLabel) or not label.text() or label.width() <= 0:
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                cut.append(f"{label.objectName() or label.text()[:20]!r}: {label.height()} px high, needs {need}")
        elif label.sizeHint().width() > label.width() + 1 and label.minimumWidth() < label.sizeHint().width():
            cut.append(f"{label.objectName() or label.text()[:20]!r}: {label.width()} px wide, needs {label.sizeHint().width()}")
    return cut


# --- the main window and its pages -------------------------------------------------------------------------
def _tabs_in(page: QWidget) -> list[QTabWidget]:
    return [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]


def _every_tab(qtbot, page: QWidget, seen: set | None = None):
    """Show every tab of the page (and every tab of tabs), yielding the path of titles shown."""
    seen = set() if seen is None else seen
    tabs = [t for t in _tabs_in(page) if id(t) not in seen]
    if not tabs:
        yield ""
        return
    outer = tabs[0]
    seen.add(id(outer))
    for i in range(outer.count()):
        outer.setCurrentIndex(i)
        settle(qtbot)
        for rest in _every_tab(qtbot, page, seen):
            yield f"/{outer.tabText(i)}{rest}"


def page_misfits(qtbot, window, room: QSize, label: str) -> list[str]:
    window.resize(room)
    settle(qtbot)
    problems = []
    if window.minimumSizeHint().width() > room.width() or window.minimumSizeHint().height() > room.height():
        problems.append(f"{label}: the window's minimum {window.minimumSizeHint().toTuple()} exceeds {room.toTuple()}")
    for key in window.page_keys():
        page = window.show_page(key)
        settle(qtbot)
        for tab in _every_tab(qtbot, page):
            settle(qtbot)
            area = fit.scroll_area_of(page)
            over = (area.horizontalScrollBar().maximum(), area.verticalScrollBar().maximum())
            least = page.minimumSizeHint()
            if over != (0, 0):
                problems.append(f"{label} {key}{tab}: needs {least.width()}×{least.height()} px, has "
                                f"{area.viewport().width()}×{area.viewport().height()} (scrolls {over[0]}, {over[1]} px)")
            problems += [f"{label} {key}{tab}: label {c}" for c in cut_labels(page)]
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
def test_every_page_and_tab_fits_each_screen(qtbot, chinese, styled, demo_ctx, style):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    styled(style)
    problems = []
    for name, available in SCREENS.items():
        window = MainWindow(dataclasses.replace(demo_ctx), load_features())  # deleted here, before the style goes
        window.show()
        problems += page_misfits(qtbot, window, fit.client_room(available), f"{name} {style}")
        gone(qtbot, window)
    assert not problems, "\n".join(problems)


# --- the main window's size and place ---------------------------------------------------------------------
@given(
    left=st.integers(-2000, 2000), top=st.integers(-2000, 2000),
    width=st.integers(200, 4000), height=st.integers(200, 3000),
    want_w=st.integers(1, 5000), want_h=st.integers(1, 5000),
    at=st.one_of(st.none(), st.tuples(st.integers(-6000, 6000), st.integers(-6000, 6000))),
)
def test_a_window_is_placed_inside_the_available_area(left, top, width, height, want_w, want_h, at):
    available = QRect(left, top, width, height)
    rect = fit.fitted_rect(available, QSize(want_w, want_h), None if at is None else QPoint(*at))
    framed = rect.adjusted(-fit.FRAME.width() // 2, -(fit.FRAME.height() - fit.FRAME.width() // 2),
                           fit.FRAME.width() // 2, fit.FRAME.width() // 2)
    assert available.contains(framed), (available, rect)
    assert rect.width() <= want_w and rect.height() <= want_h
    assert rect.width() == min(want_w, width - fit.FRAME.width())  # as large as asked, when there is room


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_main_window_opens_within_the_screen_and_remembers_its_size(qtbot, app_fonts, ctx, monkeypatch, name):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    available = SCREENS[name]
    monkeypatch.setattr(fit, "available_geometry", lambda _widget=None: QRect(available))
    window = MainWindow(ctx, load_features())
    qtbot.addWidget(window)
    room = fit.client_room(available)
    assert window.width() <= room.width() and window.height() <= room.height()  # 1280×800 does not fit 768 px
    assert available.contains(window.geometry())
    window.resize(760, 520)  # the person made it smaller (within the test platform's 800×800 screen)
    window.close()  # saves its geometry
    again = MainWindow(ctx, load_features())
    qtbot.addWidget(again)
    assert again.size() == QSize(760, 520)


def test_a_geometry_saved_on_a_bigger_monitor_is_brought_back_on_screen(qtbot, app_fonts, ctx, monkeypatch):
    """A window closed at 1800×1000 on a 1920×1080 monitor, opened on a 1366×768 laptop."""
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(100, 60, 1800, 1000)
    ctx.settings.setValue("main_window/geometry", big.saveGeometry())
    available = SCREENS["1366×768"]
    monkeypatch.setattr(fit, "available_geometry", lambda _widget=None: QRect(available))
    window = MainWindow(ctx, load_features())
    qtbot.addWidget(window)
    assert available.contains(window.geometry()), window.geometry()
    assert isinstance(ctx.settings.value("main_window/geometry"), QByteArray | bytes)


# --- kiosk and smile wall -------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("style", (*STYLES, "high-contrast"))
def test_kiosk_and_smile_wall_fit_each_screen(qtbot, chinese, styled, demo_ctx, demo_engine, style):
    """Full screen on the lobby's or the kiosk's screen (no taskbar): every kiosk page and the wall fit, the
    wall's tiles neither overlap nor cut a name."""
    from desktop_app import startup
    from desktop_app.passports.ui.kiosk import KioskWindow
    from desktop_app.passports.ui.wall import SmileWall

    styled(style)
    kiosk_actor = startup.kiosk_actor(demo_engine, "")
    ctx = dataclasses.replace(demo_ctx, actor=kiosk_actor)
    with demo_engine.connect() as conn:
        number = conn.execute(text("SELECT number FROM passport WHERE status = 'active' LIMIT 1")).scalar_one()
    problems = []
    for name in SCREENS:
        size = QSize(SCREENS[name].width(), SCREENS[name].height() + TASKBAR)
        kiosk = KioskWindow(ctx, lambda _s, _pin: False, locked=False)
        kiosk.resize(size)
        kiosk.show()
        settle(qtbot)
        for page in (kiosk.welcome, kiosk.card_page, kiosk.pin_page):
            if page is kiosk.card_page:
                kiosk.scan(number)  # a resident's card, stamped for today's activity
            else:
                kiosk.stack.setCurrentWidget(page)
            settle(qtbot)
            assert kiosk.stack.currentWidget() is page
            least = kiosk.minimumSizeHint()
            if least.width() > size.width() or least.height() > size.height():
                problems.append(f"{name} {style} kiosk {page.objectName()}: needs {least.toTuple()}")
            problems += [f"{name} {style} kiosk: label {c}" for c in cut_labels(kiosk)]
        gone(qtbot, kiosk)
        wall = SmileWall(ctx, rotate_ms=3_600_000)
        wall.resize(size)
        wall.show()
        settle(qtbot)
        least = wall.minimumSizeHint()
        if least.width() > size.width() or least.height() > size.height():
            problems.append(f"{name} {style} wall: needs {least.toTuple()}")
        tiles = [t for t in wall.grid_host.findChildren(QWidget, "tile") if t.isVisible()]
        assert tiles, "the demo month has participants"
        for i, a in enumerate(tiles):
            if not wall.grid_host.rect().contains(a.geometry()):
                problems.append(f"{name} {style} wall: a tile runs off the wall ({a.geometry()})")
            problems += [f"{name} {style} wall: tiles overlap" for b in tiles[i + 1:] if a.geometry().intersects(b.geometry())]
        problems += [f"{name} {style} wall: label {c}" for c in cut_labels(wall)]
        gone(qtbot, wall)
    assert not problems, "\n".join(problems)


# --- every dialog ---------------------------------------------------------------------------------------------
@dataclasses.dataclass
class Station:
    """What the dialogs are opened on: the demo station's context and some of its records."""

    ctx: object
    engine: object
    tmp: Path

    def one(self, sql: str):
        with self.engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()

    def read(self, fn):
        from desktop_app.core.db import session_scope

        with session_scope(self.engine, write=False) as s:
            return fn(s)

    def desk_row(self):
        from desktop_app.desk.lists import list_page

        return self.read(lambda s: list_page(s, actor=self.ctx.actor, limit=1))[0]

    def team_id(self) -> int:
        return self.one("SELECT id FROM roster_team ORDER BY id LIMIT 1")

    def member(self):
        from desktop_app.rosters.teams import team_members

        return self.read(lambda s: team_members(s, actor=self.ctx.actor, team_id=self.team_id(), on=date.today()))[0]

    def check(self):
        from desktop_app.meals.welfare import welfare_checks

        return self.read(lambda s: welfare_checks(s, actor=self.ctx.actor, day=date.today()))[0]


def _problem(st: Station):
    from desktop_app.safety.integrity import Problem
    from desktop_app.safety.models import ProblemKind

    return Problem(kind=ProblemKind.DAMAGED, db_path=st.tmp / "smiledesk.sqlite3", detail="database disk image is malformed")


def _error_dialog(st: Station):
    from desktop_app.ui import logs

    try:
        raise ValueError("x")
    except ValueError as exc:
        return logs.ErrorDialog("ValueError: x", logs.details(ValueError, exc, exc.__traceback__), logs.log_path())


def _labels_preview(st: Station):
    """Today's lunch labels in their preview (the meals day's Print labels…): a sheet, so with its places already
    used."""
    from desktop_app.core.papers import PaperKind
    from desktop_app.meals import papers
    from desktop_app.ui.printing import PrintPreview

    engine, actor = st.engine, st.ctx.actor
    return PrintPreview(st.ctx, PaperKind.LABELS, lambda progress, skip: papers.meal_labels(
        engine, actor=actor, day=date.today(), meal="lunch", skip=skip, progress=progress),
        save_name=f"meals-labels-{date.today().isoformat()}-lunch.pdf")


def _desk(name: str) -> Callable[[Station], QDialog]:
    def make(st: Station) -> QDialog:
        from desktop_app.desk.ui import dialogs

        row = st.desk_row()
        if name == "repeat":
            return dialogs.LinkRepeatDialog(st.ctx, row, {})
        if name == "resident":
            return dialogs.LinkResidentDialog(st.ctx, row)
        return dialogs.StepDialog(st.ctx, row, name)

    return make


def _make(path: str, *args) -> Callable[[Station], QDialog]:
    """The dialog class at ``path`` (module:Class) made with the station's context and ``args``, each a
    value or a function of the station."""
    def make(st: Station) -> QDialog:
        import importlib

        module, cls = path.split(":")
        return getattr(importlib.import_module(module), cls)(st.ctx, *[a(st) if callable(a) else a for a in args])

    return make


# Every dialog of the app and how a person gets one on the demo station (test_the_catalogue_has_every_dialog
# fails when a dialog is added without an entry here).
DIALOGS: dict[str, Callable[[Station], QDialog]] = {
    "ui.login:LoginDialog": lambda st: __import__("desktop_app.ui.login", fromlist=["x"]).LoginDialog(
        st.engine, st.ctx.station_name, "admin"),
    "ui.wizard:SetupWizard": lambda st: __import__("desktop_app.ui.wizard", fromlist=["x"]).SetupWizard(
        st.engine, st.ctx.settings, services=st.ctx.services),
    "ui.settings_dialog:SettingsDialog": lambda st: __import__("desktop_app.ui.settings_dialog", fromlist=["x"]).SettingsDialog(
        st.ctx.settings, engine=st.engine, actor=st.ctx.actor, backups=st.ctx.services.backups),
    "ui.password_dialog:PasswordDialog": lambda st: __import__("desktop_app.ui.password_dialog", fromlist=["x"]).PasswordDialog(
        st.engine, st.ctx.actor),
    "ui.help:GuideDialog": lambda st: __import__("desktop_app.ui.help", fromlist=["x"]).GuideDialog("zh_CN"),
    "ui.help:ShortcutsDialog": lambda st: __import__("desktop_app.ui.help", fromlist=["x"]).ShortcutsDialog(
        __import__("desktop_app.app", fromlist=["x"]).load_features()),
    "ui.help:AboutDialog": lambda st: __import__("desktop_app.ui.help", fromlist=["x"]).AboutDialog(),
    "ui.logs:ErrorDialog": _error_dialog,
    "residents.ui.dialogs:ResidentDialog": _make("desktop_app.residents.ui.dialogs:ResidentDialog"),
    "residents.ui.dialogs:ResidentDialog (a resident)": _make(
        "desktop_app.residents.ui.dialogs:ResidentDialog", lambda st: st.one("SELECT id FROM resident ORDER BY id LIMIT 1")),
    "desk.ui.dialogs:CategoriesDialog": _make("desktop_app.desk.ui.dialogs:CategoriesDialog"),
    **{f"desk.ui.dialogs:StepDialog ({step})": _desk(step)
       for step in ("dispatch", "start", "resolve", "follow_up", "close", "escalate")},
    "desk.ui.dialogs:LinkRepeatDialog": _desk("repeat"),
    "desk.ui.dialogs:LinkResidentDialog": _desk("resident"),
    "rosters.ui.dialogs:TeamDialog": _make("desktop_app.rosters.ui.dialogs:TeamDialog"),
    "rosters.ui.dialogs:AddVolunteerDialog": _make("desktop_app.rosters.ui.dialogs:AddVolunteerDialog", Station.team_id),
    "rosters.ui.dialogs:FindingDialog": _make("desktop_app.rosters.ui.dialogs:FindingDialog"),
    "rosters.ui.dialogs:VolunteerDialog": _make("desktop_app.rosters.ui.dialogs:VolunteerDialog", Station.member),
    "rosters.ui.templates_dialog:TemplatesDialog": _make("desktop_app.rosters.ui.templates_dialog:TemplatesDialog",
                                                        Station.team_id),
    "rosters.ui.dialogs:HoursDialog": _make("desktop_app.rosters.ui.dialogs:HoursDialog", Station.member),
    "admin.ui.calendar_change:CalendarChangeDialog": lambda st: __import__(
        "desktop_app.admin.ui.calendar_change", fromlist=["x"]).CalendarChangeDialog(st.ctx, year=2027),
    "meals.ui.rates_dialog:RatesDialog": _make("desktop_app.meals.ui.rates_dialog:RatesDialog"),
    "meals.ui.dialogs:RecipientDialog": _make("desktop_app.meals.ui.dialogs:RecipientDialog"),
    "meals.ui.dialogs:RecipientDialog (a recipient)": _make(
        "desktop_app.meals.ui.dialogs:RecipientDialog", lambda st: st.one("SELECT id FROM meal_recipient ORDER BY id LIMIT 1")),
    "meals.ui.dialogs:CallDialog": lambda st: __import__("desktop_app.meals.ui.dialogs", fromlist=["x"]).CallDialog(st.check()),
    "meals.ui.dialogs:CloseCheckDialog": lambda st: __import__("desktop_app.meals.ui.dialogs", fromlist=["x"]).CloseCheckDialog(
        st.check()),
    "passports.ui.dialogs:ActivityDialog": _make("desktop_app.passports.ui.dialogs:ActivityDialog"),
    "passports.ui.dialogs:RewardDialog": _make("desktop_app.passports.ui.dialogs:RewardDialog"),
    "certificates.ui.dialogs:IssueDialog": _make("desktop_app.certificates.ui.dialogs:IssueDialog"),
    "certificates.ui.batch_dialog:BatchDialog": _make("desktop_app.certificates.ui.batch_dialog:BatchDialog"),
    "certificates.ui.settings_dialog:SettingsDialog": _make("desktop_app.certificates.ui.settings_dialog:SettingsDialog"),
    "reports.ui.import_dialog:ImportDialog": _make("desktop_app.reports.ui.import_dialog:ImportDialog",
                                                   CORPUS / "openpyxl.xlsx"),
    "safety.ui.dialogs:BackupDialog": _make("desktop_app.safety.ui.dialogs:BackupDialog"),
    "safety.ui.dialogs:RestoreDialog": _make("desktop_app.safety.ui.dialogs:RestoreDialog"),
    "safety.ui.dialogs:DamagedDatabaseDialog": lambda st: __import__("desktop_app.safety.ui.dialogs", fromlist=["x"]).DamagedDatabaseDialog(
        _problem(st)),
    "safety.ui.passphrase:PassphraseDialog": lambda st: __import__("desktop_app.safety.ui.passphrase", fromlist=["x"]).PassphraseDialog(
        st.tmp / "smiledesk.sqlite3"),
    "safety.ui.passphrase:EncryptionDialog": _make("desktop_app.safety.ui.passphrase:EncryptionDialog"),
    "safety.ui.audit_key:AuditKeyDialog": _make("desktop_app.safety.ui.audit_key:AuditKeyDialog"),
    "safety.ui.personal_data:PersonalDataDialog": _make("desktop_app.safety.ui.personal_data:PersonalDataDialog"),
    "safety.ui.erasure:ErasureDialog": _make("desktop_app.safety.ui.erasure:ErasureDialog",
                                             lambda st: st.one("SELECT id FROM resident ORDER BY id LIMIT 1"), "欧阳娜娜"),
    "ui.printing.preview:PrintPreview": _labels_preview,
    "ui.printing.today:TodaysPapers": _make("desktop_app.ui.printing.today:TodaysPapers"),
}
ABSTRACT = {"_Dialog", "_RecordDialog", "_SavingDialog"}  # bases no one opens on their own


def _dialog_classes() -> set[str]:
    import importlib
    import pkgutil

    import desktop_app

    for info in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
        if ".ui" in info.name:
            importlib.import_module(info.name)
    found, todo = set(), [QDialog]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("desktop_app.") and sub.__name__ not in ABSTRACT:
                found.add(f"{sub.__module__.removeprefix('desktop_app.')}:{sub.__name__}")
    return found


def test_the_catalogue_has_every_dialog():
    listed = {key.split(" (")[0] for key in DIALOGS}
    missing = _dialog_classes() - listed
    assert not missing, f"dialogs the screen-size test does not open: {sorted(missing)} (add them to DIALOGS)"


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
def test_every_dialog_fits_each_screen(qtbot, chinese, styled, demo_ctx, demo_engine, tmp_path, style):
    styled(style)
    station = Station(ctx=demo_ctx, engine=demo_engine, tmp=tmp_path)
    rooms = {name: fit.client_room(available) for name, available in SCREENS.items()}
    problems = []
    for key, make in DIALOGS.items():
        dialog = make(station)
        dialog.show()
        settle(qtbot)
        least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        for name, room in rooms.items():
            if least.width() > room.width() or least.height() > room.height():
                problems.append(f"{name} {style} {key}: needs at least {least.width()}×{least.height()}, "
                                f"the screen has {room.width()}×{room.height()}")
        dialog.resize(dialog.sizeHint().boundedTo(rooms["1024×768"]).expandedTo(least))
        settle(qtbot)
        problems += [f"{style} {key}: label {c}" for c in cut_labels(dialog)]
        dialog.done(0)
        gone(qtbot, dialog)
    assert not problems, "\n".join(problems)


# --- the style changed while the app runs --------------------------------------------------------------------
def test_columns_are_fitted_again_when_large_text_is_chosen(qtbot, app_fonts, styled, ctx, engine, admin):
    """Large text chosen in the settings while the desk page is open: its columns were measured in the normal
    font, and every category name showed as "业…"."""
    from datetime import UTC, datetime

    from desktop_app import desk
    from desktop_app.core.db import session_scope
    from desktop_app.desk.ui.page import DeskPage

    with session_scope(engine) as s:
        for code in ("consultation", "request", "complaint"):
            desk.create_record(s, actor=admin, category_code=code, summary="问路", walk_in_name="路人",
                               received_at=datetime.now(UTC))
    styled("normal")
    page = DeskPage(ctx)
    page.resize(1150, 650)
    page.show()
    settle(qtbot)
    table = page.figures.fig_table
    assert table.rowCount() > 1
    styled("large-text")
    settle(qtbot)
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert table.font().pointSizeF() >= 16
    assert table.columnWidth(0) >= max(table.fontMetrics().horizontalAdvance(n) for n in names), names
    gone(qtbot, page)


@pytest.mark.parametrize("size", list(SCREENS))
@pytest.mark.parametrize("style_", STYLES)
def test_the_desk_shows_its_figures_whole_and_the_record_with_the_rest(qtbot, chinese, styled, demo_ctx, size, style_):
    """At 1366×768 and 1024×768, normal and large text, the desk's figures show every category and the total
    without scrolling (in large text they scrolled); the chosen record's timeline has the height that is left."""
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    styled(style_)
    window = MainWindow(demo_ctx, load_features())
    window.show()
    window.resize(fit.client_room(SCREENS[size]))
    page = window.show_page("desk")
    settle(qtbot)
    table = page.figures.fig_table
    assert table.rowCount() >= 8
    assert table.verticalScrollBar().maximum() == 0, "the figures scroll"
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.viewport().height() < rows + 3 * table.rowHeight(0), "the figures take room the timeline wants"
    gone(qtbot, window)


@pytest.mark.parametrize("style", STYLES)
def test_the_roster_grid_shows_whole_names_at_1024(qtbot, chinese, styled, demo_ctx, style):
    """At 1024×768 in large text the month's grid cut every day's label in half (rows a fixed 24 px) and ended
    every patrol's names in "…": rows are a line of the font high, two where the names need it."""
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    styled(style)
    window = MainWindow(demo_ctx, load_features())
    window.show()
    window.resize(fit.client_room(SCREENS["1024×768"]))
    page = window.show_page("rosters")
    settle(qtbot)
    grid = page.month_tab.grid
    metrics = grid.fontMetrics()
    assert grid.rowCount() >= 28
    for row in range(grid.rowCount()):
        assert grid.rowHeight(row) >= metrics.height() + 4, (row, grid.rowHeight(row), metrics.height())
        lines = grid.rowHeight(row) // metrics.lineSpacing()
        for col in range(grid.columnCount()):
            text = grid.item(row, col).text()
            assert metrics.horizontalAdvance(text) <= lines * (grid.columnWidth(col) - 12), (style, text, lines)
    gone(qtbot, window)


@pytest.mark.parametrize("style", STYLES)
def test_the_report_figures_are_in_sight_at_1024(qtbot, chinese, styled, demo_ctx, style):
    """At 1024×768 in large text the value column, fitted to its longest text, began where the view ended: not one
    of the report's numbers could be seen without scrolling sideways. Each value is now in sight, whole."""
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    styled(style)
    window = MainWindow(demo_ctx, load_features())
    window.show()
    window.resize(fit.client_room(SCREENS["1024×768"]))
    page = window.show_page("reports")
    settle(qtbot)
    table, model = page.table, page.model
    assert model.rowCount() > 10
    value = model.columnCount() - 1
    right = table.columnViewportPosition(value) + table.columnWidth(value)
    assert right <= table.viewport().width(), (right, table.viewport().width())
    for row in range(model.rowCount()):  # as high as the view measures the wrapped value at this width
        assert table.sizeHintForRow(row) <= table.rowHeight(row), (model.data(model.index(row, value)), row)
    gone(qtbot, window)


def test_the_meals_day_keeps_name_and_outcome_in_sight_at_1024(qtbot, chinese, styled, demo_ctx):
    """At 1024×768 in large text the day's list showed number, name and address; the outcome a person records
    was the last column, out of sight."""
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    styled("large-text")
    window = MainWindow(demo_ctx, load_features())
    window.show()
    window.resize(fit.client_room(SCREENS["1024×768"]))
    page = window.show_page("meals")
    settle(qtbot)
    orders = page.findChild(QWidget, "orders")
    model = orders.model()
    assert model.rowCount() > 3
    shown = {model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
             if orders.columnViewportPosition(c) + orders.columnWidth(c) <= orders.viewport().width()}
    assert {"姓名", "结果"} <= shown, shown
    gone(qtbot, window)
