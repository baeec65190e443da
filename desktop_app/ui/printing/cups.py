"""CUPS, the print system of Linux and macOS, through its client library libcups (ctypes; Qt-free).

Why a PDF goes to a CUPS queue as it is: CUPS takes PDF as its native job format. Its filters
(pdftopdf, then the printer's own driver) apply copies, page ranges, paper size and duplex and rasterise
the vector pages at the printer's resolution — what the app made is what comes out, sharp at any
resolution, and the job is a few hundred kilobytes instead of a page image per page. ``submit`` returns
the job id: the moment the print system has *accepted* the job, after which a paper may be recorded as
printed.

Every call first resets the library's idea of the server (``cupsSetServer(NULL)``), so it follows
``CUPS_SERVER`` / client.conf as they are now (libcups caches the server per thread). Windows has no
libcups: ``available()`` is False there and ``ui.printing.backend`` draws the pages through Qt instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

IPP_PRINTER_STOPPED = "5"


class CupsRefused(Exception):
    """The print system said no; ``str()`` is libcups' own (English) reason, shown as a detail."""


class _Option(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]


class _Dest(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("instance", ctypes.c_char_p), ("is_default", ctypes.c_int),
                ("num_options", ctypes.c_int), ("options", ctypes.POINTER(_Option))]


_lock = threading.Lock()


@cache
def _library() -> ctypes.CDLL | None:
    if sys.platform == "win32":
        return None
    names = [ctypes.util.find_library("cups"), "libcups.so.2", "libcups.2.dylib"]
    for name in filter(None, names):
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        _declare(lib)
        return lib
    return None


def _declare(lib: ctypes.CDLL) -> None:
    dest_p, opt_p = ctypes.POINTER(_Dest), ctypes.POINTER(_Option)
    lib.cupsSetServer.argtypes, lib.cupsSetServer.restype = [ctypes.c_char_p], None
    lib.cupsGetDests.argtypes, lib.cupsGetDests.restype = [ctypes.POINTER(dest_p)], ctypes.c_int
    lib.cupsGetNamedDest.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    lib.cupsGetNamedDest.restype = dest_p
    lib.cupsFreeDests.argtypes, lib.cupsFreeDests.restype = [ctypes.c_int, dest_p], None
    lib.cupsGetOption.argtypes = [ctypes.c_char_p, ctypes.c_int, opt_p]
    lib.cupsGetOption.restype = ctypes.c_char_p
    lib.cupsAddOption.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(opt_p)]
    lib.cupsAddOption.restype = ctypes.c_int
    lib.cupsFreeOptions.argtypes, lib.cupsFreeOptions.restype = [ctypes.c_int, opt_p], None
    lib.cupsPrintFile.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, opt_p]
    lib.cupsPrintFile.restype = ctypes.c_int
    lib.cupsLastErrorString.argtypes, lib.cupsLastErrorString.restype = [], ctypes.c_char_p
    lib.cupsGetPPD.argtypes, lib.cupsGetPPD.restype = [ctypes.c_char_p], ctypes.c_char_p


def available() -> bool:
    """libcups can be loaded (Linux, macOS): printers Qt lists are CUPS queues."""
    return _library() is not None


def _text(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace") if raw else ""


def _fresh(lib: ctypes.CDLL) -> None:
    lib.cupsSetServer(None)  # follow CUPS_SERVER / client.conf as they are now


def follow_server() -> None:
    """Make this thread's libcups (Qt's print plugin uses the same library) ask the server CUPS_SERVER /
    client.conf name now, not the one it found first."""
    lib = _library()
    if lib is not None:
        with _lock:
            _fresh(lib)


@dataclass(frozen=True)
class Queue:
    """A CUPS queue as the server describes it now."""

    name: str
    accepting: bool
    stopped: bool
    reasons: str  # printer-state-reasons, e.g. "offline-report,media-empty" ("none" when all is well)
    message: str  # printer-state-message, the driver's own words, often empty

    @property
    def offline(self) -> bool:
        return self.stopped or any(r.startswith(("offline", "shutdown", "paused"))
                                   for r in self.reasons.split(","))


def queue_names() -> list[str]:
    lib = _library()
    if lib is None:
        return []
    with _lock:
        _fresh(lib)
        dests = ctypes.POINTER(_Dest)()
        n = lib.cupsGetDests(ctypes.byref(dests))
        try:
            return sorted({_text(dests[i].name) for i in range(n)})
        finally:
            lib.cupsFreeDests(n, dests)


def queue(name: str) -> Queue | None:
    """The queue called ``name`` with its state, or None when the server has no such queue (or no server
    answers)."""
    lib = _library()
    if lib is None or not name:
        return None
    with _lock:
        _fresh(lib)
        dest = lib.cupsGetNamedDest(None, name.encode(), None)
        if not dest:
            return None
        try:
            d = dest.contents

            def option(key: str) -> str:
                return _text(lib.cupsGetOption(key.encode(), d.num_options, d.options))

            return Queue(name=name, accepting=option("printer-is-accepting-jobs").lower() != "false",
                         stopped=option("printer-state") == IPP_PRINTER_STOPPED,
                         reasons=option("printer-state-reasons") or "none", message=option("printer-state-message"))
        finally:
            lib.cupsFreeDests(1, dest)


_GRAY = re.compile(r"^\*ColorModel\s+([^/:\s]+)", re.MULTILINE)


def gray_color_model(name: str) -> str:
    """The queue's PPD choice of ``ColorModel`` that prints in black and white ("Gray", "grayscale", "Mono"
    …), or "" (no PPD — a driverless queue takes IPP's print-color-mode — or no such choice). CUPS maps
    print-color-mode onto a PPD only for a few choice names; this covers the others."""
    lib = _library()
    if lib is None or not name:
        return ""
    with _lock:
        _fresh(lib)
        raw = lib.cupsGetPPD(name.encode())
    if not raw:
        return ""
    path = Path(_text(raw))
    try:
        text = path.read_text(encoding="latin-1")
    except OSError:
        return ""
    finally:
        path.unlink(missing_ok=True)  # cupsGetPPD hands over a temporary copy
    for choice in _GRAY.findall(text):
        if any(word in choice.lower() for word in ("gray", "grey", "mono", "black")):
            return choice
    return ""


def submit(name: str, path: str, title: str, options: dict[str, str]) -> int:
    """Send the file at ``path`` to queue ``name`` with IPP job ``options`` (copies, page-ranges, media,
    sides …). Returns the job id once the server accepted the job; CupsRefused otherwise."""
    lib = _library()
    if lib is None:
        raise CupsRefused("CUPS is not available on this computer")
    with _lock:
        _fresh(lib)
        opts = ctypes.POINTER(_Option)()
        n = 0
        for key, value in options.items():
            n = lib.cupsAddOption(key.encode(), str(value).encode(), n, ctypes.byref(opts))
        try:
            job = lib.cupsPrintFile(name.encode(), str(path).encode(), title.encode(), n, opts)
            if job <= 0:
                raise CupsRefused(_text(lib.cupsLastErrorString()) or "the job was not accepted")
            return job
        finally:
            lib.cupsFreeOptions(n, opts)
