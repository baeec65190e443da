"""A day at the desk in one process (issue 14 item 2): the main window on the small demo, signed in as the
administrator, driven as the people at a station drive it all day, and the kiosk beside it.

One *round* is a slice of the day: every page visited again and again (the navigation list, a click each);
resident searches typed key by key in ASCII pinyin and digits; each feature's edit dialogs opened from its
page (a double-click on a row, or the page's button), a field changed, saved or cancelled; passports scanned
at the kiosk; lists exported to Excel and papers saved as PDF; once a day a month's roster filled. What was
saved is written down (``Ledger``) and checked against the database at the end: every save is there, no
cancel is, nothing else changed.

Between rounds ``Probe`` takes the process's measure: resident memory, ``None``'s reference count (PySide6
6.12 on Python 3.11 dropped one per Qt call until the interpreter aborted), the objects the garbage
collector tracks by type and the Qt objects alive under the windows. ``tests/day/test_day.py`` runs a few
rounds inside ``make test`` (about a minute); ``bench/day.py`` (``day_soak``) runs a full day's worth.

Nothing here depends on pytest: the benchmark uses it as it is.
"""

from __future__ import annotations

import gc
import logging
import random
import sqlite3
import sys
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import Shiboken, isValid
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.ui import ops


def is_open(widget: QWidget) -> bool:
    """Shown now (a closed dialog is deleted: ``ui.widgets.deleted_when_closed``)."""
    return isValid(widget) and widget.isVisible()


class DayFailure(AssertionError):
    """Something a person at the desk would have seen go wrong (or waited for forever)."""


# --- measuring the process ---------------------------------------------------------------------------------

def turn(ms: int = 1) -> None:
    """Let the event loop turn, then pause ``ms`` with the interpreter let go, so the database ops' threads run.
    ``QTest.qWait`` keeps Python's GIL while it sleeps (PySide 6.11): a settle made of ``qWait(1)`` starved the
    lane's thread, which got the GIL only at Python's 5 ms switch interval — the day test ran at ~10 % CPU, a
    page's first read waiting seconds, 10-15 min of wall clock for ~1 min of work. The app's own event loop
    (``exec``) lets go of it, as does this."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    time.sleep(ms / 1000)


def rss_bytes() -> int:
    """The process's resident memory now (Linux /proc, Windows GetProcessMemoryInfo); 0 where unknown."""
    try:
        with open("/proc/self/statm") as fh:
            import os

            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        pass
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t) for name in (
                    "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage",
                    "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")]

        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        if ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return int(counters.WorkingSetSize)
    return 0


def none_count() -> int:
    return sys.getrefcount(None)


# CPython's sqlite3 keeps, in every connection, a list of weak references to the cursors it has made, and drops
# the dead ones only when it makes its 201st cursor since the last clean-up (Modules/_sqlite/connection.c,
# ``_pysqlite_drop_unused_cursor_references``). Each pooled connection of the day so holds 0–200 dead weak
# references, rising with every statement and falling at once: a saw-tooth, not a pile-up. The census counts
# them apart (bounded by ``SQLITE_PRUNE_EVERY`` a connection) so that they are not taken for ``ReferenceType``s
# piling up when two measured rounds happen to fall on its rising side (issue 20).
SQLITE_CURSOR_REFS = "<sqlite3's reference to a closed cursor>"
SQLITE_PRUNE_EVERY = 200


def sqlite_cursor_refs(objects: list[object]) -> set[int]:
    """The ids of the dead weak references that sqlite3 connections among ``objects`` keep to their cursors."""
    held: set[int] = set()
    for obj in objects:
        if isinstance(obj, sqlite3.Connection):
            for inner in gc.get_referents(obj):
                if type(inner) is list:
                    held.update(id(r) for r in inner if type(r) is weakref.ref and r() is None)
    return held


def gc_census() -> Counter:
    """Objects the garbage collector tracks, by type name (module-qualified for the app's own types).

    A Qt object's Python wrapper whose C++ object is gone is counted as ``<deleted Qt object>``: PySide keeps
    the wrapper of a C++-made child (a dialog's inner widgets, found by ``findChildren``) under its parent's
    wrapper after Qt deletes the child — a few bytes each, and ``qt_census`` makes such wrappers itself.
    sqlite3's connections are ``sqlite3.Connection`` and the dead weak references they keep to their cursors
    ``SQLITE_CURSOR_REFS`` (see above)."""
    out: Counter = Counter()
    objects = gc.get_objects()
    sqlite_refs = sqlite_cursor_refs(objects)
    for obj in objects:
        t = type(obj)
        if isinstance(obj, Shiboken.Object) and not isValid(obj):
            out["<deleted Qt object>"] += 1
            continue
        if id(obj) in sqlite_refs:
            out[SQLITE_CURSOR_REFS] += 1
            continue
        if isinstance(obj, sqlite3.Connection):
            out["sqlite3.Connection"] += 1
            continue
        module = t.__dict__.get("__module__")
        name = t.__dict__.get("__qualname__", t.__name__)
        out[f"{module}.{name}" if isinstance(module, str) and module.startswith("desktop_app") else str(name)] += 1
    del objects
    return out


def qt_census(roots: list[QObject]) -> Counter:
    """Qt objects alive under ``roots`` and every top-level widget, by C++ class (what Python's gc cannot see)."""
    out: Counter = Counter()
    seen: set[int] = set()
    # children() and not findChildren(): PySide makes the root's wrapper own every wrapper findChildren
    # returns, so the census itself would leave a dead wrapper behind for each C++-made descendant deleted later.
    todo: list[QObject] = [*roots, *QApplication.topLevelWidgets()]
    while todo:
        obj = todo.pop()
        key = Shiboken.getCppPointer(obj)[0]
        if key in seen:
            continue
        seen.add(key)
        out[obj.metaObject().className()] += 1
        todo.extend(obj.children())
    return out


@dataclass
class Sample:
    actions: int
    seconds: float  # wall clock since the probe started
    cpu: float  # the process's CPU seconds since then (all threads)
    rss: int
    none: int
    gc: Counter
    qt: Counter


class Probe:
    """Takes a ``Sample`` of the process (after a full collection) whenever asked."""

    def __init__(self, roots: list[QObject]) -> None:
        self.roots = roots
        self.samples: list[Sample] = []
        # Set by the first sample, after a full collection: the garbage of loading the demo holds references to
        # None that a collection gives back (a fall that is not the binding's).
        self.none_start: int | None = None
        self.none_low: int | None = None
        self.t0, self.cpu0 = time.perf_counter(), time.process_time()

    def watch_none(self) -> None:
        """Called after every action: the lowest ``None`` count seen (it must never fall)."""
        if self.none_low is not None:
            self.none_low = min(self.none_low, none_count())

    def sample(self, actions: int) -> Sample:
        qt = qt_census(self.roots)  # first: the wrappers it makes for C++-made children are in this gc census
        gc.collect()
        s = Sample(actions, time.perf_counter() - self.t0, time.process_time() - self.cpu0, rss_bytes(), none_count(), gc_census(), qt)
        self.samples.append(s)
        if self.none_start is None:
            self.none_start = self.none_low = s.none
        return s


def growth(before: Counter, after: Counter, *, at_least: int) -> dict[str, int]:
    """Types whose count rose by ``at_least`` or more."""
    return {k: after[k] - before.get(k, 0) for k in after if after[k] - before.get(k, 0) >= at_least}


# What holds the rows of the lists: they grow with what the day adds (activities, desk records, certificates,
# stamps), a few dozen a round. Anything leaked holds objects of a named type too (an app type, a Qt wrapper,
# a function and its cells, an ORM instance state).
CONTAINERS = ("tuple", "list", "dict", "set", "frozenset")


def piling_up(samples: list[Sample], *, per_round: int, containers_per_round: int) -> dict[str, int]:
    """Types of Python object that grew in every round between ``samples`` (by ``per_round`` or more, or
    ``containers_per_round`` for the builtin containers): what they grew by in all. sqlite3's references to its
    closed cursors rise and fall by themselves (``SQLITE_CURSOR_REFS``): ``sqlite_refs_bounded`` checks them."""
    piling: dict[str, int] | None = None
    for before, after in zip(samples, samples[1:], strict=False):
        grew = {k: v for k, v in growth(before.gc, after.gc, at_least=per_round).items()
                if k != SQLITE_CURSOR_REFS and (k not in CONTAINERS or v >= containers_per_round)}
        piling = grew if piling is None else {k: v + grew[k] for k, v in piling.items() if k in grew}
    return piling or {}


def sqlite_refs_bounded(samples: list[Sample]) -> bool:
    """Every sample holds at most ``SQLITE_PRUNE_EVERY`` of sqlite3's references to closed cursors a connection."""
    return all(s.gc[SQLITE_CURSOR_REFS] <= SQLITE_PRUNE_EVERY * s.gc["sqlite3.Connection"] for s in samples)


# --- what the day saves ----------------------------------------------------------------------------------

@dataclass
class Ledger:
    """What the people at the desk saved (and only that): checked against the database at the end."""

    resident_room: dict[int, str] = field(default_factory=dict)
    resident_saves: Counter = field(default_factory=Counter)
    visits: dict[int, str] = field(default_factory=dict)  # desk record id → its summary
    visit_status: dict[int, str] = field(default_factory=dict)
    volunteer_per_month: dict[int, int] = field(default_factory=dict)
    volunteer_saves: Counter = field(default_factory=Counter)
    recipient_notes: dict[int, str] = field(default_factory=dict)
    recipient_saves: Counter = field(default_factory=Counter)
    activities: list[str] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    stamps: int = 0
    exports: int = 0  # lists written to Excel (each one audited)
    files: list[Path] = field(default_factory=list)
    solved: int = 0


@dataclass
class Before:
    """The database as the day found it (what nobody touched must still be so)."""

    resident_versions: dict[int, int]
    volunteer_versions: dict[int, int]
    recipient_versions: dict[int, int]
    visits: int
    activities: int
    certificates: int
    stamps: int
    exports: int


def _export_count(s) -> int:
    from desktop_app.core.models import AuditEntry

    return s.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "export")).one()


def read_before(engine) -> Before:
    from desktop_app.certificates.models import Certificate
    from desktop_app.desk.models import ServiceRecord
    from desktop_app.meals.models import MealRecipient
    from desktop_app.passports.models import Activity, StampEntry
    from desktop_app.residents.models import Resident
    from desktop_app.rosters.models import Volunteer

    def count(s, model) -> int:
        return s.exec(select(func.count()).select_from(model)).one()

    with session_scope(engine, write=False) as s:
        return Before(
            resident_versions=dict(s.exec(select(Resident.id, Resident.version)).all()),
            volunteer_versions=dict(s.exec(select(Volunteer.id, Volunteer.version)).all()),
            recipient_versions=dict(s.exec(select(MealRecipient.id, MealRecipient.version)).all()),
            visits=count(s, ServiceRecord), activities=count(s, Activity), certificates=count(s, Certificate),
            stamps=count(s, StampEntry), exports=_export_count(s),
        )


def check_ledger(engine, before: Before, ledger: Ledger) -> list[str]:
    """Every difference between what the day saved and what the database holds."""
    from desktop_app.certificates.models import Certificate
    from desktop_app.desk.models import ServiceRecord
    from desktop_app.meals.models import MealRecipient
    from desktop_app.passports.models import Activity, StampEntry
    from desktop_app.residents.models import Resident
    from desktop_app.rosters.models import Volunteer

    wrong: list[str] = []

    def versions(label: str, now: dict[int, int], was: dict[int, int], saves: Counter) -> None:
        for key, version in now.items():
            expected = was.get(key, 1) + saves.get(key, 0)
            if version != expected:
                wrong.append(f"{label} {key}: version {version}, expected {expected} ({saves.get(key, 0)} saves)")
        if set(now) != set(was):
            wrong.append(f"{label}: rows added or removed: {sorted(set(now) ^ set(was))[:10]}")

    with session_scope(engine, write=False) as s:
        versions("resident", dict(s.exec(select(Resident.id, Resident.version)).all()), before.resident_versions,
                 ledger.resident_saves)
        for rid, room in ledger.resident_room.items():
            stored = s.get(Resident, rid).room
            if stored != room:
                wrong.append(f"resident {rid}: room {stored!r}, saved {room!r}")
        versions("volunteer", dict(s.exec(select(Volunteer.id, Volunteer.version)).all()), before.volunteer_versions,
                 ledger.volunteer_saves)
        for vid, per_month in ledger.volunteer_per_month.items():
            stored = s.get(Volunteer, vid).max_per_month
            if stored != per_month:
                wrong.append(f"volunteer {vid}: max_per_month {stored}, saved {per_month}")
        versions("meal recipient", dict(s.exec(select(MealRecipient.id, MealRecipient.version)).all()),
                 before.recipient_versions, ledger.recipient_saves)
        for rid, notes in ledger.recipient_notes.items():
            stored = s.get(MealRecipient, rid).delivery_notes
            if stored != notes:
                wrong.append(f"meal recipient {rid}: notes {stored!r}, saved {notes!r}")
        visits = s.exec(select(func.count()).select_from(ServiceRecord)).one()
        if visits != before.visits + len(ledger.visits):
            wrong.append(f"desk records: {visits}, expected {before.visits} + {len(ledger.visits)}")
        for record_id, summary in ledger.visits.items():
            r = s.get(ServiceRecord, record_id)
            if r is None or r.summary != summary or r.status != ledger.visit_status[record_id]:
                wrong.append(f"desk record {record_id}: {r and (r.summary, r.status)!r}, saved "
                             f"{(summary, ledger.visit_status[record_id])!r}")
        names = s.exec(select(Activity.name).order_by(Activity.id).offset(before.activities)).all()
        if list(names) != ledger.activities:
            wrong.append(f"activities added: {names!r}, saved {ledger.activities!r}")
        certs = s.exec(select(Certificate.recipient_name).order_by(Certificate.id).offset(before.certificates)).all()
        if list(certs) != ledger.certificates:
            wrong.append(f"certificates added: {len(certs)}, issued {len(ledger.certificates)}")
        stamps = s.exec(select(func.count()).select_from(StampEntry)).one()
        if stamps != before.stamps + ledger.stamps:
            wrong.append(f"stamp entries: {stamps}, expected {before.stamps} + {ledger.stamps} stamped at the kiosk")
        exports = _export_count(s)
        if exports != before.exports + ledger.exports:
            wrong.append(f"exports in the audit log: {exports}, expected {before.exports} + {ledger.exports}")
    for path in ledger.files:
        head = path.read_bytes()[:4] if path.exists() else b""
        if head not in (b"%PDF", b"PK\x03\x04"):
            wrong.append(f"{path.name}: not a PDF or a workbook ({head!r})")
    return wrong


# --- the day ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """How much of each thing one round does (a round is a slice of the day)."""

    page_visits: int = 60  # clicks in the navigation list
    searches: int = 12  # resident searches typed key by key
    resident_dialogs: int = 12  # edit dialogs opened by a double-click; every other one saved, the rest cancelled
    visits: int = 4  # walk-ins recorded at the desk form
    visit_steps: int = 4  # next-step dialogs (dispatch, start, resolve…) on the records of the day
    volunteer_dialogs: int = 6
    recipient_dialogs: int = 6
    activity_dialogs: int = 4  # "New activity" on the passports page: every other one saved
    certificate_dialogs: int = 4  # "New certificate": every other one issued
    scans: int = 40  # passports at the kiosk
    exports: int = 2  # lists to Excel (Ctrl+E on a table)
    pdfs: int = 2  # papers saved as PDF (roster, report, certificate)
    solve: bool = True  # fill a month's roster (once a day: in the first round)


class DeskDay:
    """The main window and the kiosk of one station, and the people using them."""

    def __init__(self, window, kiosk, engine, workdir: Path, *, seed: int = 14, timeout_s: float = 120.0) -> None:
        self.window, self.kiosk, self.engine = window, kiosk, engine
        self.workdir = workdir
        self.rng = random.Random(seed)
        self.timeout_s = timeout_s
        self.actions: Counter = Counter()
        self.seconds: Counter = Counter()  # wall-clock seconds by kind of step
        self.rss_growth: Counter = Counter()  # resident memory gained (bytes) by kind of step
        self.ledger = Ledger()
        self.before = read_before(engine)
        self.probe = Probe([window, kiosk])
        self.errors: list[str] = []  # what the log said at ERROR (a bug the user was told about)
        self.serial = 0
        self._load_people()

    # --- what the desk knows about its residents ----------------------------------------------------
    def _load_people(self) -> None:
        from desktop_app.core.search_keys import name_keys
        from desktop_app.passports.models import Passport, PassportStatus
        from desktop_app.residents.models import Resident

        with session_scope(self.engine, write=False) as s:
            people = s.exec(select(Resident.name, Resident.phone).order_by(Resident.id).limit(400)).all()
            self.passports = list(s.exec(select(Passport.number).where(Passport.status == PassportStatus.ACTIVE)
                                         .order_by(Passport.id)).all())
        typed: list[str] = []
        for name, phone in people:
            initials = sorted(k for k, _kind in name_keys(name) if k.isascii() and k.isalpha() and len(k) == len(name))
            spelled = sorted((k for k, _kind in name_keys(name) if k.isascii() and k.isalpha() and len(k) > len(name)),
                             key=len)
            if initials:
                typed.append(initials[0])
            if spelled:
                typed.append(spelled[0])
            if phone and len(phone) >= 8:
                typed.append(phone[-4:])
        self.typed = typed or ["wang", "li", "1234"]

    # --- waiting as the event loop does --------------------------------------------------------------
    def settle(self) -> None:
        """Until every database op the GUI started has handed its result back (the event loop runs meanwhile,
        deferred deletions included); then no message box may be open that the scenario did not expect."""
        deadline = time.monotonic() + self.timeout_s
        while True:
            turn(1)
            if ops.idle():
                break
            if time.monotonic() > deadline:
                raise DayFailure(f"the GUI waited {self.timeout_s:.0f} s for {ops.pending()} database op(s)")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        boxes = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
        if boxes:
            texts = [b.text() for b in boxes]
            for b in boxes:
                b.close()
            raise DayFailure(f"a message box the day did not expect: {texts}")
        self.probe.watch_none()

    @contextmanager
    def expect_box(self, *, containing: str = "") -> Iterator[list[str]]:
        """The action inside shows one message box (a "saved to …" notice): read it and close it."""
        seen: list[str] = []
        yield seen
        deadline = time.monotonic() + self.timeout_s
        idle_since: float | None = None
        while True:
            turn(1)
            boxes = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
            if boxes and ops.idle():
                break
            idle_since = (idle_since or time.monotonic()) if ops.idle() else None
            if time.monotonic() > deadline or (idle_since is not None and time.monotonic() - idle_since > 2):
                raise DayFailure("the message box the action shows never came")
        for b in boxes:
            seen.append(b.text())
            b.close()
        if containing and not any(containing in t for t in seen):
            raise DayFailure(f"expected a message with {containing!r}, got {seen}")
        self.settle()

    def act(self, kind: str) -> None:
        self.actions[kind] += 1

    def close(self) -> None:
        """The end of the day: the kiosk and the main window closed, what they asked for delivered."""
        self.settle()
        for window in (self.kiosk, self.window):
            if isValid(window):
                window.close()
        self.settle()

    @property
    def total_actions(self) -> int:
        return sum(self.actions.values())

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    # --- a person's hands ----------------------------------------------------------------------------
    @staticmethod
    def click(widget: QWidget) -> None:
        if not widget.isVisible() or not widget.isEnabled():
            raise DayFailure(f"{widget.objectName() or type(widget).__name__} cannot be clicked (hidden or disabled)")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    @staticmethod
    def double_click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
        index = view.model().index(row, column)
        view.scrollTo(index)
        at = view.visualRect(index).center()
        # What the platform delivers: press, release, then the second press as a double-click, release.
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)

    @staticmethod
    def click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
        index = view.model().index(row, column)
        view.scrollTo(index)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.visualRect(index).center())

    @staticmethod
    def retype(line, text: str) -> None:
        """Select what a line edit holds and type ``text`` (ASCII: keys) over it."""
        line.setFocus()
        line.selectAll()
        QTest.keyClick(line, Qt.Key.Key_Backspace)
        QTest.keyClicks(line, text)

    def dialog_of(self, owner: QObject) -> QDialog:
        from desktop_app.ui.widgets import open_dialogs

        shown = [d for d in open_dialogs(owner) if d.isVisible()]
        if len(shown) != 1:
            raise DayFailure(f"{len(shown)} dialogs open on {type(owner).__name__}, expected one")
        return shown[0]

    @staticmethod
    def bring_up(window: QWidget) -> None:
        """The window the person turns to gets the keyboard (shortcuts work in the active window only)."""
        if not window.isActiveWindow():
            window.activateWindow()
            QTest.qWait(0)

    # --- navigation ----------------------------------------------------------------------------------
    def go(self, key: str, *, wait: bool = True) -> QWidget:
        """Click the page's entry in the navigation list (and, with ``wait``, wait until the page has its data)."""
        window = self.window
        self.bring_up(window)
        row = window.page_keys().index(key)
        nav = window.nav
        rect = nav.visualItemRect(nav.item(row))
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
        self.act("page switch")

        def is_shown() -> bool:
            page = window.pages.get(key)
            shown = window.stack.currentWidget()  # the page, or the scroll area it fits the window in (ui/fit.py)
            return page is not None and (shown is page or shown.isAncestorOf(page))

        if wait:
            self.settle()
        else:
            # a page clicked the first time is shown two turns of the event loop later (ui/main_window.py)
            for _ in range(200):  # (PySide has no QTest.qWaitFor)
                if is_shown():
                    break
                turn(10)
            self.probe.watch_none()
        if not is_shown():
            raise DayFailure(f"clicking {key!r} in the navigation did not show its page")
        page = window.pages[key]
        return page

    def wander(self, n: int, *, settle_every: int = 6) -> None:
        """Page after page, as fast as a person clicks when looking for something: the next click comes while the
        pages are still reading their data (whatever arrives for a page no longer shown must do no harm)."""
        keys = self.window.page_keys()
        for i in range(n):
            current = keys[self.window.nav.currentRow()]
            self.go(self.rng.choice([k for k in keys if k != current]), wait=(i + 1) % settle_every == 0)
        self.settle()

    # --- residents ------------------------------------------------------------------------------------
    def search_residents(self, n: int) -> None:
        page = self.go("residents")
        for _ in range(n):
            text = self.rng.choice(self.typed)
            page.search.setFocus()
            page.search.clear()
            for ch in text:  # key by key, pausing as a person does: each prefix is searched
                QTest.keyClick(page.search, ch)
                page.search.flush()
                QTest.qWait(0)
                self.act("keystroke")
            self.settle()
            if not page.count_label.text():
                raise DayFailure(f"no result line after typing {text!r}")
        page.search.clear()
        page.search.flush()
        self.settle()

    def edit_residents(self, n: int) -> None:
        page = self.go("residents")
        for i in range(n):
            if page.model.rowCount() == 0:
                raise DayFailure("the residents list is empty")
            row = self.rng.randrange(min(page.model.rowCount(), 60))
            resident = page.model.row(row)
            self.double_click_row(page.table, row)
            self.settle()
            dialog = self.dialog_of(page)
            self.act("dialog open")
            if dialog.loaded is None or dialog.loaded.id != resident.id:
                raise DayFailure(f"the resident dialog did not load resident {resident.id}")
            room = str(100 + self.next_serial() % 900)
            self.retype(dialog.room, room)
            if i % 2 == 0:
                self.click(dialog.save_button)
                self.settle()
                if is_open(dialog):
                    raise DayFailure(f"resident {resident.id} not saved: {dialog.error.text()}")
                self.ledger.resident_room[resident.id] = room
                self.ledger.resident_saves[resident.id] += 1
                self.act("dialog save")
            else:
                QTest.keyClick(dialog, Qt.Key.Key_Escape)
                self.settle()
                if is_open(dialog):
                    raise DayFailure("Escape did not close the resident dialog")
                self.act("dialog cancel")

    def open_tab(self, tabs, index: int) -> None:
        """Click a tab's title."""
        bar = tabs.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center())
        self.act("tab")
        self.settle()
        if tabs.currentIndex() != index:
            raise DayFailure(f"clicking tab {index} of {tabs.objectName()} did not show it")

    def save_or_cancel(self, dialog: QDialog, save_button: QWidget, save: bool) -> None:
        """Save (the dialog must close: the use case took it) or press Escape (nothing may be written)."""
        if save:
            self.click(save_button)
            self.settle()
            if is_open(dialog):
                raise DayFailure(f"{type(dialog).__name__} stayed open after Save")
            self.act("dialog save")
        else:
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            self.settle()
            if is_open(dialog):
                raise DayFailure(f"Escape did not close {type(dialog).__name__}")
            self.act("dialog cancel")

    # --- the desk: walk-ins and the loop --------------------------------------------------------------
    WALK_INS = ("张桂英", "李淑珍", "王建华", "刘玉兰", "陈志强", "赵秀梅")
    SUMMARIES = ("咨询养老补贴", "办理居住证明", "反映楼道照明", "咨询医保报销", "申请微心愿", "反映噪音扰民")

    def record_visits(self, n: int) -> None:
        page = self.go("desk")
        for _ in range(n):
            page.walk_name.setText(self.rng.choice(self.WALK_INS))
            page.walk_phone.setFocus()
            QTest.keyClicks(page.walk_phone, "139" + "".join(str(self.rng.randrange(10)) for _ in range(8)))
            page.category.setFocus()
            QTest.keyClick(page.category, str(self.rng.randrange(1, 6)))  # a category by its number key
            summary = f"{self.rng.choice(self.SUMMARIES)} {self.next_serial()}"
            page.summary.setText(summary)
            QTest.keyClick(page.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
            self.settle()
            shown = page.selected
            if shown is None or shown.summary != summary:
                raise DayFailure(f"the visit {summary!r} is not the record shown after saving it")
            self.ledger.visits[shown.id] = summary
            self.ledger.visit_status[shown.id] = shown.status
            self.act("visit saved")

    def move_visits_on(self, n: int) -> None:
        """Open the next step of one of the day's records (its row in the list, then the step's button):
        fill it in and save, or think better of it and cancel."""
        from desktop_app.desk.models import Status

        page = self.go("desk")
        if page.view.currentData() != "today":
            page.view.setCurrentIndex(page.view.findData("today"))
            self.settle()
        for i in range(n):
            rows = [(r, row) for r, row in enumerate(page.model.rows())
                    if row.id in self.ledger.visits and row.status != Status.CLOSED]
            if not rows:
                return
            r, row = self.rng.choice(rows)
            self.click_row(page.table, r)
            self.settle()
            if page.selected is None or page.selected.id != row.id:
                raise DayFailure(f"clicking record {row.id} did not select it")
            # The steps that move the record on (a second dispatch only changes who has it).
            buttons = [b for b in page.detail.buttons.values() if b.isVisible()
                       and b.objectName() in ("step_dispatch", "step_start", "step_resolve", "step_follow_up", "step_close")
                       and not (b.objectName() == "step_dispatch" and row.status != Status.RECEIVED)]
            if not buttons:
                raise DayFailure(f"record {row.id} ({row.status}) offers no next step")
            self.click(buttons[0])
            self.settle()
            dialog = self.dialog_of(page)
            self.act("dialog open")
            if hasattr(dialog, "assignee") and dialog.assignee.isVisible():
                dialog.assignee.setText("网格员 王芳")
            if hasattr(dialog, "sat_buttons") and dialog.satisfaction.buttons()[0].isVisible():
                self.click(dialog.sat_buttons["satisfied"])
            if hasattr(dialog, "note"):
                dialog.note.setPlainText("已电话联系，居民表示满意")
            save = i % 3 != 2
            self.save_or_cancel(dialog, dialog.ok_button(), save)
            if save:
                shown = page.selected
                if shown is None or shown.id != row.id or shown.status == row.status:
                    raise DayFailure(f"record {row.id} still shows {row.status} after its step was saved")
                self.ledger.visit_status[row.id] = shown.status

    # --- rosters ----------------------------------------------------------------------------------------
    def edit_volunteers(self, n: int) -> None:
        page = self.go("rosters")
        self.open_tab(page.tabs, 2)
        team = page.team_tab
        for i in range(n):
            count = team.members_model.rowCount()
            if count == 0:
                raise DayFailure("the team tab lists nobody")
            r = self.rng.randrange(count)
            member = team.members_model.row(r)
            self.double_click_row(team.members, r)
            self.settle()
            dialog = self.dialog_of(team)
            self.act("dialog open")
            if dialog.version is None:
                raise DayFailure(f"volunteer {member.volunteer_id} was not loaded into the dialog")
            per_month = self.rng.randrange(2, 12)
            spin = dialog.per_month
            spin.setFocus()
            spin.selectAll()
            QTest.keyClicks(spin, str(per_month))
            if spin.value() != per_month:
                raise DayFailure(f"typing {per_month} in the per-month box shows {spin.value()}")
            save = i % 2 == 0
            self.save_or_cancel(dialog, dialog.save_button(), save)
            if save:
                self.ledger.volunteer_per_month[member.volunteer_id] = per_month
                self.ledger.volunteer_saves[member.volunteer_id] += 1
        self.open_tab(page.tabs, 0)

    def solve_roster(self) -> None:
        page = self.go("rosters")
        if page.tabs.currentIndex() != 0:
            self.open_tab(page.tabs, 0)
        page.solve_seconds = 1.0
        self.click(page.generate_button)
        self.settle()
        self.click(page.solve_button)
        self.settle()
        op = page.last_op
        if op is None or not op.finished or op.error is not None:
            raise DayFailure(f"filling the month failed: {op and op.error!r}")
        if "still short" not in page.month_tab.explain.toPlainText():
            raise DayFailure("the month tab does not say how the month was filled")
        self.ledger.solved += 1
        self.act("roster solved")

    # --- meals ------------------------------------------------------------------------------------------
    NOTES = ("请敲门，耳背", "放门口即可", "午饭少盐", "不吃辣", "电话联系女儿")

    def edit_recipients(self, n: int) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        page = self.go("meals")
        self.open_tab(page.tabs, page.tabs.indexOf(page._holders["recipients"]))
        tab = page.tab("recipients")
        for i in range(n):
            count = tab.model.rowCount()
            if count == 0:
                raise DayFailure("the recipients list is empty")
            r = self.rng.randrange(min(count, 40))
            recipient = tab.model.row(r)
            self.double_click_row(tab.view, r)
            self.settle()
            dialog = self.dialog_of(tab)
            self.act("dialog open")
            notes = f"{self.rng.choice(self.NOTES)} {self.next_serial()}"
            dialog.notes.setText(notes)
            save = i % 2 == 0
            self.save_or_cancel(dialog, dialog.buttons.button(QDialogButtonBox.StandardButton.Save), save)
            if save:
                self.ledger.recipient_notes[recipient.id] = notes
                self.ledger.recipient_saves[recipient.id] += 1
        self.open_tab(page.tabs, 0)

    # --- passports --------------------------------------------------------------------------------------
    def new_activities(self, n: int) -> None:
        from datetime import timedelta

        from PySide6.QtWidgets import QDialogButtonBox

        from desktop_app.ui.widgets import qdate

        page = self.go("passports")
        self.open_tab(page.tabs, 1)
        tab = page.tab("activities")
        for i in range(n):
            self.click(tab.new_button)
            self.settle()
            dialog = self.dialog_of(tab)
            self.act("dialog open")
            name = f"读书分享会 {self.next_serial()}"
            dialog.name.setText(name)
            dialog.category.setText("文化")
            dialog.start.setDate(qdate(date.today() + timedelta(days=30 + i)))  # not today: the kiosk's activity stays the only one
            save = i % 2 == 0
            self.save_or_cancel(dialog, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), save)
            if save:
                self.ledger.activities.append(name)
        self.open_tab(page.tabs, 0)

    def scan_passports(self, n: int) -> None:
        """Residents scan their passports at the kiosk (the scanner types the digits and Enter)."""
        kiosk = self.kiosk
        self.bring_up(kiosk)
        for _ in range(n):
            number = self.rng.choice(self.passports)
            QTest.keyClicks(kiosk, number)
            QTest.keyClick(kiosk, Qt.Key.Key_Return)
            self.settle()
            scan = kiosk.last_scan
            if kiosk.stack.currentWidget() is not kiosk.card_page or scan is None or scan.card.number != number:
                raise DayFailure(f"scanning {number} did not show its card: {kiosk.welcome_message.text()!r}")
            if scan.result is not None and not scan.result.already and scan.result.entry_id is not None:
                self.ledger.stamps += 1
            self.act("kiosk scan")
            self.click(kiosk.card_page.done_button)
            self.settle()

    # --- certificates -----------------------------------------------------------------------------------
    def issue_certificates(self, n: int) -> None:
        from desktop_app.certificates.models import CertificateKind
        from desktop_app.ui.widgets import select_data

        page = self.go("certificates")
        for i in range(n):
            self.click(page.new_button)
            self.settle()
            dialog = page.issue_dialog
            if not is_open(dialog):
                raise DayFailure("New certificate opened no dialog")
            self.act("dialog open")
            select_data(dialog.kind, str(CertificateKind.HONOUR_CERTIFICATE))
            name = f"{self.rng.choice(self.WALK_INS)}"
            dialog.name.setText(name)
            dialog.organisation.setText("小红帽党员志愿巡逻队")
            dialog.title_edit.setText("优秀志愿者")
            save = i % 2 == 0
            if save:
                self.click(dialog.issue_button)
                self.settle()
                if is_open(dialog):
                    raise DayFailure("the certificate dialog stayed open after Issue")
                self.ledger.certificates.append(name)
                self.act("dialog save")
            else:
                self.save_or_cancel(dialog, dialog.issue_button, False)

    # --- papers and lists -------------------------------------------------------------------------------
    def _out(self, suffix: str) -> Path:
        path = self.workdir / f"day-{self.next_serial()}.{suffix}"
        self.ledger.files.append(path)
        return path

    def export_lists(self, n: int) -> None:
        """Ctrl+E on a list: "Export to Excel…", saved where the person chose."""
        from desktop_app.ui import export_action

        for _ in range(n):
            key = self.rng.choice(["residents", "desk"])
            page = self.go(key)
            table = page.table
            table.setFocus()
            path = self._out("xlsx")
            export_action.SavePath.ask = classmethod(lambda cls, *_a, p=path: str(p))  # the Save As dialog
            with self.expect_box(containing="saved"):
                QTest.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            self.ledger.exports += 1
            self.act("list exported")

    def save_from_preview(self, page: QWidget, button: QWidget, path: Path) -> None:
        """The paper's button opens its print preview (ui/printing); "Save as PDF…" there, the file chosen,
        then the preview closed with Escape."""
        from desktop_app.ui.printing import preview as printing

        self.click(button)
        self.settle()
        shown = [d for d in self.open_previews(page) if d.isVisible()]
        if len(shown) != 1 or shown[0].paper is None:
            raise DayFailure(f"{button.objectName()} did not show one print preview with its paper")
        dialog = shown[0]
        printing.AskSavePath.ask = classmethod(lambda cls, *_a, p=path: str(p))  # the Save As dialog
        self.click(dialog.save_button)
        self.settle()
        if not path.exists():
            raise DayFailure(f"Save as PDF… in the preview wrote no {path.name}: {dialog.status.text()!r}")
        if dialog.paper.audited:
            self.ledger.exports += 1
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        self.settle()
        if is_open(dialog):
            raise DayFailure("Escape did not close the print preview")

    @staticmethod
    def open_previews(page: QWidget) -> list[QWidget]:
        from desktop_app.ui.printing import PrintPreview
        from desktop_app.ui.widgets import open_dialogs

        return [d for d in open_dialogs(page) if isinstance(d, PrintPreview)]

    def save_pdfs(self, n: int) -> None:
        """Papers as PDF: the month's roster and the period report from their print previews, a certificate
        from the register."""
        from desktop_app.certificates.ui import dialogs as cert_dialogs

        for _ in range(n):
            what = ("roster", "report", "certificate")[self.actions["pdf saved"] % 3]
            path = self._out("pdf")
            if what == "roster":
                page = self.go("rosters")
                if page.tabs.currentIndex() != 0:
                    self.open_tab(page.tabs, 0)
                self.save_from_preview(page, page.print_button, path)
            elif what == "report":
                page = self.go("reports")
                self.save_from_preview(page, page.pdf_button, path)
            else:
                page = self.go("certificates")
                register = page.register
                if register.model.rowCount() == 0:
                    raise DayFailure("the certificate register is empty")
                self.click_row(register.table, self.rng.randrange(min(10, register.model.rowCount())))
                self.settle()
                cert_dialogs.AskFile.save = classmethod(lambda cls, *_a, p=path: str(p))
                with self.expect_box(containing="Saved"):
                    self.click(register.save_button)
            self.act("pdf saved")

    # --- one round -----------------------------------------------------------------------------------
    def round(self, plan: Plan, *, first: bool = False) -> None:
        steps: list[tuple[Callable[[], None], int]] = [
            (lambda: self.search_residents(plan.searches), plan.searches),
            (lambda: self.edit_residents(plan.resident_dialogs), plan.resident_dialogs),
            (lambda: self.record_visits(plan.visits), plan.visits),
            (lambda: self.scan_passports(plan.scans // 2), plan.scans // 2),
            (lambda: self.move_visits_on(plan.visit_steps), plan.visit_steps),
            (lambda: self.edit_volunteers(plan.volunteer_dialogs), plan.volunteer_dialogs),
            (lambda: self.edit_recipients(plan.recipient_dialogs), plan.recipient_dialogs),
            (lambda: self.scan_passports(plan.scans - plan.scans // 2), plan.scans - plan.scans // 2),
            (lambda: self.new_activities(plan.activity_dialogs), plan.activity_dialogs),
            (lambda: self.issue_certificates(plan.certificate_dialogs), plan.certificate_dialogs),
            (lambda: self.export_lists(plan.exports), plan.exports),
            (lambda: self.save_pdfs(plan.pdfs), plan.pdfs),
            (self.solve_roster, int(plan.solve and first)),
        ]
        per_gap = max(1, plan.page_visits // (len(steps) + 1))
        for step, amount in steps:
            self.timed("page switches", lambda: self.wander(per_gap))
            if amount:
                self.timed(step.__name__ if hasattr(step, "__self__") else step.__code__.co_names[-1], step)
        self.timed("page switches", lambda: self.wander(max(0, plan.page_visits - per_gap * len(steps))))

    def timed(self, what: str, step: Callable[[], None]) -> None:
        t0, rss0 = time.perf_counter(), rss_bytes()
        step()
        self.seconds[what] += time.perf_counter() - t0
        self.rss_growth[what] += rss_bytes() - rss0

    def run(self, plan: Plan, rounds: int, *, on_round: Callable[[int, Sample], None] | None = None) -> list[Sample]:
        """``rounds`` slices of the day; a sample of the process before the first and after each. The file
        choosers answer with a file in ``workdir`` meanwhile (a person picking where to save)."""
        from desktop_app.certificates.ui import dialogs as cert_dialogs
        from desktop_app.ui import export_action
        from desktop_app.ui.printing import preview as printing

        choosers = [(cert_dialogs.AskFile, "save"), (export_action.SavePath, "ask"), (printing.AskSavePath, "ask")]
        saved = [(owner, name, owner.__dict__[name]) for owner, name in choosers]
        try:
            self.settle()
            self.probe.sample(self.total_actions)
            for r in range(rounds):
                self.round(plan, first=r == 0)
                sample = self.probe.sample(self.total_actions)
                if on_round is not None:
                    on_round(r, sample)
        finally:
            for owner, name, original in saved:
                setattr(owner, name, original)
        return self.probe.samples


def open_day(engine, workdir: Path, *, seed: int = 14, size: tuple[int, int] = (1366, 768)) -> DeskDay:
    """The small demo loaded into ``engine`` (which has its first administrator), the main window signed in as
    that administrator at a station PC's screen size, and the station's kiosk (no kiosk PIN: a window)."""
    from PySide6.QtCore import QSettings

    from desktop_app import demo, startup
    from desktop_app.app import _special_window, build_main_window

    workdir.mkdir(parents=True, exist_ok=True)
    demo.load(engine, scale="small", seed=20261122)
    settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
    actor = startup.first_admin(engine)
    window = build_main_window(engine, actor, settings)
    window.resize(*size)
    window.show()
    kiosk = _special_window("kiosk", engine, settings)  # what `smiledesk --kiosk` opens
    kiosk.resize(*size)
    kiosk.show()
    window.activateWindow()
    return DeskDay(window, kiosk, engine, workdir, seed=seed)


class QtMessages:
    """What Qt says while the day runs (warnings and worse, less the offscreen platform's known notes), kept as
    text: a day must end with none. Replaces pytest-qt's capture (it keeps a record of every message, the
    offscreen notes included, and those would pile up in the census) while installed::

        with QtMessages() as said: ...        # said.messages: ["QtWarningMsg: …"]
    """

    KNOWN = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._previous = None

    def __call__(self, kind, _context, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or message.startswith(self.KNOWN):
            return
        if len(self.messages) < 100:
            self.messages.append(f"{kind.name}: {message}")

    def __enter__(self) -> QtMessages:
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self)
        return self

    def __exit__(self, *_exc) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous)


class ErrorLog(logging.Handler):
    """Log records at ERROR and above (a bug the user was told about: ``ui.messages.show_error``)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record))


def today() -> date:
    return date.today()
