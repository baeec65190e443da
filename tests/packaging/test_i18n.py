"""Every string of the packaging pieces (settings, wizard, help, logs, settings dialog) is translated."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

MINE = [ROOT / "desktop_app" / p for p in ("settings.py", "ui/logs.py", "ui/wizard.py", "ui/help.py", "ui/settings_dialog.py")]


def test_every_string_in_our_files_has_a_chinese_translation(tmp_path):
    import subprocess

    fresh = tmp_path / "mine.ts"
    subprocess.run([i18n._tool("pyside6-lupdate"), *map(str, MINE), "-locations", "none", "-ts", str(fresh)],
                   check=True, capture_output=True)
    ours = i18n.messages(fresh)
    assert len(ours) > 80
    committed = i18n.ts_path("smiledesk")
    missing = ours - i18n.messages(committed)
    assert not missing, f"run tools/i18n.py update smiledesk and fill from resources/i18n/maps/app.json: {sorted(missing)[:10]}"
    unfinished = set(i18n.unfinished(committed)) & ours
    assert not unfinished, sorted(unfinished)[:10]
