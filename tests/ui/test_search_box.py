"""Search as you type, tuned to typing (issue 21): the first key at once, a burst of keys once it pauses."""

from __future__ import annotations

import pytest

from desktop_app.ui.search_box import SearchBox


@pytest.fixture
def box(qtbot, monkeypatch):
    """A search box whose sense of time is the test's: ``box.now`` seconds, moved by the test."""
    box = SearchBox()
    qtbot.addWidget(box)
    box.now = 100.0
    monkeypatch.setattr(box, "clock", lambda: box.now)
    box.seen = []
    box.query_changed.connect(box.seen.append)
    return box


def test_the_first_key_is_reported_at_once(box):
    box.setText("王")
    assert box.seen == ["王"]  # no debounce wait before the first results


def test_a_burst_of_keys_is_one_search_once_it_pauses(qtbot, box):
    for text in ("z", "zx", "zxm"):
        box.setText(text)
        box.now += 0.03  # 30 ms between keys
    assert box.seen == ["z"]
    qtbot.waitUntil(lambda: box.seen == ["z", "zxm"], timeout=2000)  # "zx" was never asked for
    qtbot.wait(2 * SearchBox.DELAY_MS)
    assert box.seen == ["z", "zxm"]


def test_after_a_pause_the_next_key_is_reported_at_once_again(box):
    box.setText("z")
    box.now += 1.0
    box.setText("zx")
    assert box.seen == ["z", "zx"]


def test_clearing_the_box_is_reported_at_once_and_enter_asks_again(box):
    box.setText("王")
    box.now += 1.0
    box.clear()
    assert box.seen == ["王", ""]
    box.flush()
    assert box.seen == ["王", "", ""]
