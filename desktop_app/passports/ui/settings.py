"""The kiosk and wall tab (自助机与笑脸墙): kiosk PIN, daily stamp limit, patrol stamps, honours waiting
for certificates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.passports import honours, patrols, settings
from desktop_app.passports.permissions import KIOSK_SETTINGS, PATROL_STAMPS, VIEW_PASSPORTS
from desktop_app.passports.ui.dialogs import Ask
from desktop_app.ui import ops
from desktop_app.ui.messages import show_info


class SettingsTab(QWidget):
    """Kiosk PIN, daily stamp limit, patrol stamps, honours waiting for certificates."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.cap = settings.DEFAULT_DAILY_CAP
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.pin_button = QPushButton(self.tr("Set kiosk PIN…"), self)
        self.pin_button.clicked.connect(self.set_pin)
        self.cap_button = QPushButton(self.tr("Daily stamp limit…"), self)
        self.cap_button.clicked.connect(self.set_cap)
        self.sweep_button = QPushButton(self.tr("Award stamps for completed patrols"), self)
        self.sweep_button.clicked.connect(self.sweep)
        self.certs_button = QPushButton(self.tr("Send waiting honours to certificates"), self)
        self.certs_button.clicked.connect(self.queue_certificates)
        self.pin_button.setEnabled(self.ctx.can(KIOSK_SETTINGS))
        self.cap_button.setEnabled(self.ctx.can(KIOSK_SETTINGS))
        self.sweep_button.setEnabled(self.ctx.can(PATROL_STAMPS))
        self.certs_button.setEnabled(self.ctx.can(VIEW_PASSPORTS))
        hint = QLabel(self.tr("Start the kiosk with “smiledesk --kiosk” and the lobby display with “smiledesk --wall”. "
                              "With a kiosk PIN set, the kiosk fills the screen and only the PIN (or an administrator's "
                              "or front-desk password) closes it; without one it opens as an ordinary window that anyone "
                              "can close."), self)
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.status)
        for b in (self.pin_button, self.cap_button, self.sweep_button, self.certs_button):
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        station = self.ctx.actor.station_id  # each station has its own PIN and limit
        ops.query(self, self.ctx.engine,
                  lambda s: (settings.has_kiosk_pin(s, station_id=station), settings.daily_cap(s, station_id=station)),
                  self._show_status, latest="status")

    def _show_status(self, got: tuple[bool, int]) -> None:
        has_pin, self.cap = got
        pin = self.tr("a kiosk PIN is set") if has_pin else self.tr("no kiosk PIN yet")
        self.status.setText(self.tr("Now: {pin}; at most {cap} stamps per person per day.").format(pin=pin, cap=self.cap))

    def set_pin(self) -> None:
        pin = Ask.text(self, self.tr("Kiosk PIN"), self.tr("New PIN (4–12 digits):"), password=True)
        if pin is not None:
            actor = self.ctx.actor
            ops.write(self, self.ctx.engine, lambda s: settings.set_kiosk_pin(s, actor=actor, pin=pin),
                      on_done=lambda _r: self.refresh())

    def set_cap(self) -> None:
        n = Ask.number(self, self.tr("Daily stamp limit"), self.tr("Most stamps one person can collect in a day:"), self.cap, 1, 100)
        if n is not None:
            actor = self.ctx.actor
            ops.write(self, self.ctx.engine, lambda s: settings.set_daily_cap(s, actor=actor, stamps=n),
                      on_done=lambda _r: self.refresh())

    def sweep(self) -> None:
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: patrols.sweep_patrol_stamps(s, actor=actor),
                  on_done=lambda n: show_info(self, self.tr("{n} patrol stamp entries added.").format(n=n)))

    def queue_certificates(self) -> None:
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: honours.queue_pending_certificates(s, actor=actor),
                  on_done=lambda n: show_info(self, self.tr("{n} honour certificates requested.").format(n=n)))
