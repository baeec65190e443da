"""Translations: every zh_CN string finished, and the .ts files know every string in the code."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

TS_FILES = sorted((ROOT / "resources" / "i18n").glob("*_zh_CN.ts"))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_unfinished_zh_cn_strings(ts):
    missing = i18n.unfinished(ts)
    assert missing == [], f"{ts.name}: {len(missing)} unfinished, e.g. {missing[:5]}"


@pytest.mark.slow
def test_every_source_string_is_in_a_ts_file(tmp_path):
    """Run lupdate into a scratch copy: nothing new may appear (a new string needs a translation)."""
    if shutil.which(i18n._tool("pyside6-lupdate")) is None and not Path(i18n._tool("pyside6-lupdate")).exists():
        pytest.fail("pyside6-lupdate is missing: install PySide6-Essentials")
    new: dict[str, set] = {}
    for key in i18n.keys():
        if not i18n.sources(key):
            continue
        i18n.update([key], target_dir=tmp_path)
        fresh = tmp_path / i18n.ts_path(key).name
        committed = i18n.ts_path(key)
        have = i18n.messages(committed) if committed.exists() else set()
        extra = i18n.messages(fresh) - have
        if extra:
            new[key] = extra
    assert not new, f"strings missing from .ts files (run tools/i18n.py update and translate): {new}"


def test_qm_files_are_built():
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").exists(), f"{ts.name} not built: run `make i18n`"


def test_chinese_ui_is_loaded(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui import translation

    translation.install(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("Navigation", "Residents") == "居民档案"
        assert QCoreApplication.translate("Fields", "ID number") == "身份证号"
    finally:
        translation.install(qapp, "en")
    assert QCoreApplication.translate("Navigation", "Residents") == "Residents"
