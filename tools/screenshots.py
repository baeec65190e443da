"""Regenerate the window screenshots in docs/screenshots/: a fresh small demo station, in Chinese, the main
window at a maximised 1366×768 window's size (1366×705: the screen less a 40 px taskbar and the title bar),
the kiosk and the smile wall full screen at 1366×768, dialogs at the size they open at.

    python tools/screenshots.py [--only NAME ...] [--out docs/screenshots]      (make screenshots)

Papers (PDF pages rendered with pdftoppm) are made by their features' docs, not here. Look at every image
this writes before committing it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ["TZ"] = "Asia/Shanghai"  # the station's clock, whatever the machine's: the demo's day as a station has it
time.tzset()

ROOT = Path(__file__).resolve().parents[1]
MAIN = (1366, 705)  # a maximised window's client area on a 1366×768 screen with the taskbar
FULL = (1366, 768)  # the kiosk and the wall: full screen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*", help="only these images (names without .png)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    folder = Path(tempfile.mkdtemp(prefix="smiledesk-shots-"))
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a 1366×768 screen, not Qt's 800×800
        screen = {"name": "station", "x": 0, "y": 0, "width": FULL[0], "height": FULL[1], "logicalDpi": 96,
                  "logicalBaseDpi": 96, "dpr": 1}
        (folder / "screen.json").write_text(json.dumps({"screens": [screen]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={folder / 'screen.json'}"
    os.environ["SMILEDESK_DATA_DIR"] = str(folder / "data")
    os.environ["SMILEDESK_SETTINGS"] = str(folder / "settings.ini")
    shots = Shots(folder, Path(args.out))
    try:
        for name, make in shots.all().items():
            if args.only and name not in args.only:
                continue
            path = make()
            print(path)
    finally:
        shots.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)  # the demo station and its settings were for these images only
    return 0


class Shots:
    def __init__(self, folder: Path, out: Path) -> None:
        from PySide6.QtCore import QSettings

        from desktop_app import app as appmod
        from desktop_app import cli
        from desktop_app.features import open_app_database
        from desktop_app.ui import translation
        from desktop_app.ui.fonts import install_fallback_fonts
        from desktop_app.ui.settings_dialog import apply_style

        self.folder, self.out = folder, out
        out.mkdir(parents=True, exist_ok=True)
        self.app = appmod.make_application()
        install_fallback_fonts(self.app)
        apply_style(self.app, "normal")
        self.db = folder / "demo.sqlite3"
        cli.main(["demo", "--db", str(self.db)])  # a command installs its own language (the system's here)
        translation.install(self.app, "zh_CN")
        self.engine = open_app_database(f"sqlite:///{self.db}")
        self.settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.appmod = appmod

    # --- helpers -----------------------------------------------------------------------------------------
    def settle(self, widget, most_s: float = 30.0) -> None:
        """Until the widget shows its data (app.settled three checks in a row), and its layouts are done."""
        calm, start = 0, time.monotonic()
        while calm < 3 and time.monotonic() - start < most_s:
            for _ in range(5):
                self.app.processEvents()
            calm = calm + 1 if self.appmod.settled(widget) else 0
            time.sleep(0.05)
        for _ in range(10):
            self.app.processEvents()

    def save(self, widget, name: str) -> Path:
        self.settle(widget)
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        return path

    def window(self, page: str, tab: int | None = None, english: bool = False):
        from desktop_app import startup
        from desktop_app.ui import translation

        if english:
            translation.install(self.app, "en")
        actor = startup.first_admin(self.engine)
        w = self.appmod.build_main_window(self.engine, actor, self.settings)
        w.resize(*MAIN)
        w.show()
        shown = w.show_page(page)
        if tab is not None:
            from PySide6.QtWidgets import QTabWidget

            shown.findChildren(QTabWidget)[0].setCurrentIndex(tab)
        self.settle(w)
        return w, shown

    def page(self, name: str, page: str, tab: int | None = None, english: bool = False,
             then: Callable | None = None) -> Callable[[], Path]:
        def make() -> Path:
            from desktop_app.ui import translation

            w, shown = self.window(page, tab, english)
            if then is not None:
                then(shown)
                self.settle(w)
            path = self.save(w, name)
            w.close()
            w.deleteLater()
            if english:
                translation.install(self.app, "zh_CN")
            return path

        return make

    def dialog(self, name: str, make_dialog: Callable, then: Callable | None = None) -> Callable[[], Path]:
        def make() -> Path:
            from desktop_app import startup
            from desktop_app.app import make_services
            from desktop_app.ui.context import AppContext

            actor = startup.first_admin(self.engine)
            ctx = AppContext(engine=self.engine, actor=actor, settings=self.settings,
                             station_name=startup.station_name(self.engine, actor.station_id), services=make_services())
            d = make_dialog(ctx)
            d.show()
            if then is not None:
                self.settle(d)
                then(d)
            path = self.save(d, name)
            d.done(0)
            d.deleteLater()
            return path

        return make

    def wizard(self, name: str, step: int, style: str = "normal", english: bool = False) -> Callable[[], Path]:
        """The first start's wizard on a new, empty database, at step ``step``, filled in as a station would."""
        def make() -> Path:
            from desktop_app.app import make_services
            from desktop_app.features import open_app_database
            from desktop_app.ui import translation
            from desktop_app.ui.settings_dialog import apply_style
            from desktop_app.ui.wizard import SetupWizard

            path = self.folder / f"{name}.sqlite3"
            path.unlink(missing_ok=True)
            engine = open_app_database(f"sqlite:///{path}")
            w = SetupWizard(engine, self.settings, services=make_services())
            w.show()
            chosen = w.language_page  # chosen as a person would: the wizard restyles and retranslates itself
            chosen.style.setCurrentIndex(chosen.style.findData(style))
            chosen.language.setCurrentIndex(chosen.language.findData("en" if english else "zh_CN"))
            station = {"name": "逍遥津社区党群服务中心", "code": "XYJ", "sub_district": "逍遥津街道",
                       "address": "合肥市庐阳区逍遥津街道安庆路 66 号", "phone": "0551-62601234"}
            for key, value in station.items():
                w.station_page.edits[key].setText(value)
            w.admin_page.display.setText("王芳")
            w.admin_page.password.setText("wangfang2026")
            w.admin_page.password2.setText("wangfang2026")
            w.data_page.demo.setChecked(True)
            w.backup_page.folder.setText("E:\\微笑驿站备份")  # a USB stick, as the page advises
            for _ in range(step - 1):
                w.next()
                self.settle(w)
            shot = self.save(w, name)
            w.done(0)
            w.deleteLater()
            self.settle(w)
            engine.dispose()
            apply_style(self.app, "normal")
            translation.install(self.app, "zh_CN")
            return shot

        return make

    def special(self, name: str, kind: str, then: Callable | None = None) -> Callable[[], Path]:
        def make() -> Path:
            w = self.appmod._special_window(kind, self.engine, self.settings)
            w.resize(*FULL)
            w.show()
            self.settle(w)
            if then is not None:
                then(w)
            path = self.save(w, name)
            w.close()
            w.deleteLater()
            return path

        return make

    def one(self, sql: str):
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()

    # --- what the docs show ------------------------------------------------------------------------------
    def all(self) -> dict[str, Callable[[], Path]]:
        def open_list(page) -> None:
            page.view.setCurrentIndex(page.view.findData("open"))
            self.settle(page)
            page.table.selectRow(0)

        def scan(number: str):
            return lambda kiosk: (kiosk.scan(number), self.settle(kiosk))

        passport = self.one("SELECT number FROM passport WHERE status = 'active' ORDER BY id LIMIT 1")
        return {
            "dashboard": self.page("dashboard", "dashboard"),
            "residents": self.page("residents", "residents"),
            "desk": self.page("desk", "desk"),
            "desk-open": self.page("desk-open", "desk", then=open_list),
            "desk-en": self.page("desk-en", "desk", english=True),
            "rosters": self.page("rosters", "rosters"),
            "rosters-today": self.page("rosters-today", "rosters", tab=1),
            "rosters-team": self.page("rosters-team", "rosters", tab=2),
            "meals": self.page("meals", "meals"),
            "meals-recipients": self.page("meals-recipients", "meals", tab=1),
            "meals-accounts": self.page("meals-accounts", "meals", tab=2),
            "meals-samples": self.page("meals-samples", "meals", tab=3),
            "passports": self.page("passports", "passports"),
            "passports_activities": self.page("passports_activities", "passports", tab=1),
            "certificates": self.page("certificates", "certificates"),
            "reports-page": self.page("reports-page", "reports"),
            "admin": self.page("admin", "admin"),
            "rosters-shortfall": self.page("rosters-shortfall", "rosters", then=self.shortfall),
            "passports_kiosk_welcome": self.special("passports_kiosk_welcome", "kiosk"),
            "passports_kiosk_stamped": self.special("passports_kiosk_stamped", "kiosk", then=scan(passport)),
            "passports_kiosk_refused": self.special("passports_kiosk_refused", "kiosk",
                                                    then=scan(passport[:-1] + str((int(passport[-1]) + 1) % 10))),
            "passports_wall": self.special("passports_wall", "wall"),
            "certificates-issue": self.dialog("certificates-issue", _issue),
            "certificates-batch": self.dialog("certificates-batch", _batch),
            "meals-rates-dialog": self.dialog("meals-rates-dialog", _rates),
            "meals-recipient-dialog": self.dialog("meals-recipient-dialog", lambda ctx: _recipient(ctx, self)),
            "reports-import": self.dialog("reports-import", lambda ctx: _import(ctx, self.folder),
                                          then=lambda d: d.check()),  # the dry run: what it would write, what it refuses
            **{f"wizard{n}": self.wizard(f"wizard{n}", n) for n in range(1, 6)},
            "wizard-large-text": self.wizard("wizard-large-text", 1, style="large-text"),
            "wizard-en": self.wizard("wizard-en", 1, english=True),
        }

    def shortfall(self, page) -> None:
        """Next month, when the team leaders are away from the 24th to the 28th: the shifts made, the month
        filled, the first short patrol chosen (what docs/rosters.md explains)."""
        from datetime import date

        from sqlmodel import select

        from desktop_app import startup
        from desktop_app.core.db import session_scope
        from desktop_app.rosters.models import MemberRole, TeamMember
        from desktop_app.rosters.volunteers import add_leave

        page.move_month(1)
        self.settle(page)
        month, team_id, actor = page.month, page.team_id(), startup.first_admin(self.engine)
        start, end = date(month.year, month.month, 24), date(month.year, month.month, 28)
        with session_scope(self.engine) as s:
            leaders = s.exec(select(TeamMember.volunteer_id).where(TeamMember.team_id == team_id,
                                                                  TeamMember.role == MemberRole.TEAM_LEADER)).all()
            for vid in leaders[: max(1, len(leaders) - 1)]:  # all but one: a few patrols still get a leader
                add_leave(s, actor=actor, volunteer_id=vid, start=start, end=end, reason="外出学习")
        page.generate()
        self.settle(page)
        page.solve()
        self.settle(page)
        page.month_tab.select_cell(start, "morning")
        self.settle(page)


def _issue(ctx):
    """A volunteer's service record filled in and its specimen shown, before anything is issued."""
    from datetime import date

    from desktop_app.certificates.ui.dialogs import IssueDialog
    from desktop_app.ui.widgets import qdate

    d = IssueDialog(ctx)
    d.kind.setCurrentIndex(d.kind.findData("service_record"))
    d.name.setText("张桂芳")
    d.organisation.setText("逍遥津社区小红帽党员志愿巡逻队")
    d.start.setDate(qdate(date(date.today().year, 1, 1)))
    d.hours.setValue(126.5)
    d.content.setText("小红帽巡逻、垃圾分类引导、独居老人探访")
    d.with_seal.setChecked(True)
    d.show_preview()
    return d


def _batch(ctx):
    """The volunteers with 10 hours or more this year (the demo's rosters have two months), found."""
    from desktop_app.certificates.ui.batch_dialog import BatchDialog

    d = BatchDialog(ctx)
    d.min_hours.setValue(10)
    d.find()
    return d


def _rates(ctx):
    from desktop_app.meals.ui.rates_dialog import RatesDialog

    return RatesDialog(ctx)


def _recipient(ctx, shots: Shots):
    from desktop_app.meals.ui.dialogs import RecipientDialog

    return RecipientDialog(ctx, shots.one("SELECT id FROM meal_recipient ORDER BY id LIMIT 1"))


def _import(ctx, folder: Path):
    """A station's residents register as stations keep it: a title row, headers, a few people."""
    from openpyxl import Workbook

    from desktop_app.reports.ui.import_dialog import ImportDialog

    wb = Workbook()
    ws = wb.active
    ws.title = "居民台账"
    ws.append(["逍遥津社区居民台账（2026年）"])
    ws.append(["姓名", "身份证号", "联系电话", "住址", "备注"])
    def with_check_digit(first17: str) -> str:  # GB 11643: the 18th character checks the first 17
        total = sum(int(d) * w for d, w in zip(first17, (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), strict=True))
        return first17 + "10X98765432"[total % 11]

    for row in (["张秀英", with_check_digit("34010419480305122"), "13812345678", "逍遥津小区3栋2单元301室", "独居"],
                ["李建国", with_check_digit("34010419521120003"), "13912345678", "逍遥津小区5栋1单元502室", ""],
                ["王桂兰", "34010448030512", "0551-62601234", "安庆路小区12栋", "身份证号缺位"],
                ["赵德明", with_check_digit("34010419600101001"), "13700001111", "宿州路小区6栋4单元201室", ""]):
        ws.append(row)
    path = folder / "居民台账.xlsx"
    wb.save(path)
    return ImportDialog(ctx, path)


if __name__ == "__main__":
    raise SystemExit(main())
