"""The kiosk while the database server is unreachable (issue 22 item 3): check-ins kept on the kiosk PC.

A check-in the server has not answered within OFFLINE_AFTER_MS, or one made while the server is known to be
unreachable (``ops.server_monitor()``), is kept in ``passports.offline.ScanQueue`` and the resident is told
so; the welcome screen says how many are waiting; ``replay`` sends them, oldest first, when the server
answers again (and every REPLAY_MS), one transaction each — idempotent, never a double award.
A mixin of KioskWindow (kiosk.py), which it expects to have ``ctx``, ``card_page``, ``stack``, ``offline_notice``,
``today()``, ``_scan_refused``, ``_refused``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from desktop_app.core.db.errors import is_unreachable
from desktop_app.core.errors import SmileDeskError
from desktop_app.passports import codes
from desktop_app.passports.offline import ScanQueue, describe, queue_path, replay_scan
from desktop_app.ui import ops

log = logging.getLogger(__name__)
OFFLINE_AFTER_MS = 3000  # a check-in the server has not answered by then is kept on the kiosk
REPLAY_MS = 10_000  # kept check-ins: tried again this often while the server answers


class OfflineCheckIns:
    ctx: Any
    card_page: Any
    stack: Any
    offline_notice: Any
    _last_code: str
    today: Callable[[], date]
    _scan_refused: Callable[[BaseException], None]

    def _init_offline(self) -> None:
        self._todays: list[tuple[int, str, int]] = []  # today's activities as last read (for offline check-ins)
        self.queue: ScanQueue | None = None
        if self.ctx.engine.dialect.name != "sqlite":  # a server: the network can fail
            self.queue = ScanQueue(queue_path(self.ctx.engine.url.render_as_string(hide_password=True),
                                              self.ctx.actor.station_id))
        self._replaying = False
        self.monitor = ops.server_monitor()
        self.monitor.changed.connect(self._server_changed)
        self.monitor.restored.connect(self.replay)
        self._replay_timer = QTimer(self)  # type: ignore[arg-type]
        self._replay_timer.setInterval(REPLAY_MS)
        self._replay_timer.timeout.connect(self.replay)
        if self.queue is not None:
            self._replay_timer.start()
            QTimer.singleShot(0, self, self.replay)  # type: ignore[call-overload]  # kept from an earlier run

    def _offline(self) -> bool:
        return self.queue is not None and self.monitor.state == "unreachable"

    def _ticket(self, code: str, day: date, activity_id: int | None) -> dict:
        """A check-in on its way to the server; kept on the kiosk if no answer comes within OFFLINE_AFTER_MS."""
        ticket = {"code": code, "day": day, "activity": activity_id, "kept": None, "answered": False}
        if self.queue is not None:
            QTimer.singleShot(OFFLINE_AFTER_MS, self, lambda: self._no_answer(ticket))
        return ticket

    def _no_answer(self, ticket: dict) -> None:
        if ticket["answered"] or ticket["kept"] is not None:
            return
        self._keep(ticket, screen=True)

    def _answered(self, ticket: dict) -> bool:
        """The server answered: a check-in kept meanwhile is recorded already (the replay would award nothing);
        the screen has moved on then, so the answer is not shown. True when it is still to be shown."""
        ticket["answered"] = True
        if ticket["kept"] is not None and self.queue is not None:
            self.queue.remove(ticket["kept"])
            self._update_offline_notice()
            return False
        return True

    def _failed(self, ticket: dict, exc: BaseException, otherwise: Callable[[BaseException], None]) -> None:
        ticket["answered"] = True
        if self.queue is not None and is_unreachable(exc):
            if ticket["kept"] is None:
                self._keep(ticket, screen=True)
            return
        if ticket["kept"] is not None and self.queue is not None:  # refused after all: nothing to replay
            self.queue.remove(ticket["kept"])
            self._update_offline_notice()
            return
        otherwise(exc)

    def _keep(self, ticket: dict, *, screen: bool) -> None:
        if ticket["activity"] is None and len(self._todays) != 1:
            if screen:
                self._scan_offline(ticket["code"], ticket["day"])
            return
        activity = ticket["activity"] if ticket["activity"] is not None else self._todays[0][0]
        try:
            assert self.queue is not None
            ticket["kept"] = self.queue.add(ticket["code"], ticket["day"], activity)
        except SmileDeskError as exc:
            self._scan_refused(exc)
            return
        if screen:
            self._show_kept(ticket["code"], activity)

    def _scan_offline(self, code: str, day: date) -> None:
        """Offline: one activity today → kept at once; several → the resident taps one (kept then)."""
        try:
            number = codes.parse_code(code)
        except SmileDeskError as exc:
            self._scan_refused(exc)
            return
        self._last_code = number
        if not self._todays:
            self.card_page.show_offline(number, [], QCoreApplication.translate("KioskOffline",
                                                                               "No activity to check in to today."), "info")
        elif len(self._todays) == 1:
            self._keep({"code": number, "day": day, "activity": self._todays[0][0], "kept": None, "answered": True},
                       screen=True)
            return
        else:
            self.card_page.show_offline(number, self._todays, QCoreApplication.translate("KioskOffline",
                "The server cannot be reached right now. Which activity are you here for? Tap it: your check-in "
                "is kept on this kiosk and recorded when the server is back."), "info")
        self.stack.setCurrentWidget(self.card_page)
        self.setFocus()

    def _show_kept(self, code: str, activity_id: int) -> None:
        name, stamps = next(((n, k) for a, n, k in self._todays if a == activity_id), ("", 0))
        self._last_code = codes.parse_code(code)
        stamps_text = (QCoreApplication.translate("KioskOffline", "1 stamp") if stamps == 1
                       else QCoreApplication.translate("KioskOffline", "{n} stamps").format(n=stamps))
        text = QCoreApplication.translate(
            "KioskOffline", "Checked in to {activity} ({stamps}). The server cannot be reached right now, so this "
            "kiosk keeps your check-in and records it when the server is back; your stamps show on your next scan.")
        self.card_page.show_offline(self._last_code, [], text.format(activity=name, stamps=stamps_text), "ok")
        self.stack.setCurrentWidget(self.card_page)
        self.setFocus()
        self._update_offline_notice()

    def _server_changed(self, _state: str) -> None:
        self._update_offline_notice()

    def _update_offline_notice(self) -> None:
        waiting = len(self.queue) if self.queue is not None else 0
        if self.monitor.state == "unreachable" and self.queue is not None:
            text = QCoreApplication.translate("KioskOffline", "Working offline: the server cannot be reached. Check-ins "
                                                              "are kept on this kiosk ({n} waiting) and recorded when it "
                                                              "is back.").format(n=waiting)
        elif waiting:
            text = QCoreApplication.translate("KioskOffline", "Recording the check-ins kept while the server was "
                                                              "unreachable ({n})…").format(n=waiting)
        else:
            text = ""
        self.offline_notice.setText(text)
        self.offline_notice.setVisible(bool(text))

    def replay(self) -> None:
        """Send the kept check-ins, oldest first, one transaction each (idempotent: never a double award)."""
        if self.queue is None or self._replaying or self.monitor.state == "unreachable":
            return
        pending = self.queue.pending()
        if not pending:
            self._update_offline_notice()
            return
        self._replaying = True
        scan, actor = pending[0], self.ctx.actor

        def done(_result) -> None:
            assert self.queue is not None
            self.queue.remove(scan.id)
            self._replaying = False
            self._update_offline_notice()
            QTimer.singleShot(0, self, self.replay)

        def failed(exc: BaseException) -> None:
            self._replaying = False
            if is_unreachable(exc):
                self._update_offline_notice()
                return  # still unreachable: tried again when it answers
            assert self.queue is not None
            log.warning("kept %s refused on replay: %s", describe(scan), exc)
            self.queue.remove(scan.id)
            self._update_offline_notice()
            QTimer.singleShot(0, self, self.replay)

        ops.write(self, self.ctx.engine, lambda s: replay_scan(s, actor=actor, scan=scan), on_done=done, on_error=failed)
