"""The pages' modules are imported ahead, one per turn of the event loop, once the main window is up (issue 21:
a page's first visit imported them in the turn it was built — 60 ms of the meals page's 120 ms stall on the
large database)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app import features as registry
from desktop_app.app import load_features
from desktop_app.ui import warm

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from desktop_app import features, startup
from desktop_app.app import build_main_window, make_application
from desktop_app.core.db import url_for
app = make_application()
engine = features.open_app_database(url_for(sys.argv[1]))
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
before = "desktop_app.meals.ui.day" in sys.modules
window = build_main_window(engine, startup.first_admin(engine), settings)
window.show()
end = time.monotonic() + 20
wanted = ["desktop_app.meals.ui.day", "desktop_app.rosters.ui.page", "desktop_app.desk.ui.page"]
while time.monotonic() < end and not all(m in sys.modules for m in wanted):
    app.processEvents()
    time.sleep(0.01)
import threading
print(json.dumps({"before": before, "after": {m: m in sys.modules for m in wanted}, "built": sorted(window.pages),
                  "threads": sorted(t.name for t in threading.enumerate() if not t.name.startswith(("QThread", "Thread-", "Dummy-")))}))
"""


def test_every_module_named_ahead_exists():
    named = warm.modules_of(load_features())
    assert ("meals", "ui.day") in named and ("desk", "ui.page") in named
    for key, name in named:
        assert registry.module(key, name) is not None, f"{key}.{name}"


def test_the_main_window_imports_the_other_pages_modules_ahead(demo_db, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMILEDESK_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", PROBE, str(demo_db)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["before"] is False
    assert all(got["after"].values()), got
    assert got["built"] == ["dashboard"]  # imported, not built
    assert got["threads"] == ["MainThread"], got  # on the GUI thread: no import beside Qt's work
