"""Passphrases of encrypted databases remembered on this computer (for unattended kiosks).

Qt-free. A remembered passphrase is kept per user and per database file, in the user's *config* dir
(``SMILEDESK_KEY_DIR`` overrides it), never in the data dir: a copied data folder, backup or USB stick
does not carry the key with it.

* Windows: the passphrase is sealed with DPAPI (CryptProtectData, this Windows user only).
* elsewhere: a file readable by this user only (mode 0600 in a 0700 folder). Whoever can log in as this
  user, or is root, can read it: that is the price of starting without a person to type it.
"""

from __future__ import annotations

import hashlib
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


def _file_for(db_path: Path) -> Path:
    try:
        name = str(Path(db_path).resolve())
    except OSError:
        name = str(db_path)
    return key_dir() / (hashlib.sha256(name.encode("utf-8")).hexdigest()[:32] + ".key")


def stored_key(db_path: Path) -> str | None:
    """The passphrase remembered for ``db_path`` on this computer, or None."""
    try:
        blob = _file_for(db_path).read_bytes()
    except OSError:
        return None
    try:
        data = _unprotect(blob) if sys.platform == "win32" else blob
        return data.decode("utf-8") or None
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def remember(db_path: Path, passphrase: str) -> Path:
    """Keep the passphrase for ``db_path`` on this computer (OSError when the folder cannot be written)."""
    folder = key_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)
    data = passphrase.encode("utf-8")
    if sys.platform == "win32":
        data = _protect(data)
    target = _file_for(db_path)
    partial = target.with_name(target.name + ".part")
    # O_BINARY: on Windows a text-mode descriptor would turn the DPAPI blob's 0x0A bytes into CR LF.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(partial, target)
    return target


def forget(db_path: Path) -> bool:
    """Remove the remembered passphrase of ``db_path``; True when there was one."""
    try:
        _file_for(db_path).unlink()
    except FileNotFoundError:
        return False
    return True


# --- Windows DPAPI ------------------------------------------------------------------------------


def _dpapi(data: bytes, protect: bool) -> bytes:  # pragma: no cover - Windows only
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
    if protect:
        ok = crypt32.CryptProtectData(ctypes.byref(source), "SmileDesk", None, None, None, ui_forbidden, ctypes.byref(out))
    else:
        ok = crypt32.CryptUnprotectData(ctypes.byref(source), None, None, None, None, ui_forbidden, ctypes.byref(out))
    if not ok:
        raise OSError(ctypes.get_last_error(), "DPAPI refused the data")
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        kernel32.LocalFree(ctypes.cast(out.pbData, ctypes.c_void_p))


def _protect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    return _dpapi(data, True)


def _unprotect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    return _dpapi(data, False)
