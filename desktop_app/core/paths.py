"""Where things live: resources/ and db/ in a checkout, a wheel or a PyInstaller bundle; the user data dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "SmileDesk"


def _root() -> Path:
    # PyInstaller one-folder bundles unpack data next to the executable (sys._MEIPASS).
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return _root() / "resources"


def db_dir() -> Path:
    """Alembic migrations and reference data."""
    return _root() / "db"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def data_dir() -> Path:
    """The per-user data directory (database, backups, logs); SMILEDESK_DATA_DIR overrides it."""
    override = os.environ.get("SMILEDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_DIR_NAME, appauthor=False))
    from desktop_app.core import private

    return private.private_dir(path)  # residents' data: this user's only (0700)


def settings_file() -> Path:
    """This computer's settings (language, display style): SMILEDESK_SETTINGS, else settings.ini in the data dir."""
    override = os.environ.get("SMILEDESK_SETTINGS")
    return Path(override) if override else data_dir() / "settings.ini"


def default_database_path() -> Path:
    return data_dir() / "smiledesk.sqlite3"


def backups_dir() -> Path:
    from desktop_app.core import private

    return private.private_dir(data_dir() / "backups")


_NOT_IN_FILE_NAMES = set('\\/:*?"<>|')


def file_name(*parts: str, suffix: str) -> str:
    """A file name from ``parts`` joined by "-" (e.g. a translated "来访登记", a filter "今日", "20261205"), safe
    on Windows: no \\ / : * ? " < > | or control characters, no leading or trailing dots and spaces."""
    text = "-".join(p.strip() for p in parts if p and p.strip())
    text = "".join(" " if ch in _NOT_IN_FILE_NAMES or ord(ch) < 32 else ch for ch in text)
    text = " ".join(text.split()).strip(" .")[:120] or "export"
    return f"{text}{suffix}"
