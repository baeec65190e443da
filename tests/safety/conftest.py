"""Each safety test gets its own data dir, so backups of other tests' databases are never found."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("SMILEDESK_DATA_DIR", str(folder))
    return folder
