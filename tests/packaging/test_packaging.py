"""Packaging files: the bundle layout matches what the app looks up, installers and desktop files are valid."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
DESKTOP = PKG / "linux" / "cn.smiledesk.SmileDesk.desktop"
METAINFO = PKG / "linux" / "cn.smiledesk.SmileDesk.metainfo.xml"
ISS = PKG / "windows" / "smiledesk.iss"
SPEC = PKG / "smiledesk.spec"


def _spec_destinations() -> set[str]:
    return set(re.findall(r'"((?:resources|db|docs)/[a-z0-9/]+)"\)', SPEC.read_text(encoding="utf-8")))


def test_the_spec_bundles_every_folder_the_app_looks_up(monkeypatch, tmp_path):
    """With sys._MEIPASS set, core/paths.py and the help module look exactly where the spec puts things."""
    from desktop_app.core import paths
    from desktop_app.ui import help as help_ui

    dests = _spec_destinations()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    looked_up = {
        paths.fonts_dir(), paths.i18n_dir(), paths.resources_dir() / "styles", paths.resources_dir() / "icons",
        paths.db_dir() / "migrations", paths.db_dir() / "reference", help_ui.guide_dir(),
    }
    assert {str(p.relative_to(tmp_path)) for p in looked_up} == dests
    for dest in dests:  # and each comes from a folder that exists in the checkout
        if dest != "resources/i18n":
            assert (ROOT / dest).is_dir(), dest
    assert list((ROOT / "resources" / "i18n").glob("*.qm")), "run make i18n"


def test_the_smoke_check_asks_for_files_the_checkout_has():
    sys.path.insert(0, str(PKG))
    try:
        import smoke
    finally:
        sys.path.remove(str(PKG))
    for rel in smoke.REQUIRED:
        assert (ROOT / rel).exists(), rel


def test_desktop_entry_has_what_menus_need():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application" and main["Exec"].startswith("SmileDesk")
    assert main["Name[zh_CN]"] == "微笑驿站" and main["Icon"] == DESKTOP.name.removesuffix(".desktop")
    assert entry["Desktop Action kiosk"]["Exec"].endswith("--kiosk")
    if shutil.which("desktop-file-validate"):
        run = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
        assert run.returncode == 0 and not run.stdout.strip(), run.stdout


def test_metainfo_is_valid_appstream():
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<launchable type=\"desktop-id\">{DESKTOP.name}</launchable>" in text
    from desktop_app import __version__

    assert f'<release version="{__version__}"' in text
    if shutil.which("appstreamcli"):
        run = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif line and not line.startswith(";") and current:
            sections[current].append(line)
    return sections


def test_the_windows_installer_is_per_user_with_kiosk_autostart():
    sections = _iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line and not line.startswith("#"))
    assert setup["PrivilegesRequired"] == "lowest"  # staff are not administrators
    assert setup["DefaultDirName"].startswith("{autopf}")  # {autopf} is the user's Programs folder then
    tasks = "\n".join(sections["Tasks"])
    assert 'Name: "desktopicon"' in tasks and 'Name: "kioskautostart"' in tasks
    icons = "\n".join(sections["Icons"])
    assert re.search(r'\{userstartup\}.*Parameters: "--kiosk"; Tasks: kioskautostart', icons)
    assert "{group}" in icons and "{autodesktop}" in icons
    from desktop_app import __version__

    assert f'#define AppVersion "{__version__}"' in ISS.read_text(encoding="utf-8")


def test_every_installer_message_has_both_languages():
    lines = [ln for ln in _iss_sections()["CustomMessages"] if "=" in ln and not ln.startswith("#")]
    en = {ln.split("=", 1)[0].split(".", 1)[1] for ln in lines if ln.startswith("en.")}
    zh = {ln.split("=", 1)[0].split(".", 1)[1] for ln in lines if ln.startswith("zh_CN.")}
    assert en and en == zh
    used = set(re.findall(r"\{cm:(\w+)", ISS.read_text(encoding="utf-8")))
    inno_builtin = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}
    assert used - inno_builtin <= en


@pytest.mark.skipif(sys.platform == "win32", reason="shell script")
def test_linux_install_script_installs_kiosk_autostart_and_removes_for_one_user(tmp_path):
    bundle = tmp_path / "dist" / "SmileDesk"
    (bundle / "_internal" / "resources" / "icons").mkdir(parents=True)
    (bundle / "SmileDesk").write_text("#!/bin/sh\necho smiledesk\n")
    (bundle / "SmileDesk").chmod(0o755)
    shutil.copy(ROOT / "resources" / "icons" / "smiledesk.svg", bundle / "_internal" / "resources" / "icons")
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    release = tmp_path / "SmileDesk-linux"  # the tarball's layout: script, desktop files, bundle
    release.mkdir()
    for f in (PKG / "linux").iterdir():
        shutil.copy(f, release)
    shutil.copytree(bundle, release / "SmileDesk")
    run = subprocess.run(["sh", str(release / "install.sh"), "--kiosk-autostart"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    kiosk = home / ".config" / "autostart" / "cn.smiledesk.SmileDesk-kiosk.desktop"
    assert f"Exec={home}/.local/share/SmileDesk/app/SmileDesk --kiosk\n" in kiosk.read_text(encoding="utf-8")
    assert "Desktop Action" not in kiosk.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(kiosk)], capture_output=True, text=True).stdout == ""
    share = home / ".local" / "share"
    desktop = (share / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f"Exec={share}/SmileDesk/app/SmileDesk\n" in desktop
    assert subprocess.run([str(home / ".local" / "bin" / "SmileDesk")], capture_output=True, text=True).stdout == "smiledesk\n"
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "cn.smiledesk.SmileDesk.svg").exists()
    (share / "SmileDesk" / "smiledesk.sqlite3").write_text("data")
    run = subprocess.run(["sh", str(PKG / "linux" / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True)
    assert run.returncode == 0
    assert not (share / "applications" / DESKTOP.name).exists() and not (share / "SmileDesk" / "app").exists()
    assert not kiosk.exists()
    assert (share / "SmileDesk" / "smiledesk.sqlite3").read_text() == "data"  # the station's data stays
