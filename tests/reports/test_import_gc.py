"""The import's steps pause Python's garbage collector while they run and leave it as they found it."""

from __future__ import annotations

import gc

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.reports import importing as importer


@pytest.fixture
def gc_state():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_collector_is_paused_during_a_step_and_restored_after(xlsx, gc_state):
    path = xlsx("r.xlsx", [["姓名", "联系电话"], ["张三", "13812345678"]])
    seen = []
    gc.enable()
    importer.read_sheet(path, progress=lambda *a: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()
    gc.disable()
    importer.read_sheet(path)
    assert not gc.isenabled()  # a caller that turned it off keeps it off


def test_collector_is_restored_when_a_step_fails(tmp_path, gc_state):
    bad = tmp_path / "not.xlsx"
    bad.write_text("not a workbook")
    gc.enable()
    with pytest.raises(ValidationError):
        importer.read_sheet(bad)
    assert gc.isenabled()
