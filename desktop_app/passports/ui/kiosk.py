"""The station kiosk (自助签到机): residents scan their smile passport, see their stamps and check in.

Elderly-friendly (适老化): text ≥ 18 pt, contrast ≥ 4.5:1, touch targets ≥ 60×60 px (tests measure all
three). A keyboard-wedge scanner "types" the passport number and Enter into the window; residents can
also tap the number on the on-screen keypad. There is no route to staff pages: the window refuses to
close until a staff PIN is accepted, every input restarts an idle timer that returns to the welcome
screen, and everything runs against the local database (no network).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.passports import codes, service
from desktop_app.ui.context import AppContext

IDLE_MS = 40_000
MAX_BUFFER = 40
MAX_CHOICES = 6  # more activities than this in one day: the desk stamps them
MAX_PIN_TRIES = 5
PIN_LOCK_MS = 60_000

INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel,
}

BG = "#FFF8F0"
INK = "#1F2937"
ACCENT = "#B91C1C"

KIOSK_QSS = f"""
QWidget#kiosk {{ background: {BG}; }}
QWidget#kiosk QLabel {{ color: {INK}; font-size: 22pt; background: transparent; }}
QWidget#kiosk QLabel#title {{ font-size: 36pt; font-weight: bold; color: #9F1239; }}
QWidget#kiosk QLabel#hint {{ font-size: 22pt; color: #374151; }}
QWidget#kiosk QLabel#entry {{ font-size: 40pt; color: #111827; background: #FFFFFF; border: 3px solid #6B7280;
    border-radius: 14px; padding: 6px 18px; }}
QWidget#kiosk QLabel#today {{ font-size: 20pt; color: #374151; }}
QWidget#kiosk QLabel#name {{ font-size: 40pt; font-weight: bold; color: #111827; }}
QWidget#kiosk QLabel#number {{ font-size: 20pt; color: #374151; }}
QWidget#kiosk QLabel#figure {{ font-size: 44pt; font-weight: bold; color: #9F1239; }}
QWidget#kiosk QLabel#figureLabel {{ font-size: 20pt; color: #374151; }}
QWidget#kiosk QLabel#milestone {{ font-size: 24pt; color: #1F2937; }}
QWidget#kiosk QLabel#avatar {{ font-size: 48pt; font-weight: bold; color: #FFFFFF; background: {ACCENT};
    border-radius: 60px; }}
QWidget#kiosk QLabel#message {{ font-size: 26pt; font-weight: bold; border-radius: 14px; padding: 12px 18px; }}
QWidget#kiosk QLabel#message[tone="error"] {{ color: #7F1D1D; background: #FEE2E2; }}
QWidget#kiosk QLabel#message[tone="ok"] {{ color: #14532D; background: #DCFCE7; }}
QWidget#kiosk QLabel#message[tone="info"] {{ color: #1E3A8A; background: #DBEAFE; }}
QWidget#kiosk QLabel#message[tone="none"] {{ color: {INK}; background: transparent; }}
QWidget#kiosk QPushButton {{ font-size: 28pt; color: #111827; background: #E5E7EB; border: 2px solid #6B7280;
    border-radius: 14px; padding: 8px 18px; min-width: 96px; min-height: 84px; }}
QWidget#kiosk QPushButton:pressed {{ background: #D1D5DB; }}
QWidget#kiosk QPushButton#primary {{ color: #FFFFFF; background: {ACCENT}; border: 2px solid #7F1D1D; }}
QWidget#kiosk QPushButton#staff {{ font-size: 18pt; color: #374151; background: {BG}; border: 2px solid #9CA3AF;
    min-width: 120px; min-height: 64px; }}
QWidget#kiosk QPushButton:disabled {{ color: #374151; background: #E5E7EB; }}
"""


class _Keypad(QWidget):
    """A 3×4 numeric keypad: digits, clear, OK. Buttons never take focus (keys go to the window)."""

    def __init__(self, on_digit: Callable[[str], None], on_clear: Callable[[], None], on_ok: Callable[[], None],
                 ok_text: str, clear_text: str, parent=None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(12)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        for i, key in enumerate(keys):
            text = {"clear": clear_text, "ok": ok_text}.get(key, key)
            btn = QPushButton(text, self)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumSize(120, 84)
            btn.setObjectName("primary" if key == "ok" else f"key{key}")
            if key == "clear":
                btn.clicked.connect(on_clear)
            elif key == "ok":
                btn.clicked.connect(on_ok)
            else:
                btn.clicked.connect(lambda _=False, d=key: on_digit(d))
            grid.addWidget(btn, i // 3, i % 3)
            self.buttons[key] = btn


def _message(parent) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setProperty("tone", "none")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumHeight(80)
    return label


def _set_tone(label: QLabel, text: str, tone: str) -> None:
    label.setText(text)
    label.setProperty("tone", tone if text else "none")
    label.style().unpolish(label)
    label.style().polish(label)


class KioskWindow(QWidget):
    """Full-screen kiosk. ``staff_pin_check(pin) -> bool`` decides whether a staff member may exit."""

    unlocked = Signal()  # the staff PIN was accepted; the window closes itself

    def __init__(
        self,
        ctx: AppContext,
        staff_pin_check: Callable[[str], bool],
        parent=None,
        *,
        idle_ms: int = IDLE_MS,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff_pin_check = staff_pin_check
        self._today = today
        self._buffer = ""
        self._pin = ""
        self._pin_failures = 0
        self._unlocked = False
        self._last_code = ""
        self.last_scan: service.KioskScan | None = None
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(KIOSK_QSS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Smile passport kiosk"))

        self.stack = QStackedWidget(self)
        self.welcome = self._build_welcome()
        self.card_page = self._build_card()
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
        self._pin_lock = QTimer(self)
        self._pin_lock.setSingleShot(True)
        self._pin_lock.setInterval(PIN_LOCK_MS)
        self._pin_lock.timeout.connect(self._end_pin_lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show_welcome()

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
        self.welcome_message = _message(page)

        left = QVBoxLayout()
        left.addWidget(self.hint)
        left.addSpacing(12)
        left.addWidget(self.entry)
        left.addSpacing(12)
        left.addWidget(self.welcome_message)
        left.addStretch(1)
        left.addWidget(self.today_label)
        self.keypad = _Keypad(self._type, self._clear, self._submit, self.tr("OK"), self.tr("Clear"), page)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(24)
        body.addWidget(self.keypad, 2)
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addSpacing(8)
        lay.addLayout(body, 1)
        return page

    def _build_card(self) -> QWidget:
        page = QWidget(self)
        self.avatar = QLabel("", page)
        self.avatar.setObjectName("avatar")
        self.avatar.setFixedSize(120, 120)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel("", page)
        self.name_label.setObjectName("name")
        self.number_label = QLabel("", page)
        self.number_label.setObjectName("number")
        who = QVBoxLayout()
        who.addWidget(self.name_label)
        who.addWidget(self.number_label)
        head = QHBoxLayout()
        head.addWidget(self.avatar)
        head.addSpacing(24)
        head.addLayout(who, 1)

        self.card_message = _message(page)
        figures = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, text in (("balance", self.tr("Stamps to spend")), ("month", self.tr("This month")),
                          ("level", self.tr("Level"))):
            box = QVBoxLayout()
            value = QLabel("", page)
            value.setObjectName("figure")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(text, page)
            caption.setObjectName("figureLabel")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(value)
            box.addWidget(caption)
            figures.addLayout(box, 1)
            self.figures[key] = value
        self.milestone = QLabel("", page)
        self.milestone.setObjectName("milestone")
        self.milestone.setWordWrap(True)
        self.milestone.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.choices = QGridLayout()
        self.choices.setSpacing(14)
        self.choice_buttons: list[QPushButton] = []
        self.done_button = QPushButton(self.tr("Done"), page)
        self.done_button.setObjectName("primary")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.setMinimumSize(240, 84)
        self.done_button.clicked.connect(self.show_welcome)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)

        lay = QVBoxLayout(page)
        lay.addLayout(head)
        lay.addSpacing(10)
        lay.addWidget(self.card_message)
        lay.addSpacing(10)
        lay.addLayout(figures)
        lay.addWidget(self.milestone)
        lay.addSpacing(10)
        lay.addLayout(self.choices)
        lay.addStretch(1)
        lay.addLayout(bottom)
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
        self.pin_message = _message(page)
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
        self.pin_pad = _Keypad(self._type, self._clear, self._submit, self.tr("Unlock"), self.tr("Clear"), page)
        lay = QHBoxLayout(page)
        lay.addLayout(left, 3)
        lay.addSpacing(24)
        lay.addWidget(self.pin_pad, 2)
        return page

    # --- navigation --------------------------------------------------------------------------------
    def today(self) -> date:
        if self._today is not None:
            return self._today()
        from desktop_app.core import clock

        return clock.today()

    def show_welcome(self) -> None:
        self._buffer = ""
        self._pin = ""
        self._last_code = ""
        self.entry.setText("")
        self.pin_entry.setText("")
        _set_tone(self.welcome_message, "", "none")
        _set_tone(self.pin_message, "", "none")
        self._refresh_today()
        self.stack.setCurrentWidget(self.welcome)
        self.idle.stop()
        self.setFocus()

    def show_pin(self) -> None:
        self._pin = ""
        self.pin_entry.setText("")
        _set_tone(self.pin_message, "", "none")
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                has_pin = service.has_kiosk_pin(s)
        except SmileDeskError:
            has_pin = True
        if not has_pin:
            _set_tone(self.pin_message, self.tr("No kiosk PIN has been set yet: an administrator sets it on the "
                                                "Smile passports page (Kiosk and wall)."), "info")
        self.stack.setCurrentWidget(self.pin_page)
        self.idle.start()
        self.setFocus()

    def _refresh_today(self) -> None:
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                names = [f"{a.name}（+{a.stamps}）" for a in service.activities_on(s, self.today(), self.ctx.actor)]
        except SmileDeskError:
            names = []
        if names:
            self.today_label.setText(self.tr("Today: {activities}").format(activities="、".join(names)))
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
            if self._pin_lock.isActive():
                return
            if text.isdigit() and len(self._pin) < 12:
                self._pin += text
            self.pin_entry.setText("●" * len(self._pin))
            return
        if self.stack.currentWidget() is self.card_page:
            # A new scan while a card is shown starts over.
            self.stack.setCurrentWidget(self.welcome)
            _set_tone(self.welcome_message, "", "none")
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
            _set_tone(self.welcome_message, "", "none")

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
        try:
            with session_scope(self.ctx.engine) as s:
                result = service.kiosk_scan(s, actor=self.ctx.actor, code=code, today=self.today())
        except SmileDeskError as exc:
            self.entry.setText("")
            self.stack.setCurrentWidget(self.welcome)
            _set_tone(self.welcome_message, exc.text(), "error")
            return
        self.last_scan = result
        self._last_code = code
        self._show_card(result)

    def _show_card(self, scan: service.KioskScan) -> None:
        card = scan.card
        self.avatar.setText(card.initial or "?")
        self.name_label.setText(card.masked_name)
        self.number_label.setText(self.tr("Passport {number}").format(number=codes.display(card.number)))
        self.figures["balance"].setText(str(card.balance))
        self.figures["month"].setText(str(card.month_stamps))
        self.figures["level"].setText(card.level or self.tr("—"))
        if card.next_level:
            self.milestone.setText(
                self.tr("{n} more stamps to become {level}.").format(n=card.to_next, level=card.next_level)
            )
        else:
            self.milestone.setText(self.tr("You have reached the top level. Thank you!"))
        if scan.refusal is not None:
            _set_tone(self.card_message, scan.refusal.text(), "error")
        elif scan.result is not None and scan.result.already:
            _set_tone(self.card_message, self.tr("Already stamped today for {activity}; a stamp is given once a day.")
                      .format(activity=scan.result.activity_name), "info")
        elif scan.result is not None:
            text = self.tr("Stamped! +{n} for {activity}.").format(n=scan.result.awarded, activity=scan.result.activity_name)
            if scan.result.new_honours:
                text += " " + self.tr("Congratulations, you are now {level}!").format(level="、".join(scan.result.new_honours))
            _set_tone(self.card_message, text, "ok")
        elif not card.today:
            _set_tone(self.card_message, self.tr("No activity to check in to today."), "info")
        else:
            _set_tone(self.card_message, self.tr("Which activity are you here for? Tap it."), "info")
        self._set_choices(card if scan.result is None and scan.refusal is None else None, scan.patrols)
        self.stack.setCurrentWidget(self.card_page)
        self.setFocus()

    def _set_choices(self, card: service.CardView | None, patrols=()) -> None:
        for btn in self.choice_buttons:
            self.choices.removeWidget(btn)
            btn.hide()  # gone from the screen now, deleted when the event loop gets to it
            btn.deleteLater()
        self.choice_buttons = []
        slot_no = 0
        for p in patrols:
            if p.checked_out:
                continue
            label = self.tr("Patrol check-out: {team}, {start}–{end}") if p.checked_in else self.tr(
                "Patrol check-in: {team}, {start}–{end}")
            btn = QPushButton(label.format(team=p.team, start=p.starts_at.strftime("%H:%M"), end=p.ends_at.strftime("%H:%M")),
                              self.card_page)
            btn.setObjectName("patrol")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumSize(160, 84)
            btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            btn.clicked.connect(lambda _=False, sid=p.shift_id, out=p.checked_in: self.patrol(sid, out))
            self.choices.addWidget(btn, slot_no // 2, slot_no % 2)
            self.choice_buttons.append(btn)
            slot_no += 1
        if card is None:
            return
        for i, (activity_id, name, stamps, done) in enumerate(card.today[:MAX_CHOICES], start=slot_no):
            btn = QPushButton(self.tr("{activity}  +{n}").format(activity=name, n=stamps), self.card_page)
            btn.setObjectName("choice")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumSize(160, 84)
            btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            btn.setEnabled(not done)
            btn.clicked.connect(lambda _=False, a=activity_id: self.check_in(a))
            self.choices.addWidget(btn, i // 2, i % 2)
            self.choice_buttons.append(btn)

    def check_in(self, activity_id: int) -> None:
        """The resident tapped one of today's activities on their card."""
        self.idle.start()
        code = self._last_code
        try:
            with session_scope(self.ctx.engine) as s:
                result = service.kiosk_check_in(s, actor=self.ctx.actor, code=code, activity_id=activity_id, today=self.today())
                card = service.lookup_card(s, actor=self.ctx.actor, code=code, today=self.today())
            scan = service.KioskScan(card, result=result)
        except SmileDeskError as exc:
            with session_scope(self.ctx.engine, write=False) as s:
                card = service.lookup_card(s, actor=self.ctx.actor, code=code, today=self.today())
            scan = service.KioskScan(card, refusal=exc)
        self.last_scan = scan
        self._show_card(scan)

    def patrol(self, shift_id: int, check_out: bool) -> None:
        """The volunteer tapped check-in / check-out of today's patrol (recorded by the rosters feature)."""
        self.idle.start()
        code = self._last_code
        try:
            with session_scope(self.ctx.engine) as s:
                entry = service.kiosk_patrol(s, actor=self.ctx.actor, code=code, shift_id=shift_id,
                                             check_out=check_out, today=self.today())
            with session_scope(self.ctx.engine, write=False) as s:
                card = service.lookup_card(s, actor=self.ctx.actor, code=code, today=self.today())
                patrols = tuple(service.patrols_today(s, actor=self.ctx.actor, resident_id=card.resident_id, today=self.today()))
        except SmileDeskError as exc:
            _set_tone(self.card_message, exc.text(), "error")
            return
        self.last_scan = service.KioskScan(card, patrols=patrols)
        self._show_card(self.last_scan)
        if check_out:
            text = self.tr("Checked out. Thank you for patrolling!")
            if entry is not None:
                text += " " + self.tr("+{n} stamp for the patrol.").format(n=entry.stamps)
            _set_tone(self.card_message, text, "ok")
        else:
            _set_tone(self.card_message, self.tr("Checked in to your patrol. Stay safe!"), "ok")

    # --- leaving -----------------------------------------------------------------------------------
    def _try_pin(self) -> None:
        if self._pin_lock.isActive():
            return
        pin, self._pin = self._pin, ""
        self.pin_entry.setText("")
        if pin and self.staff_pin_check(pin):
            self._unlocked = True
            self.unlocked.emit()
            self.close()
            return
        self._pin_failures += 1
        if self._pin_failures >= MAX_PIN_TRIES:
            self._pin_failures = 0
            self._pin_lock.start()
            _set_tone(self.pin_message, self.tr("Too many wrong PINs: try again in one minute."), "error")
        else:
            _set_tone(self.pin_message, self.tr("Wrong PIN."), "error")

    def _end_pin_lock(self) -> None:
        _set_tone(self.pin_message, "", "none")

    def closeEvent(self, event) -> None:  # noqa: N802 - only the staff PIN closes the kiosk
        if self._unlocked:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            event.accept()
        else:
            event.ignore()
