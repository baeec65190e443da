"""The station kiosk (自助签到机): residents scan their smile passport, see their stamps and check in.

Elderly-friendly (适老化): text ≥ 18 pt, contrast ≥ 4.5:1, touch targets ≥ 60×60 px (tests measure all
three). A keyboard-wedge scanner "types" the passport number and Enter into the window; residents can
also tap the number on the on-screen keypad. There is no route to staff pages; every input restarts an
idle timer that returns to the welcome screen. On a local database there is no network; on a sub-district
server the kiosk keeps stamping while the server is unreachable or does not answer within OFFLINE_AFTER_MS: the
check-in is kept on the kiosk PC (``passports.offline.ScanQueue``), the resident is told so, a notice on the
welcome screen says how many are waiting, and they are replayed (idempotently) when the server answers.

Locked (a kiosk PIN is set: ``passports.kiosk_locks``), the window fills the screen and refuses to close
until the staff PIN is accepted. Without a PIN it never traps anyone: app.py shows it as an ordinary
window that closes, and a notice on the welcome screen says where an administrator sets the PIN.
Database reads and writes go through ``ui.ops``; a refusal is shown on the kiosk's own message line.
Looks: resources/styles/*.qss (``QWidget#kiosk``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.db.errors import is_unreachable
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import join
from desktop_app.passports import codes, settings
from desktop_app.passports.activities import activities_on
from desktop_app.passports.kiosk import KioskScan, kiosk_scan, kiosk_tap, lookup_card
from desktop_app.passports.patrols import kiosk_patrol, patrols_today
from desktop_app.passports.ui.kiosk_card import KioskCard
from desktop_app.passports.ui.kiosk_offline import OfflineCheckIns
from desktop_app.passports.ui.kiosk_widgets import Keypad, message_label, set_tone
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext

IDLE_MS = 40_000
MAX_BUFFER = 40

INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel,
}


class KioskWindow(OfflineCheckIns, QWidget):
    """The kiosk. ``staff_pin_check(session, pin) -> PinAnswer`` decides whether a staff member may exit a
    locked kiosk (default: the kiosk PIN, ``passports.unlock_kiosk``, which counts wrong PINs in the database);
    ``locked=False`` (no kiosk PIN set): an ordinary window that closes, with a notice saying so."""

    unlocked = Signal()  # the staff PIN was accepted; the window closes itself

    def __init__(
        self,
        ctx: AppContext,
        staff_pin_check: Callable[[object, str], settings.PinAnswer] | None = None,
        parent=None,
        *,
        locked: bool = True,
        idle_ms: int = IDLE_MS,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.actor
        self.staff_pin_check = staff_pin_check or (lambda s, pin: settings.unlock_kiosk(s, actor=actor, pin=pin))
        self.locked = locked
        self.full_screen = locked  # app.py: full screen only when only the PIN can close it
        self._checking_pin = False
        self._today = today
        self._buffer = ""
        self._pin = ""
        self._unlocked = False
        self._last_code = ""
        self.last_scan: KioskScan | None = None
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Smile passport kiosk"))

        self.stack = QStackedWidget(self)
        self.welcome = self._build_welcome()
        self.card_page = KioskCard(self)
        self.card_page.done_button.clicked.connect(self.show_welcome)
        self.card_page.activity_chosen.connect(self.check_in)
        self.card_page.patrol_chosen.connect(self.patrol)
        self.pin_page = self._build_pin()
        for page in (self.welcome, self.card_page, self.pin_page):
            self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.addWidget(self.stack)

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self.show_welcome)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._init_offline()
        self.show_welcome()
        self._update_offline_notice()

    # --- pages -------------------------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Smile passport · check in here"), page)
        self.title.setObjectName("title")
        self.staff_button = QPushButton(self.tr("Staff"), page)
        self.staff_button.setObjectName("staff")
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.clicked.connect(self.show_pin)
        top.addWidget(self.title, 1)
        top.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignTop)

        self.hint = QLabel(self.tr("Scan the QR code on your passport, or type the number under it."), page)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.entry = QLabel("", page)
        self.entry.setObjectName("entry")
        self.entry.setMinimumHeight(96)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today_label = QLabel("", page)
        self.today_label.setObjectName("today")
        self.today_label.setWordWrap(True)
        self.welcome_message = message_label(page)
        self.notice = QLabel(self.tr(
            "No kiosk PIN is set, so this kiosk runs in an ordinary window that anyone can close. To lock it to "
            "full screen, an administrator opens Smile passports → Kiosk and wall → Set kiosk PIN… at the desk, "
            "then starts the kiosk again."), page)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(not self.locked)
        self.offline_notice = QLabel("", page)  # kiosk_offline.py
        self.offline_notice.setObjectName("offline")
        self.offline_notice.setWordWrap(True)
        self.offline_notice.hide()

        left = QVBoxLayout()
        left.addWidget(self.hint)
        left.addSpacing(12)
        left.addWidget(self.entry)
        left.addSpacing(12)
        left.addWidget(self.welcome_message)
        left.addStretch(1)
        left.addWidget(self.today_label)
        self.keypad = Keypad(self._type, self._clear, self._submit, self.tr("OK"), self.tr("Clear"), page)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(24)
        body.addWidget(self.keypad, 2)
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(self.offline_notice)
        lay.addWidget(self.notice)
        lay.addSpacing(8)
        lay.addLayout(body, 1)
        return page

    def _build_pin(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Staff PIN"), page)
        title.setObjectName("title")
        self.pin_hint = QLabel(self.tr("Staff only: enter the kiosk PIN to leave the kiosk."), page)
        self.pin_hint.setObjectName("hint")
        self.pin_hint.setWordWrap(True)
        self.pin_entry = QLabel("", page)
        self.pin_entry.setObjectName("entry")
        self.pin_entry.setMinimumHeight(96)
        self.pin_entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_message = message_label(page)
        self.pin_back = QPushButton(self.tr("Back"), page)
        self.pin_back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_back.setMinimumSize(200, 84)
        self.pin_back.clicked.connect(self.show_welcome)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.pin_hint)
        left.addWidget(self.pin_entry)
        left.addWidget(self.pin_message)
        left.addStretch(1)
        left.addWidget(self.pin_back, 0, Qt.AlignmentFlag.AlignLeft)
        self.pin_pad = Keypad(self._type, self._clear, self._submit, self.tr("Unlock"), self.tr("Clear"), page)
        lay = QHBoxLayout(page)
        lay.addLayout(left, 3)
        lay.addSpacing(24)
        lay.addWidget(self.pin_pad, 2)
        return page

    # --- navigation --------------------------------------------------------------------------------
    def today(self) -> date:
        return self._today() if self._today is not None else clock.today()

    def show_welcome(self) -> None:
        self._buffer = ""
        self._pin = ""
        self._last_code = ""
        self.entry.setText("")
        self.pin_entry.setText("")
        set_tone(self.welcome_message, "", "none")
        set_tone(self.pin_message, "", "none")
        self._refresh_today()
        self.stack.setCurrentWidget(self.welcome)
        self.idle.stop()
        self.setFocus()

    def show_pin(self) -> None:
        self._pin = ""
        self.pin_entry.setText("")
        set_tone(self.pin_message, "", "none")
        station = self.ctx.actor.station_id
        ops.query(self, self.ctx.engine, lambda s: settings.has_kiosk_pin(s, station_id=station), self._show_pin_hint, on_error=self._refused(self.pin_message),
                  latest="pin")
        self.stack.setCurrentWidget(self.pin_page)
        self.idle.start()
        self.setFocus()

    def _show_pin_hint(self, has_pin: bool) -> None:
        if not has_pin and self._on_pin_page():
            set_tone(self.pin_message, self.tr("No kiosk PIN has been set yet: an administrator sets it on the "
                                               "Smile passports page (Kiosk and wall)."), "info")

    def _refused(self, label: QLabel) -> Callable[[BaseException], None]:
        """The kiosk's error policy: a refusal (SmileDeskError) on its own message line, in the resident's
        language; anything else is a bug for the one policy (logged, reported)."""
        def show(exc: BaseException) -> None:
            if is_unreachable(exc):
                set_tone(label, self.tr("The server cannot be reached right now. Please try again in a minute, or "
                                        "ask at the desk."), "error")
            elif isinstance(exc, SmileDeskError):
                set_tone(label, exc.text(), "error")
            else:
                ops.report_error(self, exc)
        return show

    def _refresh_today(self) -> None:
        day, actor = self.today(), self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: activities_on(s, day, actor), self._show_today,
                  on_error=self._today_failed, latest="today")

    def _today_failed(self, exc: BaseException) -> None:
        if not is_unreachable(exc):  # unreachable: the offline notice says it; the list read before stays
            self._refused(self.welcome_message)(exc)

    def _show_today(self, activities: list) -> None:
        self._todays = [(a.id, a.name, a.stamps) for a in activities]
        names = [(self.tr("{name} (1 stamp)") if a.stamps == 1 else self.tr("{name} ({n} stamps)"))
                 .format(name=a.name, n=a.stamps) for a in activities]
        if names:
            self.today_label.setText(self.tr("Today: {activities}").format(activities=join(names)))
        else:
            self.today_label.setText(self.tr("No activity to check in to today."))

    # --- input -------------------------------------------------------------------------------------
    def eventFilter(self, obj, event):  # noqa: N802 - any touch or key keeps the current screen up
        if event.type() in INPUT_EVENTS and self.isVisible() and self.stack.currentWidget() is not self.welcome:
            self.idle.start()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        if key == Qt.Key.Key_Backspace:
            self._backspace()
            return
        if key == Qt.Key.Key_Escape:
            self._clear()
            return
        text = event.text()
        if text and text.isprintable():
            self._type(text)
        # Everything else (F-keys, Alt+…, Ctrl+…) is swallowed: nothing leads out of the kiosk.

    def _on_pin_page(self) -> bool:
        return self.stack.currentWidget() is self.pin_page

    def _type(self, text: str) -> None:
        self.idle.start()
        if self._on_pin_page():
            if text.isdigit() and len(self._pin) < 12:
                self._pin += text
            self.pin_entry.setText("●" * len(self._pin))
            return
        if self.stack.currentWidget() is self.card_page:
            # A new scan while a card is shown starts over.
            self.stack.setCurrentWidget(self.welcome)
            set_tone(self.welcome_message, "", "none")
            self._buffer = ""
        if len(self._buffer) < MAX_BUFFER:
            self._buffer += text
        self.entry.setText(codes.display(self._buffer) if self._buffer.isdigit() else self._buffer)

    def _backspace(self) -> None:
        if self._on_pin_page():
            self._pin = self._pin[:-1]
            self.pin_entry.setText("●" * len(self._pin))
        else:
            self._buffer = self._buffer[:-1]
            self.entry.setText(codes.display(self._buffer) if self._buffer.isdigit() else self._buffer)

    def _clear(self) -> None:
        if self._on_pin_page():
            self._pin = ""
            self.pin_entry.setText("")
        else:
            self._buffer = ""
            self.entry.setText("")
            set_tone(self.welcome_message, "", "none")

    def _submit(self) -> None:
        if self._on_pin_page():
            self._try_pin()
            return
        code, self._buffer = self._buffer, ""
        if not code.strip():
            return
        self.scan(code)

    # --- scanning ----------------------------------------------------------------------------------
    def scan(self, code: str) -> None:
        """A passport was scanned or typed: show the card, checking in to today's activity."""
        self.idle.start()
        day, actor = self.today(), self.ctx.actor
        if self._offline():
            self._scan_offline(code, day)
            return
        ticket = self._ticket(code, day, None)
        ops.write(self, self.ctx.engine, lambda s: kiosk_scan(s, actor=actor, code=code, today=day),
                  on_done=lambda result: self._answered(ticket) and self._scanned(code, result),
                  on_error=lambda exc: self._failed(ticket, exc, self._scan_refused))

    def _scanned(self, code: str, result: KioskScan) -> None:
        self.last_scan = result
        self._last_code = code
        self._show_card(result)

    def _show_card(self, scan: KioskScan) -> None:
        self.card_page.show_scan(scan)
        self.stack.setCurrentWidget(self.card_page)
        self.setFocus()

    def _scan_refused(self, exc: BaseException) -> None:
        self.entry.setText("")
        self.stack.setCurrentWidget(self.welcome)
        self._refused(self.welcome_message)(exc)

    def check_in(self, activity_id: int) -> None:
        """The resident tapped one of today's activities on their card."""
        self.idle.start()
        code, day, actor = self._last_code, self.today(), self.ctx.actor
        if self._offline():
            self._keep({"code": code, "day": day, "activity": activity_id, "kept": None, "answered": True}, screen=True)
            return
        ticket = self._ticket(code, day, activity_id)
        ops.write(self, self.ctx.engine, lambda s: kiosk_tap(s, actor=actor, code=code, activity_id=activity_id, today=day),
                  on_done=lambda scan: self._answered(ticket) and self._tapped(scan),
                  on_error=lambda exc: self._failed(ticket, exc, self._refused(self.card_page.message)))

    def _tapped(self, scan: KioskScan) -> None:
        self.last_scan = scan
        self._show_card(scan)

    def patrol(self, shift_id: int, check_out: bool) -> None:
        """The volunteer tapped check-in / check-out of today's patrol (recorded by the rosters feature)."""
        self.idle.start()
        code, day, actor = self._last_code, self.today(), self.ctx.actor

        def work(s):
            entry = kiosk_patrol(s, actor=actor, code=code, shift_id=shift_id, check_out=check_out, today=day)
            card = lookup_card(s, actor=actor, code=code, today=day)
            return entry, KioskScan(card, patrols=tuple(patrols_today(s, actor=actor, resident_id=card.resident_id, today=day)))

        ops.write(self, self.ctx.engine, work, on_done=lambda got: self._patrolled(check_out, *got),
                  on_error=self._refused(self.card_page.message))

    def _patrolled(self, check_out: bool, entry, scan: KioskScan) -> None:
        self.last_scan = scan
        self._show_card(scan)
        if check_out:
            text = self.tr("Checked out. Thank you for patrolling!")
            if entry is not None:
                text += " " + (self.tr("1 stamp for the patrol.") if entry.stamps == 1
                               else self.tr("{n} stamps for the patrol.")).format(n=entry.stamps)
            set_tone(self.card_page.message, text, "ok")
        else:
            set_tone(self.card_page.message, self.tr("Checked in to your patrol. Stay safe!"), "ok")

    # --- leaving -----------------------------------------------------------------------------------
    def _try_pin(self) -> None:
        if self._checking_pin:
            return  # OK pressed again while the PIN is being checked
        pin, self._pin = self._pin, ""
        self.pin_entry.setText("")
        if not pin:
            set_tone(self.pin_message, self.tr("Wrong PIN."), "error")
            return
        self._checking_pin = True
        check = self.staff_pin_check
        # A write: the count of wrong PINs is kept in the database (off the GUI thread, like every op).
        ops.write(self, self.ctx.engine, lambda s: check(s, pin), on_done=self._pin_checked,
                  on_error=self._pin_not_checked)

    def _pin_not_checked(self, exc: BaseException) -> None:
        self._checking_pin = False
        self._refused(self.pin_message)(exc)

    def _pin_checked(self, answer: settings.PinAnswer) -> None:
        self._checking_pin = False
        if answer.ok:
            self._unlocked = True
            self.unlocked.emit()
            self.close()
            return
        if answer.locked_minutes:
            set_tone(self.pin_message, self.tr("Too many wrong PINs: the pad is locked for {n} more minute(s).")
                     .format(n=answer.locked_minutes), "error")
        elif answer.tries_left:
            set_tone(self.pin_message, self.tr("Wrong PIN. {n} tries left before the pad locks.").format(n=answer.tries_left),
                     "error")
        else:
            set_tone(self.pin_message, self.tr("Wrong PIN."), "error")

    def closeEvent(self, event) -> None:  # noqa: N802 - only the staff PIN closes a locked kiosk
        if self._unlocked or not self.locked:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            event.accept()
        else:
            event.ignore()
