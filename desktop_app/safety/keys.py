"""Passphrases of encrypted databases remembered on this computer (for unattended kiosks).

Qt-free. A remembered passphrase is kept per user and per database file in ``core.keystore`` (the user's
*config* dir, ``SMILEDESK_KEY_DIR`` overrides it), never in the data dir: a copied data folder, backup or USB
stick does not carry the key with it.

* Windows: the passphrase is sealed with DPAPI (CryptProtectData, this Windows user only).
* elsewhere: a file readable by this user only (mode 0600 in a 0700 folder). Whoever can log in as this
  user, or is root, can read it: that is the price of starting without a person to type it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop_app.core import keystore
from desktop_app.core.keystore import KEY_DIR_NAME, key_dir

__all__ = ["KEY_DIR_NAME", "forget", "key_dir", "remember", "stored_key"]


def _name_for(db_path: Path) -> str:
    try:
        name = str(Path(db_path).resolve())
    except OSError:
        name = str(db_path)
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:32] + ".key"


def stored_key(db_path: Path) -> str | None:
    """The passphrase remembered for ``db_path`` on this computer, or None."""
    data = keystore.read(_name_for(db_path))
    if data is None:
        return None
    try:
        return data.decode("utf-8") or None
    except UnicodeDecodeError:
        return None


def remember(db_path: Path, passphrase: str) -> Path:
    """Keep the passphrase for ``db_path`` on this computer (OSError when the folder cannot be written)."""
    return keystore.write(_name_for(db_path), passphrase.encode("utf-8"))


def forget(db_path: Path) -> bool:
    """Remove the remembered passphrase of ``db_path``; True when there was one."""
    return keystore.remove(_name_for(db_path))
