"""Smoke test of the built one-folder bundle: it holds its data files and starts, offscreen, to a screenshot.

    python packaging/smoke.py [dist/SmileDesk]

Runs the frozen executable in a temporary data dir: the first-run wizard on a new database, then
``demo --only residents`` (migrations, reference data, a signed-up station), then
``--screenshot FILE --page KEY`` for every page; checks each PNG. On Linux it then encrypts the database
(sqlcipher3 must be in the bundle) and runs ``check`` on it with the passphrase.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop_app.features import FEATURE_KEYS  # every page key; pages this build lacks are skipped

REQUIRED = (
    "resources/fonts/wqy-microhei.ttc",
    "resources/fonts/README.md",
    "resources/i18n/smiledesk_zh_CN.qm",
    "resources/icons/smiledesk.svg",
    "resources/styles/normal.qss",
    "resources/styles/high-contrast.qss",
    "db/migrations/env.py",
    "db/migrations/versions/foundation_0001.py",
    "docs/guide/guide_zh_CN.md",
    "docs/guide/guide_en.md",
    "packaging/verify_certificate.py",
)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"FAIL: {path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/SmileDesk").resolve()
    exe = bundle / ("SmileDesk.exe" if sys.platform == "win32" else "SmileDesk")
    internal = bundle / "_internal"
    missing = [p for p in REQUIRED if not (internal / p).exists()]
    if not exe.exists() or missing:
        print(f"FAIL: {exe} exists={exe.exists()}; missing in bundle: {missing}")
        return 1
    work = Path(tempfile.mkdtemp(prefix="smiledesk-smoke-"))
    # its own data and key folders: the audit key the demo writes with is the one `check` verifies with, and
    # nothing lands in this machine's key store
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMILEDESK_DATA_DIR": str(work / "data"),
           "SMILEDESK_KEY_DIR": str(work / "keys")}
    env.pop("SMILEDESK_FEATURES", None)
    db = work / "smoke.sqlite3"
    started = time.monotonic()
    wizard = work / "setup.png"  # a new database opens the first-run wizard
    cmd = [str(exe), "--db", str(db), "--lang", "zh_CN", "--screenshot", str(wizard), "--page", "setup", "--size", "700x520"]
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if run.returncode != 0 or not wizard.exists() or wizard.stat().st_size < 5_000:
        print(f"FAIL: the first-run wizard: {' '.join(cmd)} exited {run.returncode}\n{run.stdout}\n{run.stderr}")
        return 1
    demo = [str(exe), "demo", "--db", str(db), "--scale", "small", "--only", "residents"]
    run = subprocess.run(demo, env=env, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        print(f"FAIL: {' '.join(demo)} exited {run.returncode}\n{run.stdout}\n{run.stderr}")
        return 1
    # Every page of the build, each in a fresh process: a page whose Qt module or data file is missing
    # from the bundle fails here, not at a station.
    shown = []
    for page in FEATURE_KEYS:
        shot = work / f"{page}.png"
        cmd = [str(exe), "--db", str(db), "--lang", "zh_CN", "--screenshot", str(shot), "--page", page, "--size", "1024x700"]
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        if run.returncode == 2 and f"“{page}”" in run.stderr:
            continue  # not a page ("safety" lives on the admin page) or not a feature of this build; said in Chinese
        if run.returncode != 0 or not shot.exists():
            print(f"FAIL: {' '.join(cmd)} exited {run.returncode}\n{run.stdout}\n{run.stderr}")
            return 1
        size = png_size(shot)
        # A page may ask for more than 1024 px (its minimum size); smaller or tiny files mean a broken render.
        if size[0] < 1024 or size[1] < 700 or shot.stat().st_size < 10_000:
            print(f"FAIL: {page} screenshot {size}, {shot.stat().st_size} bytes")
            return 1
        shown.append(page)
    if "residents" not in shown:
        print(f"FAIL: the residents page is missing; pages shown: {shown}")
        return 1
    # Encryption at rest where the bundle has sqlcipher3 (Linux): encrypt, then check with the passphrase.
    encrypted = ""
    if sys.platform == "linux":
        key_env = {**env, "SMILEDESK_DB_KEY": "smoke-test-passphrase"}
        for cmd in ([str(exe), "encrypt", "--db", str(db)], [str(exe), "check", "--db", str(db)]):
            run = subprocess.run(cmd, env=key_env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
            if run.returncode != 0:
                print(f"FAIL: {' '.join(cmd)} exited {run.returncode}\n{run.stdout}\n{run.stderr}")
                return 1
        encrypted = "; encrypted and checked"
    total = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"ok: bundle {total / 1e6:.0f} MB; wizard, demo data and {len(shown)} pages ({', '.join(shown)})"
          f"{encrypted} in {time.monotonic() - started:.1f} s -> {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
