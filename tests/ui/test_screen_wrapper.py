"""The screen is never deleted under the application (issue 14: a process died in MainWindow.closeEvent).

PySide 6.11 makes the wrapper of the QScreen a widget's ``screen()`` returns a child of that widget (its
return-value heuristic). When the widget then dies in a reference cycle — every page's window does: closures
connected to its signals refer back to it — the garbage collector may clear the screen's wrapper before the
widget's; clearing a child hands it ownership of the C++ object, and the wrapper's end deletes the screen
the application still lists. The next window to ask which screen it is on (``saveGeometry`` in
``MainWindow.closeEvent``, any new top-level widget) read freed memory: a crash in a test's teardown, three
times in full runs and never alone. It only takes a screen wrapper older than the dying window — the one
kept from an earlier window — so the app's own helpers must never ask a widget for its screen.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = """
import gc
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMainWindow
from desktop_app.ui import fit

app = QApplication([])
keeper = QMainWindow()
fit.available_geometry(keeper)        # an early window looks up its screen
gc.collect()                          # whatever wrapper that made is now older than any later window
for _ in range(3):
    window = QMainWindow()
    window.cycle = window             # as a page's connected closures make it
    fit.place_window(window, QSize(1280, 800))
    fit.fit_dialog(window)
    del window
    gc.collect()                      # the cycle is cleared, oldest objects first
shown = QMainWindow()
shown.show()
assert shown.saveGeometry().size() > 0
assert app.primaryScreen().availableGeometry().width() > 0
print("screen alive")
"""


@pytest.mark.slow
def test_windows_collected_in_cycles_leave_the_screen_alive(tmp_path):
    """With ``widget.screen()`` in ``fit.available_geometry`` this process died with SIGSEGV at ``saveGeometry``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCENARIO], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "screen alive" in done.stdout, (done.returncode, done.stderr[-2000:])


def _screen_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "screen"
            and not node.args and not node.keywords]


def test_no_code_asks_a_widget_or_window_for_its_screen():
    """``fit.screen_of(widget)`` finds it with the application's static functions (see the module's note)."""
    found = [hit for folder in ("desktop_app", "tests", "tools", "bench") for path in sorted((ROOT / folder).rglob("*.py"))
             for hit in _screen_calls(path)]
    assert found == []
