"""Secrets kept on this computer, outside the database: remembered database passphrases, audit keys,
certificate signing keys, and the per-PC anchors of the audit chain.

Qt-free. One folder per user, in the user's *config* dir (``SMILEDESK_KEY_DIR`` overrides it), never in the
data dir: a copied data folder, backup or USB stick does not carry the keys with it.

* Windows: each secret is sealed with DPAPI (CryptProtectData: readable by this Windows user only).
* elsewhere: files readable by this user only (0600 in a 0700 folder). Whoever can log in as this user, or
  is root, can read them: that is the price of a desk that starts without someone typing a secret.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

KEY_DIR_NAME = "SmileDesk-keys"


def key_dir() -> Path:
    override = os.environ.get("SMILEDESK_KEY_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    # A folder of its own: on Windows and macOS the config dir and the data dir are the same folder.
    return Path(user_config_dir(KEY_DIR_NAME, appauthor=False))


def _folder() -> Path:
    from desktop_app.core import private

    folder = key_dir()
    private.private_dir(folder)
    return folder


def read(name: str, *, sealed: bool = True) -> bytes | None:
    """The secret stored as ``name`` on this computer, or None (missing, unreadable, sealed by someone else)."""
    try:
        blob = (key_dir() / name).read_bytes()
    except OSError:
        return None
    try:
        return unprotect(blob) if sealed and sys.platform == "win32" else blob
    except (OSError, ValueError):
        return None


def write(name: str, data: bytes, *, durable: bool = True, sealed: bool = True) -> Path:
    """Keep ``data`` as ``name`` (atomically; OSError when the folder cannot be written). ``durable``: on disk
    before returning (keys; an anchor rewritten after every change need not wait for the disk). ``sealed``:
    DPAPI on Windows (secrets; an anchor is not secret, only kept out of the data folder)."""
    from desktop_app.core import private

    target = _folder() / name
    data = protect(data) if sealed and sys.platform == "win32" else data
    private.write_private(target, data, durable=durable)
    return target


def remove(name: str) -> bool:
    try:
        (key_dir() / name).unlink()
    except FileNotFoundError:
        return False
    return True


def names(prefix: str) -> list[str]:
    try:
        return sorted(p.name for p in key_dir().iterdir() if p.name.startswith(prefix))
    except OSError:
        return []


# --- Windows DPAPI ------------------------------------------------------------------------------


def _dpapi(data: bytes, seal: bool) -> bytes:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        raise OSError("DPAPI is Windows' own")
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    buffer = ctypes.create_string_buffer(data, len(data))
    source = Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    out = Blob()
    ui_forbidden = 0x1
    if seal:
        ok = crypt32.CryptProtectData(ctypes.byref(source), "SmileDesk", None, None, None, ui_forbidden, ctypes.byref(out))
    else:
        ok = crypt32.CryptUnprotectData(ctypes.byref(source), None, None, None, None, ui_forbidden, ctypes.byref(out))
    if not ok:
        raise OSError(ctypes.get_last_error(), "DPAPI refused the data")
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        kernel32.LocalFree(ctypes.cast(out.pbData, ctypes.c_void_p))


def protect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    return _dpapi(data, True)


def unprotect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    return _dpapi(data, False)
