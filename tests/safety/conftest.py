"""Each safety test gets its own key store (and, like every test, its own data dir: tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def own_key_store(tmp_path, monkeypatch):
    """Remembered passphrases go to the test's folder; none is known from an earlier test or the shell."""
    from desktop_app.core import db

    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.delenv("SMILEDESK_DB_KEY", raising=False)
    monkeypatch.setattr(db.cipher, "_keys", {})
    monkeypatch.setattr(db.cipher, "_key_lookup", None)
    return tmp_path / "keys"
